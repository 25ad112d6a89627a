"""The practices' test helpers (part "practices"): eligible submitters, practice input, published
practices. The fixtures are in fixtures_practices (loaded by the test modules' pytest_plugins)."""

import datetime as dt

from django.utils import timezone

from accounts.tests.factories import UserFactory
from delegations.models import Delegation, Registration
from delegations.tests.factories import DelegationFactory, RegistrationFactory
from followup.models import Practice
from followup.services.practices import PracticeInput
from followup.tests.factories import PracticeFactory, theme
from roundtables.tests.factories import MeetingFactory


def civil_society_delegation(name: str = "Migrant Forum in Asia") -> Delegation:
    return Delegation.objects.get_or_create(
        name=name, defaults={"kind": Delegation.Kind.CIVIL_SOCIETY, "region": Delegation.Region.ASIA}
    )[0]


def state(code: str, region: str = Delegation.Region.AFRICA) -> Delegation:
    return DelegationFactory(country=code, name=f"State {code}", region=region)


def participant(delegation: Delegation | None = None, *, meeting=None, **user_fields):
    """A person registered (pending) with a delegation: may submit practices."""
    person = UserFactory(**user_fields)
    RegistrationFactory(
        person=person,
        delegation=delegation or civil_society_delegation(),
        meeting=meeting or MeetingFactory(),
        status=Registration.Status.PENDING,
    )
    return person


def practice_input(**overrides) -> PracticeInput:
    values = {
        "texts": {
            "title": {"en": "Diaspora mentoring for young entrepreneurs"},
            "summary": {"en": "Diaspora professionals mentor young entrepreneurs in their home towns."},
            "results": {"en": "120 businesses started in three years."},
        },
        "language": "en",
        "submitter_kind": Practice.SubmitterKind.CIVIL_SOCIETY,
        "organisation": "Migrant Forum in Asia",
        "partners": [("International Organization for Migration", "international_organisation")],
        "themes": [theme("diasporas")],
        "period_start": dt.date(2008, 1, 1),
        "period_end": dt.date(2010, 12, 31),
        "contact_name": "William Gois",
        "contact_email": "contact@example.org",
        "links": ["https://www.example.org/mentoring"],
    }
    values.update(overrides)
    return PracticeInput(**values)


def published_practice(**kwargs) -> Practice:
    kwargs.setdefault("published_at", timezone.now())
    return PracticeFactory(state=Practice.State.PUBLISHED, **kwargs)
