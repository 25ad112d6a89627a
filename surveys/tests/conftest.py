import pytest

from delegations.tests.factories import DelegationFactory, make_focal_point, make_membership
from surveys.models import Question
from surveys.tests.factories import QuestionFactory, SectionFactory, SurveyFactory, choice_question


@pytest.fixture
def survey(meeting):
    return SurveyFactory(meeting=meeting, title_en="Theme and roundtables 2010")


@pytest.fixture
def questions(survey):
    """A small survey: a choice, a yes/no with a follow-up shown only for "yes", a scale, a text."""
    section = SectionFactory(survey=survey, title_en="The theme")
    theme = choice_question(
        section, ["Agree", "Agree with changes", "Disagree"], text_en="Do you agree with the theme?"
    )
    coherence = QuestionFactory(
        section=section, kind=Question.Kind.YES_NO, text_en="Do you have a coordination mechanism?", required=True
    )
    which = QuestionFactory(
        section=section,
        kind=Question.Kind.SHORT_TEXT,
        text_en="Which one?",
        required=True,
        show_if_question=coherence,
        show_if_value="yes",
    )
    scale = QuestionFactory(section=section, kind=Question.Kind.SCALE, text_en="How useful was the last meeting?")
    comments = QuestionFactory(section=section, kind=Question.Kind.LONG_TEXT, text_en="Comments")
    return {"theme": theme, "coherence": coherence, "which": which, "scale": scale, "comments": comments}


@pytest.fixture
def focal_point_of(meeting):
    """A delegation with one focal point for the meeting, and its membership in the meeting:
    focal_point_of("GH", steering_group=True)."""
    from accounts.tests.factories import UserFactory

    def make(country, *, steering_group=False, friends_of_the_forum=False, **kwargs):
        delegation = DelegationFactory(country=country, name=f"State {country}", **kwargs)
        person = UserFactory(email=f"fp.{country.lower()}@example.org")
        make_focal_point(person, delegation, meeting)
        if steering_group or friends_of_the_forum:
            make_membership(
                delegation, meeting, steering_group=steering_group, friends_of_the_forum=friends_of_the_forum
            )
        return delegation, person

    return make
