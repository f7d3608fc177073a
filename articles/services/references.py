"""Deriving an article's citations and cross-references from its body, and rendering it with links."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from articles.citations import Reference, read_citations
from articles.models import (
    Article,
    Citation,
    CitationNotUnderstood,
    CrossReference,
    Outlet,
    Publication,
    Source,
)
from articles.names import domain_name, name_key, outlet_keys
from articles.rendering import Link, render_article_body

from .slugs import unique_slug


@dataclass(frozen=True)
class ReferenceSync:
    """What re-deriving an article's references found."""

    citations: int
    cross_references: int
    unresolved: int
    outlets_created: int
    not_understood: int = 0


@transaction.atomic
def article_sync_references(*, article: Article) -> ReferenceSync:
    """Re-derive citations and cross-references from the body and render it with links.

    Outlets are matched by name or alias (case and punctuation aside; a domain also by its
    name without "www." and top-level domain, ``outlet_keys``) and created when unknown; sources are reused when outlet and date match, so a URL an editor added to a
    source survives; citation rows are replaced. A cross-reference target chosen by an
    editor is kept when the same reference is still in the body. Idempotent: a second run
    on an unchanged body changes nothing but row ids of citations. Items of citation groups
    the parser could not read are kept as ``CitationNotUnderstood`` rows for the editor.
    """
    published = article.public_date() or timezone.localdate()
    publications = {}
    for publication in Publication.objects.all():
        publications[name_key(publication.short_name)] = publication
        publications[name_key(publication.name)] = publication
    reading = read_citations(article.body, published=published, publications=[*publications])
    references = reading.references
    citing = [ref for ref in references if not ref.is_cross_reference]
    crossing = [ref for ref in references if ref.is_cross_reference]

    outlets, created = _outlets_for(citing)
    sources = _sources_for(citing, outlets)
    article.citations.all().delete()
    citations = Citation.objects.bulk_create(
        Citation(
            article=article,
            source=sources[_source_key(ref, outlets)],
            paragraph=ref.paragraph,
            position=ref.start,
            text=ref.item,
            see=ref.see,
        )
        for ref in citing
    )
    cross_references = _replace_cross_references(article, crossing, publications)
    article.citations_not_understood.all().delete()
    not_understood = CitationNotUnderstood.objects.bulk_create(
        CitationNotUnderstood(
            article=article,
            paragraph=item.paragraph,
            position=item.start,
            text=item.text[:500],
            group=item.group[:1000],
        )
        for item in reading.not_understood
    )

    links = [
        Link(ref.link_start, ref.link_end, source.link(), str(source))
        for ref in citing
        for source in [sources[_source_key(ref, outlets)]]
    ] + [
        Link(ref.link_start, ref.link_end, xref.link(), xref.link_title())
        for ref, xref in zip(crossing, cross_references, strict=True)
    ]
    article.body_html = render_article_body(
        article.body, links=links, notes={note.number for note in article.notes.all()}
    )
    Article.objects.filter(pk=article.pk).update(body_html=article.body_html)
    return ReferenceSync(
        citations=len(citations),
        cross_references=len(cross_references),
        unresolved=sum(1 for xref in cross_references if xref.target_article_id is None),
        outlets_created=created,
        not_understood=len(not_understood),
    )


def _outlets_for(references: list[Reference]) -> tuple[dict[str, Outlet], int]:
    """The outlet for every outlet name cited, creating the ones Monitor does not know yet.

    A name is looked up by each of its ``outlet_keys`` in turn, as an outlet's name or an
    alias; an unknown domain is created without its "www."."""
    names = {ref.outlet: outlet_keys(ref.outlet) for ref in references}
    keys = {key for candidates in names.values() for key in candidates}
    by_key: dict[str, Outlet] = {}
    for outlet in Outlet.objects.filter(key__in=keys):
        by_key[outlet.key] = outlet
    for outlet in Outlet.objects.filter(aliases__key__in=keys).prefetch_related("aliases"):
        for alias in outlet.aliases.all():
            by_key.setdefault(alias.key, outlet)
    outlets: dict[str, Outlet] = {}
    created = 0
    for name, candidates in names.items():
        found = next((by_key[key] for key in candidates if key in by_key), None)
        if found is None:
            # A save citing it too may be creating it at this moment: then theirs is ours.
            written = domain_name(name)
            found, made = Outlet.objects.get_or_create(
                key=name_key(written),
                defaults={"name": written, "slug": unique_slug(Outlet, written, fallback="outlet")},
            )
            by_key[found.key] = found
            created += made
        outlets[name] = found
    return outlets, created


def _source_key(ref: Reference, outlets: dict[str, Outlet]) -> tuple:
    return (outlets[ref.outlet].pk, ref.date.precision.value, ref.date.first_day())


def _sources_for(references: list[Reference], outlets: dict[str, Outlet]) -> dict[tuple, Source]:
    """The source for every (outlet, date) cited: an existing one, titled or not, else a new one.

    Where an outlet has several sources on one date, the oldest is cited; an editor can
    attach the others to events by hand.
    """
    wanted = {_source_key(ref, outlets): ref for ref in references}
    sources: dict[tuple, Source] = {}
    if wanted:
        existing = (
            Source.objects.filter(
                outlet__in={key[0] for key in wanted}, starts_on__in={key[2] for key in wanted}
            )
            .select_related("outlet")
            .order_by("pk")
        )
        for source in existing:
            sources.setdefault((source.outlet_id, source.date_precision, source.starts_on), source)
    for key, ref in wanted.items():
        if key not in sources:
            source = Source(
                outlet=outlets[ref.outlet],
                date_year=ref.date.year,
                date_month=ref.date.month,
                date_day=ref.date.day,
                date_precision=ref.date.precision.value,
            )
            source.save()
            sources[key] = source
    return sources


def _replace_cross_references(
    article: Article, references: list[Reference], publications: dict[str, Publication]
) -> list[CrossReference]:
    """Replace the article's cross-references, resolving each to the article it points at."""
    chosen = {
        (xref.target_publication_id, xref.target_precision, xref.target_year, xref.target_month,
         xref.target_day): xref.target_article
        for xref in article.cross_references.filter(chosen_by_editor=True).select_related(
            "target_article__publication"
        )
    }  # fmt: skip
    article.cross_references.all().delete()
    candidates = _candidates_by_day(references, publications)
    rows = []
    for ref in references:
        publication = publications[name_key(ref.outlet)]
        date = ref.date
        key = (publication.pk, date.precision.value, date.year, date.month, date.day)
        found = candidates.get((publication.pk, date.first_day()), []) if date.day else []
        xref = CrossReference(
            article=article,
            target_publication=publication,
            target_year=date.year,
            target_month=date.month,
            target_day=date.day,
            target_precision=date.precision.value,
            paragraph=ref.paragraph,
            position=ref.start,
            text=ref.item,
            candidates=len(found),
        )
        if key in chosen and chosen[key] is not None:
            xref.target_article, xref.chosen_by_editor = chosen[key], True
        elif len(found) == 1:
            xref.target_article = found[0]
        rows.append(xref)
    return CrossReference.objects.bulk_create(rows)


def _candidates_by_day(
    references: list[Reference], publications: dict[str, Publication]
) -> dict[tuple, list[Article]]:
    """Public articles of the cited publications on the cited days, in one query."""
    days = {ref.date.first_day() for ref in references if ref.date.day}
    if not days:
        return {}
    found: dict[tuple, list[Article]] = defaultdict(list)
    targets = (
        Article.objects.public()
        .filter(publication__in={publications[name_key(ref.outlet)] for ref in references})
        .on_days(days)
        .select_related("publication")
        .defer("body", "body_html")
    )
    for target in targets:
        found[(target.publication_id, target.public_date())].append(target)
    return found
