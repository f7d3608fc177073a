"""What follows a commit, in tests that run inside a transaction rolled back at the end.

Services announce their changes for after the commit (``monitor.core.changes``); a test in a
rolled-back transaction never commits, so it runs those callbacks itself where a real save
would have committed: ``with committed(): ...``. Tests that really commit need none of this.
"""

from django.test import TestCase


def committed():
    """Run, on leaving the block, what the block's writes would run after their commit."""
    return TestCase.captureOnCommitCallbacks(execute=True)
