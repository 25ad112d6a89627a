"""Before inviting, the Chair's office is told which recipients will read English because the
survey lacks their language."""

import pytest
from django.urls import reverse

from surveys.models import Option, Question
from surveys.tests.factories import QuestionFactory, SectionFactory, SurveyFactory, choice_question

pytestmark = pytest.mark.django_db


def _readers(focal_point_of, languages: str):
    """Steering Group delegations whose focal points read these languages, e.g. "fffe"."""
    for index, code in enumerate(languages):
        _delegation, person = focal_point_of(f"A{chr(65 + index)}", steering_group=True)
        person.preferred_language = {"f": "fr", "s": "es", "e": "en"}[code]
        person.save()


@pytest.fixture
def partly_translated(meeting):
    """French title, no Spanish title; French text on two of three questions, one of which lacks
    a French option; no Spanish anywhere."""
    survey = SurveyFactory(meeting=meeting, title_en="Theme", title_fr="Thème", title_es="")
    section = SectionFactory(survey=survey)
    choice = choice_question(section, ["Yes", "No"], text_en="Agree?", text_fr="D'accord ?")
    Option.objects.filter(question=choice, label_en="Yes").update(label_fr="Oui")  # "No" stays English only
    QuestionFactory(section=section, kind=Question.Kind.SHORT_TEXT, text_en="Why?", text_fr="Pourquoi ?")
    QuestionFactory(section=section, kind=Question.Kind.LONG_TEXT, text_en="Comments")
    return survey


def _count_page(client, survey):
    return client.get(
        reverse("surveys:invite", args=[survey.pk]), {"audience": "steering_group"}, headers={"HX-Request": "true"}
    )


def test_the_invite_page_names_the_languages_recipients_read_without_translation(
    client, chair, partly_translated, focal_point_of
):
    _readers(focal_point_of, "fffse")
    client.force_login(chair)
    response = _count_page(client, partly_translated)
    assert response.context["translation_warnings"] == [
        "3 recipients read French: 2 questions have no French text; they will see English.",
        "1 recipient reads Spanish: the title and 3 questions have no Spanish text; they will see English.",
    ]
    html = response.content.decode()
    assert "3 recipients read French: 2 questions have no French text; they will see English." in html
    assert "Not every recipient can read the survey in their language" in html


def test_no_warning_when_the_recipients_language_is_complete(client, chair, meeting, focal_point_of):
    survey = SurveyFactory(meeting=meeting, title_en="Theme", title_fr="Thème", title_es="")
    choice = choice_question(SectionFactory(survey=survey), ["Yes", "No"], text_en="Agree?", text_fr="D'accord ?")
    Option.objects.filter(question=choice, label_en="Yes").update(label_fr="Oui")
    Option.objects.filter(question=choice, label_en="No").update(label_fr="Non")
    _readers(focal_point_of, "ffe")  # nobody reads Spanish: its gaps do not matter
    client.force_login(chair)
    response = _count_page(client, survey)
    assert response.context["translation_warnings"] == []
    assert "Not every recipient" not in response.content.decode()


def test_only_the_title_missing_is_named(client, chair, meeting, focal_point_of):
    survey = SurveyFactory(meeting=meeting, title_en="Theme", title_es="")
    QuestionFactory(
        section=SectionFactory(survey=survey), kind=Question.Kind.SCALE, text_en="Useful?", text_es="¿Útil?"
    )
    _readers(focal_point_of, "ss")
    client.force_login(chair)
    assert _count_page(client, survey).context["translation_warnings"] == [
        "2 recipients read Spanish: the title has no Spanish text; they will see English."
    ]


@pytest.mark.parametrize("readers", ["f", "fsf"])
def test_the_warning_query_count_does_not_grow(
    client, chair, partly_translated, focal_point_of, django_assert_num_queries, readers
):
    _readers(focal_point_of, readers)
    client.force_login(chair)
    # the page, the plan, + the gaps (one query), the lock and the invitation's edited texts (mailings.texts)
    with django_assert_num_queries(12):
        _count_page(client, partly_translated)


def _invited(survey, chair):
    from mailings.templates import default_texts
    from surveys.audiences import Audience, audience_plan
    from surveys.services import survey_invite

    INVITATION_SUBJECTS, INVITATION_BODIES = default_texts("surveys.invitation")

    plan = audience_plan(survey, Audience.STEERING_GROUP)
    return survey_invite(survey=survey, plan=plan, subjects=INVITATION_SUBJECTS, bodies=INVITATION_BODIES, actor=chair)


def test_the_outbox_of_a_survey_mailing_warns_before_the_send_button(client, chair, partly_translated, focal_point_of):
    _readers(focal_point_of, "fffse")
    mailing = _invited(partly_translated, chair)
    client.force_login(chair)
    page = client.get(reverse("mailings:detail", args=[mailing.pk])).content.decode()
    warning = "3 recipients read French: 2 questions have no French text; they will see English."
    assert warning in page
    assert "1 recipient reads Spanish: the title and 3 questions have no Spanish text; they will see English." in page
    assert page.index(warning) < page.index("Send 5 mails")  # read before sending
    assert "You can still send: they will answer the questions in English." in page


@pytest.mark.parametrize("readers", ["f", "fsf"])
def test_the_outbox_warning_query_count_does_not_grow(
    client, chair, partly_translated, focal_point_of, django_assert_num_queries, readers
):
    _readers(focal_point_of, readers)
    mailing = _invited(partly_translated, chair)
    client.force_login(chair)
    with django_assert_num_queries(11):  # the outbox page (10, its survey included) + the gaps
        client.get(reverse("mailings:detail", args=[mailing.pk]))
