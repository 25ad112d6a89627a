"""What "My GFMD" shows a person: each session role with the thing to do, its state and the next
step; the sessions she chose; and what she still has to do.

It reads other apps' data only through their selectors (outcomes, papers, delegations,
roundtables), so their rules stay in one place. The number of queries does not grow with the
number of roles or sessions."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from delegations.selectors import registration_of_person, registrations_of_person
from outcomes.selectors import sessions_for_outcomes
from papers.selectors import sessions_of_person
from roundtables.selectors import AUTHOR, RAPPORTEUR, team_roles_of_person
from roundtables.selectors import REPRESENTATIVE as CO_CHAIR_REPRESENTATIVE


@dataclass
class RoleItem:
    """One role on a session team: where to go, what state the work is in, what comes next."""

    role: str
    session: object
    url: str
    link_text: str
    state: str = ""
    next_step: str = ""
    # True when the next step is the person's own (shown among the things still to do).
    to_do: bool = False


@dataclass
class ToDo:
    text: str
    url: str
    link_text: str


@dataclass
class Dashboard:
    meeting: object
    registrations: list
    registration: object = None
    sessions: list = field(default_factory=list)
    roles: list[RoleItem] = field(default_factory=list)
    to_dos: list[ToDo] = field(default_factory=list)


def _outcome_of(session):
    # A reverse one-to-one fetched by select_related: absent until the rapporteur starts.
    try:
        return session.outcome
    except session._meta.get_field("outcome").related_model.DoesNotExist:
        return None


def _outcome_item(person_role, session, user) -> RoleItem:
    outcome = _outcome_of(session)
    state = outcome.state if outcome else ""
    item = RoleItem(
        role=person_role.get_role_display(),
        session=person_role.session,
        url=reverse("outcomes:workspace", kwargs={"session_pk": person_role.session_id}),
        link_text=_("Open the outcome"),
        state=outcome.get_state_display() if outcome else _("Not started"),
    )
    if person_role.role == RAPPORTEUR:
        if state in ("", "drafting"):
            item.next_step, item.to_do = _("Draft the outcome and submit it to the co-chairs."), True
        elif state == "returned":
            item.next_step = _("Revise the outcome after the co-chairs' comments and submit it again.")
            item.to_do = True
        elif state == "submitted":
            item.next_step = _("Waiting for the co-chairs' sign-off.")
        elif state == "approved":
            item.next_step, item.to_do = _("Present the outcome at the closing plenary."), True
        else:
            item.next_step = _("Published: nothing left to do.")
    else:  # a co-chair's representative
        signed = state == "submitted" and any(a.approved_by_id == user.pk for a in outcome.approvals.all())
        if state in ("", "drafting", "returned"):
            item.next_step = _("Waiting for the rapporteur to submit the outcome.")
        elif state == "submitted" and not signed:
            item.next_step, item.to_do = _("Read the outcome and sign it off for your government."), True
        elif state == "submitted":
            item.next_step = _("You signed off; waiting for the other co-chairs.")
        else:
            item.next_step = _("Approved: nothing left to do.")
    return item


def _paper_of(session, user):
    """The paper the author works on: one they wrote, else the session's background paper."""
    papers = [p for p in session.papers.all() if p.state not in ("withdrawn", "rejected")]
    mine = [p for p in papers if any(a.pk == user.pk for a in p.authors.all())]
    background = [p for p in papers if p.kind == "background"]
    return (mine or background or [None])[0]


PAPER_NEXT_STEPS = {
    # state: (next step, the author's own step?)
    "draft": (gettext_lazy("Upload a version and submit it for review."), True),
    "submitted": (gettext_lazy("Waiting for the review."), False),
    "in_review": (gettext_lazy("Waiting for the review."), False),
    "revision_requested": (gettext_lazy("Upload a revised version and submit it again."), True),
    "accepted": (gettext_lazy("Accepted: waiting for publication in the library."), False),
    "published": (gettext_lazy("Published in the library: nothing left to do."), False),
}


def _paper_item(person_role, session, user) -> RoleItem:
    paper = _paper_of(session, user) if session is not None else None
    if paper is None:
        return RoleItem(
            role=person_role.get_role_display(),
            session=person_role.session,
            url=reverse("papers:workspace", kwargs={"session_id": person_role.session_id}),
            link_text=_("Open the session's papers"),
            state=_("Not started"),
            next_step=_("Start the background paper."),
            to_do=True,
        )
    next_step, to_do = PAPER_NEXT_STEPS.get(paper.state, ("", False))
    return RoleItem(
        role=person_role.get_role_display(),
        session=person_role.session,
        url=reverse("papers:detail", kwargs={"pk": paper.pk}),
        link_text=_("Open the paper"),
        state=paper.get_state_display(),
        next_step=str(next_step),
        to_do=to_do,
    )


def _team_item(person_role) -> RoleItem:
    return RoleItem(
        role=person_role.get_role_display(),
        session=person_role.session,
        url=reverse("papers:workspace", kwargs={"session_id": person_role.session_id}),
        link_text=_("Open the session's papers"),
        next_step=_("Prepare the session with its team."),
    )


def _registration_to_dos(meeting, registration) -> list[ToDo]:
    mine = reverse("delegations:my_registration", kwargs={"number": meeting.number}) if meeting else ""
    if meeting is None:
        return []
    if registration is None or registration.status in ("rejected", "withdrawn"):
        if meeting.status == "open" and registration is None:
            return [ToDo(_("Register for %(meeting)s.") % {"meeting": meeting.title}, mine, _("Register"))]
        return []
    if registration.status == "pending":
        return [ToDo(_("Your registration is waiting for approval."), mine, _("My registration"))]
    if not registration.sessions.all() and meeting.status == "open":
        return [
            ToDo(
                _("Choose the sessions you will attend."),
                reverse("delegations:my_registration_change", kwargs={"number": meeting.number}),
                _("Choose sessions"),
            )
        ]
    return []


def dashboard_of(user, meeting) -> Dashboard:
    """The person's board for one meeting (the view passes the one its URL names, else the current one)."""
    board = Dashboard(meeting=meeting, registrations=list(registrations_of_person(user)))
    if meeting is None:
        return board

    registration = registration_of_person(user, meeting=meeting)
    if registration is not None:
        # Her sessions with their rooms and papers (published ones are listed), in one go.
        sessions = meeting.sessions.select_related("room").prefetch_related("papers").order_by("starts_at", "code")
        prefetch_related_objects([registration], Prefetch("sessions", queryset=sessions, to_attr="chosen"))
        board.sessions = [
            (session, [p for p in session.papers.all() if p.state == "published"]) for session in registration.chosen
        ]
    board.registration = registration

    outcome_sessions = {
        s.pk: s for s in sessions_for_outcomes(user, meeting=meeting).prefetch_related("outcome__approvals")
    }
    paper_sessions = {s.pk: s for s in sessions_of_person(user, meeting=meeting).prefetch_related("papers__authors")}
    for person_role in team_roles_of_person(user, meeting=meeting):
        if person_role.role in (RAPPORTEUR, CO_CHAIR_REPRESENTATIVE) and person_role.session_id in outcome_sessions:
            # Outcomes are written for roundtable sessions only; a plenary's rapporteur has none.
            item = _outcome_item(person_role, outcome_sessions[person_role.session_id], user)
        elif person_role.role == AUTHOR:
            item = _paper_item(person_role, paper_sessions.get(person_role.session_id), user)
        else:
            item = _team_item(person_role)
        board.roles.append(item)

    board.to_dos = _registration_to_dos(meeting, registration) + [
        ToDo(
            _("%(role)s · %(code)s: %(next_step)s")
            % {"role": item.role, "code": item.session.code, "next_step": item.next_step},
            item.url,
            item.link_text,
        )
        for item in board.roles
        if item.to_do
    ]
    return board
