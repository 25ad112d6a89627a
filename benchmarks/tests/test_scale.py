"""The scale data set: what a small meeting holds, that a seed always gives the same one, and the sizes."""

import pytest
from django.db import transaction

from benchmarks.scale import ScaleCounts, generate
from benchmarks.scale.surveys import SurveyPlan, plan
from delegations.models import Delegation, Registration
from outcomes.models import Outcome, OutcomeSection
from papers.models import Paper
from roundtables.models import ProgrammeRelease, SessionDelegation, SessionPerson
from roundtables.programme.published import Programme
from surveys.models import Answer, Invitation, Option, Response

SMALL = ScaleCounts(
    delegations=10, registrations=60, sessions=3, papers=12, surveys=3, invitations=100, responses=40, outcomes=2
)


def test_scale_multiplies_every_count_but_the_surveys_a_year():
    assert ScaleCounts().times(10) == ScaleCounts(
        delegations=2000,
        registrations=30000,
        sessions=400,
        papers=6000,
        surveys=3,
        invitations=50000,
        responses=20000,
        outcomes=400,
    )


def test_a_fraction_of_the_scale_makes_a_small_meeting_with_at_least_one_of_each():
    assert ScaleCounts().times(0.05) == ScaleCounts(
        delegations=10, registrations=150, sessions=2, papers=30, surveys=3, invitations=250, responses=100, outcomes=2
    )
    assert ScaleCounts().times(0.0001).sessions == 1


def test_scale_zero_is_refused():
    with pytest.raises(ValueError):
        ScaleCounts().times(0)


def test_survey_plan_at_scale_one():
    assert plan(3, 5000, 2000, delegations=200, people=3000) == [
        SurveyPlan("delegations", 200, 80),
        SurveyPlan("participants", 2400, 960),
        SurveyPlan("inquiry", 2400, 960),
    ]


def test_survey_plan_at_scale_ten_consults_every_delegation():
    assert plan(3, 50000, 20000, delegations=2000, people=30000) == [
        SurveyPlan("delegations", 2000, 800),
        SurveyPlan("participants", 24000, 9600),
        SurveyPlan("inquiry", 24000, 9600),
    ]


def test_survey_plan_never_invites_more_people_than_there_are():
    assert plan(1, 250, 100, delegations=10, people=150) == [SurveyPlan("participants", 150, 100)]


@pytest.mark.django_db
def test_generate_builds_the_meeting_it_is_asked_for():
    data = generate(seed=1, counts=SMALL)

    assert data.meeting.is_current
    assert data.counts == {
        "delegations": 10,
        "registrations": 60,
        "approved_registrations": 60,
        "session_choices": 120,
        "sessions": 3,
        "team_delegations": 18,
        "team_people": 27,
        "papers": 12,
        "published_papers": data.counts["published_papers"],
        "versions": data.counts["versions"],
        "surveys": 3,
        "invitations": 100,
        "responses": 40,
        "answers": Answer.objects.count(),
        "outcomes": 2,
        "programme_releases": 1,
    }
    assert data.focal_point_delegation.focal_point_roles.get().user == data.focal_point
    assert [(s["label"], s["invitations"], s["responses"]) for s in data.summary()["results_surveys"]] == [
        ("consultation of every delegation", 10, 4),
        ("participants' evaluation", 45, 18),
    ]


@pytest.mark.django_db
def test_generated_teams_are_full_and_nobody_is_in_two_sessions():
    data = generate(seed=1, counts=SMALL)

    for session in data.sessions:
        roles = sorted(session.team_people.values_list("role", flat=True))
        assert roles == sorted(["moderator", "rapporteur", "author", "author"] + ["speaker"] * 3 + ["co_chair_rep"] * 2)
        assert session.team_delegations.filter(role=SessionDelegation.Role.CO_CHAIR).count() == 2
        assert session.team_delegations.filter(role=SessionDelegation.Role.MEMBER).count() == 4
    people = list(SessionPerson.objects.values_list("person_id", flat=True))
    assert len(people) == len(set(people))
    heads = Registration.objects.filter(role=Registration.Role.HEAD).count()
    assert heads == Delegation.objects.count() == 10


@pytest.mark.django_db
def test_generated_papers_hold_to_the_papers_rules():
    generate(seed=1, counts=SMALL)

    for paper in Paper.objects.prefetch_related("versions"):
        numbers = sorted(version.number for version in paper.versions.all())
        assert numbers == list(range(1, len(numbers) + 1))
        if paper.state in (Paper.State.ACCEPTED, Paper.State.PUBLISHED):
            assert paper.accepted_version.number == numbers[-1]
        else:
            assert paper.accepted_version is None
    assert Paper.objects.filter(kind=Paper.Kind.BACKGROUND).count() == 3


@pytest.mark.django_db
def test_generated_surveys_record_who_responded_except_when_anonymous():
    data = generate(seed=1, counts=SMALL)

    for survey in data.surveys:
        submitted = survey.invitations.filter(submitted_at__isnull=False).count()
        assert submitted == survey.responses.filter(state=Response.State.SUBMITTED).count()
        linked = survey.responses.filter(invitation__isnull=False).count()
        assert linked == (0 if survey.anonymous else submitted)
        assert survey.invitations.filter(mails__isnull=True).count() == 0  # every invitation was mailed
    assert [survey.anonymous for survey in data.surveys] == [False, False, True]
    assert Invitation.objects.filter(person__isnull=True).count() == 10  # the consultation: every delegation


@pytest.mark.django_db
def test_generated_outcomes_are_published_with_text_and_approvals():
    data = generate(seed=1, counts=SMALL)

    outcomes = Outcome.objects.filter(session__meeting=data.meeting)
    assert list(outcomes.values_list("state", flat=True)) == ["published", "published"]
    originals = OutcomeSection.objects.filter(outcome__in=outcomes, language="en")
    assert originals.filter(current_revision__isnull=True).count() == 0
    assert originals.filter(published_revision__isnull=True).count() == 0
    assert sum(outcome.approvals.count() for outcome in outcomes) == 4


@pytest.mark.django_db
def test_the_programme_is_published_with_every_session():
    data = generate(seed=1, counts=SMALL)

    programme = Programme(ProgrammeRelease.objects.latest_for(data.meeting))
    assert [session.id for session in programme.sessions] == [session.pk for session in data.sessions]
    assert all(session.rapporteurs for session in programme.sessions)


def _readable(answer: Answer, labels: dict):
    """An answer as a person reads it: options by their label, not their id (ids differ between runs)."""
    value = answer.value
    if answer.question.kind == "single":
        value = labels[value]
    elif answer.question.kind == "multiple":
        value = [labels[item] for item in value]
    return answer.question.text, value


def _fingerprint(seed: int) -> dict:
    """Generate, read back what a person would see, then roll the whole data set back."""
    with transaction.atomic():
        data = generate(seed=seed, counts=SMALL)
        labels = dict(Option.objects.values_list("pk", "label"))
        fingerprint = {
            "delegations": list(
                Delegation.objects.order_by("pk").values_list("name", "kind", "memberships__steering_group")
            ),
            "people": [(r.person.display_name, r.role) for r in Registration.objects.order_by("pk")],
            "sessions": [(s.code, s.title, s.starts_at) for s in data.sessions],
            "papers": list(Paper.objects.order_by("pk").values_list("title_en", "state", "language")),
            "answers": [
                _readable(answer, labels) for answer in Answer.objects.select_related("question").order_by("pk")
            ],
            "outcomes": list(OutcomeSection.objects.order_by("pk").values_list("current_revision__html", flat=True)),
        }
        transaction.set_rollback(True)
    return fingerprint


@pytest.mark.django_db
def test_generate_is_deterministic_for_a_seed():
    first = _fingerprint(5)

    assert _fingerprint(5) == first
    other = _fingerprint(6)
    assert all(other[part] != first[part] for part in ("delegations", "people", "sessions", "papers", "outcomes"))
