"""Demo focal points, so that a mailing to the Friends of the Forum reaches every delegation:
focalpoint.<code>@example.org, no password (they answer through their link), writing in Spanish or
French where that is their country's language."""

from django.db.models import Prefetch
from django.utils.text import slugify

from accounts.models import User
from delegations.models import Delegation, FocalPoint

SPANISH = {"AR", "BO", "CL", "CO", "CR", "CU", "DO", "EC", "SV", "GQ", "GT", "HN", "MX", "NI", "PA", "PY", "PE", "ES"}
SPANISH |= {"UY", "VE"}
FRENCH = {"BJ", "BF", "BI", "CM", "CF", "TD", "KM", "CG", "CD", "CI", "DJ", "GA", "GN", "HT", "MG", "ML", "MC", "NE"}
FRENCH |= {"RW", "SN", "TG", "FR", "TN", "MA", "DZ", "MR", "LU"}
# (honorific, first name) and last names of the demo focal points, combined without repeats.
FIRST_NAMES = [
    tuple(pair.split(":"))
    for pair in [
        "ms:Amina",
        "mr:Carlos",
        "ms:Mei",
        "mr:Olusegun",
        "ms:Ingrid",
        "mr:Rahul",
        "ms:Fatou",
        "mr:Jean-Pierre",
        "ms:Lucía",
        "mr:Tariq",
        "ms:Anna",
        "mr:Kwame",
        "ms:Sofia",
        "mr:Hiroshi",
        "ms:Nadia",
        "mr:Pedro",
        "ms:Leila",
        "mr:Mikael",
        "ms:Grace",
        "mr:Ahmed",
    ]
]
LAST_NAMES = [
    "Diallo",
    "Fernández",
    "Chen",
    "Adeyemi",
    "Larsen",
    "Sharma",
    "Ndiaye",
    "Moreau",
    "Gutiérrez",
    "Haddad",
    "Kowalska",
    "Mensah",
    "Rossi",
    "Tanaka",
    "Benali",
    "Silva",
    "Karimi",
    "Virtanen",
    "Okello",
    "Rahman",
]


DEMO_JOB_TITLE = "GFMD focal point"


def load_demo_focal_points(meeting) -> None:
    """A demo focal point, for the meeting, of every Friends of the Forum delegation of the meeting that
    has none (and the names of the demo focal points made earlier brought up to date)."""
    delegations = list(
        Delegation.objects.filter(memberships__meeting=meeting, memberships__friends_of_the_forum=True)
        .order_by("name")
        .prefetch_related(
            Prefetch(
                "focal_point_roles", queryset=FocalPoint.objects.filter(meeting=meeting), to_attr="meeting_focal_points"
            )
        )
    )
    wanted = []
    for index, delegation in enumerate(delegations):
        code = delegation.country.code if delegation.country else ""
        key = code.lower() if code else slugify(delegation.name)[:30]
        honorific, first = FIRST_NAMES[index % len(FIRST_NAMES)]
        person = User(
            email=f"focalpoint.{key}@example.org",
            first_name=first,
            # Every pair once for the first 400: the last name shifts by one with each round of first names.
            last_name=LAST_NAMES[(index + index // len(FIRST_NAMES)) % len(LAST_NAMES)],
            honorific=honorific,
            job_title=DEMO_JOB_TITLE,
            organisation=delegation.name,
            preferred_language="es" if code in SPANISH else "fr" if code in FRENCH else "en",
        )
        person.set_unusable_password()
        wanted.append((delegation, person))
    existing = {user.email: user for user in User.objects.filter(email__in=[p.email for _, p in wanted])}
    refreshed = []
    for _delegation, person in wanted:
        user = existing.get(person.email)
        if user is not None and user.job_title == DEMO_JOB_TITLE:
            user.first_name, user.last_name, user.honorific = person.first_name, person.last_name, person.honorific
            refreshed.append(user)
    User.objects.bulk_update(refreshed, ["first_name", "last_name", "honorific"])
    missing = [(d, p) for d, p in wanted if not d.meeting_focal_points]
    User.objects.bulk_create([person for _, person in missing if person.email not in existing])
    users = {user.email: user for user in User.objects.filter(email__in=[p.email for _, p in missing])}
    FocalPoint.objects.bulk_create(
        [
            FocalPoint(delegation_id=delegation.pk, meeting=meeting, user_id=users[person.email].pk)
            for delegation, person in missing
        ],
        ignore_conflicts=True,
    )
