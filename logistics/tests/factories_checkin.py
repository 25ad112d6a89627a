"""checkin: a meeting held today (the door refuses other days), its check-in staff and approved people."""

import dataclasses
import datetime as dt

from django.utils import timezone

from accounts.tests.factories import ChairOfficeFactory, UserFactory
from delegations.badge_tokens import badge_token
from delegations.models import Registration
from delegations.tests.factories import OrganisationFactory, RegistrationFactory
from roundtables.models import MeetingRole
from roundtables.tests.factories import MeetingFactory


def today_meeting(**kwargs):
    today = timezone.localdate()
    return MeetingFactory(
        start_date=today - dt.timedelta(days=1), end_date=today + dt.timedelta(days=1), time_zone="UTC", **kwargs
    )


def name_checkin_staff(meeting, user=None):
    user = user or UserFactory()
    MeetingRole.objects.create(meeting=meeting, user=user, role=MeetingRole.Role.CHECKIN_STAFF)
    return user


def approved(meeting, **kwargs) -> Registration:
    return RegistrationFactory(meeting=meeting, status=Registration.Status.APPROVED, badge_serial=1, **kwargs)


def token(registration) -> str:
    return badge_token(registration.pk, registration.badge_serial)


@dataclasses.dataclass
class Door:
    meeting: object
    chair: object
    staff: object
    sofia: Registration
    amadou: Registration
    withdrawn: Registration


def make_door() -> Door:
    chair = ChairOfficeFactory()
    meeting = today_meeting(is_current=True)
    staff = name_checkin_staff(meeting)
    sofia = approved(meeting, person=UserFactory(first_name="Sofía", last_name="Castillo"))
    amadou = approved(
        meeting, person=UserFactory(first_name="Amadou", last_name="Diallo"), delegation=OrganisationFactory()
    )
    withdrawn = RegistrationFactory(
        meeting=meeting, status=Registration.Status.WITHDRAWN, badge_serial=1, person=UserFactory(last_name="Gone")
    )
    return Door(meeting, chair, staff, sofia, amadou, withdrawn)
