"""export_archive and import_archive: a site restored into an empty database is the same site,
rebuilt where derived, with nothing announced; bad archives and targets fail in one line."""

import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db.models import Max
from django_tasks_db.models import DBTaskResult
from PIL import Image

from articles.models import (
    Article,
    ArticlePage,
    ArticleRevision,
    ArticleSubject,
    ArticleTransition,
    Change,
    RelatedArticle,
)
from articles.services import article_transition
from events.models import ActorAlias, Affiliation, Event, EventQuantity, EventType, Participation
from monitor.archive.contents import archived_fields, exported_models, label, natural_key
from monitor.search.models import SearchDocument
from monitor.subscribers.models import ApiKey, Plan, Subscriber, UsageDay
from monitor.subscribers.services import api_key_issue
from monitor.subscribers.webhooks.models import Endpoint
from monitor.subscribers.webhooks.services import endpoint_register
from tests import factories
from tests.seeds import reseed
from tests.subscribers.fixtures import client_with

SEED = Path(__file__).resolve().parent.parent / "data" / "seed_article.txt"
heard = []


def listener(changes):
    """Stands in for every change listener: what it hears was announced."""
    heard.extend(changes)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 40, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def site():
    """A newsroom's worth of material: the seed article with its citations, an image, a
    revision history and workflow steps, an event, a plan and a subscriber with a key and
    a webhook, an account in a role."""
    edm = factories.publication(name="Eurasia Daily Monitor", short_name="EDM", slug="edm")
    iran, belarus = factories.actor(name="Iran"), factories.actor(name="Belarus")
    pezeshkian = factories.actor(name="Masoud Pezeshkian", kind="person")
    ActorAlias.objects.create(actor=pezeshkian, name="Pezeshkian")
    Affiliation.objects.create(
        actor=pezeshkian, of_actor=iran, role="President of Iran", starts_on=dt.date(2024, 7, 28)
    )
    minsk = factories.place(name="Minsk", latitude="53.90000", longitude="27.56670")
    call_command("import_article", str(SEED), "--publication", "edm", "--published",
                 "2025-08-21", "--status", "published", stdout=io.StringIO())  # fmt: skip
    seed = Article.objects.get()
    author = factories.author(name="Ada Merrow", photo=SimpleUploadedFile("ada.png", png()))
    seed.image = SimpleUploadedFile("lead.png", png(), content_type="image/png")
    seed.image_alt = "The two presidents"
    factories.resave(seed)
    factories.classify(seed, topics=[factories.topic(name="Diplomacy")],
                       regions=[factories.region(name="Belarus", iso_code="BY")])  # fmt: skip
    other = factories.article(publication=edm, authors=[author], title="Minsk and Tehran")
    draft = factories.article(publication=edm, published=False, title="A draft in review")
    publisher = factories.user("Publisher", username="pub")
    article_transition(article=draft, action="submit", by=publisher)
    article_transition(article=other, action="correct", by=publisher, comment="A date fixed.")
    visit = factories.event(actors=[(pezeshkian, "visitor"), (belarus, "host")], place=minsk,
                            title="Pezeshkian visits Minsk")  # fmt: skip
    EventQuantity.objects.create(event=visit, value="12.00", unit="documents")
    factories.event_source(visit, source=seed.citations.first().source, quote="signed")
    factories.attach(visit, seed, other)
    Participation.objects.filter(actor=belarus).update(on_behalf_of=iran)
    plan = Plan.objects.create(name="Desk plan", slug="desk", includes_events=True)
    plan.publications.add(edm)
    subscriber = Subscriber.objects.create(name="Research desk", plan=plan)
    key, raw = api_key_issue(subscriber=subscriber)
    UsageDay.objects.create(api_key=key, day="2026-11-30", requests=12)
    endpoint_register(endpoint=Endpoint(subscriber=subscriber, url="https://93.184.215.14/hook",
                                        event_types=["article.*"]))  # fmt: skip
    return seed, raw


def contents() -> dict[str, list[dict]]:
    """Every archived value of every exported table, ordered by id; a permission or content
    type named as the archive names it (their ids differ between databases)."""
    tables = {}
    for model in exported_models():
        columns = []
        for field in archived_fields(model):
            key = natural_key(field)
            columns += [f"{field.name}__{part}" for part in key] if key else [field.attname]
        tables[label(model)] = list(model._base_manager.order_by("pk").values(*columns))
    return tables


def derived() -> dict[str, set]:
    return {
        "subjects": set(ArticleSubject.objects.values_list("article_id", "key", "weight")),
        "related": set(RelatedArticle.objects.values_list("article_id", "related_id", "score")),
        "pages": set(ArticlePage.objects.values_list("article_id", "item_html")),
        "search": set(SearchDocument.objects.values_list("kind", "object_id", "title", "url")),
    }


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("reseeded")
def test_a_restored_site_is_the_same_site(media, tmp_path, settings, client, capsys):
    seed, raw_key = site()
    before, made, uploaded = contents(), derived(), files(media)
    assert len(uploaded) == 2 and ArticleRevision.objects.filter(article=seed).count() >= 3
    assert ArticleTransition.objects.count() >= 2 and Change.objects.exists()

    call_command("export_archive", str(tmp_path / "archive"))
    out = capsys.readouterr()
    assert "Exporting" in out.err
    assert f"{sum(map(len, before.values())):,} rows in {len(before)} tables and 2 media" in out.out
    # Secrets stay out: neither a key's hash nor a webhook's salt nor a password is written.
    written = b"".join(p.read_bytes() for p in (tmp_path / "archive").glob("*.jsonl"))
    key = ApiKey.objects.get()
    assert key.hashed_key.encode() not in written
    assert Endpoint.objects.get().secret_salt.encode() not in written
    assert b"password" not in written

    call_command("flush", "--no-input", verbosity=0)
    reseed()
    shutil.rmtree(media)
    tasks = DBTaskResult.objects.count()
    heard.clear()
    settings.MONITOR_CHANGE_LISTENERS = ["tests.archive.test_archive_commands.listener"]
    call_command("import_archive", str(tmp_path / "archive"))
    out = capsys.readouterr()
    assert "Importing" in out.err and "Imported from" in out.out and "Rebuilt:" in out.out

    after = contents()
    for name in before:
        assert after[name] == before[name], name
    rebuilt = derived()
    for name in ("subjects", "related", "pages"):
        assert rebuilt[name] == made[name], name
    # The rebuilt index is whole: it also holds the actors and places the factories made without the
    # write path (so unindexed before).
    assert made["search"] <= rebuilt["search"]
    assert {kind for kind, *_ in rebuilt["search"] - made["search"]} <= {"actor", "place"}
    assert files(media) == uploaded
    # A restore is not an editorial change: nothing announced, no webhook queued.
    assert heard == [] and DBTaskResult.objects.count() == tasks

    settings.MONITOR_CHANGE_LISTENERS = []
    seed.refresh_from_db()
    page = client.get(seed.get_absolute_url())
    assert page.status_code == 200 and seed.title in page.text
    assert seed.image.url in page.text
    found = client.get("/search/", {"q": "Belarus partnership"})
    assert seed.get_absolute_url() in found.text
    # Keys, accounts and webhook secrets are reissued after a restore.
    assert client_with(raw_key).get("/api/v1/articles/").status_code == 401
    assert not User.objects.get(username="pub").has_usable_password()
    assert User.objects.get(username="pub").groups.get() == Group.objects.get(name="Publisher")
    # New rows get new ids.
    newest = Article.objects.aggregate(Max("pk"))["pk__max"]
    assert factories.article(publication=seed.publication).pk > newest
    last_event = Event.objects.aggregate(Max("pk"))["pk__max"]
    assert factories.event().pk > last_event


@pytest.fixture
def archive(db, tmp_path, media):
    """The archive of a freshly migrated database (its seeded rows): importable into it."""
    call_command("export_archive", str(tmp_path / "archive"), verbosity=0, stdout=io.StringIO())
    return tmp_path / "archive"


def refused(path, match):
    with pytest.raises(CommandError, match=match) as error:
        call_command("import_archive", str(path), verbosity=0, stdout=io.StringIO())
    assert "\n" not in str(error.value)
    return str(error.value)


def manifest(archive) -> dict:
    return json.loads((archive / "manifest.json").read_text())


def test_an_archive_of_an_empty_site_imports_into_an_empty_database(archive):
    types = list(EventType.objects.values_list("pk", "slug"))
    call_command("import_archive", str(archive), verbosity=0, stdout=io.StringIO())
    assert list(EventType.objects.values_list("pk", "slug")) == types
    assert Plan.objects.filter(slug="everything").exists()


def test_a_missing_path_or_a_file_is_refused(db, tmp_path):
    assert refused(tmp_path / "nowhere", "no such folder")
    (tmp_path / "file").write_text("x")
    refused(tmp_path / "file", "not a folder")
    refused(tmp_path, "not a Monitor archive")


def test_a_database_with_content_is_refused_and_left_alone(archive):
    factories.topic(name="Energy")
    refused(archive, r"The database is not empty \(topics exist\)")
    assert EventType.objects.exists()


def test_a_newer_format_is_refused(archive):
    data = manifest(archive) | {"format_version": 99}
    (archive / "manifest.json").write_text(json.dumps(data))
    refused(archive, "format 99, made by a newer Monitor")


def test_another_migration_state_is_refused(archive):
    data = manifest(archive)
    data["migrations"]["articles"].append("0099_from_the_future")
    (archive / "manifest.json").write_text(json.dumps(data))
    refused(archive, "after migration articles.0099_from_the_future")


def codebook(archive) -> Path:
    return next(archive.glob("*-events.eventtype.jsonl"))


@pytest.mark.parametrize(
    ("damage", "match"),
    [
        (lambda text: text[: len(text) - 40], "not a complete line of JSON"),
        (lambda text: text.split("\n", 1)[1], "the manifest says"),
        (lambda text: text.replace('"meeting"', '"meetinG"', 1), "checksum differs"),
        (lambda text: "\n".join([*text.split("\n")[:3], "{}", *text.split("\n")[4:]]),
         "line 4: the line does not hold this table's fields"),
    ],
)  # fmt: skip
def test_a_damaged_table_is_refused_with_nothing_written(archive, damage, match):
    path = codebook(archive)
    path.write_text(damage(path.read_text()))
    types = list(EventType.objects.values_list("pk", "slug", "name"))
    message = refused(archive, match)
    assert path.name in message
    assert list(EventType.objects.values_list("pk", "slug", "name")) == types


def test_a_missing_table_file_is_refused(archive):
    codebook(archive).unlink()
    refused(archive, "events.eventtype.jsonl is missing from the archive")


def test_a_failed_import_takes_its_media_files_away(archive, media, tmp_path):
    data = manifest(archive)
    data["media"]["files"] = ["articles/2025/lead.png"]
    (archive / "media" / "articles" / "2025").mkdir(parents=True)
    (archive / "media" / "articles" / "2025" / "lead.png").write_bytes(png())
    (archive / "manifest.json").write_text(json.dumps(data))
    path = codebook(archive)
    path.write_text(path.read_text()[:-40])
    refused(archive, "not a complete line")
    assert not (media / "articles" / "2025" / "lead.png").exists()


def test_exporting_into_a_folder_with_files_is_refused(db, tmp_path, media):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "old.txt").write_text("kept")
    with pytest.raises(CommandError, match="exists and is not an empty folder"):
        call_command("export_archive", str(tmp_path / "out"), verbosity=0)
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["old.txt"]


def test_exporting_into_an_empty_folder_writes_the_manifest_last(db, tmp_path, media):
    (tmp_path / "empty").mkdir()
    call_command("export_archive", str(tmp_path / "empty"), verbosity=0, stdout=io.StringIO())
    data = manifest(tmp_path / "empty")
    assert data["format_version"] == 1 and data["monitor_version"]
    assert [t["model"] for t in data["tables"]][:1] == ["auth.group"]
    assert sum(t["rows"] for t in data["tables"]) > 0
