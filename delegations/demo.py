"""Demo data for registrations: a second state's focal point (Ghana) to probe what Mexico's
focal point must not see, pending registrations for each kind of delegation (so that every
decider has something to decide), session choices, consent to the public list and a quota."""

import datetime as dt
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.db.models import Q

from accounts.models import User
from delegations.models import Delegation, DelegationQuota, FocalPoint, Registration, SessionChoice
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

# Who decided each decided registration, and when: inside the meeting's own year, weeks before it
# (Puerto Vallarta time), so that no page says "approved on ." or on the day the demo was loaded.
# A focal point's own registration is decided by the Chair's office.
VALLARTA = ZoneInfo("America/Mexico_City")
DECISIONS = {
    "focalpoint.mx@example.org": ("chair@example.org", dt.datetime(2010, 10, 4, 10, 30, tzinfo=VALLARTA)),
    "focalpoint.gh@example.org": ("chair@example.org", dt.datetime(2010, 10, 6, 16, 15, tzinfo=VALLARTA)),
    "delegate.mx@example.org": ("focalpoint.mx@example.org", dt.datetime(2010, 10, 12, 9, 45, tzinfo=VALLARTA)),
    "rapporteur@example.org": ("focalpoint.gh@example.org", dt.datetime(2010, 10, 14, 11, 0, tzinfo=VALLARTA)),
}
OTHER_DECISIONS_AT = dt.datetime(2010, 10, 18, 12, 0, tzinfo=VALLARTA)


def _delegation(key: str) -> Delegation:
    if len(key) == 2:
        return Delegation.objects.get(kind=Delegation.Kind.STATE, country=key)
    return Delegation.objects.get(name=key)


def _date_other_decisions(meeting: Meeting) -> None:
    """The other demo loaders (outcomes: the co-chairs' representatives) register people as approved
    without a decision record; give each one, as its delegation's focal point (or the Chair's office)
    would have taken it, so that every decision has a date and a decider."""
    chair = User.objects.get(email="chair@example.org")
    undated = (
        Registration.objects.filter(meeting=meeting)
        .exclude(status=Registration.Status.PENDING)
        .filter(Q(decided_at__isnull=True) | Q(decided_by__isnull=True))
        .select_related("delegation")
        .order_by("pk")
    )
    for registration in undated:
        focal_point = (
            FocalPoint.objects.filter(delegation=registration.delegation, meeting=meeting)
            .exclude(user=registration.person_id)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        registration.decided_by = registration.decided_by or (focal_point.user if focal_point else None) or chair
        registration.decided_at = registration.decided_at or OTHER_DECISIONS_AT
        registration.save(update_fields=["decided_by", "decided_at"])


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
    FocalPoint.objects.get_or_create(
        delegation=_delegation("GH"), meeting=meeting, user=User.objects.get(email="focalpoint.gh@example.org")
    )
    sessions = {session.code: session for session in meeting.sessions.all()}
    for email, key, role, status, codes, consent in REGISTRATIONS:
        person = User.objects.get(email=email)
        decider, decided_at = DECISIONS.get(email, (None, None))
        registration, _ = Registration.objects.update_or_create(
            meeting=meeting,
            person=person,
            defaults={
                "delegation": _delegation(key),
                "role": role,
                "status": status,
                "job_title": person.job_title,
                "public_list_consent": consent,
                "decided_by": User.objects.get(email=decider) if decider else None,
                "decided_at": decided_at,
            },
        )
        SessionChoice.objects.filter(registration=registration).delete()
        SessionChoice.objects.bulk_create(
            SessionChoice(registration=registration, session=sessions[code]) for code in codes if code in sessions
        )
    _date_other_decisions(meeting)
    DelegationQuota.objects.update_or_create(meeting=meeting, delegation=_delegation("MX"), defaults={"places": 10})
    return [(email, role) for email, *_rest, role in PEOPLE]
