"""An article's documented maximum: a form error that keeps the text, a page that says why
for a request too large to read, and imports refused in one line before they are read."""

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from articles.limits import (
    BODY_MAX_CHARACTERS,
    IMPORT_MAX_BYTES,
    NOTE_MAX_CHARACTERS,
    REQUEST_MAX_BYTES,
    SUMMARY_POINT_MAX_CHARACTERS,
)
from articles.models import Article
from tests import factories
from tests.articles.test_admin import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client():
    client = Client()
    client.force_login(factories.user("Editor"))
    return client


def test_a_body_over_the_maximum_is_a_form_error_that_keeps_the_text(editor_client):
    article = factories.article(title="Long read", body="Short body.")
    url = f"/admin/articles/article/{article.pk}/change/"
    # Cyrillic: two bytes a character, six once the browser url-encodes it.
    too_long = "Лукашенка " * (BODY_MAX_CHARACTERS // 10) + "и ещё."
    response = editor_client.post(url, form_data(editor_client.get(url)) | {"body": too_long})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["body"]
    assert errors == [
        f"An article's text can be at most {BODY_MAX_CHARACTERS:,} characters; this one has "
        f"{len(too_long)}. Shorten it or split it into parts: nothing was saved, and the text "
        "is still here."
    ]
    assert response.context["adminform"].form["body"].value() == too_long  # nothing typed is lost
    assert Article.objects.get(pk=article.pk).body == "Short body."
    # At the maximum, it saves.
    at_most = too_long[: BODY_MAX_CHARACTERS - 1] + "."
    data = form_data(editor_client.get(url)) | {"body": at_most}
    assert editor_client.post(url, data).status_code == 302
    assert Article.objects.get(pk=article.pk).body == at_most


def test_a_request_too_large_to_read_gets_a_page_saying_so(editor_client):
    article = factories.article(title="Long read", body="Short body.")
    url = f"/admin/articles/article/{article.pk}/change/"
    data = form_data(editor_client.get(url)) | {"body": "x" * (REQUEST_MAX_BYTES + 1)}
    response = editor_client.post(url, data)
    assert response.status_code == 400
    assert "larger than Monitor accepts in one request" in response.text
    assert "Nothing was saved." in response.text and "Back button" in response.text
    assert Article.objects.get(pk=article.pk).body == "Short body."


def test_imports_over_the_maximum_are_refused_in_one_line(tmp_path):
    factories.publication(name="Eurasia Daily Monitor", short_name="EDM", slug="edm")
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"Title\n\n" + b"word " * (IMPORT_MAX_BYTES // 5 + 1))
    with pytest.raises(CommandError, match=r"^huge\.txt: 1\.0 MB is larger than an article file"):
        call_command("import_article", str(huge), "--publication", "edm", "--published",
                     "2025-08-21")  # fmt: skip
    long = tmp_path / "long.txt"
    long.write_text("A long title\n\n" + "word " * (BODY_MAX_CHARACTERS // 5 + 1), "utf-8")
    with pytest.raises(CommandError, match=r"^long\.txt: .*at most 200,000 characters") as error:
        call_command("import_article", str(long), "--publication", "edm", "--published",
                     "2025-08-21")  # fmt: skip
    assert "\n" not in str(error.value)
    assert not Article.objects.exists()


def test_a_note_or_summary_point_over_its_maximum_is_a_form_error_that_keeps_the_text(
    editor_client,
):
    article = factories.article(title="Notes", body="Body [1].")
    url = f"/admin/articles/article/{article.pk}/change/"
    long_note = "[1] " + "n" * (NOTE_MAX_CHARACTERS + 1)
    long_point = "• A point.\n• " + "p" * (SUMMARY_POINT_MAX_CHARACTERS + 1)
    data = form_data(editor_client.get(url)) | {"notes": long_note, "summary": long_point}
    response = editor_client.post(url, data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["notes"] == [
        f"Note [1]: A note can be at most {NOTE_MAX_CHARACTERS:,} characters; this one has "
        f"{NOTE_MAX_CHARACTERS + 1}. Shorten it or split it into parts: nothing was saved, "
        "and the text is still here."
    ]
    assert form.errors["summary"][0].startswith(
        f"Point 2: A summary point can be at most {SUMMARY_POINT_MAX_CHARACTERS:,} characters"
    )
    assert form["notes"].value() == long_note and form["summary"].value() == long_point
    assert not article.notes.exists() and not article.summary_points.exists()
    at_most = {"notes": long_note[:-1], "summary": long_point[:-1]}
    assert editor_client.post(url, form_data(editor_client.get(url)) | at_most).status_code == 302
    assert len(article.notes.get().text) == NOTE_MAX_CHARACTERS
