"""With MONITOR_TASKS_BACKEND=rq and REDIS_URL, webhook tasks go to Redis through RQ."""

import os
import subprocess
import sys

import pytest

SCRIPT = """
import django
django.setup()
import django_rq
from django.tasks import task_backends
from monitor.subscribers.webhooks.tasks import dispatch_changes
assert type(task_backends["default"]).__name__ == "RQBackend"
result = dispatch_changes.enqueue()
queue = django_rq.get_queue("default")
assert result.id in queue.job_ids, queue.job_ids
queue.fetch_job(result.id).delete()
print("queued on RQ")
"""


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis (CI runs it there)")
def test_tasks_run_on_rq_when_asked():
    env = {
        **os.environ,
        "MONITOR_TASKS_BACKEND": "rq",
        "DJANGO_SETTINGS_MODULE": "monitor.settings",
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "queued on RQ" in done.stdout
