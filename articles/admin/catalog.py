"""Admin for the catalogue: publications, authors, topics, regions (what autocompletes search)."""

from django.contrib import admin

from articles.models import Author, Publication, Region, Topic
from monitor.core.changes import Changed, changes_announce


class CatalogAdmin(admin.ModelAdmin):
    """Catalogue rows appear on public pages (names in bylines, lists of topics): saving or
    deleting one is announced, so that the page cache moves on."""

    def _announce(self, objects):
        kind = self.model._meta.model_name
        changes_announce([Changed(kind, obj.pk) for obj in objects])

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._announce([obj])

    def delete_model(self, request, obj):
        self._announce([obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._announce(list(queryset))
        super().delete_queryset(request, queryset)


@admin.register(Publication)
class PublicationAdmin(CatalogAdmin):
    list_display = ["name", "short_name", "first_year"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(CatalogAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Topic)
class TopicAdmin(CatalogAdmin):
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Region)
class RegionAdmin(CatalogAdmin):
    list_display = ["name", "kind", "iso_code"]
    list_filter = ["kind"]
    search_fields = ["name", "iso_code"]
    prepopulated_fields = {"slug": ["name"]}
