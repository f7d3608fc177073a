"""The editors' admin for articles, their parts, and the outlets and sources they cite."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.utils.html import format_html, format_html_join

from articles.names import name_key
from articles.services import article_sync_references

from .models import (
    Article,
    ArticleAuthor,
    Author,
    Citation,
    CrossReference,
    Note,
    Outlet,
    OutletAlias,
    Publication,
    Region,
    Source,
    SummaryPoint,
    Topic,
    UnresolvedCrossReference,
)

# Shared pieces, also used by events/admin.py.


class RowAutocompleteSelect(AutocompleteSelect):
    """An autocomplete that labels a row's current choice with the object the row already holds.

    Django's widget looks the chosen object up again for every inline row; with the inline's
    queryset select_related, a long inline then costs no query per row.
    """

    current = None

    def optgroups(self, name, value, attr=None):
        current = self.current
        if current is None or value != [str(current.pk)]:
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        label = self.choices.field.label_from_instance(current)
        options.append(self.create_option(name, current.pk, label, True, len(options)))
        return [(None, options, 0)]


class RowChoicesForm(forms.ModelForm):
    """Hands each row's related objects to its ``RowAutocompleteSelect`` widgets."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            return
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            if isinstance(widget, RowAutocompleteSelect):
                widget.current = getattr(self.instance, name)


class RowAutocompleteInline:
    """Inline mixin: autocomplete fields without a query per row (select_related them)."""

    form = RowChoicesForm

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                RowAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using")),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AliasFormSet(forms.BaseInlineFormSet):
    """Refuses an alias given twice to one owner; its existing aliases are rows here too.

    The model's clean() only looks for clashes with other outlets or actors, and the
    database would refuse the repeat with an IntegrityError.
    """

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.is_valid() or self._should_delete_form(form):
                continue
            key = name_key(form.cleaned_data.get("name") or "")
            if key and key in seen:
                form.add_error("name", "This alias is listed twice.")
            seen.add(key)


# Catalogue: what autocomplete fields search.


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


# Articles.


class BylineInline(RowAutocompleteInline, admin.TabularInline):
    model = ArticleAuthor
    fields = ["author", "position"]
    autocomplete_fields = ["author"]
    extra = 1

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


class SummaryPointInline(admin.TabularInline):
    model = SummaryPoint
    fields = ["text", "position"]
    extra = 1


class NoteInline(admin.TabularInline):
    model = Note
    fields = ["number", "text"]
    extra = 0


class CitationInline(admin.TabularInline):
    """Citations are read from the body by the parser; editors see them, the parser writes them."""

    model = Citation
    fields = ["text", "source", "see", "paragraph"]
    readonly_fields = fields
    can_delete = False
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source__outlet")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class CrossReferenceForm(RowChoicesForm):
    """Choosing a target by hand marks it as the editor's, so re-parsing the body keeps it."""

    def save(self, commit=True):
        if "target_article" in self.changed_data:
            self.instance.chosen_by_editor = self.instance.target_article_id is not None
        return super().save(commit)


class CrossReferenceInline(RowAutocompleteInline, admin.TabularInline):
    """The parser finds cross-references; editors pick the article each one points to."""

    model = CrossReference
    form = CrossReferenceForm
    fk_name = "article"
    fields = ["text", "target_publication", "date", "target_article", "chosen_by_editor"]
    readonly_fields = ["text", "target_publication", "date"]
    autocomplete_fields = ["target_article"]
    can_delete = False
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("target_publication", "target_article")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="date")
    def date(self, obj):
        date = obj.target_date()
        return date.display() if date else ""


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "publication", "status", "published_at", "volume", "issue_number"]
    list_select_related = ["publication"]
    list_filter = ["publication", "status", "topics", "regions", "published_at"]
    date_hierarchy = "published_at"
    search_fields = ["title", "dek", "body"]
    search_help_text = "Search titles, subtitles and text."
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["topics", "regions"]
    save_on_top = True
    fieldsets = [
        ("Content", {"fields": ["title", "slug", "dek", "body"]}),
        (
            "Publication",
            {"fields": ["publication", "status", "published_at", ("volume", "issue_number")]},
        ),
        ("Image", {"fields": ["image", "image_alt", "image_credit"]}),
        ("Classification", {"fields": ["topics", "regions"]}),
    ]
    inlines = [
        BylineInline,
        SummaryPointInline,
        NoteInline,
        CitationInline,
        CrossReferenceInline,
    ]

    def view_on_site(self, obj):
        # Readers see public articles only; a draft has no page to show (None hides the link).
        return obj.get_absolute_url() if obj.is_public() else None

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


# Outlets and sources.


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
    search_fields = ["outlet__name", "title", "url"]
    autocomplete_fields = ["outlet"]
    fieldsets = [
        (None, {"fields": ["outlet", "title", "url", "language"]}),
        ("Date", {"fields": [("date_year", "date_month", "date_day", "date_precision")]}),
    ]
    inlines = [SourceCitationInline]

    def get_queryset(self, request):
        # Source.__str__ names the outlet: autocomplete results need it too.
        return super().get_queryset(request).select_related("outlet")

    @admin.display(description="date", ordering="starts_on")
    def date(self, obj):
        return obj.date_display()


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
        super().save_model(request, obj, form, change)
        # The article's body links to the chosen target from now on.
        article_sync_references(article=obj.article)
