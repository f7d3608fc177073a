"""The subscriber API's representations of events, actors, places and the event codebook."""

from rest_framework import serializers

from articles.serializers import (
    ArticleRefSerializer,
    NamedSerializer,
    SourceRefSerializer,
    TrimmableSerializer,
    api_url,
    public_url,
)

from .models import Actor, Participation, Place

# An event's list entry names at most this many of its articles (the latest).
ARTICLES_SHOWN = 20


class FuzzyDateSerializer(serializers.Serializer):
    date = serializers.CharField(help_text="ISO 8601 at its precision: 2025-08-19, 2023-03, 2007.")
    precision = serializers.ChoiceField(choices=["day", "month", "year", "decade"])

    def to_representation(self, value):
        return {"date": value.isoformat(), "precision": value.precision.value}


class EventDatesSerializer(serializers.Serializer):
    """An event's dates as written, as EDTF, at their precision, and as the range of days covered."""

    text = serializers.CharField(source="date_text", help_text='As written: "in mid-2015".')
    edtf = serializers.CharField(help_text="2025-08-19, 2023-03, 201X, 2025-08-19/2025-08-20.")
    start = FuzzyDateSerializer(source="start_date")
    end = FuzzyDateSerializer(source="end_date", allow_null=True)
    starts_on = serializers.DateField(help_text="First day covered.")
    ends_on = serializers.DateField(help_text="Last day covered.")


class PlaceSerializer(TrimmableSerializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    country = serializers.CharField(source="country.iso_code", allow_null=True, default=None)
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    location_precision = serializers.ChoiceField(choices=Place.Precision.choices)
    geonames_id = serializers.IntegerField(allow_null=True)


class ActorRefSerializer(NamedSerializer):
    kind = serializers.ChoiceField(choices=Actor.Kind.choices)


class ParticipantSerializer(serializers.Serializer):
    actor = ActorRefSerializer()
    role = serializers.ChoiceField(choices=Participation.Role.choices)
    on_behalf_of = ActorRefSerializer(allow_null=True)
    office = serializers.CharField(help_text="Office at the time.")


class EventSourceSerializer(serializers.Serializer):
    source = SourceRefSerializer()
    quote = serializers.CharField(help_text="What in the source supports the event.")


class QuantitySerializer(serializers.Serializer):
    value = serializers.DecimalField(max_digits=14, decimal_places=2, coerce_to_string=False)
    unit = serializers.CharField()
    text = serializers.CharField()


class EventTypeRefSerializer(NamedSerializer):
    pass


class EventSerializer(TrimmableSerializer):
    id = serializers.UUIDField(source="uuid", help_text="Public id, stable for good.")
    version = serializers.IntegerField(help_text="Grows by one with every published change.")
    api_url = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField(help_text="Public page.")
    title = serializers.CharField()
    summary = serializers.CharField()
    dates = EventDatesSerializer(source="*")
    modality = serializers.CharField(help_text="occurred, reported, announced, planned…")
    type = NamedSerializer(source="event_type")
    family = NamedSerializer(source="event_type.family")
    place = PlaceSerializer(allow_null=True)
    participants = ParticipantSerializer(many=True, source="participations.all")
    sources = EventSourceSerializer(many=True, source="event_sources.all")
    quantities = QuantitySerializer(many=True, source="quantities.all")
    articles = ArticleRefSerializer(
        many=True,
        source="readable_articles",
        help_text=f"The latest {ARTICLES_SHOWN} articles reporting it, newest first; "
        "articles_count says how many there are, articles_url lists them all.",
    )
    articles_count = serializers.IntegerField(source="readable_articles_count")
    articles_url = serializers.SerializerMethodField(help_text="All its articles, in the API.")
    updated_at = serializers.DateTimeField()

    def get_api_url(self, event) -> str:
        return api_url(self, "event-detail", uuid=event.uuid)

    def get_url(self, event) -> str:
        return public_url(event.get_absolute_url())

    def get_articles_url(self, event) -> str:
        return f"{api_url(self, 'article-list')}?event={event.uuid}"

    def to_representation(self, event):
        """The fields above, written out by hand: the same answer as the declared fields
        give (``tests/events/test_serializers.py`` compares the two on a generated archive)
        at a fraction of the cost, which lists of 100 and exports of every event pay per row.
        """
        urls = self.context.setdefault("_url_templates", {})
        if not urls:
            urls["event"] = api_url(self, "event-detail", uuid=_PLACEHOLDER)
            urls["article"] = api_url(self, "article-detail", pk=_PLACEHOLDER_PK)
            urls["articles"] = api_url(self, "article-list") + "?event="
        uuid = str(event.uuid)
        start, end = event.start_date(), event.end_date()
        place = event.place
        event_type = event.event_type
        family = event_type.family
        data = {
            "id": uuid,
            "version": event.version,
            "api_url": urls["event"].replace(_PLACEHOLDER, uuid),
            "url": public_url(event.get_absolute_url()),
            "title": event.title,
            "summary": event.summary,
            "dates": {
                "text": event.date_text,
                "edtf": event.edtf,
                "start": {"date": start.isoformat(), "precision": start.precision.value},
                "end": end and {"date": end.isoformat(), "precision": end.precision.value},
                "starts_on": event.starts_on.isoformat(),
                "ends_on": event.ends_on.isoformat(),
            },
            "modality": event.modality,
            "type": {"slug": event_type.slug, "name": event_type.name},
            "family": {"slug": family.slug, "name": family.name},
            "place": place and _place(place),
            "participants": [
                {
                    "actor": _actor(part.actor),
                    "role": part.role,
                    "on_behalf_of": part.on_behalf_of and _actor(part.on_behalf_of),
                    "office": part.office,
                }
                for part in event.participations.all()
            ],
            "sources": [
                {"source": _source(item.source), "quote": item.quote}
                for item in event.event_sources.all()
            ],
            "quantities": [
                {"value": _decimal(quantity.value), "unit": quantity.unit, "text": quantity.text}
                for quantity in event.quantities.all()
            ],
            "articles": [
                {
                    "id": article.pk,
                    "title": article.title,
                    "published_at": _datetime(article.published_at),
                    "url": public_url(article.get_absolute_url()),
                    "api_url": urls["article"].replace(_PLACEHOLDER_PK, str(article.pk)),
                }
                for article in event.readable_articles
            ],
            "articles_count": event.readable_articles_count,
            "articles_url": urls["articles"] + uuid,
            "updated_at": _datetime(event.updated_at),
        }
        fields = self.fields
        return data if len(fields) == len(data) else {name: data[name] for name in fields}


# Reversed once per request with these in place of the id, then filled in per row.
_PLACEHOLDER = "00000000-0000-4000-8000-00000000feed"
_PLACEHOLDER_PK = "987654321987"
_datetime = serializers.DateTimeField().to_representation
_decimal = QuantitySerializer().fields["value"].to_representation


def _actor(actor) -> dict:
    return {"slug": actor.slug, "name": actor.name, "kind": actor.kind}


def _place(place) -> dict:
    return {
        "slug": place.slug,
        "name": place.name,
        "country": place.country.iso_code if place.country_id else None,
        "latitude": None if place.latitude is None else float(place.latitude),
        "longitude": None if place.longitude is None else float(place.longitude),
        "location_precision": place.location_precision,
        "geonames_id": place.geonames_id,
    }


def _source(source) -> dict:
    return {
        "id": source.pk,
        "outlet": {"slug": source.outlet.slug, "name": source.outlet.name},
        "date": source.fuzzy_date().isoformat(),
        "date_precision": source.date_precision,
        "title": source.title,
        "url": source.url,
        "language": source.language,
    }


class ActorSerializer(TrimmableSerializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=Actor.Kind.choices)
    country = serializers.CharField(source="country.iso_code", allow_null=True, default=None)
    description = serializers.CharField()
    wikidata_id = serializers.CharField()
    aliases = serializers.SerializerMethodField(help_text="Other names it is written as.")

    def get_aliases(self, actor) -> list[str]:
        return [alias.name for alias in actor.aliases.all()]


class EventTypeSerializer(TrimmableSerializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    family = NamedSerializer()
    description = serializers.CharField()
    plover = serializers.CharField(help_text="PLOVER category; empty where PLOVER has none.")
    plover_mode = serializers.CharField()
    acled_event_type = serializers.CharField()
    acled_sub_event_type = serializers.CharField()


class CodebookTypeSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    description = serializers.CharField()
    plover = serializers.CharField()
    plover_mode = serializers.CharField()
    acled_event_type = serializers.CharField()
    acled_sub_event_type = serializers.CharField()


class CodebookFamilySerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    description = serializers.CharField()
    colour = serializers.CharField()
    types = CodebookTypeSerializer(many=True, source="types.all")


class CodebookSerializer(serializers.Serializer):
    version = serializers.CharField(help_text="Changes whenever any family or type changes.")
    families = CodebookFamilySerializer(many=True)
