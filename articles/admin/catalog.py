"""Admin for the catalogue: publications, authors, topics, regions (what autocompletes search)."""

from django.contrib import admin

from articles.models import Author, Publication, Region, Topic


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "first_year"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "iso_code"]
    list_filter = ["kind"]
    search_fields = ["name", "iso_code"]
    prepopulated_fields = {"slug": ["name"]}
