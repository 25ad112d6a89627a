"""checkin: the door page, its scan endpoint and suggestions, and the Chair's office's check-in staff page."""

import json
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from logistics.models import CheckIn
from logistics.tests.factories_checkin import approved, make_door, name_checkin_staff, today_meeting, token
from roundtables.models import MeetingRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def door():
    return make_door()


def _scan(client, door, **body):
    return client.post(
        reverse("logistics:checkin_scan", kwargs={"number": door.meeting.number}),
        data=json.dumps(body),
        content_type="application/json",
    )


def test_the_door_page_is_for_the_meetings_checkin_staff_and_chair_office(client, door):
    url = reverse("logistics:checkin_door", kwargs={"number": door.meeting.number})
    assert client.get(url).status_code == 302  # sign in first
    for stranger in (UserFactory(), name_checkin_staff(today_meeting())):
        client.force_login(stranger)
        assert client.get(url).status_code == 404
        assert _scan(client, door, value=token(door.sofia)).status_code == 404
    assert not CheckIn.objects.exists()
    for person in (door.staff, door.chair):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200
        assert b"vendor/jsqr/jsQR.js" in response.content and b"Check-in at the door" in response.content


def test_the_scan_answers_at_once_in_json(client, door):
    client.force_login(door.staff)
    scan_id = str(uuid.uuid4())
    welcome = _scan(client, door, value=token(door.sofia), scan_id=scan_id, scanned_at=timezone.now().isoformat())
    assert welcome.status_code == 200
    answer = welcome.json()
    assert answer["outcome"] == "welcome" and answer["colour"] == "success" and answer["title"] == "Welcome"
    assert answer["name"].endswith("Sofía Castillo") and answer["delegation"] and answer["role"] == "Delegate"
    assert "photo" not in answer
    assert _scan(client, door, value=token(door.sofia), scan_id=scan_id).json()["outcome"] == "welcome"  # replay
    already = _scan(client, door, value=token(door.sofia)).json()
    assert (
        already["outcome"] == "already_in" and already["title"] == "Already in today" and already["colour"] == "warning"
    )
    refused = _scan(client, door, value="forged-AAAAAAAAAAAAAAAA").json()
    assert refused == {**refused, "outcome": "not_valid", "title": "Not valid", "colour": "danger"}
    assert "name" not in refused
    withdrawn = _scan(client, door, value=token(door.withdrawn)).json()
    assert withdrawn["title"] == "Badge withdrawn" and "name" not in withdrawn
    other = _scan(client, door, value=token(approved(today_meeting()))).json()
    assert other["title"] == "Badge of another meeting"
    assert CheckIn.objects.count() == 1


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"value": token, "scanned_at": "yesterday"},
        {"value": token, "scanned_at": "2001-01-01T10:00:00+00:00"},
        {"value": token, "scan_id": "nope"},
        {"value": token, "session": 999999},
        {"value": token, "registration": "x"},
    ],
)
def test_hostile_scans_get_a_clear_400_and_record_nothing(client, door, body):
    client.force_login(door.staff)
    body = {key: value(door.sofia) if callable(value) else value for key, value in body.items()}
    response = _scan(client, door, **body)
    assert response.status_code == 400 and response.json()["message"]
    assert not CheckIn.objects.exists()


def test_a_body_that_is_not_json_is_refused(client, door):
    client.force_login(door.staff)
    url = reverse("logistics:checkin_scan", kwargs={"number": door.meeting.number})
    assert client.post(url, data="[1,2", content_type="application/json").status_code == 400
    assert client.post(url, data="[1,2]", content_type="application/json").status_code == 400


def test_name_suggestions_are_the_meetings_approved_people_at_most_ten(client, door, django_assert_num_queries):
    for index in range(12):
        approved(door.meeting, person=UserFactory(first_name="Ana", last_name=f"Castillo{index:02d}"))
    approved(today_meeting(), person=UserFactory(last_name="Castillo-Elsewhere"))
    client.force_login(door.staff)
    url = reverse("logistics:checkin_names", kwargs={"number": door.meeting.number})
    client.get(url, {"q": "x"})  # warm the session
    response = client.get(url, {"q": "castillo"})
    html = response.content.decode()
    assert html.count("checkin-pick") == 10 and "Elsewhere" not in html
    assert "Gone" not in client.get(url, {"q": "gone"}).content.decode()
    assert b"checkin-pick" not in client.get(url, {"q": "c"}).content  # too short
    # The same cost for one suggestion as for ten: the request's own (session, person, meeting, roles, the
    # header's facts) and one query for the suggestions.
    with django_assert_num_queries(7):
        client.get(url, {"q": "castillo"})
    with django_assert_num_queries(7):
        client.get(url, {"q": "diallo"})


def test_the_chair_office_names_and_revokes_checkin_staff(client, door, mailoutbox):
    url = reverse("logistics:checkin_staff", kwargs={"number": door.meeting.number})
    client.force_login(door.staff)
    assert client.get(url).status_code == 403
    client.force_login(door.chair)
    assert client.get(url).status_code == 200
    unknown = client.post(url, {"email": "nobody@example.org"})
    assert unknown.status_code == 400 and b"No account has the address" in unknown.content
    rosa = UserFactory(email="rosa@example.org")
    assert client.post(url, {"email": "ROSA@example.org"}).status_code == 302
    role = MeetingRole.objects.active().get(user=rosa, role=MeetingRole.Role.CHECKIN_STAFF, meeting=door.meeting)
    twice = client.post(url, {"email": "rosa@example.org"})
    assert twice.status_code == 400 and b"already check-in staff" in twice.content
    revoke = reverse("logistics:checkin_staff_revoke", kwargs={"number": door.meeting.number, "pk": role.pk})
    assert client.post(revoke).status_code == 302
    role.refresh_from_db()
    assert role.revoked_at is not None
