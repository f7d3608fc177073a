"""Evidence: the paragraphs of articles that support an event, recorded and kept in line
with the articles' text.

An evidence row names a paragraph by its anchor (``articles.rendering.article_paragraphs``)
and keeps the words that support the event as they were when recorded. When an article's
text changes, each row of it is matched again (``evidence_follow``): a paragraph whose anchor
is still there is kept; one edited is found again by its words (the excerpt read within a
paragraph now), and its anchor follows; one whose words are gone stays, marked as no longer
in the article, so evidence never silently points nowhere. Every change goes through
``event_save``: the event's version, feed entry, stored representation and the pages of its
articles follow.
"""

from __future__ import annotations

from articles.models import Article
from articles.rendering import Paragraph, article_paragraphs, paragraph_at, paragraph_key

from ..models import Event, EventEvidence, EventSuggestion
from .saving import event_save

EXCERPT_LENGTH = 500  # a paragraph picked whole is kept up to this many characters


def paragraph_excerpt(paragraph: Paragraph) -> str:
    """What evidence keeps of a paragraph picked whole."""
    return paragraph.text[:EXCERPT_LENGTH]


def paragraph_matching(paragraphs: list[Paragraph], anchor: str, excerpt: str) -> Paragraph | None:
    """The paragraph evidence points to now: the one with its anchor, else the first whose
    words hold its excerpt (case and whitespace aside), else None."""
    for paragraph in paragraphs:
        if paragraph.anchor == anchor:
            return paragraph
    wanted = paragraph_key(excerpt)
    if not wanted:
        return None
    return next((p for p in paragraphs if wanted in paragraph_key(p.text)), None)


def suggestion_evidence(suggestion: EventSuggestion, event: Event, by) -> EventEvidence | None:
    """The evidence an accepted suggestion records: the paragraph its sentence was read from,
    with the sentence as the excerpt (unsaved; None when the paragraph is not found)."""
    paragraph = paragraph_at(article_paragraphs(suggestion.article.body), suggestion.position)
    if paragraph is None:
        return None
    return EventEvidence(
        event=event,
        article=suggestion.article,
        anchor=paragraph.anchor,
        excerpt=suggestion.sentence,
        created_by=by if getattr(by, "pk", None) else None,
    )


def evidence_follow(*, article: Article) -> int:
    """Match the article's evidence again after its text changed (see the module); each event
    whose evidence moved is saved through ``event_save``. Returns how many rows changed."""
    rows = list(EventEvidence.objects.filter(article=article).order_by("event_id", "pk"))
    if not rows:
        return 0
    paragraphs = article_paragraphs(article.body)
    moved: dict[int, list[EventEvidence]] = {}
    for row in rows:
        found = paragraph_matching(paragraphs, row.anchor, row.excerpt)
        taken = {
            (r.article_id, r.anchor) for r in rows if r.event_id == row.event_id and r is not row
        }
        if found is not None and (article.pk, found.anchor) not in taken:
            anchor, in_article = found.anchor, True
        else:
            anchor, in_article = row.anchor, False
        if (anchor, in_article) != (row.anchor, row.in_article):
            row.anchor, row.in_article = anchor, in_article
            moved.setdefault(row.event_id, []).append(row)
    for event in Event.objects.filter(pk__in=list(moved)).order_by("pk"):
        changed = moved[event.pk]

        def write(changed=changed):
            EventEvidence.objects.bulk_update(changed, ["anchor", "in_article"])

        event_save(event=event, write=write)
    return sum(len(changed) for changed in moved.values())
