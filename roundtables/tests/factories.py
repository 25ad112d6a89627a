import datetime as dt

import factory
from django.utils import timezone

from roundtables.models import Meeting, Room, Roundtable, Session, SessionDelegation, SessionPerson


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    number = factory.Sequence(lambda n: 100 + n)
    title_en = factory.Sequence(lambda n: f"Meeting {100 + n}")
    theme_en = "Partnerships for migration and human development"
    host_country = "MX"
    city = "Puerto Vallarta"
    venue = "Convention Center"
    start_date = dt.date(2010, 11, 8)
    end_date = dt.date(2010, 11, 11)


class RoundtableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Roundtable

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title_en = factory.Sequence(lambda n: f"Roundtable theme {n}")
    order = factory.SelfAttribute("number")


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Sequence(lambda n: f"Room {n}")


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    meeting = factory.SelfAttribute("roundtable.meeting")
    roundtable = factory.SubFactory(RoundtableFactory)
    # Far from the codes tests name themselves ("1.1", "3.1"...): two sessions of a meeting never share one.
    code = factory.Sequence(lambda n: f"{n // 10 + 11}.{n % 10 + 1}")
    title_en = factory.Sequence(lambda n: f"Session title {n}")
    kind = Session.Kind.ROUNDTABLE
    starts_at = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0))
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + dt.timedelta(hours=2))


class SessionDelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionDelegation

    session = factory.SubFactory(SessionFactory)
    delegation = factory.SubFactory("delegations.tests.factories.DelegationFactory")
    role = SessionDelegation.Role.CO_CHAIR


class SessionPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionPerson

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory("accounts.tests.factories.UserFactory")
    role = SessionPerson.Role.RAPPORTEUR


def two_meetings() -> tuple[Meeting, Meeting]:
    """Mexico 2010 (number 4, current, open) and Switzerland 2011 (number 5, in preparation): every app's
    test_editions.py gives each its own data and checks that a numbered page shows only its meeting's."""
    mexico = MeetingFactory(number=4, title_en="Mexico 2010", is_current=True, status=Meeting.Status.OPEN)
    switzerland = MeetingFactory(
        number=5, title_en="Switzerland 2011", city="Geneva", time_zone="Europe/Zurich", status=Meeting.Status.PLANNING
    )
    return mexico, switzerland
