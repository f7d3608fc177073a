"""The editors' admin for events, the actors and places in them, and the event codebook."""

from django.contrib import admin, messages
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html

from articles.admin import AliasFormSet, ArticleAdmin, CatalogAdmin, RowAutocompleteInline
from articles.rendering import article_paragraphs

from .forms import EventForm, EvidenceForm, WrittenDateInput, date_reading, opening
from .models import (
    Actor,
    ActorAlias,
    Affiliation,
    Event,
    EventEvidence,
    EventFamily,
    EventQuantity,
    EventSource,
    EventSuggestion,
    EventType,
    Participation,
    Place,
)
from .services import (
    actor_saved,
    event_delete,
    event_link,
    event_save,
    event_types_saved,
    place_saved,
    suggestion_accept,
    suggestion_attach,
    suggestion_dismiss,
    suggestion_match,
)
from .services.actors import TYPE_FIELDS


class EventTypeFilter(admin.RelatedFieldListFilter):
    """Event types named with their family, in one query."""

    def field_choices(self, field, request, model_admin):
        return [(kind.pk, str(kind)) for kind in EventType.objects.select_related("family")]


class ParticipationInline(RowAutocompleteInline, admin.TabularInline):
    model = Participation
    fields = ["actor", "role", "on_behalf_of", "office", "position"]
    autocomplete_fields = ["actor", "on_behalf_of"]
    extra = 1

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor", "on_behalf_of")


class EventQuantityInline(admin.TabularInline):
    model = EventQuantity
    fields = ["value", "unit", "text"]
    extra = 0


class EventSourceInline(RowAutocompleteInline, admin.TabularInline):
    model = EventSource
    fields = ["source", "quote"]
    autocomplete_fields = ["source"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source__outlet")


class EvidenceInline(admin.TabularInline):
    """The paragraphs of the event's articles that support it: pick one of an article the
    event lists (save the article first), by its first words."""

    model = EventEvidence
    form = EvidenceForm
    fields = ["paragraph", "excerpt", "in_article"]
    readonly_fields = ["excerpt", "in_article"]
    verbose_name = "supporting paragraph"
    verbose_name_plural = "supporting paragraphs"
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    def get_formset(self, request, obj=None, **kwargs):
        paragraphs, choices = {}, []
        articles = obj.articles.only("pk", "title", "body") if obj is not None else ()
        for article in articles:
            group = []
            for paragraph in article_paragraphs(article.body):
                value = f"{article.pk}:{paragraph.anchor}"
                paragraphs[value] = paragraph
                group.append((value, opening(paragraph.text)))
            choices.append((article.title, group))
        form = type("EvidenceForm", (EvidenceForm,), {"paragraphs": paragraphs, "choices": choices})
        return super().get_formset(request, obj, form=form, **kwargs)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    form = EventForm
    list_display = ["title", "date_display", "event_type", "status", "modality"]
    list_select_related = ["event_type__family"]
    list_filter = ["status", "modality", "event_type__family", ("event_type", EventTypeFilter)]
    date_hierarchy = "starts_on"
    search_fields = ["title", "summary", "participations__actor__name"]
    search_help_text = "Search titles, summaries and participants."
    autocomplete_fields = ["place", "articles", "merged_into"]
    readonly_fields = ["uuid", "version", "edtf", "starts_on", "ends_on"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "summary", "event_type", "modality", "status", "merged_into"]}),
        (
            "Date",
            {
                "fields": [
                    "date_text",
                    ("start_year", "start_month", "start_day", "start_precision"),
                    ("end_year", "end_month", "end_day", "end_precision"),
                ]
            },
        ),
        ("Place and articles", {"fields": ["place", "articles"]}),
        ("Record", {"fields": ["uuid", "version", "edtf", ("starts_on", "ends_on")]}),
    ]
    inlines = [ParticipationInline, EventQuantityInline, EventSourceInline, EvidenceInline]

    @admin.display(description="date", ordering="starts_on")
    def date_display(self, obj):
        return obj.date_display()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "date_text":
            kwargs["widget"] = WrittenDateInput(reverse("admin:events_event_read_date"))
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_urls(self):
        read = self.admin_site.admin_view(self.read_date)
        return [path("read-date/", read, name="events_event_read_date"), *super().get_urls()]

    def read_date(self, request):
        """What a date as written was understood to mean (the form's live reading)."""
        if not self.has_view_or_change_permission(request):
            return JsonResponse({"error": "You may not read events."}, status=403)
        return JsonResponse(date_reading(request.GET.get("text", "")[:200]))

    def save_model(self, request, obj, form, change):
        """Saved in ``save_related``, with its participants and sources, through ``event_save``."""

    def save_related(self, request, form, formsets, change):
        def write():
            form.instance.save()
            super(EventAdmin, self).save_related(request, form, formsets, change)

        event_save(event=form.instance, by=request.user, write=write)

    def save_formset(self, request, form, formset, change):
        if formset.model is EventEvidence:
            for inline in formset.forms:
                if not inline.instance.pk:
                    inline.instance.created_by = request.user
        super().save_formset(request, form, formset, change)

    def has_delete_permission(self, request, obj=None):
        # Readers see it: it is withdrawn or merged, never deleted (``event_delete``).
        if obj is not None and obj.is_public():
            return False
        return super().has_delete_permission(request, obj)

    def delete_model(self, request, obj):
        event_delete(event=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for event in queryset:
            event_delete(event=event, by=request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "event_type":
            kwargs["queryset"] = EventType.objects.select_related("family")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ArticleEventFormSet(BaseInlineFormSet):
    """Attaching an event to an article (or detaching it) is a change of the event: each goes
    through ``event_link``, so the event's version and feed entry follow."""

    def save_new(self, form, commit=True):
        link = form.save(commit=False)
        event_link(event=link.event, article_id=self.instance.pk, linked=True)
        return link

    def save_existing(self, form, obj, commit=True):
        previous = type(obj).objects.get(pk=obj.pk).event
        link = form.save(commit=False)
        if previous.pk != link.event_id:
            event_link(event=previous, article_id=self.instance.pk, linked=False)
            event_link(event=link.event, article_id=self.instance.pk, linked=True)
        return link

    def delete_existing(self, obj, commit=True):
        event_link(event=obj.event, article_id=self.instance.pk, linked=False)


class ArticleEventInline(RowAutocompleteInline, admin.TabularInline):
    model = Event.articles.through
    formset = ArticleEventFormSet
    autocomplete_fields = ["event"]
    verbose_name = "event"
    verbose_name_plural = "events attached"
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")


class ArticleSuggestionInline(admin.TabularInline):
    """Dated sentences naming known actors; accepted or dismissed on the suggestions page."""

    model = EventSuggestion
    fields = ["sentence", "date_text", "event_type", "status", "judge"]
    readonly_fields = fields
    verbose_name_plural = "event suggestions"
    can_delete = False
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event_type__family")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="")
    def judge(self, obj):
        url = reverse("admin:events_eventsuggestion_change", args=[obj.pk])
        return format_html(
            '<a href="{}">{}</a>', url, "review" if obj.status == "pending" else "open"
        )


# The article form shows the events an article reports and its suggestions: contributed
# through the article admin's extension point, since articles imports nothing from events.
ArticleAdmin.contribute_inline(ArticleEventInline)
ArticleAdmin.contribute_inline(ArticleSuggestionInline)


@admin.register(EventSuggestion)
class EventSuggestionAdmin(admin.ModelAdmin):
    """Editors accept a suggestion (a draft event, prefilled), correct it first, or dismiss it."""

    list_display = ["sentence", "article", "date_text", "event_type", "status"]
    list_select_related = ["article", "event_type__family"]
    list_filter = ["status", "event_type__family"]
    search_fields = ["sentence", "article__title"]
    fields = [
        "article", "sentence", "summary", "matching_event",
        ("date_year", "date_month", "date_day", "date_precision"), "date_text",
        "event_type", "actors", "place", "sources", "status", "event",
    ]  # fmt: skip
    readonly_fields = ["article", "sentence", "summary", "matching_event", "status", "event"]
    autocomplete_fields = ["actors", "place", "sources"]
    actions = ["accept", "dismiss"]
    change_form_template = "admin/events/eventsuggestion/change_form.html"

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("article", "event_type__family", "event")
        )

    @admin.display(description="Already recorded?")
    def matching_event(self, obj):
        if obj.status != EventSuggestion.Status.PENDING:
            return "—"
        event = self._match(obj)
        if event is None:
            return "No event with these actors at this date."
        url = reverse("admin:events_event_change", args=[event.pk])
        return format_html(
            '<a href="{}">{}</a> ({}, {}): add this article and its sources to it rather than '
            "recording the event twice.",
            url,
            event.title,
            event.date_display(),
            event.get_status_display().lower(),
        )

    @staticmethod
    def _match(obj):
        """The matching event, looked for once per page (the field and the buttons show it)."""
        if not hasattr(obj, "_matching_event"):
            obj._matching_event = suggestion_match(obj)
        return obj._matching_event

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None and obj.status == EventSuggestion.Status.PENDING:
            context["matching_event"] = self._match(obj)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    @admin.action(description="Accept: create draft events")
    def accept(self, request, queryset):
        events = [suggestion_accept(suggestion=s, by=request.user) for s in queryset.pending()]
        self.message_user(request, f"{len(events)} draft event(s) created.", messages.SUCCESS)

    @admin.action(description="Dismiss: never suggest again")
    def dismiss(self, request, queryset):
        pending = list(queryset.pending())
        for suggestion in pending:
            suggestion_dismiss(suggestion=suggestion, by=request.user)
        self.message_user(request, f"{len(pending)} suggestion(s) dismissed.", messages.SUCCESS)

    def response_change(self, request, obj):
        if obj.status == EventSuggestion.Status.PENDING and "_accept" in request.POST:
            event = suggestion_accept(suggestion=obj, by=request.user)
            self.message_user(
                request, "Draft event created: check it and publish it.", messages.SUCCESS
            )
            return HttpResponseRedirect(reverse("admin:events_event_change", args=[event.pk]))
        if obj.status == EventSuggestion.Status.PENDING and "_attach" in request.POST:
            event = suggestion_match(obj)
            if event is None:
                self.message_user(request, "No event matches this suggestion.", messages.ERROR)
                return HttpResponseRedirect(request.path)
            suggestion_attach(suggestion=obj, event=event, by=request.user)
            self.message_user(
                request, f"Added to “{event.title}”: its article and sources.", messages.SUCCESS
            )
            return HttpResponseRedirect(reverse("admin:events_event_change", args=[event.pk]))
        if obj.status == EventSuggestion.Status.PENDING and "_dismiss" in request.POST:
            suggestion_dismiss(suggestion=obj, by=request.user)
            self.message_user(request, "Suggestion dismissed.", messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:events_eventsuggestion_changelist"))
        return super().response_change(request, obj)


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    formset = AliasFormSet
    fields = ["name", "kind"]
    extra = 1


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    fk_name = "actor"
    fields = ["of_actor", "role", "starts_on", "ends_on"]
    autocomplete_fields = ["of_actor"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("of_actor")


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "wikidata_id"]
    list_select_related = ["country"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country"]
    inlines = [ActorAliasInline, AffiliationInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and "name" in form.changed_data:
            form.instance.remember_name(form.initial.get("name"))
        affiliations = any(
            formset.model is Affiliation and formset.has_changed() for formset in formsets
        )
        actor_saved(
            actor=form.instance,
            fields=set(form.changed_data) | ({"affiliations"} if affiliations else set()),
            created=not change,
        )


@admin.register(Place)
class PlaceAdmin(CatalogAdmin):
    list_display = ["name", "country", "location_precision"]
    list_filter = ["location_precision"]
    search_fields = ["name", "country__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country"]
    fields = [
        "name",
        "slug",
        "country",
        ("latitude", "longitude"),
        "location_precision",
        "geonames_id",
    ]

    def get_queryset(self, request):
        # Place.__str__ names the country: the changelist and autocomplete results need it.
        return super().get_queryset(request).select_related("country")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        place_saved(place=obj, fields=set(form.changed_data), created=not change)


class EventTypeInline(admin.TabularInline):
    model = EventType
    fields = [
        "name",
        "slug",
        "plover",
        "plover_mode",
        "acled_event_type",
        "acled_sub_event_type",
        "position",
    ]
    prepopulated_fields = {"slug": ["name"]}
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("family")


@admin.register(EventFamily)
class EventFamilyAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [EventTypeInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        renamed = {
            inline.instance.pk
            for formset in formsets
            for inline in formset.forms
            if inline.instance.pk and TYPE_FIELDS & set(inline.changed_data)
        }
        if change and TYPE_FIELDS & set(form.changed_data):
            renamed |= set(form.instance.types.values_list("pk", flat=True))
        event_types_saved(type_ids=renamed)
