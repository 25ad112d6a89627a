import pytest
from django.core.management import call_command

from delegations.models import Delegation, MeetingMembership
from surveys.answers import visible_questions
from surveys.models import Invitation, Question, Response, Survey
from surveys.selectors import survey_results

pytestmark = pytest.mark.django_db


def test_demo_has_the_2010_consultations_with_answers():
    call_command("load_demo", quiet_accounts=True)
    call_command("load_demo", quiet_accounts=True)  # again: nothing twice

    theme, inquiry = Survey.objects.order_by("opens_at")
    assert theme.title_en == (
        "Survey of the Steering Group and the Friends of the Forum on the proposed theme and roundtables"
    )
    assert (theme.opens_at.date().isoformat(), theme.anonymous) == ("2010-01-11", False)
    assert (inquiry.title_en, inquiry.anonymous) == ("Informal Inquiry on policy and institutional coherence", True)
    assert Survey.objects.count() == 2

    results = survey_results(theme)
    friends = MeetingMembership.objects.filter(meeting=theme.meeting, friends_of_the_forum=True).count()
    assert results.overall.invited == friends
    assert 0 < results.overall.responded < friends
    assert results.by_group[0].label == "Steering Group"
    assert results.by_group[0].percent > results.by_group[1].percent  # the Steering Group answered more
    assert Question.objects.filter(section__survey=theme, text_en__startswith="Which roundtable sessions").exists()

    # Every Friend of the Forum can be reached: each has a focal point.
    friends_of_2010 = Delegation.objects.filter(
        memberships__meeting=theme.meeting, memberships__friends_of_the_forum=True
    )
    assert not friends_of_2010.exclude(focal_point_roles__meeting=theme.meeting).exists()
    # The anonymous inquiry's answers are not tied to anyone; who responded is known.
    assert Response.objects.filter(survey=inquiry, invitation__isnull=False).count() == 0
    assert Invitation.objects.filter(survey=inquiry, submitted_at__isnull=False).count() == 15
    # Conditional questions are answered only where they are shown.
    questions = list(Question.objects.filter(section__survey=theme).order_by("section__order", "order"))
    for response in Response.objects.filter(survey=theme).prefetch_related("answers"):
        values = {answer.question_id: answer.value for answer in response.answers.all()}
        assert set(values) <= visible_questions(questions, values)
