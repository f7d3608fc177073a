"""Monitor beside Wagtail in one run: the peer harness (``PEER_BENCH``, by default
``../shared/peer-bench`` beside the checkout) with Monitor added as its product.

The harness serves Wagtail 8 and a minimal Django view under gunicorn and loads them with wrk;
Monitor runs beside them under the same flags (``bench.settings``, nothing cached: every
page is read from what the write path stored), on the corpus ``python -m bench load`` makes
(``BENCH_ARTICLES``, ``BENCH_EVENTS``, seed 1), and is loaded in turn with them in each round.
Only pages are compared: the harness sends no headers, and Monitor's API needs a key (its
ratios come from ``python -m bench load``). ``CONN_MAX_AGE`` is Monitor's deployed 60 for
both. The harness's report is copied to ``var/bench/peer-<time>.md``.

Knobs: ``PEER_BENCH``, ``BENCH_ARTICLES``, ``BENCH_EVENTS``; the harness's own (``ROUNDS``,
``DURATION``, ``N_ARTICLES``…) pass through.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

from bench.load import OUT, ROOT, _env, prepare

HARNESS = Path(os.environ.get("PEER_BENCH", ROOT.parent / "shared" / "peer-bench"))


def _targets(facts: dict) -> str:
    """The harness's targets file: label, limit row, Wagtail row, path, checks."""
    rows = [
        ("article", "hello", "article", facts["article"], f"ctype:text/html;contains:{facts['title']}"),
        ("home", "hello", "index", "/", "ctype:text/html;contains:</html>"),
        ("day_archive", "hello", "index", facts["day"], "ctype:text/html;contains:</html>"),
        ("actor_timeline", "hello", "-", facts["actor"], f"contains:{facts['actor_name']}"),
        ("dyad_timeline", "hello", "-", facts["dyad"], "ctype:text/html;contains:</html>"),
        ("search", "hello", "-", "/search/?q=security", "ctype:text/html;contains:</html>"),
    ]  # fmt: skip
    return "".join("\t".join(row) + "\n" for row in rows)


def _uv() -> str:
    found = shutil.which("uv") or str(ROOT / ".bootstrap" / "bin" / "uv")
    if not Path(found).exists():
        raise SystemExit("uv is not on PATH nor in .bootstrap/: run `make setup` first.")
    return found


def run() -> str:
    if not (HARNESS / "run.sh").exists():
        raise SystemExit(f"the peer harness is not at {HARNESS} (set PEER_BENCH): nothing was run.")
    started = dt.datetime.now()
    facts = prepare()
    targets = OUT / "peer-targets.tsv"
    targets.write_text(_targets(facts), encoding="utf-8")
    requirements = OUT / "peer-requirements.txt"
    subprocess.run(
        [_uv(), "export", "--frozen", "--no-dev", "--no-hashes", "--format",
         "requirements-txt", "--output-file", str(requirements), "--quiet"],
        cwd=ROOT, check=True,
    )  # fmt: skip
    results = OUT / "peer"
    env = _env(BENCH_CACHE="none") | {
        "PRODUCT_CHDIR": str(ROOT),
        "PRODUCT_WSGI": "bench.wsgi:application",
        "PRODUCT_SETTINGS": "bench.settings",
        "PRODUCT_TARGETS": str(targets),
        "PRODUCT_PIP": f"-r {requirements}",
        "BENCH_CONN_MAX_AGE": _env()["CONN_MAX_AGE"],
        "RESULTS_DIR": str(results),
    }
    subprocess.run(["bash", str(HARNESS / "run.sh")], env=env, check=True)
    report = max(results.glob("results-*.md"), key=lambda path: path.stat().st_mtime)
    copy = OUT / f"peer-{started:%Y%m%d-%H%M%S}.md"
    shutil.copyfile(report, copy)
    return f"{report.read_text(encoding='utf-8')}\n(written to {copy.relative_to(ROOT)})"
