"""The next meeting in the demo: Switzerland 2011, in preparation. The incoming Chair's office copies 2010's
structure ("copy to next year"), then sets the meeting's details through the meeting edit, as it would in
the portal. Not current (Mexico 2010 stays current), no programme released, so not public. Safe to run
again: once the meeting exists, only its details are set (unchanged details log nothing).

From the public record (gfmd.org): the Fifth Meeting, Geneva, 1-2 December 2011, and its theme. The
roundtables and sessions are 2010's, copied as a draft for the new Chair to rework: not the 2011
programme. The copy starts on 29 November, so that 2010's government days (10-11 November, after the two
Civil Society Days) fall on 1-2 December, and the copied Civil Society Days on 29-30 November, inside
the meeting's dates."""

import datetime as dt

from accounts.models import User
from roundtables.models import Meeting, MeetingRole
from roundtables.services import meeting_copy, meeting_update

NUMBER = 5

# What the Chair's office types into "copy to next year": a working title and the week to copy into.
COPY = {
    "number": NUMBER,
    "title_en": "Fifth Meeting of the GFMD",
    "theme_en": "To be decided by the Swiss Chair",
    "host_country": "CH",
    "city_en": "Geneva",
    "city_fr": "Genève",
    "city_es": "Ginebra",
    "venue_en": "",
    "start_date": dt.date(2011, 11, 29),
    "end_date": dt.date(2011, 12, 2),
    "time_zone": "Europe/Zurich",
}

# Then the meeting edit: the details of the public record.
DETAILS = {
    "title_en": "Fifth Meeting of the Global Forum on Migration and Development",
    "title_fr": "Cinquième réunion du Forum mondial sur la migration et le développement",
    "title_es": "Quinta Reunión del Foro Mundial sobre Migración y Desarrollo",
    "theme_en": "Taking Action on Migration and Development – Coherence, Capacity and Cooperation",
    "host_country": "CH",
    "city_en": "Geneva",
    "city_fr": "Genève",
    "city_es": "Ginebra",
    # The meeting's dates hold its Civil Society Days, as 2010's do (8-11 November).
    "start_date": dt.date(2011, 11, 29),
    "end_date": dt.date(2011, 12, 2),
    "status": Meeting.Status.PLANNING,
}


def load_next_meeting_demo(*, source: Meeting, actor: User, next_chair: User) -> Meeting:
    """Switzerland 2011, copied from `source` (2010) by `actor` (2010's Chair's office), chaired by
    Switzerland, whose Chair's office (`next_chair`, made its staff as if it had accepted the invitation
    meeting_prepare would mail) sets its details."""
    meeting = Meeting.objects.filter(number=NUMBER).first()
    if meeting is None:
        meeting = meeting_copy(source=source, actor=actor, fields={**COPY, "chair_country": "CH"})
    MeetingRole.objects.get_or_create(
        meeting=meeting,
        user=next_chair,
        role=MeetingRole.Role.CHAIR_STAFF,
        revoked_at=None,
        defaults={"granted_by": actor},
    )
    return meeting_update(meeting=meeting, actor=next_chair, fields=DETAILS)
