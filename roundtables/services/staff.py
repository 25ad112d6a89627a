"""A meeting's Chair's office staff: invited by mail (the one-time, hashed links of accounts.invitations,
as the portal support page's), joined by the invited person, revoked by a colleague. Revocation ends the
person's sessions (accounts.services.end_sessions, as deactivation does), so a revoked officer's open
browser is signed out at its next request."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.invitations import hash_token, link_maker, unopenable_hash
from accounts.models import User
from accounts.services import end_sessions
from activity.services import activity_log
from gfmd import languages
from mailings.links import LINK_MARKER
from mailings.services import Address, send_to_people
from roundtables.editions import ensure_open
from roundtables.models import Meeting, MeetingRole, MeetingStaffInvitation

MEETING_STAFF_INVITATION_VALIDITY = dt.timedelta(days=14)
MEETING_STAFF_INVITATION_LINK = "roundtables.meeting_staff_invitation"
MANAGE_MEETING_STAFF = "roundtables.manage_meeting_staff"


def require_staff_admin(actor, meeting: Meeting) -> None:
    if actor is None or not actor.has_perm(MANAGE_MEETING_STAFF, meeting):
        raise PermissionDenied


def _normalised(email: str) -> str:
    return User.objects.normalize_email(email or "").strip().lower()


def _invite(*, meeting: Meeting, actor, email: str, role: str, valid_for: dt.timedelta) -> MeetingStaffInvitation:
    """The invitation and its mail, without the rule (meeting_prepare invites the next meeting's staff
    under its own rule). An earlier open invitation to the same address for this meeting is withdrawn."""
    email = _normalised(email)
    if MeetingRole.objects.active().filter(meeting=meeting, role=role, user__email__iexact=email).exists():
        raise ValidationError(
            {"email": _("%(email)s is already on the staff of %(meeting)s.") % {"email": email, "meeting": meeting}}
        )
    now = timezone.now()
    MeetingStaffInvitation.objects.usable().filter(meeting=meeting, role=role, email__iexact=email).update(
        revoked_at=now
    )
    invitation = MeetingStaffInvitation.objects.create(
        meeting=meeting,
        role=role,
        email=email,
        token_hash=unopenable_hash(),
        expires_at=now + valid_for,
        invited_by=actor,
    )
    activity_log(
        actor=actor,
        action="roundtables.staff.invited",
        obj=invitation,
        meeting=meeting,
        data={"email": email, "role": role},
    )
    send_to_people(
        "roundtables.meeting_staff_invitation",
        [Address.of(email)],
        context={"invitation": invitation, "meeting": meeting, "link": LINK_MARKER, "inviter": actor},
        link_kind=MEETING_STAFF_INVITATION_LINK,
        link_object_id=invitation.pk,
    )
    return invitation


@transaction.atomic
def meeting_staff_invite(
    *,
    meeting: Meeting,
    actor,
    email: str,
    role: str = MeetingRole.Role.CHAIR_STAFF,
    valid_for: dt.timedelta = MEETING_STAFF_INVITATION_VALIDITY,
) -> MeetingStaffInvitation:
    """Invite a colleague to this meeting's Chair's office; the mail's link is made when it is sent."""
    require_staff_admin(actor, meeting)
    return _invite(meeting=meeting, actor=actor, email=email, role=role, valid_for=valid_for)


# The mailings link provider ("roundtables.meeting_staff_invitation").
meeting_staff_invitation_link_mint = link_maker(MeetingStaffInvitation, "roundtables:staff_join")


def meeting_staff_invitation_by_token(token: str) -> MeetingStaffInvitation | None:
    return (
        MeetingStaffInvitation.objects.select_related("invited_by", "meeting")
        .filter(token_hash=hash_token(token))
        .first()
    )


@transaction.atomic
def meeting_staff_invitation_withdraw(*, actor, invitation: MeetingStaffInvitation) -> MeetingStaffInvitation:
    require_staff_admin(actor, invitation.meeting)
    if MeetingStaffInvitation.objects.usable().filter(pk=invitation.pk).update(revoked_at=timezone.now()) != 1:
        raise ValidationError(_("This invitation was already used, withdrawn or expired."))
    invitation.refresh_from_db()
    activity_log(
        actor=actor,
        action="roundtables.staff.withdrawn",
        obj=invitation,
        meeting=invitation.meeting,
        data={"email": invitation.email},
    )
    return invitation


@transaction.atomic
def meeting_staff_join(*, token: str, user) -> MeetingRole:
    """The invited person, signed in with the invited address, takes the role (once)."""
    if user is None or not user.is_authenticated:
        raise PermissionDenied
    invitation = (
        MeetingStaffInvitation.objects.select_for_update(of=("self",))
        .select_related("meeting", "invited_by")
        .filter(token_hash=hash_token(token))
        .usable()
        .first()
    )
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
    role, _created = MeetingRole.objects.get_or_create(
        meeting=invitation.meeting,
        user=user,
        role=invitation.role,
        revoked_at=None,
        defaults={"granted_by": invitation.invited_by},
    )
    invitation.used_at = timezone.now()
    invitation.used_by = user
    invitation.save(update_fields=["used_at", "used_by"])
    activity_log(
        actor=user,
        action="roundtables.staff.joined",
        obj=role,
        meeting=invitation.meeting,
        data={"invited_by": invitation.invited_by.email if invitation.invited_by else "", "role": role.role},
    )
    return role


@transaction.atomic
def meeting_staff_revoke(*, actor, role: MeetingRole, reason: str = "") -> MeetingRole:
    """End a person's role in the meeting and their sessions. The meeting's active staff rows are locked
    first, so two revocations at once cannot leave the meeting without a Chair's office."""
    meeting = role.meeting
    require_staff_admin(actor, meeting)
    active = list(
        MeetingRole.objects.select_for_update()
        .active()
        .filter(meeting=meeting, role=role.role, user__is_active=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    role = MeetingRole.objects.select_for_update().select_related("user").get(pk=role.pk)
    if role.revoked_at is not None:
        raise ValidationError(_("%(name)s is no longer on this meeting's staff.") % {"name": role.user.display_name})
    if active == [role.pk]:
        raise ValidationError(
            _("%(name)s is the last member of this meeting's Chair's office: invite a colleague before removing them.")
            % {"name": role.user.display_name}
        )
    role.revoked_at = timezone.now()
    role.save(update_fields=["revoked_at"])
    member = User.objects.select_for_update().get(pk=role.user_id)
    end_sessions(member)
    member.save(update_fields=["session_salt"])
    activity_log(
        actor=actor,
        action="roundtables.staff.revoked",
        obj=role,
        meeting=meeting,
        data={"email": member.email, "role": role.role, "reason": (reason or "").strip()},
    )
    return role


# -- Roles the Chair's office names directly ----------------------------------------------------------
# Named directly (no invitation): the Chair's office names an existing account to a role in its meeting.
# The civil-society coordinator decides on the meeting's civil-society registrations (delegations.permissions,
# through roundtables.permissions.coordinates_civil_society_of); a translator translates the meeting's
# outcomes, papers' abstracts and sessions' descriptions into one working language (outcomes.permissions,
# papers.permissions, roundtables.permissions.translates_into).

CIVIL_SOCIETY_COORDINATOR = MeetingRole.Role.CIVIL_SOCIETY_COORDINATOR
TRANSLATOR_ROLES = (MeetingRole.Role.TRANSLATOR_EN, MeetingRole.Role.TRANSLATOR_FR, MeetingRole.Role.TRANSLATOR_ES)
CHECKIN_STAFF = MeetingRole.Role.CHECKIN_STAFF  # checks badges in at the door (logistics' check-in)
NAMED_ROLES = (CIVIL_SOCIETY_COORDINATOR, *TRANSLATOR_ROLES, CHECKIN_STAFF)


def role_words(role: str) -> str:
    """The role as it reads inside a sentence ("civil-society coordinator", "translator into French")."""
    label = str(MeetingRole.Role(role).label)
    return label[:1].lower() + label[1:]


def _what_you_can_do(role: str) -> str:
    if role == CIVIL_SOCIETY_COORDINATOR:
        return _("As civil-society coordinator you decide on the meeting's civil-society registrations.")
    if role == CHECKIN_STAFF:
        return _("As check-in staff you check the participants' badges in at the door on the meeting days.")
    return _(
        "As translator you translate the meeting's outcomes, the abstracts of its background papers and the "
        "descriptions of its sessions into %(language)s. Your queue lists what awaits your language."
    ) % {"language": languages.NAMES[MeetingRole(role=role).translates_into]}


def _link(role: str, meeting: Meeting) -> str:
    if role == CIVIL_SOCIETY_COORDINATOR:
        return settings.SITE_URL + reverse("delegations:civil_society", kwargs={"number": meeting.number})
    if role == CHECKIN_STAFF:
        # The door page (logistics), named by its URL: roundtables does not import it.
        return settings.SITE_URL + reverse("logistics:checkin_door", kwargs={"number": meeting.number})
    # The translator's queue (portal.translations), named by its URL: roundtables does not import it.
    return settings.SITE_URL + reverse("translator:queue", kwargs={"number": meeting.number})


def _mail_named(role: MeetingRole) -> None:
    """Tell the person, in their language, the role they now hold and where to use it. Queued in the
    caller's transaction, so a refused naming mails nobody."""
    meeting = role.meeting

    def worded(person) -> dict:  # called in the person's language
        return {
            "meeting": meeting,
            "role": role_words(role.role),
            "what_you_can_do": _what_you_can_do(role.role),
            "link": _link(role.role, meeting),
        }

    send_to_people("roundtables.meeting_role_named", [role.user], context=worded)


@transaction.atomic
def meeting_role_name(*, meeting: Meeting, user: User, role: str, actor) -> MeetingRole:
    """Name `user` to a role the Chair's office gives directly in its meeting (NAMED_ROLES): the
    meeting's staff or support, on an open meeting, an active account not already holding the role."""
    if role not in NAMED_ROLES:
        raise ValueError(f"{role} is not named directly.")
    require_staff_admin(actor, meeting)
    ensure_open(meeting, actor)
    if not user.is_active:
        raise ValidationError({"email": _("%(email)s's account is deactivated.") % {"email": user.email}})
    # Locks the person's row: two namings at once cannot both pass the check below.
    User.objects.select_for_update().filter(pk=user.pk).first()
    if MeetingRole.objects.active().filter(meeting=meeting, user=user, role=role).exists():
        raise ValidationError(
            {
                "email": _("%(email)s is already %(role)s of %(meeting)s.")
                % {"email": user.email, "role": role_words(role), "meeting": meeting}
            }
        )
    named = MeetingRole.objects.create(meeting=meeting, user=user, role=role, granted_by=actor)
    data = {"email": user.email, "role": role}
    if role == CHECKIN_STAFF:
        activity_log(actor=actor, action="roundtables.checkin_staff.named", obj=named, meeting=meeting, data=data)
    else:
        activity_log(
            actor=actor,
            action="roundtables.coordinator.named"
            if role == CIVIL_SOCIETY_COORDINATOR
            else "roundtables.translator.named",
            obj=named,
            meeting=meeting,
            data=data,
        )
    _mail_named(named)
    return named


@transaction.atomic
def meeting_role_revoke(*, role: MeetingRole, actor) -> MeetingRole:
    """End a named role (NAMED_ROLES) in the meeting; the row stays as history, with its date."""
    meeting = role.meeting
    require_staff_admin(actor, meeting)
    ensure_open(meeting, actor)
    role = MeetingRole.objects.select_for_update().select_related("user").get(pk=role.pk)
    if role.role not in NAMED_ROLES or role.revoked_at is not None:
        raise ValidationError(
            _("%(name)s is no longer %(role)s of this meeting.")
            % {"name": role.user.display_name, "role": role_words(role.role)}
        )
    role.revoked_at = timezone.now()
    role.save(update_fields=["revoked_at"])
    data = {"email": role.user.email, "role": role.role}
    if role.role == CHECKIN_STAFF:
        activity_log(actor=actor, action="roundtables.checkin_staff.revoked", obj=role, meeting=meeting, data=data)
    else:
        activity_log(
            actor=actor,
            action=(
                "roundtables.coordinator.revoked"
                if role.role == CIVIL_SOCIETY_COORDINATOR
                else "roundtables.translator.revoked"
            ),
            obj=role,
            meeting=meeting,
            data=data,
        )
    return role


def coordinator_name(*, meeting: Meeting, user: User, actor) -> MeetingRole:
    """Name `user` the meeting's civil-society coordinator (the meeting's staff or support)."""
    return meeting_role_name(meeting=meeting, user=user, role=CIVIL_SOCIETY_COORDINATOR, actor=actor)


def coordinator_revoke(*, role: MeetingRole, actor) -> MeetingRole:
    """End a civil-society coordinator's role in the meeting (kept as history, with its date)."""
    if role.role != CIVIL_SOCIETY_COORDINATOR:
        raise ValidationError(
            _("%(name)s is no longer civil-society coordinator of this meeting.") % {"name": role.user.display_name}
        )
    return meeting_role_revoke(role=role, actor=actor)


def translator_name(*, meeting: Meeting, user: User, language: str, actor) -> MeetingRole:
    """Name `user` translator into `language` (a working language) for the meeting."""
    return meeting_role_name(meeting=meeting, user=user, role=MeetingRole.translator_role(language), actor=actor)
