"""Meetings as editions: the activity log and the co-chairs' page name their meeting in the URL; the
meeting switcher leads to the numbered URL of the same page."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from activity.services import activity_log
from gfmd.tests.queries import count_queries
from roundtables.tests.factories import two_meetings


@pytest.fixture
def meetings(db):
    mexico, switzerland = two_meetings()
    activity_log(actor=None, action="roundtables.meeting.updated", obj=mexico, meeting=mexico)
    activity_log(actor=None, action="roundtables.meeting.updated", obj=switzerland, meeting=switzerland)
    return mexico, switzerland


def test_the_numbered_activity_log_shows_that_meetings_entries_only(client, chair, meetings):
    _mexico, switzerland = meetings
    client.force_login(chair)
    response = client.get(reverse("roundtables:activity", kwargs={"number": 5}))
    assert [row.entry.meeting_id for row in response.context["rows"]] == [switzerland.pk]
    page = response.content.decode()
    assert "Switzerland 2011" in page and 'value="roundtables:activity"' in page


def test_an_unknown_meeting_is_404(client, chair, meetings):
    client.force_login(chair)
    assert client.get(reverse("roundtables:activity", kwargs={"number": 99})).status_code == 404
    assert client.get(reverse("roundtables:my_sessions", kwargs={"number": 99})).status_code == 404


def test_a_participant_is_refused_another_meetings_activity_log(client, meetings):
    client.force_login(UserFactory())
    assert client.get(reverse("roundtables:activity", kwargs={"number": 5})).status_code == 403


def test_the_numbered_activity_log_query_count_does_not_grow(client, chair, meetings):
    _mexico, switzerland = meetings
    client.force_login(chair)
    url = reverse("roundtables:activity", kwargs={"number": 5})
    one = count_queries(client, url)
    for _ in range(2):
        activity_log(actor=chair, action="roundtables.meeting.updated", obj=switzerland, meeting=switzerland)
    assert count_queries(client, url) == one


def test_my_sessions_of_a_numbered_meeting_names_it(client, meetings):
    client.force_login(UserFactory())
    response = client.get(reverse("roundtables:my_sessions", kwargs={"number": 5}))
    assert response.context["meeting"].number == 5
    assert "Switzerland 2011" in response.content.decode()


# The switcher


def test_the_switcher_offers_every_meeting_newest_first(rf, chair, meetings, django_assert_num_queries):
    from roundtables.templatetags.editions import meeting_switcher

    mexico, _switzerland = meetings
    request = rf.get("/")
    request.user = chair
    chair.has_perm("roundtables.view_meeting_records", mexico)  # the person's meetings, read with the header
    with django_assert_num_queries(1):
        context = meeting_switcher({"request": request}, mexico, "roundtables:activity")
    assert [m.number for m in context["meetings"]] == [5, 4]


def test_the_switcher_offers_only_the_troikas_meetings(rf, meetings):
    from roundtables.templatetags.editions import meeting_switcher
    from roundtables.tests.factories import MeetingFactory
    from roundtables.tests.troika import staff_of

    mexico, _switzerland = meetings
    request = rf.get("/")
    request.user = staff_of(MeetingFactory(number=3))  # 2009: reads 2010, not 2011
    context = meeting_switcher({"request": request}, mexico, "roundtables:activity")
    assert [m.number for m in context["meetings"]] == [4, 3]


def test_the_switcher_is_a_labelled_get_form_with_a_button(client, chair, meetings):
    client.force_login(chair)
    page = client.get(reverse("roundtables:activity", kwargs={"number": 4})).content.decode()
    assert f'action="{reverse("roundtables:meeting_switch")}"' in page and 'method="get"' in page
    assert '<label class="form-label small mb-1" for="meeting-switcher-roundtablesactivity">' in page
    assert '<option value="4" selected>' in page
    assert 'type="submit"' in page


def test_the_switch_leads_to_the_numbered_url_of_the_same_page(client, chair, meetings):
    response = client.get(reverse("roundtables:meeting_switch"), {"page": "roundtables:activity", "number": "5"})
    assert response.status_code == 302
    assert response["Location"] == reverse("roundtables:activity", kwargs={"number": 5})


@pytest.mark.parametrize(
    "query",
    [
        {"page": "roundtables:activity", "number": "x"},
        {"page": "roundtables:session_edit", "number": "5"},  # a page that takes no meeting
        {"page": "nowhere", "number": "5"},
        {"page": "//evil.example.org", "number": "5"},
        {},
    ],
)
def test_the_switch_refuses_anything_but_a_meeting_page(client, meetings, query):
    assert client.get(reverse("roundtables:meeting_switch"), query).status_code == 404
