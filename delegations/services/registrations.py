"""Registering for a meeting and changing one's registration."""

from collections.abc import Iterable

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activity.services import activity_log
from delegations.models import Delegation, Invitation, Registration, SessionChoice
from delegations.permissions import is_own_registration
from delegations.services._common import (
    check_places,
    lock_and_check_sessions,
    lock_delegation,
    lock_registration,
    require_not_retired,
    require_open,
    site_link,
)
from delegations.services.notifications import notify_deciders
from mailings.services import send_to_people
from roundtables.editions import ensure_open
from roundtables.models import Meeting, Session


def _use_invitation(invitation: Invitation, *, person, meeting: Meeting, delegation: Delegation) -> None:
    """Spend the invitation: only for its address, only once (a conditional UPDATE decides
    between two tabs submitting at the same moment), only before it expires."""
    if invitation.meeting_id != meeting.pk or invitation.delegation_id != delegation.pk:
        raise ValidationError(_("This invitation is for another delegation or meeting."), code="invitation_mismatch")
    if not EmailAddress.objects.filter(user=person, email__iexact=invitation.email, verified=True).exists():
        raise ValidationError(
            _("This invitation was sent to %(email)s. Sign in with that verified address to use it.")
            % {"email": invitation.email},
            code="invitation_other_address",
        )
    spent = Invitation.objects.usable().filter(pk=invitation.pk).update(used_at=timezone.now(), used_by=person)
    if spent != 1:
        raise ValidationError(_("This invitation has already been used, was revoked or has expired."))


@transaction.atomic
def registration_create(
    *,
    person,
    meeting: Meeting,
    delegation: Delegation,
    role: str,
    sessions: Iterable[Session],
    job_title: str = "",
    accessibility_needs: str = "",
    dietary_needs: str = "",
    visa_letter_needed: bool = False,
    public_list_consent: bool = False,
    invitation: Invitation | None = None,
) -> Registration:
    """Register `person` for `meeting` with `delegation`. The registration is pending until the
    person who decides for the delegation approves it. A person who withdrew may register again."""
    ensure_open(meeting, person)
    require_open(meeting)
    if invitation is not None:
        _use_invitation(invitation, person=person, meeting=meeting, delegation=delegation)
        role = invitation.role
    previous = Registration.objects.select_for_update().filter(meeting=meeting, person=person).first()
    if previous is not None and previous.status != Registration.Status.WITHDRAWN:
        raise ValidationError(_("You are already registered for this meeting."), code="already_registered")
    # Under the lock: a delegation retired while the person filled the form is refused too.
    require_not_retired(lock_delegation(delegation))
    check_places(delegation=delegation, meeting=meeting, role=role, exclude=previous)
    sessions = list(sessions)
    locked = lock_and_check_sessions(
        sessions, meeting=meeting, role=role, exclude=previous, new={session.pk for session in sessions}
    )
    registration = previous or Registration(meeting=meeting, person=person)
    registration.delegation = delegation
    registration.role = role
    registration.status = Registration.Status.PENDING
    registration.job_title = job_title
    registration.accessibility_needs = accessibility_needs
    registration.dietary_needs = dietary_needs
    registration.visa_letter_needed = visa_letter_needed
    registration.public_list_consent = public_list_consent
    registration.decided_by = None
    registration.decided_at = None
    registration.decision_reason = ""
    if previous is not None:
        registration.created_at = timezone.now()  # registered again: new to those who decide (digests)
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as exc:
        # The database's constraints are the last word should two requests race past the checks.
        if "one_head_per_delegation_and_meeting" in str(exc):
            raise ValidationError(
                {
                    "role": _("%(delegation)s already has a head of delegation for this meeting.")
                    % {"delegation": delegation.display_name}
                },
                code="head_taken",
            ) from exc
        raise ValidationError(_("You are already registered for this meeting."), code="already_registered") from exc
    registration.session_choices.all().delete()
    SessionChoice.objects.bulk_create(SessionChoice(registration=registration, session=s) for s in locked)
    activity_log(
        actor=person,
        action="delegations.registration.created",
        obj=registration,
        meeting=meeting,
        data={
            "delegation": delegation.name,
            "role": role,
            "sessions": [s.code for s in locked],
            "invitation": invitation.pk if invitation is not None else None,
            "again": previous is not None,
        },
    )
    context = {"registration": registration, "sessions": locked, "link": site_link("delegations:my_registration")}
    send_to_people("delegations.registration_received", [person], context=context)
    notify_deciders(registration)
    return registration


@transaction.atomic
def registration_change(
    *,
    registration: Registration,
    actor,
    sessions: Iterable[Session],
    job_title: str,
    accessibility_needs: str,
    dietary_needs: str,
    visa_letter_needed: bool,
    public_list_consent: bool,
    role: str | None = None,
) -> Registration:
    """Change the sessions and details of an active registration while registration is open. The
    role can change only while the registration is pending (an approved head stays the head)."""
    registration = lock_registration(registration)
    # delegations.change_registration: one's own registration, while it is active.
    if not is_own_registration.test(actor, registration):
        raise PermissionDenied
    ensure_open(registration.meeting, actor)
    require_open(registration.meeting)
    if not registration.is_active:
        raise ValidationError(_("A withdrawn or rejected registration cannot be changed."), code="not_active")
    role = role or registration.role
    if role != registration.role:
        if not actor.has_perm("delegations.change_registration_role", registration):
            raise ValidationError(
                {"role": _("Your role can no longer change: your registration has been approved.")},
                code="role_fixed",
            )
        lock_delegation(registration.delegation)
        check_places(delegation=registration.delegation, meeting=registration.meeting, role=role, exclude=registration)
    sessions = list(sessions)
    current = set(registration.session_choices.values_list("session_id", flat=True))
    locked = lock_and_check_sessions(
        sessions,
        meeting=registration.meeting,
        role=role,
        exclude=registration,
        new={session.pk for session in sessions} - current,
    )
    chosen = {session.pk for session in locked}
    registration.session_choices.exclude(session_id__in=chosen).delete()
    SessionChoice.objects.bulk_create(
        SessionChoice(registration=registration, session=s) for s in locked if s.pk not in current
    )
    old_role = registration.role
    registration.role = role
    registration.job_title = job_title
    registration.accessibility_needs = accessibility_needs
    registration.dietary_needs = dietary_needs
    registration.visa_letter_needed = visa_letter_needed
    registration.public_list_consent = public_list_consent
    registration.save()
    activity_log(
        actor=actor,
        action="delegations.registration.changed",
        obj=registration,
        meeting=registration.meeting,
        data={
            "sessions": sorted(s.code for s in locked),
            "added": sorted(s.code for s in locked if s.pk not in current),
            "removed": sorted(Session.objects.filter(pk__in=current - chosen).values_list("code", flat=True)),
            **({"role": [old_role, role]} if old_role != role else {}),
        },
    )
    return registration
