"""Shared infrastructure the apps use: the page cache, the cache backend, and what follows a
committed change (``changes``). It imports no app."""
