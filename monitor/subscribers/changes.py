"""The change feed: ``GET /api/v1/changes/?since=CURSOR``, every public change in commit order.

A cursor is opaque to clients (it encodes the last sequence number they have seen).
Entries older than the retention window are pruned; a cursor from before the pruned
range answers 410 Gone: the client must resync in full (``?since=latest`` gives the
cursor to follow from once it has fetched everything).
"""

from __future__ import annotations

import base64
import binascii

from django.db.models import Q, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.models import Change, ChangeSequence
from articles.serializers import ChangeEntrySerializer
from monitor.subscribers.filtering import empty_parameters

PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
EVENT_RESOURCES = (Change.Resource.EVENT, Change.Resource.ACTOR)


class CursorGone(APIException):
    status_code = 410
    default_detail = (
        "This cursor is older than the feed keeps (90 days): resync in full, "
        "then follow the feed from ?since=latest."
    )
    default_code = "cursor_expired"


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"c1:{seq}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """The sequence number in ``cursor``; ``ValueError`` for anything that is not one."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError):
        raise ValueError(cursor) from None
    version, _, number = text.partition(":")
    if version != "c1" or not number.isdigit():
        raise ValueError(cursor)
    return int(number)


def changes_visible(*, include_events: bool, publication_ids) -> QuerySet[Change]:
    """The entries a plan may see: events only with events, articles of its publications
    (``publication_ids`` None: every publication). The feed and webhooks both ask this."""
    changes = Change.objects.all()
    if not include_events:
        changes = changes.exclude(resource__in=EVENT_RESOURCES)
    if publication_ids is not None:
        changes = changes.exclude(
            Q(resource=Change.Resource.ARTICLE) & ~Q(publication_id__in=publication_ids)
        )
    return changes


class ChangeSerializer(ChangeEntrySerializer):
    """An entry as the feed gives it: what ``ChangeEntrySerializer`` says, and its cursor."""

    cursor = serializers.SerializerMethodField(help_text="Resume after this entry.")

    def get_cursor(self, change) -> str:
        return encode_cursor(change.seq)


class ChangePageSerializer(serializers.Serializer):
    changes = ChangeSerializer(many=True)
    next = serializers.CharField(help_text="The cursor to send as ?since= next time.")
    has_more = serializers.BooleanField(help_text="More entries wait: ask again at once.")
    message = serializers.CharField(allow_null=True, help_text='"Nothing new." on an empty page.')


class ChangeFeedView(APIView):
    """Every change to public material after ``since``, oldest first."""

    @extend_schema(
        summary="Changes since a cursor",
        parameters=[
            OpenApiParameter(
                "since", OpenApiTypes.STR, description="A cursor from a previous page, or `latest`."
            ),
            OpenApiParameter(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
                description=f"Entries per page (at most {MAX_PAGE_SIZE}).",
            ),
        ],
        responses={
            200: ChangePageSerializer,
            410: OpenApiResponse(
                description="The cursor is older than the retention window: resync in full."
            ),
        },
    )
    def get(self, request):
        unknown = set(request.query_params) - {"since", "limit", "format"}
        if unknown:
            raise ValidationError({name: ["Unknown parameter."] for name in sorted(unknown)})
        if empty := empty_parameters(request.query_params):
            raise ValidationError(empty)
        limit = self._limit(request.query_params.get("limit"))
        counter = ChangeSequence.objects.filter(pk=1).first() or ChangeSequence(
            last=0, pruned_through=0
        )
        since = request.query_params.get("since")
        if since == "latest":
            return self._page(request, [], counter.last)
        try:
            after = decode_cursor(since) if since else counter.pruned_through
        except ValueError:
            raise ValidationError({"since": ["Not a cursor from this feed."]}) from None
        if after < counter.pruned_through:
            raise CursorGone
        if after > counter.last:  # never issued: it would wait for entries that never come
            raise ValidationError({"since": ["Not a cursor from this feed: it is ahead of it."]})
        entries = list(self._visible(request).after(after)[: limit + 1])
        more = len(entries) > limit
        entries = entries[:limit]
        if more:
            last = entries[-1].seq
        else:
            # Every entry up to the counter read above is committed: skip the ones this plan
            # may not see, so the next poll does not scan them again.
            last = max([after, counter.last, *(entry.seq for entry in entries[-1:])])
        return self._page(request, entries, last, more=more)

    def _visible(self, request):
        grant = request.auth
        return changes_visible(
            include_events=grant.include_events, publication_ids=grant.publication_ids
        )

    @staticmethod
    def _limit(value) -> int:
        if value is None:
            return PAGE_SIZE
        if not value.isdigit() or not 1 <= int(value) <= MAX_PAGE_SIZE:
            raise ValidationError({"limit": [f"A whole number from 1 to {MAX_PAGE_SIZE}."]})
        return int(value)

    def _page(self, request, entries, last, *, more=False):
        return Response(
            {
                "changes": ChangeSerializer(entries, many=True, context={"request": request}).data,
                "next": encode_cursor(last),
                "has_more": more,
                "message": None if entries else "Nothing new.",
            }
        )
