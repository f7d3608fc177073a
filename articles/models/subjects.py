"""What an article is about, as keys that other articles share: the index behind related
articles and the subject filters."""

from django.db import models
from django.utils import timezone

from .articles import Article


class ArticleSubjectQuerySet(models.QuerySet):
    def listed(self, key: str, now=None):
        """The subjects ``key`` of the articles readers see, the latest first: one walk of
        the ``article_subject_listed`` index, on the copy of the articles' dates
        (``listed_at``) that ``articles.services.subjects_listed_refresh`` keeps."""
        now = now or timezone.now()
        return self.filter(key=key, listed_at__lte=now).order_by("-listed_at", "-article_id")


class ArticleSubject(models.Model):
    """One thing an article is about, with how much sharing it counts.

    Keys are "<kind>:<id>": the articles app writes its topics and regions ("topic:12",
    "region:3"); the events app writes the published events an article reports and the
    actors taking part in them ("event:<uuid>", "actor:<slug>"), through
    ``articles.services.article_subjects_set``. Related articles are those sharing keys,
    scored by the weights of the keys they share; filters by actor or event read the keys.
    So this app never spells out another app's tables.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="subjects")
    key = models.CharField(max_length=160)
    weight = models.PositiveSmallIntegerField(default=1)
    # The article's published_at while it is in a public state (published, corrected,
    # scheduled), else empty: lists by subject are read in date order from an index.
    listed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ArticleSubjectQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "key"], name="article_subject_unique")
        ]
        indexes = [
            models.Index(fields=["key", "article"], name="article_subject_key"),
            models.Index(fields=["key", "-listed_at", "-article"], name="article_subject_listed"),
        ]

    def __str__(self):
        return f"{self.key} ({self.weight})"

    @property
    def kind(self) -> str:
        return self.key.partition(":")[0]


class RelatedArticle(models.Model):
    """One of the articles shown as related to another, with the score it had when either was
    saved: kept by ``articles.services.related``, read by the article page in one query."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="relations_out")
    related = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="relations_in")
    score = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "related"], name="related_article_unique")
        ]
        indexes = [models.Index(fields=["article", "-score"], name="related_article_rank")]

    def __str__(self):
        return f"{self.related_id} ({self.score})"
