"""`manage.py extract_citations`: the JSON contract other tools read, and its one-line errors."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

SEED = Path(settings.BASE_DIR) / "tests" / "data" / "seed_article.txt"
SHARED_SEED = Path(settings.BASE_DIR).parent / "shared" / "seed" / "000_5874e3a4e5c629c5.txt"


def extract(*args):
    out = StringIO()
    call_command("extract_citations", *args, stdout=out)
    return json.loads(out.getvalue())


def manage(*args):
    return subprocess.run(
        [sys.executable, "manage.py", "extract_citations", *args],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_seed_article_gives_44_references_24_of_them_see_edm():
    references = extract(str(SEED), "--published", "2025-08-21")["references"]
    assert len(references) == 44
    see = [reference for reference in references if reference["see"]]
    assert len(see) == 24
    assert {reference["outlet"] for reference in see} == {"EDM"}
    assert references[0] == {
        "outlet": "President of Iran",
        "date": "2025-08-19",
        "see": False,
        "text": "(President of Iran, August 19)",
    }
    assert {
        "outlet": "TINN.ir",
        "date": "2024-12-09",
        "see": False,
        "text": "(TINN.ir, December 9, 2024)",
    } in references
    state_department = next(r for r in references if r["outlet"] == "U.S. State Department")
    assert (state_department["date"], state_department["see"]) == ("2019-04-04", False)
    assert state_department["text"].startswith("(see EDM, February 24, 2016,")


def test_dates_are_written_at_the_precision_written(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(
        "A (Belta, March 2024). B (Belta, 2015). C (see EDM, February 24–25).", encoding="utf-8"
    )
    references = extract(str(article), "--published", "2025-08-21")["references"]
    assert [(r["date"], r["see"]) for r in references] == [
        ("2024-03", False),
        ("2015", False),
        ("2025-02-24", True),
    ]


def test_the_command_line_prints_the_same_json():
    result = manage(str(SEED), "--published", "2025-08-21")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == extract(str(SEED), "--published", "2025-08-21")


@pytest.mark.parametrize(
    ("path", "published", "message"),
    [
        ("does/not/exist.txt", "2025-08-21", "CommandError: Cannot read does/not/exist.txt: "),
        (str(SEED), "21/08/2025", "CommandError: --published '21/08/2025' is not a date"),
    ],
)
def test_bad_input_exits_non_zero_with_one_line(path, published, message):
    result = manage(path, "--published", published)
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(message)


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"\xff\xfe\x00 (Belta, May 5)", "utf-8"), (None, "Is a directory")],
)
def test_unreadable_input_is_one_line_saying_why(tmp_path, content, reason):
    article = tmp_path / "article.txt"
    if content is None:
        article.mkdir()
    else:
        article.write_bytes(content)
    with pytest.raises(CommandError, match=f"Cannot read .*{reason}") as raised:
        extract(str(article), "--published", "2025-08-21")
    assert "\n" not in str(raised.value)


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="the shared seed folder is not checked out")
def test_the_repository_copy_of_the_seed_matches_the_shared_seed():
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()
