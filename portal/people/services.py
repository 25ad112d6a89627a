"""The Chair's office's changes to people: each checks the rule (accounts.administer_people), saves,
logs and mails in one transaction.

Ending a person's sessions: a new `session_salt` changes their session hash (accounts.models.User), so
Django's get_user() flushes every session they hold at its next request, whatever the session engine;
nothing has to find the sessions, and a later reactivation does not bring them back."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.invitations import hash_token, link_maker, unopenable_hash
from accounts.models import StaffInvitation, User
from accounts.roles import SUPPORT
from accounts.services import end_sessions, role_group
from activity.services import activity_log
from mailings.links import LINK_MARKER
from mailings.services import Address, send_to_people

STAFF_INVITATION_VALIDITY = dt.timedelta(days=14)
STAFF_INVITATION_LINK = "portal.staff_invitation"


def require_admin(actor) -> None:
    """The views turn the refusal into 403."""
    if actor is None or not actor.has_perm("accounts.administer_people"):
        raise PermissionDenied


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give a reason: it is kept in the activity log.")})
    return reason


def _lock(person: User) -> User:
    return User.objects.select_for_update().get(pk=person.pk)


@transaction.atomic
def person_deactivate(*, actor, person: User, reason: str) -> User:
    """Refuse the person's sign-in (allauth shows its inactive-account page) and end their sessions;
    everything they did stays, with their name."""
    require_admin(actor)
    reason = _reason(reason)
    if person.pk == actor.pk:
        raise ValidationError(_("You cannot deactivate your own account: ask a colleague of the Chair's office."))
    person = _lock(person)
    if person.is_superuser:
        raise ValidationError(_("A site administrator's account is managed by the site's administrators."))
    if not person.is_active:
        raise ValidationError(_("This account is already deactivated."))
    person.is_active = False
    end_sessions(person)
    person.save(update_fields=["is_active", "session_salt"])
    activity_log(actor=actor, action="portal.person.deactivated", obj=person, data={"reason": reason})
    return person


@transaction.atomic
def person_reactivate(*, actor, person: User, reason: str) -> User:
    require_admin(actor)
    reason = _reason(reason)
    person = _lock(person)
    if person.is_active:
        raise ValidationError(_("This account is already active."))
    person.is_active = True
    person.save(update_fields=["is_active"])
    activity_log(actor=actor, action="portal.person.reactivated", obj=person, data={"reason": reason})
    return person


@transaction.atomic
def require_support(actor) -> None:
    """The global staff page runs portal support (the operators); each meeting's Chair's office runs its
    own staff (roundtables.services.staff)."""
    if actor is None or not actor.has_perm("accounts.administer_support"):
        raise PermissionDenied


def staff_invite(*, actor, email: str, valid_for: dt.timedelta = STAFF_INVITATION_VALIDITY) -> StaffInvitation:
    """Invite a colleague to portal support; the mail's link is made when it is sent. An earlier
    open invitation to the same address is withdrawn."""
    require_support(actor)
    email = User.objects.normalize_email(email).strip().lower()
    if User.objects.filter(email__iexact=email, groups__name=SUPPORT).exists():
        raise ValidationError({"email": _("%(email)s is already a member of portal support.") % {"email": email}})
    now = timezone.now()
    StaffInvitation.objects.usable().filter(email__iexact=email).update(revoked_at=now)
    invitation = StaffInvitation.objects.create(
        email=email,
        token_hash=unopenable_hash(),
        expires_at=now + valid_for,
        invited_by=actor,
    )
    activity_log(actor=actor, action="portal.staff.invited", obj=invitation, data={"email": email})
    send_to_people(
        "portal.staff_invitation",
        [Address.of(email)],
        context={"invitation": invitation, "link": LINK_MARKER, "inviter": actor},
        link_kind=STAFF_INVITATION_LINK,
        link_object_id=invitation.pk,
    )
    return invitation


# The mailings link provider ("portal.staff_invitation").
staff_invitation_link_mint = link_maker(StaffInvitation, "people:staff_join")


def staff_invitation_by_token(token: str) -> StaffInvitation | None:
    return StaffInvitation.objects.select_related("invited_by").filter(token_hash=hash_token(token)).first()


@transaction.atomic
def staff_invitation_withdraw(*, actor, invitation: StaffInvitation) -> StaffInvitation:
    require_support(actor)
    if StaffInvitation.objects.usable().filter(pk=invitation.pk).update(revoked_at=timezone.now()) != 1:
        raise ValidationError(_("This invitation was already used, withdrawn or expired."))
    invitation.refresh_from_db()
    activity_log(actor=actor, action="portal.staff.withdrawn", obj=invitation, data={"email": invitation.email})
    return invitation


@transaction.atomic
def staff_join(*, token: str, user) -> StaffInvitation:
    """The invited person, signed in with the invited address, joins the Chair's office (once)."""
    if user is None or not user.is_authenticated:
        raise PermissionDenied
    invitation = StaffInvitation.objects.select_for_update().filter(token_hash=hash_token(token)).usable().first()
    if invitation is None:
        raise ValidationError(
            _(
                "This invitation link is no longer valid: it was used, withdrawn or has expired. "
                "Ask the Chair's office for a new one."
            )
        )
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(
            _("This invitation was sent to %(email)s: sign in with that address to accept it.")
            % {"email": invitation.email}
        )
    user.groups.add(role_group(SUPPORT))
    invitation.used_at = timezone.now()
    invitation.used_by = user
    invitation.save(update_fields=["used_at", "used_by"])
    activity_log(
        actor=user,
        action="portal.staff.joined",
        obj=user,
        data={"invited_by": invitation.invited_by.email if invitation.invited_by else ""},
    )
    return invitation


@transaction.atomic
def staff_revoke(*, actor, member: User, reason: str) -> User:
    """Remove a member from portal support and end their sessions. The members' rows are locked
    first, so two revocations at once cannot leave support empty."""
    require_support(actor)
    reason = _reason(reason)
    members = list(
        User.objects.select_for_update()
        .filter(groups__name=SUPPORT, is_active=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    member = _lock(member)
    if not member.groups.filter(name=SUPPORT).exists():
        raise ValidationError(_("%(name)s is not a member of portal support.") % {"name": member.display_name})
    if members == [member.pk]:
        raise ValidationError(
            _("%(name)s is the last member of portal support: invite a colleague before removing them.")
            % {"name": member.display_name}
        )
    member.groups.remove(role_group(SUPPORT))
    end_sessions(member)
    member.save(update_fields=["session_salt"])
    activity_log(actor=actor, action="portal.staff.revoked", obj=member, data={"reason": reason})
    return member
