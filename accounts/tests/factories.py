import factory
from allauth.account.models import EmailAddress

from accounts.models import User
from accounts.roles import CIVIL_SOCIETY_COORDINATOR, SUPPORT
from accounts.services import role_group

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        # A verified primary address, as allauth requires before signing in.
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


# The people ChairOfficeFactory made in this test: the root conftest makes them Chair's office staff of
# every meeting the test creates after them too (and empties this between tests).
DEFAULT_CHAIRS: set[int] = set()


def grant_chair_staff(user, meetings) -> None:
    """Make the user Chair's office staff of these meetings (roundtables.MeetingRole; read through the app
    registry, since accounts sits below roundtables)."""
    from django.apps import apps

    MeetingRole = apps.get_model("roundtables", "MeetingRole")
    for meeting in meetings:
        MeetingRole.objects.get_or_create(meeting=meeting, user=user, role="chair_staff", revoked_at=None)


class ChairOfficeFactory(UserFactory):
    """The tests' default Chair's office member: staff of every meeting of the test (those that exist and,
    through the root conftest, those created later). Tests of the per-meeting rules make their own staff
    with grant_chair_staff."""

    @factory.post_generation
    def chair_staff(self, create, extracted, **kwargs):
        if create:
            from django.apps import apps

            grant_chair_staff(self, apps.get_model("roundtables", "Meeting").objects.all())
            DEFAULT_CHAIRS.add(self.pk)


class SupportFactory(UserFactory):
    @factory.post_generation
    def support_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(role_group(SUPPORT))


class CivilSocietyCoordinatorFactory(UserFactory):
    @factory.post_generation
    def coordinator_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(role_group(CIVIL_SOCIETY_COORDINATOR))
