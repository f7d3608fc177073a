"""Benchmarks for Monitor's hot pure code: `python -m bench` runs them and prints one line each."""
