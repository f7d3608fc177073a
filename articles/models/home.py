"""The home page's lists, stored as one fragment (``articles.services.home``)."""

from django.db import models


class HomeLists(models.Model):
    """The home page's lists as readers see them (the latest day, each publication's latest
    articles, the topics and regions with the most articles): one row, rendered when first
    asked for after what it shows changed, so that a request renders only the site's frame
    around it.

    ``current`` is cleared and ``generation`` moved on by every change readers may see (the
    change listener); a rendering is stored only if no change came while it was made (its
    generation is still the one it read). ``stale_at`` is when the next article becomes
    public by the clock alone (a scheduled time come before the worker ran); ``rendered_with``
    names the templates it was rendered with.
    """

    html = models.TextField(default="")
    rendered_with = models.CharField(max_length=64, default="")
    stale_at = models.DateTimeField(null=True, blank=True)
    generation = models.PositiveBigIntegerField(default=0)
    current = models.BooleanField(default=False)

    class Meta:
        verbose_name_plural = "home lists"

    def __str__(self):
        return f"Home lists (generation {self.generation})"
