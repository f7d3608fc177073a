"""The article admin: content and its parts; the workflow's views live in ``editorial``."""

import functools

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import path
from django.utils import timezone

from articles.models import (
    Article,
    ArticleAuthor,
    ArticleTransition,
    Change,
    Citation,
    CrossReference,
    Note,
    SummaryPoint,
)
from articles.presence import presence_touch
from articles.revisions import diff_snapshots
from articles.services import (
    article_change,
    article_revision_create,
    article_snapshot,
    article_sync_references,
    article_transition,
    can_edit,
    latest_revision_number,
    working_copy_discard,
)
from articles.workflow import Action, TransitionRefused

from . import editorial
from .widgets import RowAutocompleteInline, RowChoicesForm


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


class TransitionInline(admin.TabularInline):
    """The article's timeline: every workflow step, who took it, when and why."""

    model = ArticleTransition
    fields = ["at", "action", "from_state", "to_state", "by", "comment"]
    readonly_fields = fields
    verbose_name_plural = "timeline"
    can_delete = False
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ArticleForm(forms.ModelForm):
    """The article form carries the revision it was based on, so a stale save is refused."""

    base_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stale_changes = None
        if self.instance.pk and not self.is_bound:
            self.initial["base_revision"] = latest_revision_number(self.instance)

    def clean(self):
        cleaned = super().clean()
        base = cleaned.get("base_revision")
        if self.instance.pk is None or base is None:
            return cleaned
        latest = self.instance.revisions.first()
        if latest is None or latest.number == base:
            return cleaned
        based_on = self.instance.revisions.filter(number=base).first()
        self.stale_changes = diff_snapshots(
            based_on.snapshot if based_on else {}, article_snapshot(self.instance)
        )
        self.stale_revision = latest
        # Saving again after reading their changes is a deliberate choice: base it on theirs.
        self.data = self.data.copy()
        self.data["base_revision"] = str(latest.number)
        who = latest.by.get_username() if latest.by else "Monitor"
        raise ValidationError(
            f"{who} saved this article at {timezone.localtime(latest.at):%H:%M} while you were "
            "editing it. Their changes are listed above; your own text is still in the form. "
            "Check both, then save again to keep yours."
        )


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    list_display = ["title", "publication", "status", "published_at", "volume", "issue_number"]
    list_select_related = ["publication"]
    list_filter = ["publication", "status", "topics", "regions", "published_at"]
    date_hierarchy = "published_at"
    search_fields = ["title", "dek", "body"]
    search_help_text = "Search titles, subtitles and text."
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["topics", "regions"]
    # The workflow moves these; nobody types them (see the workflow panel).
    readonly_fields = ["status", "published_at", "volume", "issue_number"]
    save_on_top = True
    fieldsets = [
        ("Content", {"fields": ["title", "slug", "dek", "body", "base_revision"]}),
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
        TransitionInline,
    ]
    actions = ["submit_selected", "approve_selected", "publish_selected"]
    change_form_template = "admin/articles/article/change_form.html"

    def get_urls(self):
        wrap = self.admin_site.admin_view
        views = [
            ("transition/", editorial.transition, "transition"),
            ("revisions/", editorial.revisions, "revisions"),
            ("revisions/<int:number>/revert/", editorial.revert, "revert"),
            ("preview/", editorial.preview, "preview"),
            ("preview-links/", editorial.preview_link_new, "preview_link_new"),
            (
                "preview-links/<int:link_id>/revoke/",
                editorial.preview_link_revoke,
                "preview_link_revoke",
            ),
            ("autosave/", editorial.autosave, "autosave"),
        ]
        urls = [
            path(
                f"<path:object_id>/{route}",
                wrap(_bind(view, self)),
                name=f"articles_article_{name}",
            )
            for route, view, name in views
        ]
        urls.append(
            path(
                "autosave/",
                wrap(_bind(editorial.autosave, self)),
                name="articles_article_autosave_new",
            )
        )
        return urls + super().get_urls()

    def view_on_site(self, obj):
        # Readers see public articles only; a draft has no page to show (None hides the link).
        return obj.get_absolute_url() if obj.is_public() else None

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return can_edit(request.user, obj)

    def process_article(self, article):
        """Re-derive what the body implies; the events admin extends this with suggestions."""
        return article_sync_references(article=article)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        result = self.process_article(form.instance)
        article_revision_create(article=form.instance, by=request.user)
        changed = form.has_changed() or any(formset.has_changed() for formset in formsets)
        if change and changed and form.instance.is_public():
            article_change(form.instance, Change.Action.UPDATED)
        if result.unresolved:
            self.message_user(
                request,
                f"{result.unresolved} cross-reference(s) point at no article yet; "
                "see “Unresolved cross-references”.",
                messages.WARNING,
            )
        working_copy_discard(user=request.user, article=form.instance)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(editorial.change_form_context(request, obj, self))
        if obj is not None:
            presence_touch(obj.pk, request.user)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _bulk(self, request, queryset, action):
        done, refused = 0, []
        for article in queryset:
            try:
                article_transition(article=article, action=action, by=request.user)
                done += 1
            except TransitionRefused as refusal:
                refused.append(f"“{article.title}”: {refusal}")
        if done:
            self.message_user(request, f"{done} article(s) moved on.", messages.SUCCESS)
        for line in refused:
            self.message_user(request, line, messages.ERROR)

    @admin.action(description="Submit selected for review")
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, Action.SUBMIT)

    @admin.action(description="Approve selected")
    def approve_selected(self, request, queryset):
        self._bulk(request, queryset, Action.APPROVE)

    @admin.action(description="Publish selected now")
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, Action.PUBLISH)


def _bind(view, model_admin):
    return functools.partial(view, model_admin=model_admin)
