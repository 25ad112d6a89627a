"""What counts as a missing translation, in SQL (gfmd.translation_gaps), read on the roundtables' sessions."""

import pytest
from django.urls import reverse

from gfmd.translation_gaps import GapList, gap_counts, gap_row, with_gaps
from roundtables.tests.factories import MeetingFactory, SessionFactory

# gfmd sits below every app: its tests build rows with the apps' factories only (the layers' contract).
Session = SessionFactory._meta.model

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory(number=4)


def sessions(meeting) -> GapList:
    return GapList(
        key="sessions",
        label="Sessions",
        items=Session.objects.filter(meeting=meeting).order_by("code"),
        fields={"title": "Title", "description": "Description"},
        name=lambda session: session.code,
        url=lambda session: reverse("roundtables:session_edit", kwargs={"pk": session.pk}),
    )


def session(meeting, code, **texts):
    return SessionFactory(roundtable__meeting=meeting, code=code, title_en=f"Session {code}", **texts)


def test_a_text_lacks_the_languages_it_is_empty_in(meeting):
    session(meeting, "1.1", title_fr="Séance", description_en="About", description_es="Sobre")
    [row] = [gap_row(sessions(meeting), item) for item in with_gaps(sessions(meeting))]
    assert row.missing == {"fr": ["Description"], "es": ["Title"]}
    assert row.languages == ["fr", "es"]


def test_a_text_written_in_no_language_lacks_nothing(meeting):
    session(meeting, "1.1", title_fr="Séance", title_es="Sesión")  # no description at all
    assert list(with_gaps(sessions(meeting))) == []


def test_a_text_written_only_in_spanish_lacks_french(meeting):
    session(meeting, "1.1", title_fr="Séance", title_es="Sesión", description_es="Sobre")
    [row] = [gap_row(sessions(meeting), item) for item in with_gaps(sessions(meeting))]
    assert row.missing == {"fr": ["Description"], "es": []}


def test_an_empty_string_and_null_both_lack(meeting):
    session(meeting, "1.1", title_fr="", title_es=None)
    assert gap_counts(sessions(meeting)).missing == {"fr": 1, "es": 1}


def test_the_counts_cover_every_item_in_one_query(meeting, django_assert_num_queries):
    session(meeting, "1.1")
    session(meeting, "1.2", title_fr="Séance")
    session(meeting, "1.3", title_fr="Séance", title_es="Sesión")
    with django_assert_num_queries(1):
        counts = gap_counts(sessions(meeting))
    assert (counts.total, counts.missing, counts.with_gaps) == (3, {"fr": 1, "es": 2}, 2)
    assert counts.by_language == [("fr", "French", 1), ("es", "Spanish", 2)]


def test_the_rows_name_the_item_and_link_to_its_page(meeting):
    item = session(meeting, "2.1")
    [row] = [gap_row(sessions(meeting), item) for item in with_gaps(sessions(meeting))]
    assert (row.name, row.url) == ("2.1", f"/chair/sessions/{item.pk}/edit/")
    assert row.by_language == [("fr", "French", ["Title"]), ("es", "Spanish", ["Title"])]
