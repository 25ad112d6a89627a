"""checkin: a badge scanned (or a name picked) at a meeting's door, and the answer the door shows at once.

`checkin_scan` is the one write. Its answer is an outcome the page colours:
- "welcome" (green): recorded now; the person's name, delegation and role.
- "already_in" (amber): this person was already checked in that day (or at that session), with the first time.
- "not_valid" (red): forged, altered or damaged token; nothing is recorded and nothing is said about anyone.
- "withdrawn" (red): a genuine badge of this meeting whose registration is approved no longer (withdrawn,
  rejected, pending again) or an older badge of a registration approved again.
- "other_meeting" (red): a genuine, valid badge of another meeting.

Races: two doors scanning the same badge at once make one row, because the database's unique constraints
(registration and day; registration and session) refuse the second insert, which then reads "already in".
A scan queued offline carries the door page's own UUID: sent twice, it is recorded once and answers the same.
The scan's time is the door's clock, refused when far from the server's now or outside the meeting's days."""

import dataclasses
import datetime as dt
import uuid
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activity.services import activity_log
from delegations.badge_tokens import badge_from_token
from delegations.models import Registration
from gfmd.timeranges import as_zone
from logistics.models import CheckIn, SessionCheckIn
from logistics.permissions.checkin import CHECKIN_AT_DOOR
from roundtables.editions import ensure_open
from roundtables.models import Meeting, Session

WELCOME = "welcome"
ALREADY_IN = "already_in"
NOT_VALID = "not_valid"
WITHDRAWN = "withdrawn"
OTHER_MEETING = "other_meeting"

# How far the door's clock may be from the server's: a little ahead (clocks drift), and up to a day behind
# (a scan queued while the network was down, sent when it returns).
AHEAD = dt.timedelta(minutes=5)
BEHIND = dt.timedelta(hours=24)
MAX_VALUE_LENGTH = 500


@dataclasses.dataclass
class ScanResult:
    outcome: str
    registration: Registration | None = None
    first_scanned_at: dt.datetime | None = None
    session: Session | None = None
    replayed: bool = False

    @property
    def recorded(self) -> bool:
        return self.outcome == WELCOME


def token_of(value: str) -> str:
    """The token in what the scanner decoded: the badge's verification URL (…/badges/verify/<token>/) or
    the bare token pasted."""
    value = (value or "").strip()[:MAX_VALUE_LENGTH]
    if "/" in value:
        path = urlsplit(value).path if "://" in value else value
        parts = [part for part in path.split("/") if part]
        return parts[-1] if parts else ""
    return value


def meeting_day(meeting: Meeting, moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment, as_zone(meeting.time_zone)).date()


def _bounded_time(meeting: Meeting, scanned_at: dt.datetime | None, now: dt.datetime) -> dt.datetime:
    if scanned_at is None:
        scanned_at = now
    if timezone.is_naive(scanned_at):
        raise ValidationError(_("The scan's time has no time zone."), code="scan_time")
    if scanned_at > now + AHEAD or scanned_at < now - BEHIND:
        raise ValidationError(
            _("The scan's time is too far from now: check the clock of this device."), code="scan_time"
        )
    day = meeting_day(meeting, scanned_at)
    if not meeting.start_date <= day <= meeting.end_date:
        raise ValidationError(
            _("%(day)s is not a day of %(meeting)s: check-in is open on the meeting's days only.")
            % {"day": day.isoformat(), "meeting": meeting.title},
            code="not_meeting_day",
        )
    return scanned_at


def _check_session(meeting: Meeting, session: Session | None, day: dt.date) -> None:
    if session is None:
        return
    if session.meeting_id != meeting.pk:
        raise ValidationError(_("This session is not one of this meeting's."), code="session")
    if session.starts_at is not None and meeting_day(meeting, session.starts_at) != day:
        raise ValidationError(_("This session is not on the day of the scan."), code="session")


def _registration_of_token(meeting: Meeting, value: str) -> tuple[str, Registration | None]:
    badge = badge_from_token(token_of(value))
    if badge is None:
        return NOT_VALID, None
    registration_id, serial = badge
    registration = Registration.objects.select_related("person", "delegation").filter(pk=registration_id).first()
    if registration is None:
        return NOT_VALID, None
    admitted = registration.status == Registration.Status.APPROVED and registration.badge_serial == serial
    if registration.meeting_id != meeting.pk:
        # Another meeting's badge is named only while it is valid there; otherwise nothing is said.
        return (OTHER_MEETING, None) if admitted else (NOT_VALID, None)
    if not admitted:
        return WITHDRAWN, None
    return WELCOME, registration


def _registration_by_id(meeting: Meeting, registration_id) -> tuple[str, Registration | None]:
    try:
        registration_id = int(registration_id)
    except (TypeError, ValueError):
        return NOT_VALID, None
    registration = (
        Registration.objects.select_related("person", "delegation").filter(pk=registration_id, meeting=meeting).first()
    )
    if registration is None:
        return NOT_VALID, None
    if registration.status != Registration.Status.APPROVED:
        return WITHDRAWN, None
    return WELCOME, registration


def _parse_scan_id(scan_id) -> uuid.UUID | None:
    if scan_id in (None, ""):
        return None
    try:
        return uuid.UUID(str(scan_id))
    except ValueError:
        raise ValidationError(_("The scan's id is not valid."), code="scan_id") from None


def _replay(scan_id: uuid.UUID | None, meeting: Meeting) -> ScanResult | None:
    """The answer already given to a scan sent again (the same UUID): the same welcome, nothing new."""
    if scan_id is None:
        return None
    for model in (SessionCheckIn, CheckIn):
        row = (
            model.objects.select_related("registration__person", "registration__delegation")
            .filter(scan_id=scan_id, registration__meeting=meeting)
            .first()
        )
        if row is not None:
            return ScanResult(
                WELCOME,
                row.registration,
                row.scanned_at,
                session=getattr(row, "session", None),
                replayed=True,
            )
    return None


def _insert(model, *, scan_id, **fields):
    """One row, or None when the database already holds it (the unique constraints): the savepoint keeps
    the caller's transaction usable after the refused insert."""
    try:
        with transaction.atomic():
            return model.objects.create(scan_id=scan_id, **fields)
    except IntegrityError:
        return None


def checkin_scan(
    *,
    meeting: Meeting,
    actor,
    value: str | None = None,
    registration_id=None,
    scan_id=None,
    scanned_at: dt.datetime | None = None,
    session: Session | None = None,
    now: dt.datetime | None = None,
) -> ScanResult:
    """A badge's decoded value (`value`) or a registration picked by name (`registration_id`) at the
    meeting's door, optionally a session's door. Raises PermissionDenied for anyone but the meeting's
    check-in staff and Chair's office, ValidationError for a closed meeting, a time far from now or off the
    meeting's days, a session of another meeting or day. `now` is for the demo loader only (2010)."""
    if actor is None or not actor.has_perm(CHECKIN_AT_DOOR, meeting):
        raise PermissionDenied
    scan_id = _parse_scan_id(scan_id)
    now = now or timezone.now()
    with transaction.atomic():
        ensure_open(meeting, actor)
        scanned_at = _bounded_time(meeting, scanned_at, now)
        day = meeting_day(meeting, scanned_at)
        _check_session(meeting, session, day)
        replayed = _replay(scan_id, meeting)
        if replayed is not None:
            return replayed
        if registration_id not in (None, ""):
            outcome, registration = _registration_by_id(meeting, registration_id)
            method = CheckIn.Method.NAME
        else:
            outcome, registration = _registration_of_token(meeting, value or "")
            method = CheckIn.Method.BADGE
        if registration is None:
            return ScanResult(outcome, session=session)  # nothing recorded
        common = {"registration": registration, "scanned_at": scanned_at, "recorded_by": actor, "method": method}
        # The meeting's door: one row per person and day. A session's door also records the day's arrival
        # (a person may walk straight into a session) under its own id.
        day_row = _insert(CheckIn, scan_id=None if session else scan_id, meeting=meeting, day=day, **common)
        if session is None:
            if day_row is None:
                return _already(registration, scan_id, CheckIn.objects.filter(registration=registration, day=day))
            result_row = day_row
        else:
            result_row = _insert(SessionCheckIn, scan_id=scan_id, session=session, **common)
            if result_row is None:
                return _already(
                    registration,
                    scan_id,
                    SessionCheckIn.objects.filter(registration=registration, session=session),
                    session=session,
                )
        activity_log(
            actor=actor,
            action="logistics.checkin.recorded",
            obj=registration,
            meeting=meeting,
            data={
                "registration": registration.pk,
                "day": day.isoformat(),
                "session": session.pk if session else None,
                "method": method,
            },
        )
        return ScanResult(WELCOME, registration, result_row.scanned_at, session=session)


def _already(registration, scan_id, rows, *, session=None) -> ScanResult:
    # The same UUID sent twice at once: the other request recorded it, and this one answers as it did.
    first = rows.order_by("scanned_at").first()
    if scan_id is not None and first is not None and first.scan_id == scan_id:
        return ScanResult(WELCOME, registration, first.scanned_at, session=session, replayed=True)
    return ScanResult(ALREADY_IN, registration, first.scanned_at if first else None, session=session)
