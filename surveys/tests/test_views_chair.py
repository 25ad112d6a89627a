import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from surveys.models import Invitation, Question, Section, Survey
from surveys.tests.factories import InvitationFactory, QuestionFactory, SectionFactory, SurveyFactory

pytestmark = pytest.mark.django_db

OBJECT_PAGES = [
    "detail",
    "edit",
    "preview",
    "invite",
    "invitations",
    "reminders",
    "results",
    "export_csv",
    "export_xlsx",
]


def test_survey_list_refuses_anonymous_and_delegates(client):
    assert client.get(reverse("surveys:list")).status_code == 403
    client.force_login(UserFactory())
    assert client.get(reverse("surveys:list")).status_code == 403
    assert client.get(reverse("surveys:new")).status_code == 403


@pytest.mark.parametrize("name", OBJECT_PAGES)
def test_survey_pages_are_404_for_a_delegate(client, survey, name):
    client.force_login(UserFactory())
    assert client.get(reverse(f"surveys:{name}", args=[survey.pk])).status_code == 404


def test_a_delegate_cannot_add_a_question(client, survey):
    section = SectionFactory(survey=survey)
    client.force_login(UserFactory())
    response = client.post(
        reverse("surveys:question_new", args=[survey.pk]),
        {"section": section.pk, "kind": "short_text", "text_en": "Injected?"},
    )
    assert (response.status_code, Question.objects.count()) == (404, 0)


@pytest.mark.parametrize("count", [1, 3])
def test_survey_list_query_count_does_not_grow(client, chair, meeting, django_assert_num_queries, count):
    for _ in range(count):
        survey = SurveyFactory(meeting=meeting)
        InvitationFactory(survey=survey)
        QuestionFactory(section=SectionFactory(survey=survey))
    client.force_login(chair)
    # session, user, groups, focal points (menu), the meeting, the page's count, surveys with
    # counts, the meeting switcher's meetings
    with django_assert_num_queries(8):
        response = client.get(reverse("surveys:list"))
    assert len(response.context["surveys"]) == count


def test_chair_creates_a_survey_in_the_meetings_time_zone(client, chair, meeting):
    meeting.time_zone = "America/Mexico_City"
    meeting.save()
    client.force_login(chair)
    response = client.post(
        reverse("surveys:new"),
        {
            "title_en": "Survey on the theme",
            "title_fr": "Enquête sur le thème",
            "opens_at": "2030-01-15T09:00",
            "closes_at": "2030-02-26T18:00",
            "anonymous": "on",
        },
    )
    survey = Survey.objects.get()
    assert response.url == reverse("surveys:detail", args=[survey.pk])
    assert (survey.title_en, survey.title_fr, survey.anonymous) == ("Survey on the theme", "Enquête sur le thème", True)
    assert survey.opens_at.isoformat() == "2030-01-15T15:00:00+00:00"


def test_a_survey_closing_before_it_opens_is_refused_and_the_input_kept(client, chair, meeting):
    client.force_login(chair)
    response = client.post(
        reverse("surveys:new"), {"title_en": "Kept", "opens_at": "2030-02-01T09:00", "closes_at": "2030-01-01T09:00"}
    )
    assert response.context["form"].errors == {"closes_at": ["The survey must close after it opens."]}
    assert 'value="Kept"' in response.content.decode()
    assert Survey.objects.count() == 0


def test_chair_adds_a_section_and_a_choice_question_with_a_condition(client, chair, survey):
    client.force_login(chair)
    client.post(reverse("surveys:section_new", args=[survey.pk]), {"title_en": "Roundtables", "title_es": "Mesas"})
    section = Section.objects.get()
    client.post(
        reverse("surveys:question_new", args=[survey.pk]),
        {"section": section.pk, "kind": "yes_no", "text_en": "Should RT 3 have a third session?", "required": "on"},
    )
    source = Question.objects.get()
    response = client.post(
        reverse("surveys:question_new", args=[survey.pk]),
        {
            "section": section.pk,
            "kind": "multiple",
            "text_en": "On which topic?",
            "options_en": "Climate change\nRegional processes\n",
            "options_fr": "Changement climatique\nProcessus régionaux",
            "condition": f"{source.pk}=yes",
        },
    )
    question = Question.objects.get(text_en="On which topic?")
    assert response.status_code == 302
    assert (question.show_if_question, question.show_if_value, question.condition_label) == (source, "yes", "Yes")
    assert list(question.options.values_list("label_en", "label_fr")) == [
        ("Climate change", "Changement climatique"),
        ("Regional processes", "Processus régionaux"),
    ]


def test_a_choice_question_needs_two_options(client, chair, survey):
    section = SectionFactory(survey=survey)
    client.force_login(chair)
    response = client.post(
        reverse("surveys:question_new", args=[survey.pk]),
        {"section": section.pk, "kind": "single", "text_en": "Pick one", "options_en": "Only one"},
    )
    assert response.context["form"].errors == {"options_en": ["Give at least two options, one per line."]}


def test_questions_are_locked_once_invitations_exist(client, chair, survey):
    question = QuestionFactory(section=SectionFactory(survey=survey))
    InvitationFactory(survey=survey)
    client.force_login(chair)
    response = client.post(reverse("surveys:question_delete", args=[survey.pk, question.pk]), follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Invitations have been sent: the questions can no longer be changed."
    ]
    assert Question.objects.filter(pk=question.pk).exists()


def test_moving_a_question_below_the_one_it_depends_on_is_refused(client, chair, survey):
    section = SectionFactory(survey=survey)
    first = QuestionFactory(section=section, kind="yes_no", order=1)
    second = QuestionFactory(section=section, order=2, show_if_question=first, show_if_value="yes")
    client.force_login(chair)
    client.post(reverse("surveys:question_move", args=[survey.pk, second.pk]), {"direction": "up"})
    assert list(section.questions.order_by("order").values_list("pk", flat=True)) == [first.pk, second.pk]


@pytest.mark.parametrize("count", [1, 3])
def test_invitation_list_query_count_does_not_grow(
    client, chair, survey, django_assert_num_queries, focal_point_of, count
):
    for code in ["GH", "MX", "ES"][:count]:
        delegation, _person = focal_point_of(code, steering_group=True)
        Invitation.objects.create(survey=survey, delegation=delegation)
    client.force_login(chair)
    # session, user, survey, groups, focal points (menu), the lock check, the count, a page of invitations,
    # their mails counted and their delegations' groups (for the page's rows only)
    with django_assert_num_queries(10):
        response = client.get(reverse("surveys:invitations", args=[survey.pk]))
    rows = response.context["invitations"]
    assert [
        (row.mail_count, row.reminder_count, row.in_steering_group, row.in_friends_of_the_forum) for row in rows
    ] == [(0, 0, True, False)] * count


def test_chair_previews_the_survey_as_recipients_see_it(client, chair, survey, questions):
    client.force_login(chair)
    response = client.get(reverse("surveys:preview", args=[survey.pk]))
    page = response.content.decode()
    assert "Preview: this is the page recipients see through their link." in page
    assert response.context["visible"] == {q.pk for name, q in questions.items() if name != "which"}


@pytest.fixture
def frozen_now(monkeypatch, meeting):
    """The clock reads 10 January 2030, 09:00 in Puerto Vallarta."""
    meeting.city, meeting.time_zone = "Puerto Vallarta", "America/Mexico_City"
    meeting.save()
    moment = dt.datetime(2030, 1, 10, 15, 0, tzinfo=dt.UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return moment


def test_a_survey_opening_in_1990_is_refused_next_to_the_field(client, chair, meeting, frozen_now):
    client.force_login(chair)
    response = client.post(
        reverse("surveys:new"), {"title_en": "Kept", "opens_at": "1990-01-01T09:00", "closes_at": "1990-02-01T09:00"}
    )
    assert response.context["form"].errors == {
        "opens_at": ["It is now 10 January 2030, 09:00 in Puerto Vallarta: the survey cannot open in the past."],
        "closes_at": ["It is now 10 January 2030, 09:00 in Puerto Vallarta: the survey would already be closed."],
    }
    assert 'value="Kept"' in response.content.decode()
    assert Survey.objects.count() == 0


def test_a_survey_opening_at_the_minute_typed_a_moment_ago_is_accepted(client, chair, meeting, frozen_now):
    client.force_login(chair)
    client.post(
        reverse("surveys:new"), {"title_en": "At once", "opens_at": "2030-01-10T08:50", "closes_at": "2030-01-20T09:00"}
    )
    assert Survey.objects.get().opens_at == frozen_now - dt.timedelta(minutes=10)


def test_editing_a_survey_that_opened_last_week_keeps_its_opening(client, chair, meeting, frozen_now):
    survey = SurveyFactory(
        meeting=meeting,
        opens_at=dt.datetime(2030, 1, 3, 15, 0, 30, tzinfo=dt.UTC),
        closes_at=dt.datetime(2030, 1, 20, 15, 0, tzinfo=dt.UTC),
    )
    client.force_login(chair)
    response = client.post(
        reverse("surveys:edit", args=[survey.pk]),
        {"title_en": "Renamed", "opens_at": "2030-01-03T09:00", "closes_at": "2030-01-20T09:00"},
    )
    survey.refresh_from_db()
    assert (response.status_code, survey.title_en) == (302, "Renamed")
    assert survey.opens_at == dt.datetime(2030, 1, 3, 15, 0, tzinfo=dt.UTC)


def test_editing_a_survey_to_close_in_the_past_is_refused(client, chair, meeting, frozen_now):
    survey = SurveyFactory(
        meeting=meeting,
        title_en="Open",
        opens_at=dt.datetime(2030, 1, 3, 15, 0, tzinfo=dt.UTC),
        closes_at=dt.datetime(2030, 1, 20, 15, 0, tzinfo=dt.UTC),
    )
    client.force_login(chair)
    response = client.post(
        reverse("surveys:edit", args=[survey.pk]),
        {"title_en": "Open", "opens_at": "2030-01-03T09:00", "closes_at": "2030-01-05T09:00"},
    )
    assert response.context["form"].errors == {
        "closes_at": ["It is now 10 January 2030, 09:00 in Puerto Vallarta: the survey would already be closed."]
    }
    survey.refresh_from_db()
    assert survey.closes_at == dt.datetime(2030, 1, 20, 15, 0, tzinfo=dt.UTC)
