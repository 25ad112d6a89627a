"""Demo data for registrations: a second state's focal point (Ghana) to probe what Mexico's
focal point must not see, pending registrations for each kind of delegation (so that every
decider has something to decide), session choices, consent to the public list and a quota."""

from allauth.account.models import EmailAddress

from accounts.models import User
from delegations.models import Delegation, DelegationQuota, Registration, SessionChoice
from roundtables.models import Meeting

DEMO_PASSWORD = "gfmd-demo-2010"

# e-mail, first name, last name, honorific, job title, organisation, role printed by load_demo
PEOPLE = [
    (
        "focalpoint.gh@example.org",
        "Ama",
        "Owusu",
        "ms",
        "Director, Consular and Diaspora Affairs",
        "Ministry of Foreign Affairs, Ghana",
        "Focal point of Ghana",
    ),
    (
        "adviser.mx@example.org",
        "Tomás",
        "Ortega",
        "mr",
        "Adviser",
        "Instituto Nacional de Migración",
        "Pending, Mexico",
    ),
    ("delegate.gh@example.org", "Kofi", "Boateng", "mr", "Counsellor", "Embassy of Ghana, Mexico", "Pending, Ghana"),
    ("iom@example.org", "Laura", "Thompson", "ms", "Deputy Director General", "IOM", "Pending, IOM (observer)"),
    (
        "mfa@example.org",
        "William",
        "Gois",
        "mr",
        "Regional Coordinator",
        "Migrant Forum in Asia",
        "Pending, civil society",
    ),
]

# e-mail, delegation (country code or name), role, status, sessions, consent
REGISTRATIONS = [
    ("focalpoint.mx@example.org", "MX", "head", "approved", ["OP", "1.1", "FF", "CP"], True),
    ("delegate.mx@example.org", "MX", "delegate", "approved", ["1.1", "1.2"], False),
    ("rapporteur@example.org", "GH", "delegate", "approved", ["1.1"], True),
    ("focalpoint.gh@example.org", "GH", "head", "approved", ["OP", "2.1", "FF"], True),
    ("adviser.mx@example.org", "MX", "adviser", "pending", ["1.2", "3.1"], True),
    ("delegate.gh@example.org", "GH", "delegate", "pending", ["2.1", "2.2"], True),
    ("iom@example.org", "International Organization for Migration (IOM)", "head", "pending", ["OP", "2.1"], True),
    ("mfa@example.org", "Migrant Forum in Asia", "delegate", "pending", ["CSD", "CS"], True),
]


def _delegation(key: str) -> Delegation:
    if len(key) == 2:
        return Delegation.objects.get(kind=Delegation.Kind.STATE, country=key)
    return Delegation.objects.get(name=key)


def load_registration_demo(meeting: Meeting) -> list[tuple[str, str]]:
    """Create (or refresh) the accounts and registrations; returns (e-mail, role) to print."""
    for email, first, last, honorific, job_title, organisation, _role in PEOPLE:
        user, _ = User.objects.update_or_create(
            email=email,
            defaults={
                "first_name": first,
                "last_name": last,
                "honorific": honorific,
                "job_title": job_title,
                "organisation": organisation,
                "is_active": True,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    _delegation("GH").focal_points.add(User.objects.get(email="focalpoint.gh@example.org"))
    sessions = {session.code: session for session in meeting.sessions.all()}
    for email, key, role, status, codes, consent in REGISTRATIONS:
        person = User.objects.get(email=email)
        registration, _ = Registration.objects.update_or_create(
            meeting=meeting,
            person=person,
            defaults={
                "delegation": _delegation(key),
                "role": role,
                "status": status,
                "job_title": person.job_title,
                "public_list_consent": consent,
            },
        )
        SessionChoice.objects.filter(registration=registration).delete()
        SessionChoice.objects.bulk_create(
            SessionChoice(registration=registration, session=sessions[code]) for code in codes if code in sessions
        )
    DelegationQuota.objects.update_or_create(meeting=meeting, delegation=_delegation("MX"), defaults={"places": 10})
    return [(email, role) for email, *_rest, role in PEOPLE]
