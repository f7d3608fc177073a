"""Queries of one warm request to PATH: ``python -m bench.querycount PATH HEADERS_JSON``.

Run with the bench's settings and database (``bench.load`` does), in a process of its own:
the second of two requests is counted, as a server worker would serve it warm.
"""

import json
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    path, headers = sys.argv[1], json.loads(sys.argv[2])
    extra = {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()}
    client = Client(HTTP_HOST="127.0.0.1")
    client.get(path, **extra)
    with CaptureQueriesContext(connection) as queries:
        client.get(path, **extra)
    print(len(queries))


if __name__ == "__main__":
    main()
