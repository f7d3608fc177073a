"""``/api/v1/webhooks/``: a subscriber registers, lists, deletes its endpoints and rotates secrets."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from monitor.core.converters import lookup_pattern

from .models import Endpoint, event_type_valid
from .services import endpoint_register, endpoint_rotate_secret


class EndpointSerializer(serializers.ModelSerializer):
    event_types = serializers.ListField(
        child=serializers.CharField(max_length=40),
        min_length=1,
        help_text='"article.published", "article.*", "event.*", or "*" for everything.',
    )

    class Meta:
        model = Endpoint
        fields = ["id", "url", "event_types", "description", "is_active", "disabled_reason"]
        fields += ["created_at"]
        read_only_fields = ["id", "is_active", "disabled_reason", "created_at"]

    def validate_event_types(self, value):
        unknown = [pattern for pattern in value if not event_type_valid(pattern)]
        if unknown:
            raise serializers.ValidationError(f"Unknown event types: {', '.join(unknown)}.")
        return list(dict.fromkeys(value))


class EndpointWithSecretSerializer(EndpointSerializer):
    secret = serializers.CharField(
        read_only=True, help_text="The signing secret (whsec_…): shown only in this answer."
    )

    class Meta(EndpointSerializer.Meta):
        fields = [*EndpointSerializer.Meta.fields, "secret"]


class EndpointViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """The calling subscriber's webhook endpoints."""

    serializer_class = EndpointSerializer
    queryset = Endpoint.objects.none()
    lookup_value_regex = lookup_pattern("pk")

    def get_queryset(self):
        return Endpoint.objects.filter(subscriber=self.request.user)

    @extend_schema(summary="Register an endpoint", responses={201: EndpointWithSecretSerializer})
    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        endpoint = Endpoint(subscriber=request.user, **serializer.validated_data)
        try:
            secret = endpoint_register(endpoint=endpoint)
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from None
        return Response(self._with_secret(endpoint, secret), status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Rotate the signing secret",
        description="A new secret, shown once; the old one keeps signing for the grace period.",
        request=None,
        responses={200: EndpointWithSecretSerializer},
    )
    @action(detail=True, methods=["post"])
    def rotate(self, request, pk=None):
        endpoint = self.get_object()
        return Response(self._with_secret(endpoint, endpoint_rotate_secret(endpoint=endpoint)))

    def _with_secret(self, endpoint, secret):
        return {**EndpointSerializer(endpoint).data, "secret": secret}
