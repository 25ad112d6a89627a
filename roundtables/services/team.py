"""Form a session's team: co-chair and member delegations; moderator, rapporteur, authors, speakers."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from activity.services import activity_log
from roundtables.models import Meeting, Session, SessionDelegation, SessionPerson
from roundtables.schedule import person_clash_error


@transaction.atomic
def team_delegation_add(*, session: Session, delegation, role: str, actor) -> SessionDelegation:
    existing = session.team_delegations.filter(delegation=delegation).first()
    if existing is not None:
        raise ValidationError(
            {
                "delegation": _("%(delegation)s is already on this team as %(role)s.")
                % {"delegation": delegation, "role": existing.get_role_display().lower()}
            }
        )
    team_delegation = SessionDelegation.objects.create(session=session, delegation=delegation, role=role)
    activity_log(
        actor=actor,
        action="roundtables.team.delegation_added",
        obj=session,
        meeting=session.meeting,
        data={"delegation": delegation.name, "role": role},
    )
    return team_delegation


@transaction.atomic
def team_delegation_remove(*, team_delegation: SessionDelegation, actor) -> None:
    session = team_delegation.session
    activity_log(
        actor=actor,
        action="roundtables.team.delegation_removed",
        obj=session,
        meeting=session.meeting,
        data={"delegation": team_delegation.delegation.name, "role": team_delegation.role},
    )
    team_delegation.delete()


def _require_co_chair(session: Session, delegation) -> None:
    if (
        delegation is None
        or not session.team_delegations.filter(delegation=delegation, role=SessionDelegation.Role.CO_CHAIR).exists()
    ):
        raise ValidationError(
            {"delegation": _("Choose one of the session's co-chair governments for a co-chair's representative.")}
        )


@transaction.atomic
def team_person_add(*, session: Session, person, role: str, actor, delegation=None) -> SessionPerson:
    """Name a person on the team; a co-chair's representative, for one co-chair government (`delegation`)."""
    if role == SessionPerson.Role.CO_CHAIR_REPRESENTATIVE:
        _require_co_chair(session, delegation)
    else:
        delegation = None
    if session.team_people.filter(person=person, role=role).exists():
        raise ValidationError(
            {
                "person": _("%(person)s is already %(role)s of this session.")
                % {"person": person.display_name, "role": SessionPerson.Role(role).label.lower()}
            }
        )
    Meeting.objects.select_for_update().filter(pk=session.meeting_id).first()  # one schedule change at a time
    clash = person_clash_error(session=session, person=person)
    if clash:
        raise ValidationError({"person": clash})
    team_person = SessionPerson.objects.create(session=session, person=person, role=role, delegation=delegation)
    activity_log(
        actor=actor,
        action="roundtables.team.person_added",
        obj=session,
        meeting=session.meeting,
        data={"person": person.display_name, "role": role, **({"for": delegation.name} if delegation else {})},
    )
    return team_person


@transaction.atomic
def team_representative_set_government(*, team_person: SessionPerson, delegation, actor) -> SessionPerson:
    """Say which co-chair government a co-chair's representative speaks for. A sign-off the person made
    for another government stops counting (outcomes.selectors.sign_offs reads this row)."""
    team_person = SessionPerson.objects.select_for_update().select_related("session", "person").get(pk=team_person.pk)
    if team_person.role != SessionPerson.Role.CO_CHAIR_REPRESENTATIVE:
        raise ValidationError(_("Only a co-chair's representative speaks for a government."))
    session = team_person.session
    _require_co_chair(session, delegation)
    previous = team_person.delegation.name if team_person.delegation_id else ""
    team_person.delegation = delegation
    team_person.save(update_fields=["delegation"])
    activity_log(
        actor=actor,
        action="roundtables.team.representative_government_set",
        obj=session,
        meeting=session.meeting,
        data={"person": team_person.person.display_name, "for": delegation.name, "previous": previous},
    )
    return team_person


@transaction.atomic
def team_person_remove(*, team_person: SessionPerson, actor) -> None:
    session = team_person.session
    activity_log(
        actor=actor,
        action="roundtables.team.person_removed",
        obj=session,
        meeting=session.meeting,
        data={"person": team_person.person.display_name, "role": team_person.role},
    )
    team_person.delete()
