"""The article admin: content and its parts; the workflow's views live in ``editorial``."""

import functools

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.forms.models import BaseInlineFormSet
from django.forms.utils import ErrorDict
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html_join

from articles.merging import has_conflict_markers, merge_article
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleStatus,
    ArticleTransition,
    Citation,
    CitationNotUnderstood,
    CrossReference,
    Note,
    SummaryPoint,
)
from articles.plaintext import (
    PlainTextError,
    format_notes,
    format_summary,
    parse_notes,
    parse_summary,
)
from articles.presence import presence_touch
from articles.revisions import diff_snapshots
from articles.services import (
    article_delete,
    article_save,
    article_snapshot,
    article_transition,
    can_edit,
    latest_revision_number,
    newer_revision,
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


class CitationInline(admin.TabularInline):
    """Citations are read from the body by the parser; editors see them, the parser writes them."""

    model = Citation
    fields = ["text", "source", "see", "paragraph"]
    readonly_fields = fields
    classes = ["collapse"]  # the form says how many there are (ArticleAdmin.get_inline_instances)
    can_delete = False
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source__outlet")

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # Readers saw it: it is retracted, never deleted (``article_delete``).
        if obj is not None and (obj.version > 0 or obj.is_public()):
            return False
        return super().has_delete_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return False


class CitationNotUnderstoodInline(admin.TabularInline):
    """Items of citation groups the parser could not read ("see Part Two of this series"),
    shown under the citations so that nothing in them is dropped silently: rewrite the item
    in the body as "Outlet, Date" to make it a citation, or leave it as the text it is."""

    model = CitationNotUnderstood
    fields = ["text", "group", "paragraph"]
    classes = ["collapse"]  # open when there are some (ArticleAdmin.get_inline_instances)
    readonly_fields = fields
    can_delete = False
    extra = 0
    count = None  # how many the article has, once the headings' query counted them

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.none() if self.count == 0 else queryset  # most lists: no query

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class CrossReferenceForm(RowChoicesForm):
    """Choosing a target by hand marks it as the editor's, so re-parsing the body keeps it."""

    gone = False  # the row was derived again since the form was opened (see the formset)

    def full_clean(self):
        if not self.gone:
            return super().full_clean()
        self._errors, self.cleaned_data = ErrorDict(), {}
        return None

    def clean_target_article(self):
        target = self.cleaned_data.get("target_article")
        if target is not None and target.pk == self.instance.article_id:
            raise ValidationError("An article cannot cross-reference itself.")
        return target

    def save(self, commit=True):
        if "target_article" in self.changed_data:
            self.instance.chosen_by_editor = self.instance.target_article_id is not None
        return super().save(commit)


class CrossReferenceFormSet(BaseInlineFormSet):
    """Every save derives an article's cross-references afresh (its own, or one of an article
    they point at), as new rows: a form opened before then names rows that are gone. Those
    are left alone, neither checked nor saved (Django skips saving a row that is gone); the
    rows that replaced them keep any target chosen by hand."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.gone = self.is_bound and i < self.initial_form_count() and form.instance.pk is None
        return form


class CrossReferenceInline(RowAutocompleteInline, admin.TabularInline):
    """The parser finds cross-references; editors pick the article each one points to."""

    model = CrossReference
    form = CrossReferenceForm
    formset = CrossReferenceFormSet
    fk_name = "article"
    classes = ["collapse"]
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
    fields = ["at", "step", "states", "by", "comment"]
    readonly_fields = fields
    verbose_name_plural = "timeline"
    classes = ["collapse"]
    can_delete = False
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by")

    @admin.display(description="step")
    def step(self, obj):
        return obj.action_name

    @admin.display(description="from → to")
    def states(self, obj):
        return str(obj)

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # Readers saw it: it is retracted, never deleted (``article_delete``).
        if obj is not None and (obj.version > 0 or obj.is_public()):
            return False
        return super().has_delete_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return False


class ArticleForm(forms.ModelForm):
    """The article form: its text, with the summary and notes as text, and the revision it
    was based on, so that a save based on an older revision is merged instead of lost."""

    base_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    summary = forms.CharField(
        label="Executive summary",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="One point per line.",
    )
    notes = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One note per line, numbered as the body refers to it: “[1] BRICS is …”.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.merge = None
        self.stale_changes = None
        if "body" in self.fields:
            self.fields["body"].widget.attrs.setdefault("rows", 24)
        if self.instance.pk and not self.is_bound:
            self.initial["base_revision"] = latest_revision_number(self.instance)
            self.initial["summary"] = format_summary(
                list(self.instance.summary_points.values_list("text", flat=True))
            )
            self.initial["notes"] = format_notes(
                list(self.instance.notes.values_list("number", "text"))
            )

    def clean_body(self):
        return _no_conflict_left(self.cleaned_data.get("body", ""))

    def clean_summary(self):
        points = parse_summary(_no_conflict_left(self.cleaned_data.get("summary", "")))
        for position, text in enumerate(points, start=1):
            _validated(SummaryPoint, text, f"Point {position}")
        return points

    def clean_notes(self):
        try:
            notes = parse_notes(_no_conflict_left(self.cleaned_data.get("notes", "")))
        except PlainTextError as error:
            raise ValidationError(str(error)) from None
        for number, text in notes:
            _validated(Note, text, f"Note [{number}]")
        return notes

    def clean(self):
        cleaned = super().clean()
        latest = newer_revision(self.instance, cleaned.get("base_revision"))
        if latest is None or self.errors:
            return cleaned
        based_on = self.instance.revisions.filter(number=cleaned["base_revision"]).first()
        base = article_content(based_on.snapshot if based_on else {})
        theirs = article_content(article_snapshot(self.instance))
        merge = article_merge(base, self._mine(cleaned), theirs)
        if not merge.theirs_changed:
            # Only workflow steps since (a submission, a publication): nothing to merge.
            cleaned["base_revision"] = latest.number
            return cleaned
        self.merge, self.stale_changes = (
            merge,
            diff_snapshots(based_on.snapshot if based_on else {}, article_snapshot(self.instance)),
        )
        self.data = self._merged_data(merge, latest.number)
        who = latest.by.get_username() if latest.by else "Monitor"
        marked = (
            " Where you both changed the same paragraphs, both versions are in the text between"
            " conflict markers: keep what is right and delete the markers."
            if any(c.name in MARKED_FIELDS for c in merge.conflicts)
            else ""
        )
        raise ValidationError(
            f"{who} saved this article at {timezone.localtime(latest.at):%H:%M} while you were "
            "editing it. Their changes (listed above) are merged into your form, and your own "
            f"text is kept.{marked} Check the form, then save again."
        )

    def _mine(self, cleaned) -> dict:
        mine = {name: cleaned.get(name, "") for name in SHORT_FIELDS if name in self.fields}
        mine |= {
            "body": cleaned.get("body", ""),
            "summary": cleaned.get("summary", []),
            "notes": [f"[{n}] {text}" for n, text in cleaned.get("notes", [])],
        }
        for name in ("topics", "regions"):
            if name in self.fields:
                mine[name] = [obj.pk for obj in cleaned.get(name) or []]
        return mine

    def _merged_data(self, merge, latest_number: int):
        data = self.data.copy()
        for name in (*SHORT_FIELDS, "body", "summary", "notes"):
            if name in self.fields and name in merge.values:
                data[name] = merge.values[name]
        for name in ("topics", "regions"):
            if name in self.fields and name in merge.values:
                data.setlist(name, [str(pk) for pk in merge.values[name]])
        data["base_revision"] = str(latest_number)
        return data


# A publisher may still set the date of these (see ``ArticleAdmin.get_readonly_fields``).
PLANNABLE_STATES = (ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.APPROVED)


def _count(rows):
    counted = rows.order_by().values("article").annotate(n=models.Count("pk")).values("n")[:1]
    return Coalesce(models.Subquery(counted, output_field=models.IntegerField()), 0)


# The article's fields as the merge sees them (see ``articles.merging``).
SHORT_FIELDS = ("title", "slug", "dek", "image_alt", "image_credit")
MARKED_FIELDS = ("body", "summary", "notes")


def article_content(snapshot: dict) -> dict:
    """A revision's snapshot as the fields the article form edits."""
    return {
        **{name: snapshot.get(name, "") for name in SHORT_FIELDS},
        "body": snapshot.get("body", ""),
        "summary": list(snapshot.get("summary", [])),
        "notes": list(snapshot.get("notes", [])),
        "topics": [pk for pk, _ in snapshot.get("topics", [])],
        "regions": [pk for pk, _ in snapshot.get("regions", [])],
    }


def article_merge(base: dict, mine: dict, theirs: dict):
    return merge_article(
        base,
        mine,
        theirs,
        short=SHORT_FIELDS,
        paragraphs=("body",),
        lines=("summary", "notes"),
        sets=("topics", "regions"),
    )


def _validated(model, text: str, which: str) -> None:
    """``text`` against the rules of ``model``'s text field (its maximum), the error naming
    ``which`` point or note it is."""
    try:
        model._meta.get_field("text").run_validators(text)
    except ValidationError as error:
        raise ValidationError([f"{which}: {message}" for message in error.messages]) from None


def _no_conflict_left(text: str) -> str:
    if has_conflict_markers(text):
        raise ValidationError(
            "Conflict markers are still in the text: keep the version you want between "
            "“<<<<<<< your version” and “>>>>>>> end of conflict”, and delete the marker lines."
        )
    return text


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
    save_on_top = True
    fieldsets = [
        (
            "Content",
            {"fields": ["title", "slug", "dek", "summary", "body", "notes", "base_revision"]},
        ),
        (
            "Publication",
            {"fields": ["publication", "status", "published_at", ("volume", "issue_number")]},
        ),
        ("Image", {"fields": ["image", "image_alt", "image_credit"], "classes": ["collapse"]}),
        ("Classification", {"fields": ["topics", "regions"]}),
    ]
    inlines = [
        BylineInline,
        CitationInline,
        CitationNotUnderstoodInline,
        CrossReferenceInline,
        TransitionInline,
    ]
    # Inlines other apps add to the article form (``contribute_inline``): the events app adds
    # the events an article reports and its event suggestions, and articles imports neither.
    contributed_inlines: list = []
    actions = ["submit_selected", "approve_selected", "publish_selected"]
    change_form_template = "admin/articles/article/change_form.html"

    @classmethod
    def contribute_inline(cls, inline) -> None:
        if inline not in cls.contributed_inlines:
            cls.contributed_inlines.append(inline)

    def get_inlines(self, request, obj):
        return [*self.inlines, *self.contributed_inlines]

    def get_inline_instances(self, request, obj=None):
        """The citations' and cross-references' inlines are collapsed; their headings say
        what they hold ("citations: 44, 1 not understood", "cross-references: 24, 2
        unresolved"). Citation items not understood are listed under the citations, open
        when there are some. (Every inline is always there: a form posted after another
        save changed the counts still has each formset's management form.)"""
        inlines = super().get_inline_instances(request, obj)
        if obj is None or obj.pk is None:
            return inlines
        counts = Article.objects.filter(pk=obj.pk).values(
            citations_n=_count(Citation.objects.filter(article=models.OuterRef("pk"))),
            unread_n=_count(CitationNotUnderstood.objects.filter(article=models.OuterRef("pk"))),
            crossing_n=_count(CrossReference.objects.filter(article=models.OuterRef("pk"))),
            unresolved_n=_count(
                CrossReference.objects.unresolved().filter(article=models.OuterRef("pk"))
            ),
        )[0]
        for inline in inlines:
            if isinstance(inline, CitationInline):
                inline.verbose_name_plural = f"citations: {counts['citations_n']}" + (
                    f", {counts['unread_n']} not understood" if counts["unread_n"] else ""
                )
            elif isinstance(inline, CitationNotUnderstoodInline):
                inline.verbose_name_plural = f"citations not understood: {counts['unread_n']}"
                inline.classes = [] if counts["unread_n"] else ["collapse"]
                inline.count = counts["unread_n"]
            elif isinstance(inline, CrossReferenceInline):
                unresolved = counts["unresolved_n"]
                inline.verbose_name_plural = f"cross-references: {counts['crossing_n']}" + (
                    f", {unresolved} unresolved" if unresolved else ""
                )
        return inlines

    def get_readonly_fields(self, request, obj=None):
        # The workflow moves status and numbers; nobody types them (see the workflow panel).
        # A publisher may set the date of an article not yet scheduled or public.
        fields = ["status", "volume", "issue_number"]
        planned = obj is None or obj.status in PLANNABLE_STATES
        if not (planned and request.user.has_perm("articles.publish_article")):
            fields.append("published_at")
        return fields

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
            ("live-preview/", editorial.live_preview, "live_preview"),
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
        urls.append(
            path(
                "live-preview/",
                wrap(_bind(editorial.live_preview, self)),
                name="articles_article_live_preview_new",
            )
        )
        return urls + super().get_urls()

    # How the summary and notes read where the form is read-only (a submitted draft, say).
    @admin.display(description="Executive summary")
    def summary(self, obj):
        return format_html_join("", "<p>• {}</p>", ((p.text,) for p in obj.summary_points.all()))

    @admin.display(description="Notes")
    def notes(self, obj):
        rows = ((n.number, n.text) for n in obj.notes.all())
        return format_html_join("", "<p>[{}] {}</p>", rows)

    def view_on_site(self, obj):
        # Readers see public articles only; a draft has no page to show (None hides the link).
        return obj.get_absolute_url() if obj.is_public() else None

    def has_delete_permission(self, request, obj=None):
        # Readers saw it: it is retracted, never deleted (``article_delete``).
        if obj is not None and (obj.version > 0 or obj.is_public()):
            return False
        return super().has_delete_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return can_edit(request.user, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if not (object_id or "").isdigit():
            return super().changeform_view(request, object_id, form_url, extra_context)
        with transaction.atomic():
            # Lock the article before the form is read. On a save, the check that it was not
            # saved meanwhile and the save itself happen under the same row lock; on a read,
            # the text and the revision the form says it is based on are read together (a
            # save between them would go unseen by this form's next save, and be lost).
            # The same lock as ``article_lock``.
            Article.objects.select_for_update(no_key=True).filter(pk=object_id).exists()
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        """Saved in ``save_related``, with its parts, through ``article_save``."""

    def save_related(self, request, form, formsets, change):
        article = form.instance

        def write():
            if not change:
                article.created_by = request.user
            article.save()
            form.save_m2m()
            for formset in formsets:
                self.save_formset(request, form, formset, change=change)

        saved = article_save(
            article=article,
            by=request.user,
            base_revision=form.cleaned_data.get("base_revision"),
            summary=form.cleaned_data.get("summary", []),
            notes=form.cleaned_data.get("notes", []),
            write=write,
        )
        if saved.references and saved.references.unresolved:
            self.message_user(
                request,
                f"{saved.references.unresolved} cross-reference(s) point at no article yet; "
                "see “Unresolved cross-references”.",
                messages.WARNING,
            )
        working_copy_discard(user=request.user, article=article)

    def delete_model(self, request, obj):
        article_delete(article=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            article_delete(article=article, by=request.user)

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
