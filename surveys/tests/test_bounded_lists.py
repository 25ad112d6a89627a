"""The surveys list and a survey's invitations come in pages: one page and three cost the same queries,
and the invitations' filter survives paging."""

import pytest
from django.urls import reverse

from gfmd.tests.paging import assert_pages_cost_the_same
from gfmd.tests.queries import count_queries
from surveys.tests.factories import InvitationFactory, QuestionFactory, SectionFactory, SurveyFactory
from surveys.views import chair as chair_views
from surveys.views import invite

pytestmark = pytest.mark.django_db


def test_invitations_come_in_pages_and_keep_the_filter(client, chair, survey, monkeypatch):
    monkeypatch.setattr(invite, "INVITATIONS_PER_PAGE", 2)
    for _ in range(3):
        InvitationFactory(survey=survey)
    client.force_login(chair)
    response = client.get(reverse("surveys:invitations", args=[survey.pk]) + "?answered=no")
    assert len(response.context["invitations"]) == 2
    assert "?answered=no&amp;page=2" in response.content.decode()
    second = client.get(reverse("surveys:invitations", args=[survey.pk]) + "?answered=no&page=2")
    assert len(second.context["invitations"]) == 1


def test_invitations_page_costs_the_same_queries_for_1_and_3(client, chair, survey):
    InvitationFactory(survey=survey)
    client.force_login(chair)
    url = reverse("surveys:invitations", args=[survey.pk])
    one = count_queries(client, url)
    InvitationFactory(survey=survey)
    InvitationFactory(survey=survey)
    assert count_queries(client, url) == one


def test_invitations_pages_cost_the_same(client, chair, survey, monkeypatch):
    monkeypatch.setattr(invite, "INVITATIONS_PER_PAGE", 2)
    client.force_login(chair)
    url = reverse("surveys:invitations", args=[survey.pk]) + "?answered=no"
    assert_pages_cost_the_same(client, url, lambda n: InvitationFactory.create_batch(n, survey=survey), per_page=2)


def test_survey_list_pages_cost_the_same(client, chair, meeting, monkeypatch):
    monkeypatch.setattr(chair_views, "PER_PAGE", 2)
    client.force_login(chair)

    def add_surveys(n):
        for _ in range(n):
            survey = SurveyFactory(meeting=meeting)
            InvitationFactory(survey=survey)
            QuestionFactory(section=SectionFactory(survey=survey))

    assert_pages_cost_the_same(client, reverse("surveys:list"), add_surveys, per_page=2)
