"""Invitations: a focal point invites a person, by e-mail, to register with the delegation."""

import datetime as dt
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from activity.services import activity_log
from delegations.models import Delegation, Invitation, Registration
from delegations.services._common import mail_in_language, require_open, site_link
from roundtables.models import Meeting

INVITATION_VALIDITY = dt.timedelta(days=14)


def hash_token(token: str) -> str:
    # The token has 256 bits of entropy: a fast digest is enough, and lookups stay indexed.
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("meeting", "delegation", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )


@transaction.atomic
def invitation_create(
    *,
    delegation: Delegation,
    meeting: Meeting,
    email: str,
    role: str,
    invited_by,
    valid_for: dt.timedelta = INVITATION_VALIDITY,
) -> tuple[Invitation, str]:
    """Create the invitation and mail its link; returns the invitation and the token (the only
    time it exists in clear). An earlier open invitation to the same address is revoked."""
    require_open(meeting)
    email = User.objects.normalize_email(email).strip().lower()
    if Registration.objects.active().filter(meeting=meeting, person__email__iexact=email).exists():
        raise ValidationError({"email": _("%(email)s is already registered for this meeting.") % {"email": email}})
    if (
        role == Registration.Role.HEAD
        and Registration.objects.active().filter(meeting=meeting, delegation=delegation, role=role).exists()
    ):
        raise ValidationError({"role": _("The delegation already has a head of delegation for this meeting.")})
    now = timezone.now()
    Invitation.objects.usable().filter(meeting=meeting, delegation=delegation, email__iexact=email).update(
        revoked_at=now
    )
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        meeting=meeting,
        delegation=delegation,
        email=email,
        role=role,
        token_hash=hash_token(token),
        expires_at=now + valid_for,
        invited_by=invited_by,
    )
    activity_log(
        actor=invited_by,
        action="delegations.invitation.sent",
        obj=invitation,
        meeting=meeting,
        data={"email": email, "role": role, "delegation": delegation.name},
    )
    existing = User.objects.filter(email__iexact=email).only("preferred_language").first()
    mail_in_language(
        to=email,
        language=existing.preferred_language if existing else translation.get_language(),
        template="invitation",
        context={
            "invitation": invitation,
            "link": site_link("delegations:invitation", token=token),
            "inviter": invited_by,
        },
    )
    return invitation, token


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor) -> Invitation:
    revoked = Invitation.objects.usable().filter(pk=invitation.pk).update(revoked_at=timezone.now())
    if revoked != 1:
        raise ValidationError(_("This invitation was already used, revoked or expired."))
    invitation.refresh_from_db()
    activity_log(
        actor=actor,
        action="delegations.invitation.revoked",
        obj=invitation,
        meeting=invitation.meeting,
        data={"email": invitation.email},
    )
    return invitation
