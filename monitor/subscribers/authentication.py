"""``Authorization: Api-Key <key>``: the only way a subscriber authenticates."""

from rest_framework import authentication, exceptions

from .models import ApiKey
from .services import usage_record

KEYWORD = "Api-Key"
HOW_TO = f"Send your key in the Authorization header: 'Authorization: {KEYWORD} <key>'."


class ApiKeyAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        if {"api_key", "apikey", "key"} & set(request.query_params):
            raise exceptions.AuthenticationFailed(
                f"API keys are never accepted in the query string. {HOW_TO}"
            )
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode(errors="replace").lower() != KEYWORD.lower():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(f"Malformed Authorization header. {HOW_TO}")
        raw_key = header[1].decode(errors="replace")
        key = ApiKey.objects.matching(raw_key)
        if key is None:
            raise exceptions.AuthenticationFailed("Unknown API key.")
        if key.is_revoked():
            raise exceptions.AuthenticationFailed("This API key has been revoked.")
        if key.is_expired():
            raise exceptions.AuthenticationFailed("This API key has expired.")
        if not key.subscriber.is_active:
            raise exceptions.AuthenticationFailed("This subscription is suspended.")
        publication_ids = key.readable_publication_ids()
        usage_record(key=key)
        return key.subscriber, key.grant(publication_ids or ())

    def authenticate_header(self, request):
        return KEYWORD
