"""What an article is about (ArticleSubject): kept by both apps, read for related articles and
the actor and event filters."""

import datetime as dt

from django.utils import timezone

from articles.filters import ArticleFilterSet
from articles.models import Article, ArticleSubject, RelatedArticle
from articles.services import article_transition
from events.services import event_save
from tests import factories
from tests.commits import committed


def _keys(article):
    return set(ArticleSubject.objects.filter(article=article).values_list("key", flat=True))


def test_subjects_follow_topics_and_published_events(db):
    iran, belarus = factories.actor(name="Iran", slug="iran"), factories.actor(slug="belarus")
    topic = factories.topic()
    article = factories.article()
    factories.classify(article, topics=[topic])
    event = factories.event(actors=[(iran, "host"), (belarus, "visitor")])
    draft = factories.event(status="draft", actors=[(factories.actor(slug="hidden"), "host")])
    factories.attach(event, article)
    factories.attach(draft, article)
    assert _keys(article) == {
        f"topic:{topic.pk}",
        f"event:{event.uuid}",
        "actor:iran",
        "actor:belarus",
    }
    event.status = "withdrawn"
    with committed():
        event_save(event=event)
    assert _keys(article) == {f"topic:{topic.pk}"}


def test_related_articles_rank_shared_events_then_actors_then_topics(db):
    iran, belarus = factories.actor(slug="iran"), factories.actor(slug="belarus")
    topic = factories.topic()
    article = factories.classify(factories.article(title="The article"), topics=[topic])
    talks = factories.event(actors=[(iran, "host"), (belarus, "visitor")])
    factories.attach(talks, article)
    same_event = factories.article(title="Same event")
    factories.attach(talks, same_event)
    same_actor = factories.article(title="Same actor")
    factories.attach(factories.event(actors=[(iran, "host")]), same_actor)
    same_topic = factories.classify(factories.article(title="Same topic"), topics=[topic])
    factories.classify(factories.article(title="A draft", published=False), topics=[topic])
    factories.article(title="Nothing shared")
    related = Article.objects.public().for_listing().related_to(article, limit=5)
    assert [a.title for a in related] == ["Same event", "Same actor", "Same topic"]
    assert [a.relatedness for a in related] == [4 + 2 + 2, 2, 1]
    assert (related[0], related[2]) == (same_event, same_topic)


def test_actor_and_event_filters_read_the_subjects(db):
    iran = factories.actor(slug="iran")
    article = factories.article(title="Reports the talks")
    event = factories.event(actors=[(iran, "host")])
    factories.attach(event, article)
    factories.article(title="Does not")
    for query in ({"actor": "iran"}, {"event": str(event.uuid)}):
        found = ArticleFilterSet(query, queryset=Article.objects.public()).qs
        assert [a.title for a in found] == ["Reports the talks"], query


def test_related_lists_are_kept_on_save_for_both_sides(db):
    topic = factories.topic()
    first = factories.classify(factories.article(title="First"), topics=[topic])
    assert list(Article.objects.public().related_to(first, limit=5)) == []
    later = factories.classify(factories.article(title="Later"), topics=[topic])
    # The first article's list took the later one in when the later one was saved.
    assert [a.title for a in Article.objects.public().related_to(first, limit=5)] == ["Later"]
    assert [a.title for a in Article.objects.public().related_to(later, limit=5)] == ["First"]
    publisher = factories.user("Publisher")
    with committed():
        article_transition(article=later, action="retract", by=publisher, comment="Wrong.")
    assert list(Article.objects.public().related_to(first, limit=5)) == []
    assert not RelatedArticle.objects.filter(related=later).exists()


def test_ranking_reads_a_bounded_number_of_holders_per_subject(db, monkeypatch):
    from articles.services import related

    monkeypatch.setattr(related, "HOLDERS_READ", 3)
    common, rare = factories.topic(name="Common"), factories.topic(name="Rare")
    old = factories.classify(
        factories.article(title="Old, shares the rare one"), topics=[common, rare]
    )
    crowd = [
        factories.classify(factories.article(title=f"Crowd {n}"), topics=[common]) for n in range(5)
    ]
    article = factories.classify(factories.article(title="The article"), topics=[common, rare])
    ranking = related.related_ranking(article.pk, limit=10)
    # The old article is found through the rare subject and scored on both it shares; of the
    # common subject's crowd only its latest holders are read.
    assert ranking[0] == (old.pk, 2)
    assert {pk for pk, _ in ranking[1:]} == {crowd[-1].pk, crowd[-2].pk, crowd[-3].pk}
    assert all(score == 1 for _, score in ranking[1:])


def test_lists_by_subject_show_public_articles_only_the_latest_first(db):
    iran = factories.actor(slug="iran")
    event = factories.event(actors=[(iran, "host")])
    now = timezone.now()
    older = factories.article(published_at=now - dt.timedelta(days=3))
    newer = factories.article(published_at=now - dt.timedelta(days=1))
    draft = factories.article(published=False)
    due = factories.article(status="scheduled", published_at=now + dt.timedelta(days=1))
    factories.attach(event, older, newer, draft, due)

    def listed(at=None):
        return list(
            ArticleSubject.objects.listed("actor:iran", at).values_list("article", flat=True)
        )

    assert listed() == [newer.pk, older.pk]
    assert listed(now + dt.timedelta(days=2)) == [due.pk, newer.pk, older.pk]  # come due
    with committed():
        article_transition(
            article=newer, action="retract", by=factories.user("Publisher"), comment="Wrong."
        )
    assert listed() == [older.pk]
