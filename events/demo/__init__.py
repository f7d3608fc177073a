"""Demo content for ``manage.py load_demo``: plain data, and the service that loads it."""
