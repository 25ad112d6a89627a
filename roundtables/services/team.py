"""Form a session's team: co-chair and member delegations; moderator, rapporteur, authors, speakers."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from activity.services import activity_log
from gfmd.timeranges import format_time_range
from mailings.services import send_to_people
from roundtables.editions import ensure_open
from roundtables.models import Meeting, Session, SessionDelegation, SessionPerson
from roundtables.schedule import person_clash_error
from roundtables.services._common import MANAGE_MEETING, require_perm


@transaction.atomic
def team_delegation_add(*, session: Session, delegation, role: str, actor) -> SessionDelegation:
    require_perm(actor, MANAGE_MEETING, session)
    ensure_open(session.meeting, actor)
    # delegations.Delegation (above this app), read afresh: one the Chair's office retired joins no team.
    if type(delegation).objects.filter(pk=delegation.pk, retired_at__isnull=False).exists():
        raise ValidationError(
            {"delegation": _("%(delegation)s is retired: it cannot join a team.") % {"delegation": delegation}}
        )
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
    require_perm(actor, MANAGE_MEETING, team_delegation)
    session = team_delegation.session
    ensure_open(session.meeting, actor)
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


def _what_you_can_do(role: str) -> str:
    """In the active language: what the role lets the person do in the portal (papers.roles, outcomes.rules)."""
    Role = SessionPerson.Role
    return {
        Role.RAPPORTEUR: _(
            "As rapporteur you draft the session's outcome: write its sections, answer the co-chairs' "
            "comments and submit it for their sign-off."
        ),
        Role.AUTHOR: _(
            "As background paper author you write the session's background paper: upload its versions "
            "and translations and answer the team's comments."
        ),
        Role.CO_CHAIR_REPRESENTATIVE: _(
            "As co-chair's representative you comment on the session's background paper and outcome, "
            "and sign off the outcome for your government."
        ),
        Role.MODERATOR: _(
            "As moderator you work on the session's background paper with its authors: read its "
            "versions and comment on them."
        ),
        Role.SPEAKER: _(
            "As speaker you work on the session's background paper with its authors: read its "
            "versions and comment on them."
        ),
    }[role]


def _links(team_person: SessionPerson) -> list[dict]:
    """Where the role's work is, as absolute links: the outcome workspace, the papers, or both."""
    session_id = team_person.session_id
    papers = {
        "label": _("The session's background papers:"),
        "url": settings.SITE_URL + reverse("papers:workspace", kwargs={"session_id": session_id}),
    }
    outcome = {
        "label": _("The session's outcome:"),
        "url": settings.SITE_URL + reverse("outcomes:workspace", kwargs={"session_pk": session_id}),
    }
    Role = SessionPerson.Role
    if team_person.role == Role.RAPPORTEUR:
        return [outcome]
    if team_person.role == Role.CO_CHAIR_REPRESENTATIVE:
        return [outcome, papers]
    return [papers]


def _mail_named(team_person: SessionPerson) -> None:
    """Tell the person, in their language, the role they now hold and where to use it. Queued in the
    caller's transaction, so a refused change mails nobody (and the demo loader's suppressed() none)."""
    session = team_person.session
    meeting = session.meeting

    def worded(person) -> dict:  # called in the person's language
        return {
            "meeting": meeting,
            "session": session,
            "role": SessionPerson.Role(team_person.role).label.lower(),
            "when": format_time_range(session.starts_at, session.ends_at, zone=meeting.time_zone, style="long")
            if session.starts_at
            else "",
            "government": team_person.delegation.name if team_person.delegation_id else "",
            "what_you_can_do": _what_you_can_do(team_person.role),
            "links": _links(team_person),
        }

    send_to_people("roundtables.team_named", [team_person.person], context=worded)


@transaction.atomic
def team_person_add(*, session: Session, person, role: str, actor, delegation=None) -> SessionPerson:
    """Name a person on the team; a co-chair's representative, for one co-chair government (`delegation`)."""
    require_perm(actor, MANAGE_MEETING, session)
    ensure_open(session.meeting, actor)
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
    _mail_named(team_person)  # a second add of the same role was refused above: one mail per role
    return team_person


@transaction.atomic
def team_representative_set_government(*, team_person: SessionPerson, delegation, actor) -> SessionPerson:
    """Say which co-chair government a co-chair's representative speaks for. A sign-off the person made
    for another government stops counting (outcomes.selectors.sign_offs reads this row)."""
    require_perm(actor, MANAGE_MEETING, team_person)
    team_person = SessionPerson.objects.select_for_update().select_related("session", "person").get(pk=team_person.pk)
    ensure_open(team_person.session.meeting, actor)
    if team_person.role != SessionPerson.Role.CO_CHAIR_REPRESENTATIVE:
        raise ValidationError(_("Only a co-chair's representative speaks for a government."))
    session = team_person.session
    _require_co_chair(session, delegation)
    previous = team_person.delegation.name if team_person.delegation_id else ""
    unchanged = team_person.delegation_id == delegation.pk
    team_person.delegation = delegation
    team_person.save(update_fields=["delegation"])
    activity_log(
        actor=actor,
        action="roundtables.team.representative_government_set",
        obj=session,
        meeting=session.meeting,
        data={"person": team_person.person.display_name, "for": delegation.name, "previous": previous},
    )
    if not unchanged:  # the government is new to them: say so, with the links (none when set again)
        _mail_named(team_person)
    return team_person


@transaction.atomic
def team_person_remove(*, team_person: SessionPerson, actor) -> None:
    require_perm(actor, MANAGE_MEETING, team_person)
    session = team_person.session
    ensure_open(session.meeting, actor)
    activity_log(
        actor=actor,
        action="roundtables.team.person_removed",
        obj=session,
        meeting=session.meeting,
        data={"person": team_person.person.display_name, "role": team_person.role},
    )
    team_person.delete()
