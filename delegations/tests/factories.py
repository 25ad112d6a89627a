import datetime as dt
import hashlib

import factory
from django.utils import timezone

from delegations.models import (
    Delegation,
    DelegationQuota,
    FocalPoint,
    FocalPointNomination,
    Invitation,
    MeetingMembership,
    Registration,
    SessionChoice,
)

STATE_CODES = ["MX", "ES", "GH", "PH", "MA", "US", "SN", "FR", "BD", "IN", "ID", "EC", "GR", "SE", "AR"]


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegation
        django_get_or_create = ["country"]

    kind = Delegation.Kind.STATE
    country = factory.Iterator(STATE_CODES)
    name = factory.LazyAttribute(lambda d: f"State {d.country}")
    region = "americas"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegation

    kind = Delegation.Kind.OBSERVER
    name = factory.Sequence(lambda n: f"Organisation {n}")
    region = "global"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration
        skip_postgeneration_save = True

    meeting = factory.SubFactory("roundtables.tests.factories.MeetingFactory")
    person = factory.SubFactory("accounts.tests.factories.UserFactory")
    delegation = factory.SubFactory(DelegationFactory)
    role = Registration.Role.DELEGATE
    status = Registration.Status.PENDING
    decision_reason = factory.LazyAttribute(lambda r: "Not eligible" if r.status == "rejected" else "")

    @factory.post_generation
    def sessions(self, create, extracted, **kwargs):
        if create and extracted:
            SessionChoice.objects.bulk_create(SessionChoice(registration=self, session=s) for s in extracted)


class DelegationQuotaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DelegationQuota

    meeting = factory.SubFactory("roundtables.tests.factories.MeetingFactory")
    delegation = factory.SubFactory(DelegationFactory)
    places = 5


class InvitationFactory(factory.django.DjangoModelFactory):
    """An invitation whose clear token is `token` (the factory hashes it as the service does)."""

    class Meta:
        model = Invitation
        exclude = ["token"]

    meeting = factory.SubFactory("roundtables.tests.factories.MeetingFactory")
    delegation = factory.SubFactory(DelegationFactory)
    email = factory.Sequence(lambda n: f"invited{n}@example.org")
    role = Registration.Role.DELEGATE
    token = factory.Sequence(lambda n: f"token-{n}-abcdefghijklmnopqrstuvwxyz")
    token_hash = factory.LazyAttribute(lambda i: hashlib.sha256(i.token.encode()).hexdigest())
    expires_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))
    invited_by = factory.SubFactory("accounts.tests.factories.UserFactory")


def _meeting_or_current(meeting):
    """The meeting given, else the current one (the latest when none is current), else a new current one."""
    from roundtables.models import Meeting
    from roundtables.tests.factories import MeetingFactory

    if meeting is not None:
        return meeting
    return Meeting.objects.current() or Meeting.objects.order_by("-number").first() or MeetingFactory(is_current=True)


def make_focal_point(user, delegation, meeting=None) -> FocalPoint:
    """Make `user` focal point of `delegation` for `meeting` (the current meeting by default), as an
    accepted nomination would. The person's roles read in this request are forgotten."""
    focal_point, _created = FocalPoint.objects.get_or_create(
        user=user, delegation=delegation, meeting=_meeting_or_current(meeting)
    )
    for cache in ("_gfmd_roles", "_gfmd_team_roles"):
        user.__dict__.pop(cache, None)
    return focal_point


def make_membership(
    delegation, meeting=None, *, steering_group: bool = False, friends_of_the_forum: bool = False
) -> MeetingMembership:
    membership, _created = MeetingMembership.objects.update_or_create(
        delegation=delegation,
        meeting=_meeting_or_current(meeting),
        defaults={"steering_group": steering_group, "friends_of_the_forum": friends_of_the_forum},
    )
    return membership


class FocalPointNominationFactory(factory.django.DjangoModelFactory):
    """A nomination whose clear token is `token` (hashed as the service does)."""

    class Meta:
        model = FocalPointNomination
        exclude = ["token"]

    meeting = factory.SubFactory("roundtables.tests.factories.MeetingFactory")
    delegation = factory.SubFactory(DelegationFactory)
    email = factory.Sequence(lambda n: f"nominated{n}@example.org")
    token = factory.Sequence(lambda n: f"nomination-{n}-abcdefghijklmnopqrstuvwxyz")
    token_hash = factory.LazyAttribute(lambda i: hashlib.sha256(i.token.encode()).hexdigest())
    expires_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))
    invited_by = factory.SubFactory("accounts.tests.factories.UserFactory")
