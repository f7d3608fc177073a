"""import_article: the seed article imports whole, re-imports in place, and bad files fail cleanly."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Change, Citation, CrossReference
from articles.services import article_transition
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


def _text(title, *, volume=None, issue=None, date=None, body="A paragraph."):
    header = ""
    if volume:
        header += f"Publication: Eurasia Daily Monitor Volume: {volume} Issue: {issue}\n"
    if date:
        header += f"Date: {date}\n"
    return f"{title}\n\n{header}\n{body}\n"


def test_reimporting_never_moves_the_workflow(edm, tmp_path):
    path = tmp_path / "piece.txt"
    path.write_text(_text("A piece", date="August 21, 2025"), encoding="utf-8")
    call_command("import_article", str(path), "--publication", "edm", "--status", "published")
    article = Article.objects.get()
    assert article.status == "published" and article.issue_number == 1
    publisher = factories.user("Publisher")
    article_transition(article=article, action="correct", by=publisher, comment="Fixed a date.")
    path.write_text(_text("A piece", date="August 21, 2025", body="Rewritten."), encoding="utf-8")
    call_command("import_article", str(path), "--publication", "edm")  # no --status
    article.refresh_from_db()
    assert (article.status, article.body, article.issue_number) == ("corrected", "Rewritten.", 1)
    assert article.get_absolute_url()  # still public at its address
    assert article.revisions.first().note == "Imported from piece.txt"
    feed = list(Change.objects.filter(resource="article").values_list("action", flat=True))
    assert feed == ["published", "corrected", "updated"]


def test_a_draft_imported_then_published_is_announced_as_published(edm, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(_text("Draft first", date="August 21, 2025"), encoding="utf-8")
    call_command("import_article", str(path), "--publication", "edm")
    assert not Change.objects.exists()
    call_command("import_article", str(path), "--publication", "edm", "--status", "published")
    article = Article.objects.get()
    assert [t.action for t in article.transitions.order_by("at", "pk")] == [
        "submit", "approve", "publish",
    ]  # fmt: skip
    assert list(Change.objects.values_list("action", "version")) == [("published", 1)]
    # Importing the same text again changes nothing: no revision, no version, no entry.
    revisions = article.revisions.count()
    call_command("import_article", str(path), "--publication", "edm")
    assert article.revisions.count() == revisions and Change.objects.count() == 1


def test_another_articles_issue_is_refused_unless_replaced(edm, tmp_path, capsys):
    first = tmp_path / "first.txt"
    first.write_text(_text("First title", volume=22, issue=130, date="August 21, 2025"), "utf-8")
    call_command("import_article", str(first), "--publication", "edm")
    other = tmp_path / "other.txt"
    other.write_text(_text("Another title", volume=22, issue=130, date="August 21, 2025"), "utf-8")
    with pytest.raises(CommandError, match=r"issue 130 of EDM is already “First title” \(id \d+\)"):
        call_command("import_article", str(other), "--publication", "edm")
    assert Article.objects.get().title == "First title"
    call_command("import_article", str(other), "--publication", "edm", "--replace")
    article = Article.objects.get()
    assert (article.title, article.slug, article.issue_number) == (
        "Another title",
        "another-title",
        130,
    )


def test_a_folder_spanning_years_imports_with_each_files_date(edm, tmp_path, capsys):
    (tmp_path / "a.txt").write_text(_text("Old", volume=12, issue=5, date="March 3, 2015"), "utf-8")
    (tmp_path / "b.txt").write_text(_text("New", volume=22, issue=7, date="2025-08-21"), "utf-8")
    call_command("import_article", str(tmp_path), "--publication", "edm", "--status", "published")
    dates = dict(Article.objects.values_list("title", "published_at__date"))
    assert dates == {"Old": dt.date(2015, 3, 3), "New": dt.date(2025, 8, 21)}
    assert "2 file(s): 2 created, 0 updated, 0 failed." in capsys.readouterr().out
    bad = tmp_path / "c.txt"
    bad.write_text(_text("Clash", date="March 3, 2015"), "utf-8")
    with pytest.raises(CommandError, match="dated 2015-03-03, but --published says 2015-03-04"):
        call_command(
            "import_article", str(bad), "--publication", "edm", "--published", "2015-03-04"
        )
