"""Invitations: a focal point invites a person, by e-mail, to register with the delegation.

The link is made when the invitation's mail is sent (mailings.links, "delegations.invitation"), as
every e-mail invitation's is (accounts.invitations: a rotated hash, never a stored link).

A focal point learns nothing of people outside the delegation: inviting someone registered with
another delegation answers exactly as inviting a newcomer; the invitee sees the conflict when
opening the link (their registration is theirs to withdraw)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.invitations import hash_token, link_maker, unopenable_hash
from accounts.models import User
from activity.services import activity_log
from delegations.models import Delegation, Invitation, Registration
from delegations.permissions import InMeeting
from delegations.services._common import lock_delegation, require_not_retired, require_open, require_perm
from mailings.links import LINK_MARKER
from mailings.services import Address, send_to_people
from roundtables.editions import ensure_open
from roundtables.models import Meeting

INVITATION_VALIDITY = dt.timedelta(days=14)
INVITATION_LINK = "delegations.invitation"


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
) -> Invitation:
    """Create the invitation and queue its mail (the link is made when the mail is sent). An
    earlier open invitation to the same address is revoked."""
    require_perm(invited_by, "delegations.invite_to_delegation", InMeeting.of(delegation, meeting))
    ensure_open(meeting, invited_by)
    require_open(meeting)
    require_not_retired(lock_delegation(delegation))  # read afresh: retired since the page was read
    email = User.objects.normalize_email(email).strip().lower()
    # Only the delegation's own registrations are checked: they are on the focal point's page
    # anyway, while a registration with another delegation is none of the focal point's business.
    ours = Registration.objects.active().filter(meeting=meeting, delegation=delegation)
    if ours.filter(person__email__iexact=email).exists():
        raise ValidationError(
            {"email": _("%(email)s is already registered with your delegation for this meeting.") % {"email": email}}
        )
    if (
        role == Registration.Role.HEAD
        and Registration.objects.active().filter(meeting=meeting, delegation=delegation, role=role).exists()
    ):
        raise ValidationError({"role": _("The delegation already has a head of delegation for this meeting.")})
    now = timezone.now()
    Invitation.objects.usable().filter(meeting=meeting, delegation=delegation, email__iexact=email).update(
        revoked_at=now
    )
    invitation = Invitation.objects.create(
        meeting=meeting,
        delegation=delegation,
        email=email,
        role=role,
        # A hash nobody holds the token of: the invitation opens nothing until its mail is sent.
        token_hash=unopenable_hash(),
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
    send_to_people(
        "delegations.invitation",
        [Address.of(email)],
        context={"invitation": invitation, "link": LINK_MARKER, "inviter": invited_by},
        link_kind=INVITATION_LINK,
        link_object_id=invitation.pk,
    )
    return invitation


# The mailings link provider ("delegations.invitation").
invitation_link_mint = link_maker(Invitation, "delegations:invitation")


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor) -> Invitation:
    require_perm(actor, "delegations.invite_to_delegation", InMeeting.of(invitation.delegation, invitation.meeting_id))
    ensure_open(invitation.meeting, actor)
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
