import factory
from allauth.account.models import EmailAddress

from accounts.models import User
from accounts.roles import CHAIR_OFFICE, CIVIL_SOCIETY_COORDINATOR
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


class ChairOfficeFactory(UserFactory):
    @factory.post_generation
    def chair_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(role_group(CHAIR_OFFICE))


class CivilSocietyCoordinatorFactory(UserFactory):
    @factory.post_generation
    def coordinator_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(role_group(CIVIL_SOCIETY_COORDINATOR))
