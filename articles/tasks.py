"""Background work of the articles app, run by the tasks framework's worker."""

from django.tasks import task


@task()
def publish_scheduled_article(article_id: int) -> bool:
    """Complete a scheduled article's publication at its time; True when it was published."""
    from articles.services.workflow import article_publish_due

    return article_publish_due(article_id=article_id) is not None
