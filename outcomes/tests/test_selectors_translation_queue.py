"""outcomes.selectors.outcomes_awaiting_translation: the meeting's outcomes with sections whose
translation into a language is missing or needs update (as TranslationRow.status says), counted in SQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from outcomes.models import OutcomeRevision
from outcomes.selectors import outcomes_awaiting_translation, translation_rows
from outcomes.tests.factories import OutcomeFactory, section_of
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory

pytestmark = pytest.mark.django_db


def write(section, html: str, source=None) -> OutcomeRevision:
    number = section.revisions.count() + 1
    revision = OutcomeRevision.objects.create(section=section, number=number, html=html, source=source)
    section.current_revision = revision
    section.save(update_fields=["current_revision"])
    return revision


@pytest.fixture
def meeting(db):
    return MeetingFactory(number=4)


def outcome_in(meeting, code: str, **kwargs):
    return OutcomeFactory(session=SessionFactory(roundtable=RoundtableFactory(meeting=meeting), code=code), **kwargs)


def test_missing_and_needs_update_are_counted_as_translation_rows_say(meeting):
    outcome = outcome_in(meeting, "1.1")
    summary = write(section_of(outcome, "summary"), "<p>Summary</p>")
    conclusions = write(section_of(outcome, "conclusions"), "<p>Conclusions</p>")
    write(section_of(outcome, "recommendations"), "<p>Recommendations</p>")
    # Summary translated from its current text (up to date); conclusions from an older one (needs update);
    # recommendations untranslated (missing); the other two sections have no text (nothing to translate).
    write(section_of(outcome, "summary", "fr"), "<p>Résumé</p>", source=summary)
    write(section_of(outcome, "conclusions", "fr"), "<p>Conclusions</p>", source=conclusions)
    write(section_of(outcome, "conclusions"), "<p>Conclusions, revised</p>")

    [awaiting] = outcomes_awaiting_translation(meeting, "fr")
    assert (awaiting, awaiting.missing, awaiting.needs_update) == (outcome, 1, 1)
    statuses = sorted(row.status for row in translation_rows(outcome, "fr"))
    assert statuses == ["empty", "empty", "missing", "needs_update", "up_to_date"]
    [spanish] = outcomes_awaiting_translation(meeting, "es")
    assert (spanish.missing, spanish.needs_update) == (3, 0)


def test_an_outcome_up_to_date_or_written_in_the_language_awaits_nothing(meeting):
    done = outcome_in(meeting, "1.1")
    write(section_of(done, "summary", "fr"), "<p>Résumé</p>", source=write(section_of(done, "summary"), "<p>S</p>"))
    french = outcome_in(meeting, "1.2", original_language="fr")
    write(section_of(french, "summary"), "<p>Résumé</p>")
    empty = outcome_in(meeting, "1.3")
    assert list(outcomes_awaiting_translation(meeting, "fr")) == []
    assert list(outcomes_awaiting_translation(meeting, "en")) == [french]
    assert empty.pk not in {o.pk for o in outcomes_awaiting_translation(meeting, "es")}


def test_other_meetings_outcomes_are_not_listed(meeting):
    other = outcome_in(MeetingFactory(number=5), "1.1")
    write(section_of(other, "summary"), "<p>Summary</p>")
    assert list(outcomes_awaiting_translation(meeting, "fr")) == []


def _cost(meeting) -> int:
    with CaptureQueriesContext(connection) as queries:
        rows = [
            (o.session.code, o.missing, o.needs_update, o.get_state_display())
            for o in outcomes_awaiting_translation(meeting, "fr")
        ]
    assert rows
    return len(queries)


def test_one_query_whatever_the_number_of_outcomes(meeting):
    def add(count: int) -> None:
        for _ in range(count):
            outcome = OutcomeFactory(session=SessionFactory(roundtable=RoundtableFactory(meeting=meeting)))
            write(section_of(outcome, "summary"), "<p>Summary</p>")

    add(1)
    one = _cost(meeting)
    add(2)
    assert _cost(meeting) == one == 1
