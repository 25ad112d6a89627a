"""Membership per meeting: the Steering Group, the Friends of the Forum and the focal points of a
delegation are the Chair's office's decision for each meeting (issue 15, item 3). A 2010 focal point
has no rights on 2011 until nominated for 2011 and accepted.

Focal points are nominated by mail (FocalPointNomination, an EmailInvitation): the link is made when
the mail is sent (mailings.links, "delegations.focal_point_nomination"), so neither the table nor the
outbox holds a link that opens the nomination (accounts.invitations).

Who may accept: the person signed in with an account whose verified addresses include the nominated
one, whether they had an account already or sign up through the link (sign-up verifies the address
before the account can accept). We chose this over "any signed-in account after sign-up": a focal
point decides for a government, so a forwarded or leaked mail must not hand that power to whoever
opens it first.

Replacing a focal point hands over pending decisions: nothing is assigned to a focal point by name
(pending registrations belong to the delegation and meeting, and the rules ask "focal point of the
registration's delegation in the registration's meeting"), so when the new focal point accepts, the
replaced one's role ends in the same transaction and everything pending waits for the new one."""

import datetime as dt

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.invitations import hash_token, link_maker, unopenable_hash
from accounts.models import User
from activity.services import activity_log
from delegations.models import Delegation, FocalPoint, FocalPointNomination, MeetingMembership
from delegations.permissions import InMeeting
from delegations.services._common import lock_delegation, require_not_retired, require_perm
from mailings.links import LINK_MARKER
from mailings.services import Address, send_to_people
from roundtables.editions import ensure_open
from roundtables.models import Meeting

ADMINISTER_MEMBERSHIP = "delegations.administer_membership"
NOMINATION_VALIDITY = dt.timedelta(days=14)
NOMINATION_LINK = "delegations.focal_point_nomination"


def _role_taken_message(focal_point: FocalPoint, *, email: str, delegation: Delegation) -> str:
    if focal_point.delegation_id == delegation.pk:
        return _("%(email)s is already a focal point of %(delegation)s for %(meeting)s.") % {
            "email": email,
            "delegation": delegation.display_name,
            "meeting": focal_point.meeting.title,
        }
    return _(
        "%(email)s is already the focal point of %(other)s for %(meeting)s: a person is focal point of "
        "one delegation per meeting. Revoke that role first, or nominate someone else."
    ) % {"email": email, "other": focal_point.delegation.display_name, "meeting": focal_point.meeting.title}


def _role_held_by_address(email: str, *, meeting: Meeting) -> FocalPoint | None:
    """The focal-point role in this meeting of whoever owns this address (verified or their account's)."""
    owners = EmailAddress.objects.filter(email__iexact=email, verified=True).values("user_id")
    return (
        FocalPoint.objects.filter(meeting=meeting)
        .filter(Q(user__email__iexact=email) | Q(user__in=owners))
        .select_related("delegation", "meeting")
        .first()
    )


@transaction.atomic
def membership_set(
    *, delegation: Delegation, meeting: Meeting, actor, steering_group: bool, friends_of_the_forum: bool
) -> MeetingMembership:
    """Set the delegation's Steering Group and Friends of the Forum membership for the meeting."""
    require_perm(actor, ADMINISTER_MEMBERSHIP, InMeeting.of(delegation, meeting))
    ensure_open(meeting, actor)
    lock_delegation(delegation)
    membership, created = MeetingMembership.objects.select_for_update().get_or_create(
        delegation=delegation, meeting=meeting
    )
    before = {"steering_group": membership.steering_group, "friends_of_the_forum": membership.friends_of_the_forum}
    after = {"steering_group": bool(steering_group), "friends_of_the_forum": bool(friends_of_the_forum)}
    if before == after and not created:
        return membership
    membership.steering_group = after["steering_group"]
    membership.friends_of_the_forum = after["friends_of_the_forum"]
    membership.save()
    activity_log(
        actor=actor,
        action="delegations.membership.set",
        obj=delegation,
        meeting=meeting,
        data={"meeting": meeting.number, "before": before, "after": after},
    )
    return membership


@transaction.atomic
def focal_point_nominate(
    *,
    delegation: Delegation,
    meeting: Meeting,
    email: str,
    actor,
    replaces: FocalPoint | None = None,
    valid_for: dt.timedelta = NOMINATION_VALIDITY,
) -> FocalPointNomination:
    """Nominate, by mail, a focal point of the delegation for the meeting (replacing `replaces` once
    accepted). An earlier open nomination of the same address for the delegation is revoked."""
    require_perm(actor, ADMINISTER_MEMBERSHIP, InMeeting.of(delegation, meeting))
    ensure_open(meeting, actor)
    require_not_retired(lock_delegation(delegation))
    email = User.objects.normalize_email(email or "").strip().lower()
    if not email:
        raise ValidationError({"email": _("Enter the focal point's e-mail address.")})
    if replaces is not None and (replaces.delegation_id != delegation.pk or replaces.meeting_id != meeting.pk):
        raise ValidationError({"replaces": _("Choose a focal point of this delegation for this meeting.")})
    held = _role_held_by_address(email, meeting=meeting)
    if held is not None and (replaces is None or held.pk != replaces.pk):
        raise ValidationError({"email": _role_taken_message(held, email=email, delegation=delegation)}, code="taken")
    now = timezone.now()
    FocalPointNomination.objects.usable().filter(meeting=meeting, delegation=delegation, email__iexact=email).update(
        revoked_at=now
    )
    nomination = FocalPointNomination.objects.create(
        meeting=meeting,
        delegation=delegation,
        email=email,
        replaces=replaces,
        # A hash nobody holds the token of: the nomination opens nothing until its mail is sent.
        token_hash=unopenable_hash(),
        expires_at=now + valid_for,
        invited_by=actor,
    )
    activity_log(
        actor=actor,
        action="delegations.focal_point.nominated",
        obj=delegation,
        meeting=meeting,
        data={
            "email": email,
            "meeting": meeting.number,
            "replaces": replaces.user.email if replaces is not None else "",
        },
    )
    send_to_people(
        "delegations.focal_point_nomination",
        [Address.of(email)],
        context={"nomination": nomination, "link": LINK_MARKER, "inviter": actor},
        link_kind=NOMINATION_LINK,
        link_object_id=nomination.pk,
    )
    return nomination


# The mailings link provider ("delegations.focal_point_nomination").
nomination_link_mint = link_maker(FocalPointNomination, "delegations:focal_point_accept")


def nomination_by_token(token: str) -> FocalPointNomination | None:
    return (
        FocalPointNomination.objects.select_related("meeting", "delegation", "invited_by", "replaces__user")
        .filter(token_hash=hash_token(token))
        .first()
    )


def may_accept(user, nomination: FocalPointNomination) -> bool:
    """The nominated address is one of the person's verified addresses (see the module's note)."""
    return (
        user is not None
        and user.is_authenticated
        and EmailAddress.objects.filter(user=user, email__iexact=nomination.email, verified=True).exists()
    )


@transaction.atomic
def focal_point_accept(*, token: str, user) -> FocalPoint:
    """The nominated person accepts: they become focal point of the delegation for the meeting (once);
    the focal point the nomination replaces stops being one, and what was pending waits for them."""
    if user is None or not user.is_authenticated:
        raise PermissionDenied
    nomination = (
        FocalPointNomination.objects.select_for_update()
        .filter(token_hash=hash_token(token))
        .usable()
        .select_related("meeting", "delegation")
        .first()
    )
    if nomination is None:
        raise ValidationError(
            _("This nomination link is no longer valid: it was used, revoked or has expired. Ask the Chair's office.")
        )
    if not may_accept(user, nomination):
        raise ValidationError(
            _("This nomination was sent to %(email)s: sign in with that address to accept it.")
            % {"email": nomination.email}
        )
    delegation, meeting = nomination.delegation, nomination.meeting
    ensure_open(meeting, user)  # a nomination for a meeting closed since it was sent is not accepted
    require_not_retired(lock_delegation(delegation))
    replaced = None
    if nomination.replaces_id:
        replaced = FocalPoint.objects.select_for_update().filter(pk=nomination.replaces_id).first()
    held = FocalPoint.objects.filter(meeting=meeting, user=user).select_related("delegation", "meeting").first()
    if held is not None and (replaced is None or held.pk != replaced.pk):
        raise ValidationError(_role_taken_message(held, email=nomination.email, delegation=delegation), code="taken")
    if replaced is not None:
        replaced_email = replaced.user.email
        replaced.delete()
    try:
        with transaction.atomic():
            focal_point = FocalPoint.objects.create(
                delegation=delegation, meeting=meeting, user=user, nominated_by=nomination.invited_by
            )
    except IntegrityError as exc:  # a second acceptance raced past the check above
        raise ValidationError(_("You already hold a focal-point role for this meeting."), code="taken") from exc
    nomination.used_at = timezone.now()
    nomination.used_by = user
    nomination.save(update_fields=["used_at", "used_by"])
    activity_log(
        actor=user,
        action="delegations.focal_point.accepted",
        obj=delegation,
        meeting=meeting,
        data={
            "email": user.email,
            "meeting": meeting.number,
            "replaces": replaced_email if replaced is not None else "",
        },
    )
    return focal_point


@transaction.atomic
def focal_point_revoke(*, focal_point: FocalPoint, actor) -> None:
    """End a person's focal-point role for the meeting (their other meetings' roles stay)."""
    require_perm(actor, ADMINISTER_MEMBERSHIP, InMeeting(focal_point.delegation, focal_point.meeting_id))
    ensure_open(focal_point.meeting, actor)
    deleted, _rows = FocalPoint.objects.filter(pk=focal_point.pk).delete()
    if not deleted:
        raise ValidationError(_("This person is no longer a focal point of the delegation."))
    activity_log(
        actor=actor,
        action="delegations.focal_point.revoked",
        obj=focal_point.delegation,
        meeting=focal_point.meeting,
        data={"email": focal_point.user.email, "meeting": focal_point.meeting.number},
    )


@transaction.atomic
def focal_point_nomination_revoke(*, nomination: FocalPointNomination, actor) -> FocalPointNomination:
    require_perm(actor, ADMINISTER_MEMBERSHIP, InMeeting(nomination.delegation, nomination.meeting_id))
    ensure_open(nomination.meeting, actor)
    if FocalPointNomination.objects.usable().filter(pk=nomination.pk).update(revoked_at=timezone.now()) != 1:
        raise ValidationError(_("This nomination was already accepted, revoked or has expired."))
    nomination.refresh_from_db()
    activity_log(
        actor=actor,
        action="delegations.focal_point.nomination_revoked",
        obj=nomination.delegation,
        meeting=nomination.meeting,
        data={"email": nomination.email, "meeting": nomination.meeting.number},
    )
    return nomination
