"""Meetings as editions: the surveys list and "new survey" name their meeting in the URL."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from gfmd.tests.queries import count_queries
from roundtables.tests.factories import two_meetings
from surveys.tests.factories import SurveyFactory


@pytest.fixture
def meetings(db):
    mexico, switzerland = two_meetings()
    SurveyFactory(meeting=mexico, title_en="Consultation of 2010")
    SurveyFactory(meeting=switzerland, title_en="Consultation of 2011")
    return mexico, switzerland


def test_the_numbered_list_shows_that_meetings_surveys_only(client, chair, meetings):
    client.force_login(chair)
    page = client.get(reverse("surveys:list", kwargs={"number": 5})).content.decode()
    assert "Switzerland 2011" in page
    assert "Consultation of 2011" in page and "Consultation of 2010" not in page
    assert reverse("surveys:new", kwargs={"number": 5}) in page


def test_the_unnumbered_list_is_the_current_meetings(client, chair, meetings):
    client.force_login(chair)
    page = client.get(reverse("surveys:list")).content.decode()
    assert "Consultation of 2010" in page and "Consultation of 2011" not in page


def test_a_new_survey_on_a_numbered_page_belongs_to_that_meeting(client, chair, meetings):
    _mexico, switzerland = meetings
    client.force_login(chair)
    response = client.get(reverse("surveys:new", kwargs={"number": 5}))
    assert response.status_code == 200
    assert response.context["meeting"] == switzerland
    assert reverse("surveys:list", kwargs={"number": 5}) in response.content.decode()


def test_a_surveys_page_links_back_to_its_meetings_list(client, chair, meetings):
    _mexico, switzerland = meetings
    client.force_login(chair)
    survey = switzerland.surveys.get()
    page = client.get(reverse("surveys:detail", kwargs={"pk": survey.pk})).content.decode()
    assert reverse("surveys:list", kwargs={"number": 5}) in page
    assert "Switzerland 2011" in page


@pytest.mark.parametrize("name", ["surveys:list", "surveys:new"])
def test_an_unknown_meeting_is_404(client, chair, meetings, name):
    client.force_login(chair)
    assert client.get(reverse(name, kwargs={"number": 99})).status_code == 404


@pytest.mark.parametrize("name", ["surveys:list", "surveys:new"])
def test_a_participant_is_refused_another_meetings_surveys(client, meetings, name):
    client.force_login(UserFactory())
    assert client.get(reverse(name, kwargs={"number": 5})).status_code == 403


def test_the_numbered_list_query_count_does_not_grow(client, chair, meetings):
    _mexico, switzerland = meetings
    client.force_login(chair)
    url = reverse("surveys:list", kwargs={"number": 5})
    one = count_queries(client, url)
    SurveyFactory.create_batch(2, meeting=switzerland)
    assert count_queries(client, url) == one
