"""Monitor's settings for measuring it: production settings (DEBUG off), plus a minimal
reference view in the same process (``bench/urls.py``), and the cache chosen by
``BENCH_CACHE``: ``none`` measures pages rendered every time, ``files`` the page cache."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret-key-of-any-deployment-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

from monitor.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
if os.environ.get("BENCH_CACHE", "files") == "none":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
