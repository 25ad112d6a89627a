"""Deciding on registrations: approve, reject (with a reason), withdraw. One function per
transition; each logs the decision and mails the participant in their preferred language."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activity.services import activity_log
from delegations.hooks import registration_ended
from delegations.models import Registration
from delegations.permissions import decides_registration_delegation, is_own_registration
from delegations.services._common import (
    check_places,
    lock_and_check_sessions,
    lock_delegation,
    lock_registration,
    site_link,
)
from mailings.services import send_to_people
from roundtables.editions import ensure_open

Status = Registration.Status


def _refuse_decision(actor, registration: Registration, *, to: str) -> None:
    """Why the rule of the decision (delegations.approve_registration or reject_registration)
    refused it: nobody but those who decide for the delegation (PermissionDenied), or the state of
    the registration, which the person who decides is told."""
    if not actor.has_perm("delegations.decide_registration", registration):
        raise PermissionDenied
    if registration.status == to:
        if to == Status.APPROVED:
            raise ValidationError(_("This registration is already approved."), code="already_approved")
        raise ValidationError(_("This registration is already rejected."), code="already_rejected")
    if registration.status == Status.WITHDRAWN:
        raise ValidationError(_("This registration was withdrawn."), code="withdrawn")
    # A decision already taken is reversed only by the Chair's office.
    raise ValidationError(
        _("This registration was already %(status)s; only the Chair's office can change that decision.")
        % {"status": registration.get_status_display().lower()},
        code="decided",
    )


def _record(registration: Registration, *, status: str, actor, reason: str, action: str, data: dict) -> None:
    previous = registration.status
    registration.status = status
    registration.decided_by = actor
    registration.decided_at = timezone.now()
    registration.decision_reason = reason
    registration.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    activity_log(
        actor=actor,
        action=f"delegations.registration.{action}",
        obj=registration,
        meeting=registration.meeting,
        data={"from": previous, "reason": reason, **data},
    )
    send_to_people(
        f"delegations.registration_{action}",
        [registration.person],
        context={
            "registration": registration,
            "sessions": list(registration.sessions.order_by("starts_at", "order", "code")),
            "actor": actor,
            "by_someone_else": actor.pk != registration.person_id,
            "link": site_link("delegations:my_registration"),
        },
    )


@transaction.atomic
def registration_approve(*, registration: Registration, actor, reason: str = "") -> Registration:
    registration = lock_registration(registration)
    ensure_open(registration.meeting, actor)
    if not actor.has_perm("delegations.approve_registration", registration):
        _refuse_decision(actor, registration, to=Status.APPROVED)
    override = registration.status == Status.REJECTED
    if override:
        # A rejected registration held no place and no seat: it must find them again.
        lock_delegation(registration.delegation)
        check_places(
            delegation=registration.delegation,
            meeting=registration.meeting,
            role=registration.role,
            exclude=registration,
        )
        sessions = list(registration.sessions.all())
        lock_and_check_sessions(
            sessions,
            meeting=registration.meeting,
            role=registration.role,
            exclude=registration,
            new={s.pk for s in sessions},
        )
    # Every approval issues a new badge: one printed before a withdrawal or rejection no longer verifies.
    registration.badge_serial += 1
    registration.save(update_fields=["badge_serial"])
    _record(
        registration,
        status=Status.APPROVED,
        actor=actor,
        reason=reason.strip(),
        action="approved",
        data={"override": override},
    )
    return registration


@transaction.atomic
def registration_reject(*, registration: Registration, actor, reason: str) -> Registration:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the registration is rejected: the participant reads it.")})
    registration = lock_registration(registration)
    ensure_open(registration.meeting, actor)
    if not actor.has_perm("delegations.reject_registration", registration):
        _refuse_decision(actor, registration, to=Status.REJECTED)
    override = registration.status == Status.APPROVED
    _record(
        registration, status=Status.REJECTED, actor=actor, reason=reason, action="rejected", data={"override": override}
    )
    registration_ended(registration=registration, actor=actor)
    return registration


@transaction.atomic
def registration_withdraw(*, registration: Registration, actor, reason: str = "") -> Registration:
    """The participant (or whoever decides for the delegation) withdraws the registration; its
    place and seats are free at once."""
    registration = lock_registration(registration)
    ensure_open(registration.meeting, actor)
    if not actor.has_perm("delegations.withdraw_registration", registration):
        if not (is_own_registration | decides_registration_delegation).test(actor, registration):
            raise PermissionDenied
        raise ValidationError(_("Only a pending or approved registration can be withdrawn."), code="not_active")
    _record(
        registration,
        status=Status.WITHDRAWN,
        actor=actor,
        reason=reason.strip(),
        action="withdrawn",
        data={"by_participant": actor.pk == registration.person_id},
    )
    registration_ended(registration=registration, actor=actor)
    return registration


def registrations_approve_many(*, registrations: Iterable[Registration], actor) -> tuple[int, list[str]]:
    """Approve each registration in its own transaction; returns how many were approved and a
    message for each one that could not be. PermissionDenied (the actor does not decide for the
    delegation) is not caught: it refuses the whole request."""
    approved, problems = 0, []
    for registration in registrations:
        try:
            registration_approve(registration=registration, actor=actor)
        except ValidationError as exc:
            problems.append(f"{registration.person.display_name}: {' '.join(exc.messages)}")
        else:
            approved += 1
    return approved, problems
