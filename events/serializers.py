"""The subscriber API's representations of events, actors, places and the event codebook."""

from rest_framework import serializers

from articles.serializers import (
    ArticleRefSerializer,
    BatchListSerializer,
    NamedSerializer,
    SourceRefSerializer,
    TrimmableSerializer,
    api_url,
    public_url,
    request_addresses,
    request_grant,
    trimmed,
)

from .models import Actor, Participation, Place
from .representations import ARTICLES_SHOWN, Addresses, event_representations


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


class EvidenceSerializer(serializers.Serializer):
    article = serializers.IntegerField(help_text="The article's id.")
    anchor = serializers.CharField(help_text='The paragraph\'s anchor in its page: "p-3f9a2c".')
    url = serializers.URLField(help_text="The article's page at the paragraph.")
    excerpt = serializers.CharField(help_text="The words that support the event, as recorded.")
    in_article = serializers.BooleanField(
        help_text="False once the paragraph was edited away (the url is the article's then)."
    )


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
    evidence = EvidenceSerializer(
        many=True,
        source="readable_evidence",
        help_text="The paragraphs of readable articles that support it, as recorded.",
    )
    updated_at = serializers.DateTimeField()

    def get_api_url(self, event) -> str:
        return api_url(self, "event-detail", uuid=event.uuid)

    def get_url(self, event) -> str:
        return public_url(event.get_absolute_url(), self.context.get("request"))

    def get_articles_url(self, event) -> str:
        return f"{api_url(self, 'article-list')}?event={event.uuid}"

    class Meta:
        list_serializer_class = BatchListSerializer

    def to_representation(self, event):
        """Written out by hand in ``events.representations`` (the declared fields above say
        what it holds, for the schema); trimmed to ``?fields=``."""
        return self.batch([event.pk])[event.pk]

    def batch(self, event_ids) -> dict[int, dict]:
        addresses = request_addresses(self, Addresses)
        found = event_representations(event_ids, grant=request_grant(self), addresses=addresses)
        names = self.field_names()
        return {pk: trimmed(data, names) for pk, data in found.items()}


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
