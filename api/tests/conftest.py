"""A public world for the API: Mexico 2010 with a published programme and everything public and private
beside it; Switzerland 2011 in preparation with a release nobody may see."""

from types import SimpleNamespace

import pytest
from django.utils import timezone

from delegations.models import Registration
from delegations.tests.factories import DelegationFactory, RegistrationFactory
from followup.models import Practice
from followup.tests.factories import PracticeFactory, theme
from followup.tests.factories_practices import published_practice
from followup.tests.factories_tracker import outcome_of, published
from outcomes.models import Outcome
from papers.models import Paper
from papers.tests.factories import PaperFactory, published_paper
from roundtables.models import ProgrammeRelease
from roundtables.programme.snapshot import build_snapshot
from roundtables.services.programme import programme_publish
from roundtables.tests.factories import RoundtableFactory, SessionFactory, two_meetings


def release_directly(meeting):
    return ProgrammeRelease.objects.create(
        meeting=meeting, version=1, published_at=timezone.now(), snapshot=build_snapshot(meeting)
    )


@pytest.fixture
def world(db, chair):
    mexico, switzerland = two_meetings()
    roundtable = RoundtableFactory(meeting=mexico, number=1, title_en="Human mobility", title_fr="Mobilité humaine")
    s1 = SessionFactory(
        roundtable=roundtable, code="1.1", title_en="Circular migration", title_fr="Migration circulaire"
    )
    programme_publish(meeting=mexico, actor=chair)
    # After the release: the live draft changes, the public sees the release.
    s1.title_en = "DRAFT TITLE NOT PUBLISHED"
    s1.save()
    SessionFactory(roundtable=roundtable, code="1.2", title_en="Unpublished new session")

    swiss_session = SessionFactory(
        roundtable=RoundtableFactory(meeting=switzerland), code="2.1", title_en="Swiss secret"
    )
    release_directly(switzerland)

    paper = published_paper(session=s1, title_en="Circular migration in practice")
    PaperFactory(session=s1, title_en="Draft paper nobody sees", state=Paper.State.DRAFT, kind=Paper.Kind.ANNEX)
    published_paper(session=swiss_session, title_en="Paper of a meeting in preparation")

    listed = DelegationFactory(name="Ghana", country="GH")
    RegistrationFactory(
        meeting=mexico,
        delegation=listed,
        status=Registration.Status.APPROVED,
        public_list_consent=True,
        person__first_name="Ama",
        person__last_name="Mensah",
        job_title="Director",
        role=Registration.Role.HEAD,
    )
    RegistrationFactory(
        meeting=mexico,
        delegation=listed,
        status=Registration.Status.APPROVED,
        public_list_consent=False,
        person__first_name="Kofi",
        person__last_name="Unconsented",
    )
    RegistrationFactory(
        meeting=mexico,
        delegation=listed,
        status=Registration.Status.PENDING,
        public_list_consent=True,
        person__first_name="Yaw",
        person__last_name="Pending",
    )

    outcome = outcome_of(s1, state=Outcome.State.PUBLISHED, published_at=timezone.now())
    recommendation = published(outcome, themes=[theme("migration-data")], text_en="Keep profiles current.")
    drafting = outcome_of(SessionFactory(roundtable=roundtable, code="1.3"))
    published(drafting, text_en="Recommendation of an unpublished outcome")
    outcome_of(swiss_session, state=Outcome.State.PUBLISHED, published_at=timezone.now())

    practice = published_practice(title_en="Diaspora bonds")
    PracticeFactory(state=Practice.State.SUBMITTED, title_en="Practice under review")
    return SimpleNamespace(
        mexico=mexico,
        switzerland=switzerland,
        session=s1,
        paper=paper,
        outcome=outcome,
        recommendation=recommendation,
        practice=practice,
    )
