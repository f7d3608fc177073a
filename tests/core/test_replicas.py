"""Public reads from a read replica (``DATABASE_REPLICA_URL``), on two real databases.

The replica is a copy of the primary in which one title differs, so every read says where it
came from: public pages read the replica; the admin, sessions and the write path the primary.
"""

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

SETUP = """
from tests import factories
factories.user("Editor", username="editor")
factories.article(title="As on the primary", slug="the-article")
"""

READ = """
import json
from django.contrib.auth.models import User
from django.db import connections
from django.test import Client
from articles.models import Article

reader, editor = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
editor.force_login(User.objects.get(username="editor"))
home = reader.get("/").content.decode()
admin = editor.get("/admin/articles/article/").content.decode()
print(json.dumps({
    "routed": sorted(connections.settings.keys()),
    "home": "As on the replica" if "As on the replica" in home else
            "As on the primary" if "As on the primary" in home else home[:200],
    "admin": "As on the replica" if "As on the replica" in admin else
             "As on the primary" if "As on the primary" in admin else admin[:200],
    "outside_a_request": Article.objects.get(slug="the-article").title,
}))
"""


def test_public_pages_read_the_replica_and_the_admin_the_primary(tmp_path):
    primary, replica = tmp_path / "primary.sqlite3", tmp_path / "replica.sqlite3"
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{primary}",
        "MONITOR_CACHE_DIR": str(tmp_path / "cache"),
        "CACHE_KEY_PREFIX": f"replicas-{uuid.uuid4().hex}",  # when REDIS_URL is set (CI)
    }

    def manage(*args, **extra):
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT, env=env | extra, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    manage("migrate", "--noinput", "-v", "0")
    manage("shell", "-c", SETUP)
    with sqlite3.connect(primary) as source, sqlite3.connect(replica) as copy:
        source.backup(copy)
        copy.execute("UPDATE articles_article SET title = 'As on the replica'")
        copy.execute(  # and its stored page
            "UPDATE articles_articlepage SET"
            " meta_html = replace(meta_html, 'As on the primary', 'As on the replica'),"
            " main_html = replace(main_html, 'As on the primary', 'As on the replica'),"
            " item_html = replace(item_html, 'As on the primary', 'As on the replica')"
        )

    read = manage("shell", "-v", "0", "-c", READ, DATABASE_REPLICA_URL=f"sqlite:///{replica}")
    seen = json.loads(read)
    assert seen == {
        "routed": ["default", "replica"],
        "home": "As on the replica",
        "admin": "As on the primary",
        "outside_a_request": "As on the primary",
    }
