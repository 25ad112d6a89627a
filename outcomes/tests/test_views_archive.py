"""The meeting's page in the public archive lists its published outcomes, linking to the session pages."""

import datetime as dt

import pytest
from django.urls import reverse

from gfmd.tests.paging import assert_pages_cost_the_same
from outcomes.models import Outcome
from outcomes.templatetags import outcomes as tags
from outcomes.tests.factories import OutcomeFactory
from roundtables import services
from roundtables.models import Meeting
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory


@pytest.fixture
def athens(db):
    return MeetingFactory(number=3, title_en="Third Meeting", status=Meeting.Status.HELD, time_zone="Europe/Athens")


def published_outcome(session) -> Outcome:
    return OutcomeFactory(
        session=session, state=Outcome.State.PUBLISHED, published_at=dt.datetime(2009, 11, 20, 10, tzinfo=dt.UTC)
    )


@pytest.mark.django_db
def test_meeting_page_lists_its_published_outcomes(client, chair, athens):
    roundtable = RoundtableFactory(meeting=athens, number=3)
    profiles = SessionFactory(roundtable=roundtable, code="3.1", title_en="Data, research and Migration Profiles")
    drafting = SessionFactory(roundtable=roundtable, code="3.2", title_en="Regional consultative processes")
    published_outcome(profiles)
    OutcomeFactory(session=drafting)
    services.programme_publish(meeting=athens, actor=chair)
    page = client.get(reverse("roundtables:meeting_detail", kwargs={"number": 3})).content.decode()
    session_url = reverse("roundtables:session_detail", kwargs={"number": 3, "pk": profiles.pk})
    assert f'href="{session_url}#session-outcome-heading">Data, research and Migration Profiles</a>' in page
    assert "Roundtable 3 · Published on 20 November 2009" in page
    # The session whose outcome is still being drafted is in the programme, not among the outcomes.
    assert page.count("#session-outcome-heading") == 1


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_meeting_page_query_count_does_not_grow(client, chair, athens, django_assert_num_queries, count):
    roundtable = RoundtableFactory(meeting=athens, number=1)
    for number in range(1, count + 1):
        published_outcome(SessionFactory(roundtable=roundtable, code=f"1.{number}"))
    services.programme_publish(meeting=athens, actor=chair)
    # The meeting, its latest programme, whether the proceedings are offered, its published outcomes
    # (count, page), its papers in the library.
    with django_assert_num_queries(6):
        response = client.get(reverse("roundtables:meeting_detail", kwargs={"number": 3}))
    assert response.content.decode().count("#session-outcome-heading") == count


@pytest.mark.django_db
def test_other_meetings_outcomes_stay_on_their_own_page(client, chair, athens):
    current = MeetingFactory(number=4, is_current=True, status=Meeting.Status.OPEN)
    published_outcome(SessionFactory(roundtable=RoundtableFactory(meeting=current, number=1), title_en="Of 2010"))
    SessionFactory(roundtable=RoundtableFactory(meeting=athens, number=1))
    services.programme_publish(meeting=athens, actor=chair)
    page = client.get(reverse("roundtables:meeting_detail", kwargs={"number": 3})).content.decode()
    assert ("Of 2010" in page, "No outcome of this meeting has been published." in page) == (False, True)


@pytest.mark.django_db
def test_meeting_page_outcomes_pages_cost_the_same_and_keep_the_query(client, chair, athens, monkeypatch):
    monkeypatch.setattr(tags, "OUTCOMES_PER_PAGE", 2)
    roundtable = RoundtableFactory(meeting=athens, number=1)
    SessionFactory(roundtable=roundtable, code="1.0")
    services.programme_publish(meeting=athens, actor=chair)
    codes = iter(range(1, 10))

    def add_outcomes(n):
        for _ in range(n):
            published_outcome(SessionFactory(roundtable=roundtable, code=f"1.{next(codes)}"))

    url = reverse("roundtables:meeting_detail", kwargs={"number": 3})
    assert_pages_cost_the_same(client, url, add_outcomes, per_page=2)
    page = client.get(url, {"outcomes": 3, "papers": "2"}).content.decode()
    assert page.count("#session-outcome-heading") == 2
    assert '?papers=2&amp;outcomes=2">Previous</a>' in page
