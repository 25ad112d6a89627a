import datetime as dt

import factory
from django.utils import timezone

from surveys.models import Invitation, Option, Question, Section, Survey


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    meeting = factory.SubFactory("roundtables.tests.factories.MeetingFactory")
    title_en = factory.Sequence(lambda n: f"Consultation {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    survey = factory.SubFactory(SurveyFactory)
    title_en = factory.Sequence(lambda n: f"Section {n}")
    order = factory.Sequence(lambda n: n + 1)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    section = factory.SubFactory(SectionFactory)
    text_en = factory.Sequence(lambda n: f"Question {n}?")
    kind = Question.Kind.SHORT_TEXT
    order = factory.Sequence(lambda n: n + 1)


class OptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Option

    question = factory.SubFactory(QuestionFactory, kind=Question.Kind.SINGLE)
    label_en = factory.Sequence(lambda n: f"Option {n}")
    order = factory.Sequence(lambda n: n + 1)


def choice_question(section, labels, *, kind=Question.Kind.SINGLE, **kwargs) -> Question:
    question = QuestionFactory(section=section, kind=kind, **kwargs)
    for order, label in enumerate(labels, start=1):
        OptionFactory(question=question, label_en=label, order=order)
    return question


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    survey = factory.SubFactory(SurveyFactory)
    person = factory.SubFactory("accounts.tests.factories.UserFactory")
