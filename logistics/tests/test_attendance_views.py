"""attendance: the Chair's office's live page (counts in SQL, the same cost however many came), the htmx
counts, and the XLSX list (formulas neutralised)."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.tests.factories import UserFactory
from delegations.tests.factories import OrganisationFactory
from logistics.selectors.attendance import attendance_counts
from logistics.services.checkin import checkin_scan
from logistics.tests.factories_checkin import approved, make_door, token
from roundtables.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def door():
    return make_door()


def _scan(door, registration, **kwargs):
    return checkin_scan(meeting=door.meeting, actor=door.staff, value=token(registration), **kwargs)


def test_counts_by_day_session_kind_and_region(door):
    session = SessionFactory(roundtable__meeting=door.meeting)
    _scan(door, door.sofia, session=session)
    _scan(door, door.amadou)
    counts = attendance_counts(door.meeting)
    (day,) = counts.days
    assert (day.people, day.delegations) == (2, 2)
    assert day.kind_cells() == [1, 1, 0]  # a state, an observer
    assert day.by_region == {"americas": 1, "global": 1}
    (row,) = counts.sessions
    assert (row.people, row.kind_cells()) == (1, [1, 0, 0])
    assert [value for value, _label in counts.regions] == ["americas", "global"]


def test_the_page_is_for_the_meetings_chair_office_only(client, door):
    url = reverse("logistics:attendance", kwargs={"number": door.meeting.number})
    for person in (UserFactory(), door.staff):
        client.force_login(person)
        assert client.get(url).status_code == 403
        assert (
            client.get(reverse("logistics:attendance_export", kwargs={"number": door.meeting.number})).status_code
            == 403
        )
    client.force_login(door.chair)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-hx-trigger="every 5s"' in html and "Nobody has been checked in yet." in html


def test_the_counts_cost_the_same_for_one_or_many(client, door, django_assert_num_queries):
    client.force_login(door.chair)
    url = reverse("logistics:attendance_counts", kwargs={"number": door.meeting.number})
    session = SessionFactory(roundtable__meeting=door.meeting)
    _scan(door, door.sofia, session=session)
    client.get(url)
    with django_assert_num_queries(11) as one:
        assert b"attendance-sessions" in client.get(url).content
    for _index in range(3):
        _scan(door, approved(door.meeting, delegation=OrganisationFactory()), session=session)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url)
    assert b">4<" in response.content


def test_the_xlsx_lists_who_came_with_formulas_neutralised(client, door):
    door.sofia.person.last_name = '=HYPERLINK("http://evil")'
    door.sofia.person.save()
    _scan(door, door.sofia)
    _scan(door, door.amadou)
    client.force_login(door.chair)
    response = client.get(reverse("logistics:attendance_export", kwargs={"number": door.meeting.number}))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "Day" and len(rows) == 3
    names = {row[4] for row in rows[1:]}
    assert "Diallo" in names
    assert not any(str(name).startswith("=") for name in names)
