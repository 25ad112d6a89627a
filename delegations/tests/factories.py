import factory

from delegations.models import Delegation, Registration

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

    meeting = factory.SubFactory("roundtables.tests.factories.MeetingFactory")
    person = factory.SubFactory("accounts.tests.factories.UserFactory")
    delegation = factory.SubFactory(DelegationFactory)
    role = Registration.Role.DELEGATE
