"""Three consecutive meetings and a Chair's office officer of each, for the tests of the meeting-scoped
rules in every app (roundtables/tests/test_troika.py, <app>/tests/test_meeting_scope.py)."""

import datetime as dt
from dataclasses import dataclass

from accounts.tests.factories import UserFactory
from roundtables.models import Meeting, MeetingRole
from roundtables.tests.factories import MeetingFactory


def staff_of(meeting: Meeting, **kwargs):
    """A person on this meeting's Chair's office only (not the tests' default Chair's office member)."""
    person = UserFactory(**kwargs)
    MeetingRole.objects.create(meeting=meeting, user=person, role=MeetingRole.Role.CHAIR_STAFF)
    return person


@dataclass
class Troika:
    athens: Meeting  # 2009, number 3
    vallarta: Meeting  # 2010, number 4, current
    geneva: Meeting  # 2011, number 5
    greek: object  # 2009's staff: two meetings before 2011, outside its troika
    mexican: object  # 2010's staff: reads 2011, writes only 2010
    swiss: object  # 2011's staff


def troika() -> Troika:
    athens = MeetingFactory(
        number=3, chair_country="GR", start_date=dt.date(2009, 11, 2), end_date=dt.date(2009, 11, 5)
    )
    vallarta = MeetingFactory(number=4, chair_country="MX", is_current=True)
    geneva = MeetingFactory(
        number=5, chair_country="CH", start_date=dt.date(2011, 12, 1), end_date=dt.date(2011, 12, 2)
    )
    return Troika(athens, vallarta, geneva, staff_of(athens), staff_of(vallarta), staff_of(geneva))
