"""PostgreSQL and Redis servers of a process's own, on free ports of 127.0.0.1, that it may stop
and start: for the soak (``bench/soak.py``) and the tests of outages (``tests/core``).

PostgreSQL is Debian's server binaries (``/usr/lib/postgresql/*/bin``), run as the
``postgres`` user when we are root (``runuser``); trust authentication, user ``postgres``.
Redis is ``redis-server`` without persistence. Neither ever touches the machine's own servers.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

BINARIES = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
AS_POSTGRES = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_missing() -> str:
    """Why a PostgreSQL of our own cannot be started here, or "" when it can."""
    if not BINARIES or (AS_POSTGRES and not shutil.which("runuser")):
        return "needs PostgreSQL's server binaries (Debian's postgresql package)"
    return ""


class Postgres:
    """A cluster in a temporary directory (``directory``), created at once, started by ``start``."""

    def __init__(self, prefix: str = "monitor-postgres-"):
        # Outside pytest's own temporary directory, which only its owner may enter.
        directory = Path(tempfile.mkdtemp(prefix=prefix))
        self.directory, self.data, self.port = directory, directory / "data", free_port()
        if AS_POSTGRES:
            shutil.chown(directory, "postgres")
        self.run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        self.socket_dir = directory

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def run(self, tool, *args):
        # The server started by pg_ctl would hold a captured pipe open: output goes nowhere,
        # the server's own to its log file.
        subprocess.run(
            [*AS_POSTGRES, f"{BINARIES[-1]}/{tool}", *args],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120,
        )  # fmt: skip

    def start(self):
        options = f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1"
        log = str(self.directory / "server.log")
        self.run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "-t", "60", "start"
        )

    def stop(self):
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def createdb(self, name: str) -> str:
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return self.url(name)

    def remove(self):
        """Stop the server if it runs, and delete its directory."""
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)


class Redis:
    """``redis-server`` on a free port, without persistence; ``stop`` and ``start`` at will."""

    def __init__(self, directory: Path):
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            raise RuntimeError("needs redis-server (Debian's redis-server package)")
        self.directory, self.port, self.process = directory, free_port(), None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(100):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
