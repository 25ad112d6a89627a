"""The API tokens' writes: created (the whole token returned once), revoked, and used (an export read
with it). Each checks its rule, writes the activity log, in one transaction."""

import datetime as dt
import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.invitations import hash_token  # the portal's one digest of a secret token
from activity.services import activity_log
from api.models import ApiToken
from api.permissions import MANAGE_TOKENS
from roundtables.editions import ensure_open
from roundtables.models import Meeting

TOKEN_PREFIX = "gfmd_"
# The visible part: "gfmd_" and the secret's first 7 characters.
VISIBLE = len(TOKEN_PREFIX) + 7
NAME_MAX = 100
# last_used_at is written at most this often per token (it is shown on the page, never more precise).
USE_STAMP_EVERY = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # the whole token: shown once, never stored


def _require(actor, meeting: Meeting) -> None:
    if actor is None or not actor.has_perm(MANAGE_TOKENS, meeting):
        raise PermissionDenied


def token_create(*, meeting: Meeting, actor, name: str) -> NewToken:
    """A new token for the meeting's exports. The returned `secret` is the only copy of the token."""
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Name the token: what will use it?")})
    if len(name) > NAME_MAX:
        raise ValidationError({"name": _("At most %(max)d characters.") % {"max": NAME_MAX}})
    with transaction.atomic():
        _require(actor, meeting)
        ensure_open(meeting, actor)
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = ApiToken.objects.create(
            meeting=meeting, name=name, prefix=secret[:VISIBLE], secret_hash=hash_token(secret), created_by=actor
        )
        activity_log(actor=actor, action="api.token.created", obj=token, meeting=meeting, data={"prefix": token.prefix})
    return NewToken(token=token, secret=secret)


def token_revoke(*, token: ApiToken, actor) -> ApiToken:
    """Revoke the token: it answers 401 from now on. Allowed on a closed meeting too (it only takes
    access away). Revoking a revoked token is refused with a message."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=token.pk)
        _require(actor, token.meeting)
        if token.is_revoked:
            raise ValidationError(_("This token was already revoked."))
        token.revoked_at = timezone.now()
        token.revoked_by = actor
        token.save(update_fields=["revoked_at", "revoked_by"])
        activity_log(
            actor=actor, action="api.token.revoked", obj=token, meeting=token.meeting, data={"prefix": token.prefix}
        )
    return token


def token_used(*, token: ApiToken, export: str) -> None:
    """An export read with the token: every export call is in the activity log (they are few and
    throttled), and `last_used_at` follows within USE_STAMP_EVERY."""
    now = timezone.now()
    with transaction.atomic():
        if token.last_used_at is None or now - token.last_used_at >= USE_STAMP_EVERY:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        activity_log(
            actor=None,
            action="api.token.used",
            obj=token,
            meeting=token.meeting,
            data={"prefix": token.prefix, "export": export},
        )
