"""Fixtures and helpers of the recommendations' tests (import the fixtures into a test module)."""

import pytest

from accounts.tests.factories import UserFactory
from followup.services.recommendations import recommendation_add
from outcomes.services import outcome_approve, outcome_publish, outcome_start, outcome_submit, section_save
from outcomes.tests.factories import rapporteur_of, section_of
from roundtables.models import MeetingRole
from roundtables.tests.factories import RoundtableFactory, SessionFactory


def translator(meeting, language: str):
    person = UserFactory()
    MeetingRole.objects.create(meeting=meeting, user=person, role=MeetingRole.translator_role(language))
    return person


def add(outcome, actor, text: str = "Los gobiernos deben actualizar sus perfiles migratorios.", **kwargs):
    """A recommendation in the outcome's original language, to governments."""
    texts = kwargs.pop("texts", {outcome.original_language: text})
    return recommendation_add(
        outcome=outcome, actor=actor, texts=texts, addressees=kwargs.pop("addressees", ["governments"]), **kwargs
    )


def write_summary(outcome, rapporteur) -> None:
    section = section_of(outcome)
    section_save(
        section=section, actor=rapporteur, html="<p>Resumen.</p>", base_revision_id=section.current_revision_id
    )


def publish(outcome, rapporteur, chair):
    """Written, submitted, approved by the Chair's office in the co-chairs' place, published."""
    write_summary(outcome, rapporteur)
    outcome = outcome_submit(outcome=outcome, actor=rapporteur)
    outcome = outcome_approve(outcome=outcome, actor=chair)
    return outcome_publish(outcome=outcome, actor=chair)


# Fixtures: named `*_fixture` here so a test module imports them without shadowing their names.
@pytest.fixture(name="session")
def session_fixture(meeting):
    return SessionFactory(roundtable=RoundtableFactory(meeting=meeting), code="1.1")


@pytest.fixture(name="rapporteur")
def rapporteur_fixture(session):
    return rapporteur_of(session)


@pytest.fixture(name="outcome")
def outcome_fixture(session, rapporteur):
    """Session 1.1's outcome, drafted in Spanish."""
    return outcome_start(session=session, actor=rapporteur, original_language="es")
