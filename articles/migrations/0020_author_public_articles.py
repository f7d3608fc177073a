"""Each author's count of public articles, kept like topics' and regions' (articles.services.counts)."""

from django.db import migrations, models
from django.db.models.functions import Coalesce
from django.utils import timezone


def count(apps, schema_editor):
    Author = apps.get_model("articles", "Author")
    Article = apps.get_model("articles", "Article")
    ArticleAuthor = apps.get_model("articles", "ArticleAuthor")
    public = Article.objects.filter(
        status__in=("scheduled", "published", "corrected"), published_at__lte=timezone.now()
    ).values("pk")
    counted = (
        ArticleAuthor.objects.filter(author_id=models.OuterRef("pk"), article_id__in=public)
        .values("author_id")
        .annotate(n=models.Count("pk"))
        .values("n")
    )
    Author.objects.update(public_articles=Coalesce(models.Subquery(counted), 0))


class Migration(migrations.Migration):
    dependencies = [("articles", "0019_citations_not_understood")]

    operations = [
        migrations.AddField(
            model_name="author",
            name="public_articles",
            field=models.PositiveIntegerField(
                default=0,
                editable=False,
                help_text="Public articles in their byline, kept after every change (articles.services.counts).",
            ),
        ),
        migrations.RunPython(count, migrations.RunPython.noop, elidable=False),
    ]
