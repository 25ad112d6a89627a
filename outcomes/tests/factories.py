import factory

from accounts.tests.factories import UserFactory
from delegations.models import Registration
from delegations.tests.factories import DelegationFactory, RegistrationFactory, make_focal_point
from gfmd import languages
from outcomes.models import Outcome, OutcomeSection, SectionComment
from roundtables.models import SessionDelegation, SessionPerson
from roundtables.tests.factories import SessionDelegationFactory, SessionFactory, SessionPersonFactory


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome
        skip_postgeneration_save = True

    session = factory.SubFactory(SessionFactory)

    @factory.post_generation
    def with_sections(self, create, extracted, **kwargs):
        if create and extracted is not False:
            OutcomeSection.objects.bulk_create(
                OutcomeSection(outcome=self, kind=kind, order=order, language=language)
                for order, kind in enumerate(OutcomeSection.Kind.values, start=1)
                for language in languages.CODES
            )


class SectionCommentFactory(factory.django.DjangoModelFactory):
    """Pass the section: SectionCommentFactory(section=outcome.original_sections.first())."""

    class Meta:
        model = SectionComment

    author = factory.SubFactory(UserFactory)
    body = "Please add the figures."


def section_of(outcome, kind: str = "summary", language: str | None = None) -> OutcomeSection:
    """The outcome's section of that kind, in `language` (the original's by default)."""
    return outcome.sections.get(kind=kind, language=language or outcome.original_language)


def rapporteur_of(session):
    return SessionPersonFactory(session=session, role=SessionPerson.Role.RAPPORTEUR).person


def co_chair_focal_point(session, country: str):
    """A focal point of a co-chair government of the session, registered (approved) with it: signs off for it."""
    delegation = DelegationFactory(country=country)
    SessionDelegationFactory(session=session, delegation=delegation, role=SessionDelegation.Role.CO_CHAIR)
    person = UserFactory()
    make_focal_point(person, delegation)
    RegistrationFactory(
        meeting=session.meeting, person=person, delegation=delegation, status=Registration.Status.APPROVED
    )
    return person, delegation


def co_chair_representative(session, delegation, *, status=Registration.Status.APPROVED, registered_with=None):
    """A person named on the team as co-chair's representative of `delegation`, with a registration
    (approved unless told otherwise) with `registered_with` (by default the same government)."""
    person = UserFactory()
    SessionPersonFactory(
        session=session, person=person, role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE, delegation=delegation
    )
    RegistrationFactory(meeting=session.meeting, person=person, delegation=registered_with or delegation, status=status)
    return person
