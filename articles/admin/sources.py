"""Admin for outlets, sources and the unresolved cross-reference report."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join

from articles.models import Article, Citation, Outlet, OutletAlias, Source, UnresolvedCrossReference
from articles.services import cross_reference_choose, sources_changed

from .articles import CrossReferenceForm
from .widgets import AliasFormSet


class OutletAliasInline(admin.TabularInline):
    model = OutletAlias
    formset = AliasFormSet
    fields = ["name"]
    extra = 1


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "home_url"]
    list_select_related = ["country"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country"]
    inlines = [OutletAliasInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        outlet = form.instance
        if change and "name" in form.changed_data:
            outlet.remember_name(form.initial.get("name"))
        if change:
            sources_changed(
                sources=list(outlet.sources.all()), fields=set(form.changed_data), outlet=outlet
            )


class SourceCitationInline(admin.TabularInline):
    """Where a source is cited: read-only, the parser keeps citations."""

    model = Citation
    fields = ["article", "text", "see"]
    readonly_fields = fields
    verbose_name_plural = "cited in"
    can_delete = False
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["outlet", "date", "title", "language"]
    list_select_related = ["outlet"]
    list_filter = ["date_precision", "outlet__kind"]
    date_hierarchy = "starts_on"
    search_fields = ["outlet__name", "outlet__aliases__name", "title", "url"]
    search_help_text = "Search outlets (or their aliases), titles and URLs, or a citation as written: “President of Iran, August 19”."
    autocomplete_fields = ["outlet"]
    fieldsets = [
        (None, {"fields": ["outlet", "title", "url", "language"]}),
        ("Date", {"fields": [("date_year", "date_month", "date_day", "date_precision")]}),
    ]
    inlines = [SourceCitationInline]

    def get_queryset(self, request):
        # Source.__str__ names the outlet: autocomplete results need it too.
        return super().get_queryset(request).select_related("outlet")

    def get_search_results(self, request, queryset, search_term):
        """Also the sources a citation as written names (``Source.objects.cited_as``), in
        the changelist and in every source picker."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        cited = queryset.cited_as(search_term) if search_term else None
        if cited is None:
            return results, may_have_duplicates
        return results | cited, True

    @admin.display(description="date", ordering="starts_on")
    def date(self, obj):
        return obj.date_display()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change:
            sources_changed(sources=[form.instance], fields=set(form.changed_data))


@admin.register(UnresolvedCrossReference)
class UnresolvedCrossReferenceAdmin(admin.ModelAdmin):
    """The report editors work through: cross-references that point at no article yet."""

    form = CrossReferenceForm
    list_display = ["text", "article", "target_publication", "date", "found", "archive"]
    list_select_related = ["article", "target_publication"]
    list_filter = ["target_publication"]
    search_fields = ["text", "article__title"]
    fields = [
        "article", "text", "target_publication", "date", "found", "archive", "choices", "target_article",
    ]  # fmt: skip
    readonly_fields = [
        "article",
        "text",
        "target_publication",
        "date",
        "found",
        "archive",
        "choices",
    ]
    autocomplete_fields = ["target_article"]

    def get_queryset(self, request):
        return super().get_queryset(request).unresolved()

    def has_add_permission(self, request):
        return False

    @admin.display(description="date", ordering="target_year")
    def date(self, obj):
        date = obj.target_date()
        return date.display() if date else ""

    @admin.display(description="articles that day", ordering="candidates")
    def found(self, obj):
        if obj.candidates > 1:
            return f"{obj.candidates}: choose one"
        return "none found" if obj.candidates == 0 else "1"

    @admin.display(description="articles of that date")
    def choices(self, obj):
        date = obj.target_date()
        if date is None:
            return "—"
        found = (
            Article.objects.public()
            .filter(publication=obj.target_publication)
            .filter(published_at__date__range=(date.first_day(), date.last_day()))
            .latest_first()[:20]
        )
        return (
            format_html_join(
                "",
                '<p><a href="{}" target="_blank" rel="noopener">{}</a> ({})</p>',
                ((a.get_absolute_url(), a.title, a.public_date()) for a in found),
            )
            or "none"
        )

    @admin.display(description="archive")
    def archive(self, obj):
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">see the archive</a>', obj.link()
        )

    def save_model(self, request, obj, form, change):
        """Saved through ``cross_reference_choose``: the article's body links to the target."""
        cross_reference_choose(reference=obj, by=request.user)
