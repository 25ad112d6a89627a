"""Secret links: 256 random bits from secrets.token_urlsafe, only their SHA-256 stored."""

import hashlib
import re
import secrets

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from surveys.models import Invitation, InvitationLink

TOKEN_BYTES = 32  # 256 bits; token_urlsafe gives 43 characters
TOKEN_FORMAT = re.compile(r"^[A-Za-z0-9_-]{43}$")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def invitation_link_create(*, invitation: Invitation) -> str:
    """A new link for the invitation; returns the token (to be put in one mail, never stored)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    InvitationLink.objects.create(invitation=invitation, token_hash=token_hash(token))
    return token


def invitation_link_mint(invitation_id: int) -> str | None:
    """The mailings link provider ("surveys.invitation"): called when a survey mail is sent, in the
    transaction that marks it "sending". None when the mail is no longer needed: the invitation is
    gone, already answered, or the survey has closed."""
    invitation = Invitation.objects.select_related("survey").filter(pk=invitation_id).first()
    if invitation is None or invitation.submitted_at is not None or invitation.survey.closes_at <= timezone.now():
        return None
    token = invitation_link_create(invitation=invitation)
    return settings.SITE_URL + reverse("surveys:respond", args=[token])


def invitation_links_mint(invitation_ids: list[int]) -> list[str | None]:
    """`invitation_link_mint` for a batch of a mailing, in its order: the invitations read in one query, a
    link for each mail (two focal points of one delegation get two) stored in one insert. The same rules:
    None for an invitation gone, answered, or whose survey closed."""
    due = set(
        Invitation.objects.filter(
            pk__in=invitation_ids, submitted_at=None, survey__closes_at__gt=timezone.now()
        ).values_list("pk", flat=True)
    )
    tokens = [secrets.token_urlsafe(TOKEN_BYTES) if pk in due else None for pk in invitation_ids]
    InvitationLink.objects.bulk_create(
        [
            InvitationLink(invitation_id=pk, token_hash=token_hash(token))
            for pk, token in zip(invitation_ids, tokens, strict=True)
            if token is not None
        ]
    )
    return [settings.SITE_URL + reverse("surveys:respond", args=[token]) if token else None for token in tokens]
