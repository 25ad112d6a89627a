"""checkin: the door's one service. Only the meeting's check-in staff and Chair's office; a forged token
records nothing; withdrawn and other meetings' badges refused; a second scan "already in"; two doors at
once one check-in; an offline scan sent twice one check-in; the scan's time bounded."""

import datetime as dt
import threading
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError, connection
from django.utils import timezone

from accounts.tests.factories import UserFactory, grant_chair_staff
from activity.models import ActivityLog
from logistics.models import CheckIn, SessionCheckIn
from logistics.services import checkin as services
from logistics.services.checkin import checkin_scan, token_of
from logistics.tests.factories_checkin import approved, make_door, name_checkin_staff, today_meeting, token
from roundtables.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def door():
    return make_door()


def scan(door, value, **kwargs):
    return checkin_scan(meeting=door.meeting, actor=kwargs.pop("actor", door.staff), value=value, **kwargs)


def test_a_valid_badge_is_welcomed_once_then_already_in(door):
    first = scan(door, token(door.sofia))
    assert first.outcome == services.WELCOME and first.registration == door.sofia
    second = scan(door, token(door.sofia))
    assert second.outcome == services.ALREADY_IN
    assert second.first_scanned_at == first.first_scanned_at
    assert CheckIn.objects.filter(registration=door.sofia).count() == 1
    assert ActivityLog.objects.filter(action="logistics.checkin.recorded").count() == 1


def test_the_verification_url_of_the_qr_code_is_read_as_its_token(door):
    url = f"https://portal.example.org/reports/badges/verify/{token(door.sofia)}/"
    assert token_of(url) == token(door.sofia)
    assert scan(door, url).outcome == services.WELCOME


@pytest.mark.parametrize(
    "forged",
    ["", "x" * 2000, "1-AAAAAAAAAAAAAAAA", "<script>alert(1)</script>", "../../etc/passwd", "' OR 1=1 --"],
)
def test_a_forged_or_damaged_code_records_nothing(door, forged):
    assert scan(door, forged).outcome == services.NOT_VALID
    assert not CheckIn.objects.exists()


def test_an_altered_token_records_nothing(door):
    good = token(door.sofia)
    altered = f"{door.amadou.pk}.{door.amadou.badge_serial}-" + good.split("-", 1)[1]
    assert scan(door, altered).outcome == services.NOT_VALID
    assert not CheckIn.objects.exists()


def test_a_withdrawn_registration_is_refused(door):
    assert scan(door, token(door.withdrawn)).outcome == services.WITHDRAWN
    assert not CheckIn.objects.exists()


def test_an_older_badge_of_a_registration_approved_again_is_refused(door):
    old = services.badge_from_token(token(door.sofia))
    door.sofia.badge_serial = 2
    door.sofia.save(update_fields=["badge_serial"])
    assert old is not None
    assert scan(door, f"{door.sofia.pk}.1-" + token(door.sofia).split("-", 1)[1]).outcome == services.NOT_VALID
    from delegations.badge_tokens import badge_token

    assert scan(door, badge_token(door.sofia.pk, 1)).outcome == services.WITHDRAWN


def test_a_badge_of_another_meeting_is_refused(door):
    other = approved(today_meeting())
    assert scan(door, token(other)).outcome == services.OTHER_MEETING
    assert not CheckIn.objects.exists()


def test_only_the_meetings_checkin_staff_and_chair_office(door):
    other_meeting = today_meeting()
    stranger_staff = name_checkin_staff(other_meeting)
    for actor in (UserFactory(), stranger_staff):
        with pytest.raises(PermissionDenied):
            scan(door, token(door.sofia), actor=actor)
    assert not CheckIn.objects.exists()
    assert scan(door, token(door.sofia), actor=door.chair).outcome == services.WELCOME
    other_chair = UserFactory()
    grant_chair_staff(other_chair, [other_meeting])  # another meeting's Chair's office
    with pytest.raises(PermissionDenied):
        scan(door, token(door.amadou), actor=other_chair)


def test_a_revoked_checkin_staff_member_is_refused(door):
    from roundtables.models import MeetingRole

    MeetingRole.objects.filter(user=door.staff).update(revoked_at=timezone.now())
    staff = type(door.staff).objects.get(pk=door.staff.pk)
    with pytest.raises(PermissionDenied):
        scan(door, token(door.sofia), actor=staff)


def test_a_name_picked_checks_in_an_approved_registration_of_the_meeting_only(door):
    assert checkin_scan(meeting=door.meeting, actor=door.staff, registration_id=door.amadou.pk).outcome == "welcome"
    assert CheckIn.objects.get().method == CheckIn.Method.NAME
    assert (
        checkin_scan(meeting=door.meeting, actor=door.staff, registration_id=door.withdrawn.pk).outcome == "withdrawn"
    )
    other = approved(today_meeting())
    assert checkin_scan(meeting=door.meeting, actor=door.staff, registration_id=other.pk).outcome == "not_valid"
    assert checkin_scan(meeting=door.meeting, actor=door.staff, registration_id="1; DROP").outcome == "not_valid"


def test_an_offline_scan_sent_twice_is_one_checkin_with_the_same_answer(door):
    scan_id = uuid.uuid4()
    scanned_at = timezone.now() - dt.timedelta(minutes=20)
    first = scan(door, token(door.sofia), scan_id=scan_id, scanned_at=scanned_at)
    again = scan(door, token(door.sofia), scan_id=str(scan_id), scanned_at=scanned_at)
    assert (first.outcome, again.outcome) == ("welcome", "welcome")
    assert again.replayed
    checkin = CheckIn.objects.get()
    assert checkin.scan_id == scan_id and checkin.scanned_at == scanned_at
    # Another scan of the same badge (another UUID) the same day: already in.
    assert scan(door, token(door.sofia), scan_id=uuid.uuid4()).outcome == "already_in"


def test_the_scan_time_is_bounded(door):
    with pytest.raises(ValidationError):
        scan(door, token(door.sofia), scanned_at=timezone.now() + dt.timedelta(hours=2))
    with pytest.raises(ValidationError):
        scan(door, token(door.sofia), scanned_at=timezone.now() - dt.timedelta(days=3))
    with pytest.raises(ValidationError):
        scan(door, token(door.sofia), scan_id="not-a-uuid")
    assert not CheckIn.objects.exists()


def test_a_day_outside_the_meeting_is_refused(door):
    door.meeting.start_date = door.meeting.end_date = timezone.localdate() + dt.timedelta(days=5)
    door.meeting.save()
    with pytest.raises(ValidationError):
        scan(door, token(door.sofia))


def test_a_closed_meeting_records_nothing(door):
    door.meeting.closed_at = timezone.now()
    door.meeting.save()
    with pytest.raises(ValidationError):
        scan(door, token(door.sofia))
    assert not CheckIn.objects.exists()


def test_a_session_door_records_the_session_and_the_day(door):
    session = SessionFactory(roundtable__meeting=door.meeting)
    first = scan(door, token(door.sofia), session=session)
    assert first.outcome == "welcome" and first.session == session
    assert SessionCheckIn.objects.filter(session=session, registration=door.sofia).count() == 1
    assert CheckIn.objects.filter(registration=door.sofia).count() == 1
    assert scan(door, token(door.sofia), session=session).outcome == "already_in"
    # Another session the same day: welcome there, still one day's check-in.
    other = SessionFactory(roundtable__meeting=door.meeting)
    assert scan(door, token(door.sofia), session=other).outcome == "welcome"
    assert CheckIn.objects.filter(registration=door.sofia).count() == 1


def test_a_session_of_another_meeting_or_day_is_refused(door):
    with pytest.raises(ValidationError):
        scan(door, token(door.sofia), session=SessionFactory())
    tomorrow = SessionFactory(roundtable__meeting=door.meeting, starts_at=timezone.now() + dt.timedelta(days=1))
    with pytest.raises(ValidationError):
        scan(door, token(door.sofia), session=tomorrow)


def _at_once(count, work):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def run():
        try:
            barrier.wait(timeout=10)
            for _attempt in range(60):
                try:
                    results.append(work())
                    break
                except OperationalError:  # SQLite: "database is locked" for the writer that waited
                    continue
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors


@pytest.mark.django_db(transaction=True)
def test_two_doors_scanning_the_same_badge_at_once_make_one_checkin():
    door = make_door()
    value = token(door.sofia)
    results, errors = _at_once(2, lambda: scan(door, value))
    assert errors == []
    assert sorted(result.outcome for result in results) == ["already_in", "welcome"]
    assert CheckIn.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_same_queued_scan_sent_twice_at_once_is_one_checkin():
    door = make_door()
    value, scan_id = token(door.sofia), uuid.uuid4()
    results, errors = _at_once(2, lambda: scan(door, value, scan_id=scan_id))
    assert errors == []
    assert [result.outcome for result in results] == ["welcome", "welcome"]
    assert CheckIn.objects.count() == 1
