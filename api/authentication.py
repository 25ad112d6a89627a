"""Token authentication of the Chair's office's exports: `Authorization: Bearer gfmd_...`.

The token is looked up by its SHA-256 (the only thing stored); an unknown or revoked token is a 401."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from accounts.invitations import hash_token
from api.models import ApiToken

KEYWORDS = (b"bearer", b"token")


class ApiTokenAuthentication(BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Give the token after «Bearer», with no spaces in it."))
        try:
            secret = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("This token is not valid.")) from None
        token = ApiToken.objects.select_related("meeting").filter(secret_hash=hash_token(secret)).first()
        if token is None:
            raise exceptions.AuthenticationFailed(_("This token is not valid."))
        if token.is_revoked:
            raise exceptions.AuthenticationFailed(_("This token was revoked."))
        # Not a person: the token speaks for its meeting's exports only (api.views.exports).
        return AnonymousUser(), token

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'
