"""import_article: the seed article imports whole, re-imports in place, and bad files fail cleanly."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Citation, CrossReference
from events.models import ActorAlias
from tests import factories
from tests.commits import committed

SEED = Path(__file__).resolve().parent.parent / "data" / "seed_article.txt"


@pytest.fixture
def edm(db):
    publication = factories.publication(name="Eurasia Daily Monitor", short_name="EDM", slug="edm")
    for name in ("Iran", "Belarus"):
        factories.actor(name=name)
    pezeshkian = factories.actor(name="Masoud Pezeshkian", kind="person")
    ActorAlias.objects.create(actor=pezeshkian, name="Pezeshkian")
    factories.place(name="Minsk")
    return publication


def test_the_seed_imports_whole(edm, capsys):
    with committed():  # event suggestions follow the commit
        call_command(
            "import_article", str(SEED), "--publication", "edm", "--published", "2025-08-21"
        )
    article = Article.objects.get()
    assert (article.title, article.volume, article.issue_number) == (
        "Iran and Belarus Boost Their Partnership",
        22,
        130,
    )
    assert (article.status, article.image_credit) == ("draft", "President of Belarus")
    assert article.published_at.date() == dt.date(2025, 8, 21)
    assert article.summary_points.count() == 3
    assert list(article.notes.values_list("number", flat=True)) == [1]
    assert article.citations.count() + article.cross_references.count() == 44
    assert article.cross_references.count() == 24
    assert '<a href="#note-1"' in article.body_html
    suggestions = {(s.fuzzy_date().isoformat(), s.event_type.slug if s.event_type else None)
                   for s in article.event_suggestions.all()}  # fmt: skip
    assert ("2025-08-19", "visit") in suggestions
    assert ("2025-03", "agreement-signed") in suggestions
    assert "Created “Iran and Belarus Boost Their Partnership”" in capsys.readouterr().out


def test_reimporting_updates_the_same_article(edm):
    for _ in range(2):
        call_command("import_article", str(SEED), "--publication", "edm", "--published", "2025-08-21",
                     "--status", "published")  # fmt: skip
    assert Article.objects.count() == 1
    assert Citation.objects.count() == 20 and CrossReference.objects.count() == 24
    assert Article.objects.get().status == "published"


def test_a_folder_imports_with_a_summary_and_fails_loudly_but_keeps_the_good(edm, tmp_path, capsys):
    shutil.copy(SEED, tmp_path / "a-seed.txt")
    (tmp_path / "b-empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "c-bad-note.txt").write_text(
        "Title\n\nBody.\n\nNote:\n\nno number", encoding="utf-8"
    )
    with pytest.raises(CommandError, match="2 of 3 file"):
        call_command(
            "import_article", str(tmp_path), "--publication", "edm", "--published", "2025-08-21"
        )
    out, err = capsys.readouterr()
    assert "3 file(s): 1 created, 0 updated, 2 failed." in out
    assert "b-empty.txt: The file is empty." in err
    assert "c-bad-note.txt: A note must start with its number" in err
    assert Article.objects.count() == 1


def test_an_old_volume_needs_a_date(edm):
    with pytest.raises(
        CommandError,
        match="Volume 22 covers 2025: give the date with a “Date:” line or --published",
    ):
        call_command("import_article", str(SEED), "--publication", "edm")
    with pytest.raises(CommandError, match="covers 2025, not 2024-08-21"):
        call_command(
            "import_article", str(SEED), "--publication", "edm", "--published", "2024-08-21"
        )
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt", "--publication", "edm"], "Cannot read missing.txt"),
        ([str(SEED), "--publication", "nope"], "No publication with the slug 'nope'."),
        ([str(SEED), "--publication", "edm", "--published", "21/08/2025"], "is not a date like"),
    ],
)
def test_bad_arguments_are_one_line_errors(edm, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("import_article", *args)
