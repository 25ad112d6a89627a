"""roundtables.selectors.translation_gaps: the meeting's own texts, roundtables, sessions and rooms."""

import pytest

from gfmd.translation_gaps import gap_counts, gap_row, with_gaps
from roundtables.selectors import translation_gaps
from roundtables.tests.factories import MeetingFactory, RoomFactory, RoundtableFactory, SessionFactory

pytestmark = pytest.mark.django_db


def rows(meeting) -> dict[str, list[tuple]]:
    return {
        gaps.key: [(row.name, row.url, row.missing) for row in map(lambda i: gap_row(gaps, i), with_gaps(gaps))]
        for gaps in translation_gaps(meeting)
    }


def test_the_meetings_texts_lacking_french_or_spanish(meeting):
    meeting.title_fr, meeting.title_es = "Réunion", "Reunión"
    meeting.theme_fr, meeting.theme_es = "Thème", "Tema"
    meeting.city_fr, meeting.city_es = "Puerto Vallarta", "Puerto Vallarta"
    meeting.venue_es = "Centro"
    meeting.save()
    assert rows(meeting)["roundtables-meeting"] == [
        (meeting.title, f"/chair/meetings/{meeting.number}/details/", {"fr": ["Venue"], "es": []})
    ]


def test_the_roundtables_sessions_and_rooms_lacking_a_translation(meeting):
    roundtable = RoundtableFactory(meeting=meeting, number=1, title_en="Partnerships", title_fr="Partenariats")
    session = SessionFactory(roundtable=roundtable, code="1.1", title_en="Labour", description_en="Text")
    room = RoomFactory(meeting=meeting, name="Room A")
    RoomFactory(meeting=meeting, name_en="Room B", name_fr="Salle B", name_es="Sala B")
    found = rows(meeting)
    assert found["roundtables-roundtables"] == [
        (str(roundtable), f"/chair/roundtables/{roundtable.pk}/edit/", {"fr": [], "es": ["Title"]})
    ]
    assert found["roundtables-sessions"] == [
        (
            "1.1 Labour",
            f"/chair/sessions/{session.pk}/edit/",
            {"fr": ["Title", "Description"], "es": ["Title", "Description"]},
        )
    ]
    assert found["roundtables-rooms"] == [("Room A", f"/chair/rooms/{room.pk}/edit/", {"fr": ["Name"], "es": ["Name"]})]


def test_another_meetings_items_are_not_counted(meeting):
    SessionFactory(roundtable__meeting=MeetingFactory(number=9))
    RoomFactory(meeting=MeetingFactory(number=8))
    counts = {gaps.key: gap_counts(gaps).total for gaps in translation_gaps(meeting)}
    assert counts == {
        "roundtables-meeting": 1,
        "roundtables-roundtables": 0,
        "roundtables-sessions": 0,
        "roundtables-rooms": 0,
    }


@pytest.mark.parametrize("items", [1, 3])
def test_the_counts_cost_one_query_per_list(meeting, items, django_assert_num_queries):
    for number in range(items):
        SessionFactory(roundtable__meeting=meeting, code=f"9.{number}")
        RoomFactory(meeting=meeting)
    gap_lists = translation_gaps(meeting)
    with django_assert_num_queries(len(gap_lists)):
        counts = [gap_counts(gaps) for gaps in gap_lists]
    assert [c.total for c in counts] == [1, items, items, items]


@pytest.mark.parametrize("items", [1, 3])
def test_a_page_of_rows_costs_one_query_per_list(meeting, items, django_assert_num_queries):
    for number in range(items):
        SessionFactory(roundtable__meeting=meeting, code=f"9.{number}")
        RoomFactory(meeting=meeting)
    gap_lists = translation_gaps(meeting)
    with django_assert_num_queries(len(gap_lists)):
        found = [[gap_row(gaps, item) for item in with_gaps(gaps)] for gaps in gap_lists]
    assert [len(rows) for rows in found] == [1, items, items, items]
