"""The hashed tokens of invitations sent by e-mail (a delegation's, the Chair's office's).

The link is made when the invitation's mail is sent (a link provider, mailings.links): a fresh random
token whose SHA-256 replaces the stored one, so neither the invitations table nor the outbox ever holds a
link that opens the invitation. We chose a rotated hash over a signed token (django.core.signing over the
id and a nonce): it needs no new column, keeps lookups an indexed equality, and a leaked SECRET_KEY cannot
forge one. The cost: should a dying worker send the mail twice, only the second copy's link works (both
reach the same inbox)."""

import hashlib
import secrets
from collections.abc import Callable

from django.conf import settings
from django.urls import reverse

from accounts.models import EmailInvitation


def hash_token(token: str) -> str:
    # The token has 256 bits of entropy: a fast digest is enough, and lookups stay indexed.
    return hashlib.sha256(token.encode()).hexdigest()


def unopenable_hash() -> str:
    """The hash of a token nobody holds: a new invitation opens nothing until its mail is sent."""
    return hash_token(secrets.token_urlsafe(32))


def link_maker(model: type[EmailInvitation], url_name: str) -> Callable[[int | None], str | None]:
    """The link provider of an invitation model: called in the transaction that marks the mail "sending",
    it stores the hash of a new token and returns the link, or None (the mail is dropped) when the
    invitation was used, withdrawn or has expired meanwhile."""

    def mint(invitation_id: int | None) -> str | None:
        if not model.objects.usable().filter(pk=invitation_id).exists():
            return None
        token = secrets.token_urlsafe(32)
        model.objects.filter(pk=invitation_id).update(token_hash=hash_token(token))
        return f"{settings.SITE_URL}{reverse(url_name, kwargs={'token': token})}"

    return mint
