"""roundtables.selectors.texts_awaiting_translation: the meeting's roundtables and sessions whose title
or description in a language is empty while the English has text, one list in programme order."""

import pytest

from roundtables.selectors import texts_awaiting_translation
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_roundtables_then_sessions_with_an_empty_translation(django_assert_num_queries):
    meeting = MeetingFactory(number=4)
    roundtable = RoundtableFactory(meeting=meeting, number=1, title_en="Partnerships", title_fr="Partenariats")
    second = RoundtableFactory(meeting=meeting, number=2, title_en="Mobility", description_en="Why.")
    untranslated = SessionFactory(roundtable=roundtable, code="1.2", order=2, description_en="Text.")
    translated = SessionFactory(
        roundtable=roundtable, code="1.1", order=1, title_fr="Titre", description_en="Text.", description_fr="Texte."
    )
    half = SessionFactory(roundtable=roundtable, code="1.3", order=3, title_fr="Titre", description_en="Text.")
    SessionFactory(roundtable=RoundtableFactory(meeting=MeetingFactory(number=5)), code="1.1")  # another meeting

    with django_assert_num_queries(1):
        rows = [
            (
                row["item_kind"],
                row["item_pk"],
                row["item_label"],
                row["item_needs_title"],
                row["item_needs_description"],
            )
            for row in texts_awaiting_translation(meeting, "fr")
        ]
    assert rows == [
        ("roundtable", second.pk, "2", True, True),
        ("session", untranslated.pk, "1.2", True, True),
        ("session", half.pk, "1.3", False, True),
    ]
    assert ("session", translated.pk) not in {row[:2] for row in rows}
    assert len(texts_awaiting_translation(meeting, "es")) == 5
