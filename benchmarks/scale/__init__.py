"""A GFMD-sized meeting, generated deterministically from a seed, for the benchmark.

At scale 1: 200 delegations (states, observer and civil-society organisations), 3,000 people
registered with them (each with two sessions chosen), 40 sessions with full teams, 600 papers with
their versions, 3 surveys with 5,000 invitations and 2,000 responses, 40 published outcomes, and
the programme published (the public pages read its release). `scale` multiplies every count but
the number of surveys (still three a year, each to `scale` times as many people); a fraction
(0.05) makes a small meeting for tests, and `counts` sets each count by hand.

Each part draws from its own generator seeded from `seed` and the part's name, so the same seed
gives the same meeting (names, titles, texts, answers) whatever else changes. Rows are written with
bulk_create in batches: the 10x meeting takes well under a minute on SQLite.
"""

import random
from dataclasses import asdict, dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Count

from accounts.models import User
from delegations.models import Delegation, Registration, SessionChoice
from mailings.models import Mailing
from outcomes.models import Outcome
from papers.models import Paper, Version
from roundtables.models import Meeting, MeetingRole, ProgrammeRelease, Session, SessionDelegation, SessionPerson
from roundtables.services import programme_publish
from surveys.models import Answer, Invitation, Response, Survey

from . import outcomes as outcomes_part
from . import papers as papers_part
from . import people as people_part
from . import programme as programme_part
from . import surveys as surveys_part

PASSWORD = "gfmd-bench"
# The word the benchmark's paper library page searches for (it is in about one title or abstract in four).
LIBRARY_QUERY = "diaspora"


@dataclass(frozen=True)
class ScaleCounts:
    delegations: int = 200
    registrations: int = 3000
    sessions: int = 40
    papers: int = 600
    surveys: int = 3
    invitations: int = 5000
    responses: int = 2000
    outcomes: int = 40

    def times(self, scale: float) -> "ScaleCounts":
        """Every count times `scale` (at least one of each), but the number of surveys: a meeting ten
        times larger still runs its three surveys a year, each to ten times as many people."""
        if scale <= 0:
            raise ValueError("The scale must be above zero.")
        counts = {name: max(1, round(value * scale)) for name, value in asdict(self).items()}
        return ScaleCounts(**{**counts, "surveys": self.surveys})


@dataclass
class ScaleData:
    """What the generator made, for the benchmark to pick its pages from."""

    meeting: Meeting
    chair: User
    focal_point: User
    focal_point_delegation: Delegation
    sessions: list[Session] = field(default_factory=list)
    surveys: list[Survey] = field(default_factory=list)
    counts: dict = field(default_factory=dict)

    def results_surveys(self) -> list[Survey]:
        """The surveys whose results pages the benchmark reads: the consultation of every delegation
        (the survey GFMD runs every year), and the survey with the most responses (the heaviest page)."""
        surveys = sorted(self.surveys, key=lambda survey: survey.pk)
        consultation = next((survey for survey in surveys if survey.invitations.filter(person=None).exists()), None)
        largest = max(surveys, key=lambda survey: (survey.responses.count(), -survey.pk), default=None)
        return [survey for survey in dict.fromkeys([consultation, largest]) if survey is not None]

    def summary(self) -> dict:
        """What the benchmark needs to find its pages (generate_scale_data --json)."""
        return {
            "meeting_id": self.meeting.pk,
            "meeting_number": self.meeting.number,
            "chair_email": self.chair.email,
            "focal_point_email": self.focal_point.email,
            "focal_point_delegation_id": self.focal_point_delegation.pk,
            "session_ids": [session.pk for session in self.sessions[:5]],
            "results_surveys": [
                {
                    "id": survey.pk,
                    "label": _survey_label(survey),
                    "invitations": survey.invitations.count(),
                    "responses": survey.responses.count(),
                }
                for survey in self.results_surveys()
            ],
            "library_query": LIBRARY_QUERY,
            # The largest mailing (the survey invitation to the most people): its outbox is a paginated list.
            "largest_mailing_id": Mailing.objects.filter(meeting=self.meeting)
            .annotate(mail_count=Count("mails"))
            .order_by("-mail_count", "pk")
            .values_list("pk", flat=True)
            .first(),
            "counts": self.counts,
        }


def _survey_label(survey: Survey) -> str:
    if survey.invitations.filter(person=None).exists():
        return "consultation of every delegation"
    return "anonymous inquiry" if survey.anonymous else "participants' evaluation"


def _rng(seed: int, part: str) -> random.Random:
    return random.Random(f"{seed}:{part}")


@transaction.atomic
def generate(*, seed: int = 2010, scale: float = 1, counts: ScaleCounts | None = None) -> ScaleData:
    wanted = counts or ScaleCounts().times(scale)
    label = f"x{scale:g}" if counts is None else "custom counts"
    password = make_password(PASSWORD)
    meeting = programme_part.meeting(_rng(seed, "meeting"), seed=seed, scale_label=label, sessions=wanted.sessions)
    chair = User.objects.create(
        email=f"chair.{seed}.{meeting.number}@bench.example.org",
        first_name="Chair's",
        last_name="Office",
        password=password,
    )
    # The benchmarked meeting's own Chair's office (roundtables.MeetingRole), as a real Chair's would be.
    MeetingRole.objects.create(meeting=meeting, user=chair, role=MeetingRole.Role.CHAIR_STAFF)

    delegations = people_part.delegations(_rng(seed, "delegations"), wanted.delegations)
    people = people_part.people(
        _rng(seed, "people"), wanted.registrations, password=password, seed=seed, delegations=delegations
    )
    sessions = programme_part.sessions(_rng(seed, "sessions"), meeting, wanted.sessions)
    registrations = people_part.registrations(
        _rng(seed, "registrations"),
        meeting=meeting,
        delegations=delegations,
        people=people,
        sessions=sessions,
        chair=chair,
    )
    focal_points = {delegation.pk: people[n] for n, delegation in enumerate(delegations) if n < len(people)}
    teams = programme_part.teams(_rng(seed, "teams"), sessions, delegations, people)
    papers_part.papers(_rng(seed, "papers"), count=wanted.papers, sessions=sessions, teams=teams, people=people)
    plans = surveys_part.plan(
        wanted.surveys, wanted.invitations, wanted.responses, delegations=len(delegations), people=len(people)
    )
    surveys = surveys_part.surveys(
        _rng(seed, "surveys"),
        meeting=meeting,
        plans=plans,
        delegations=delegations,
        focal_points=focal_points,
        registrations=registrations,
        chair=chair,
    )
    outcomes_part.outcomes(
        _rng(seed, "outcomes"),
        sessions=sessions[: wanted.outcomes],
        teams=teams,
        focal_points=focal_points,
        chair=chair,
    )
    # The programme as the public reads it: published through the real service (which refuses clashes).
    programme_publish(meeting=meeting, actor=chair)

    return ScaleData(
        meeting=meeting,
        chair=chair,
        focal_point=people[0],
        focal_point_delegation=delegations[0],
        sessions=sessions,
        surveys=surveys,
        counts=real_counts(meeting),
    )


def real_counts(meeting: Meeting) -> dict[str, int]:
    """What the database holds for the meeting, counted back (not what was asked for)."""
    registrations = Registration.objects.filter(meeting=meeting)
    papers = Paper.objects.filter(session__meeting=meeting)
    invitations = Invitation.objects.filter(survey__meeting=meeting)
    return {
        "delegations": Delegation.objects.filter(registrations__meeting=meeting).distinct().count(),
        "registrations": registrations.count(),
        "approved_registrations": registrations.filter(status=Registration.Status.APPROVED).count(),
        "session_choices": SessionChoice.objects.filter(registration__meeting=meeting).count(),
        "sessions": Session.objects.filter(meeting=meeting).count(),
        "team_delegations": SessionDelegation.objects.filter(session__meeting=meeting).count(),
        "team_people": SessionPerson.objects.filter(session__meeting=meeting).count(),
        "papers": papers.count(),
        "published_papers": papers.filter(state=Paper.State.PUBLISHED).count(),
        "versions": Version.objects.filter(paper__session__meeting=meeting).count(),
        "surveys": Survey.objects.filter(meeting=meeting).count(),
        "invitations": invitations.count(),
        "responses": Response.objects.filter(survey__meeting=meeting, state=Response.State.SUBMITTED).count(),
        "answers": Answer.objects.filter(response__survey__meeting=meeting).count(),
        "outcomes": Outcome.objects.filter(session__meeting=meeting, state=Outcome.State.PUBLISHED).count(),
        "programme_releases": ProgrammeRelease.objects.filter(meeting=meeting).count(),
    }
