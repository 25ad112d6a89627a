"""The demo, every app's part in order: `manage.py load_demo`. Mexico 2010 is the current meeting;
Brussels 2007, Manila 2008 and Athens 2009 are archive entries (roundtables.demo.archive); Switzerland 2011
is in preparation, copied from 2010 by the Swiss Chair's office (roundtables.demo.next_meeting). Each app keeps
its own demo data (roundtables.demo, delegations.demo_states, outcomes.demo, papers.demo, delegations.demo,
surveys.demo); this module adds the people who tie them together (the demo accounts, their roles and
the sessions' teams) and runs the parts. Safe to run again: every object is found by its natural key."""

from dataclasses import dataclass
from pathlib import Path

from allauth.account.models import EmailAddress
from django.db import transaction

from accounts.models import User
from accounts.roles import SUPPORT
from accounts.services import role_group
from communications.demo import load_communications_demo
from delegations.demo import load_registration_demo
from delegations.demo_states import load_delegations_demo
from delegations.models import Delegation, FocalPoint, Registration
from followup.demo import load_followup_demo
from logistics.demo import load_logistics_demo
from outcomes.demo import load_archive_outcome_demo, load_outcome_demo
from papers.demo import load_paper_demo
from roundtables.demo.archive import load_archive_demo, publish_archive_programme
from roundtables.demo.loader import load_meeting_demo, publish_demo_programme
from roundtables.demo.next_meeting import load_next_meeting_demo
from roundtables.models import Meeting, MeetingRole, Session, SessionDelegation, SessionPerson
from surveys.demo import load_survey_demo

DEMO_PASSWORD = "gfmd-demo-2010"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    first_name: str
    last_name: str
    honorific: str
    job_title: str
    organisation: str
    role: str
    preferred_language: str = "en"


DEMO_ACCOUNTS = [
    DemoAccount(
        "chair@example.org",
        "Lucía",
        "Ramírez",
        "ms",
        "Coordinator, GFMD 2010 Task Force",
        "Secretaría de Relaciones Exteriores, Mexico",
        "Chair's office (Mexico 2010)",
    ),
    DemoAccount(
        "support@example.org",
        "Sam",
        "Operator",
        "",
        "Portal support",
        "GFMD Meeting Portal",
        "Portal support (every meeting)",
    ),
    DemoAccount(
        "focalpoint.mx@example.org",
        "Javier",
        "Herrera",
        "mr",
        "Director for Migration Policy",
        "Secretaría de Relaciones Exteriores, Mexico",
        "Focal point of Mexico",
    ),
    DemoAccount(
        "delegate.mx@example.org",
        "Sofía",
        "Castillo",
        "ms",
        "Counsellor",
        "Permanent Mission of Mexico, Geneva",
        "Delegate of Mexico",
    ),
    DemoAccount(
        "rapporteur@example.org",
        "Daniel",
        "Okafor",
        "dr",
        "Senior Policy Adviser",
        "Ministry of Foreign Affairs, Ghana",
        "Rapporteur of session 1.1",
    ),
    DemoAccount(
        "checkin@example.org",
        "Rosa",
        "Medina",
        "ms",
        "Registration desk",
        "GFMD 2010 Task Force, Mexico",
        "Check-in staff at the door (2010)",
    ),
    DemoAccount(
        "civilsociety@example.org",
        "Marta",
        "Vidal",
        "ms",
        "Civil Society Days coordinator",
        "Fundación BBVA Bancomer",
        "Civil-society coordinator",
    ),
]

# The incoming (Swiss) Chair's office, which prepares 2011. Loaded after the archive.
NEXT_CHAIR = DemoAccount(
    "chair.ch@example.org",
    "Anna",
    "Keller",
    "ms",
    "Head of the GFMD 2011 Task Force",
    "Federal Department of Foreign Affairs, Switzerland",
    "Chair's office (Switzerland 2011)",
    preferred_language="fr",
)


# The outgoing (Greek) Chair's office of 2009, which reads 2010's preparation as its troika. Loaded with the
# archive.
PREVIOUS_CHAIR = DemoAccount(
    "chair.gr@example.org",
    "Eleni",
    "Papadaki",
    "ms",
    "GFMD 2009 Task Force",
    "Ministry of Foreign Affairs, Greece",
    "Chair's office (Greece 2009)",
)


def grant_chair_staff(meeting: Meeting, user: User, *, granted_by: User | None = None) -> None:
    """The demo's Chair's offices, as if each had accepted its invitation (loading sends no mail)."""
    MeetingRole.objects.get_or_create(
        meeting=meeting,
        user=user,
        role=MeetingRole.Role.CHAIR_STAFF,
        revoked_at=None,
        defaults={"granted_by": granted_by},
    )


# Demo teams: co-chair and member governments by session (not a historical record).
TEAMS = {
    "1.1": (["MX", "ES"], ["GH", "PH", "MA"]),
    "1.2": (["US", "MA"], ["SN", "FR"]),
    "2.1": (["PH", "AE"], ["BD", "IN", "ID"]),
    "2.2": (["EC", "GR"], ["PT"]),
    "3.1": (["SE", "AR"], ["FI", "NL"]),
    "3.2": (["BD"], ["BE"]),
    "3.3": ([], []),
}


def load_demo(concept_paper_path: Path) -> tuple[Meeting, list[tuple[str, str]]]:
    """The whole demo: the meeting and every app's part, then version 1 of the public programme.
    Returns the meeting and the other apps' demo accounts (e-mail, role) to print.
    Queues no mail when called through `manage.py load_demo` (mailings.services.suppressed)."""
    meeting = _load_core(concept_paper_path)
    accounts = load_outcome_demo(meeting)
    accounts = accounts + load_paper_demo(meeting)
    accounts = accounts + load_registration_demo(meeting)
    load_survey_demo(meeting)  # after the delegations' own focal points
    load_communications_demo(meeting)  # drafts to the participants, with published papers linked
    # Last, once every app has added its part of the teams: version 1 of the public programme.
    publish_demo_programme(meeting)
    _load_archive()
    _load_next_meeting(meeting)
    load_followup_demo()  # recommendations (of Athens too), their follow-up, practices
    load_logistics_demo()  # visa letters, funding, hotels, side events, agendas (2010)
    _close_archive()
    return meeting, [*accounts, (PREVIOUS_CHAIR.email, PREVIOUS_CHAIR.role), (NEXT_CHAIR.email, NEXT_CHAIR.role)]


@transaction.atomic
def _load_archive() -> None:
    """The earlier meetings (Brussels 2007, Manila 2008, Athens 2009) as archive entries, each with its
    programme published, and the Athens outcome that 2010's sessions 3.1 and 3.3 build on. After 2010,
    which stays the current meeting and keeps its data as it is."""
    support = User.objects.get(email="support@example.org")  # the archive's record is loaded by support
    meetings = load_archive_demo()
    for archived in meetings.values():
        if not archived.chair_country:
            Meeting.objects.filter(pk=archived.pk).update(chair_country=archived.host_country)
            archived.chair_country = archived.host_country
        publish_archive_programme(archived, actor=support)
    load_archive_outcome_demo(meetings[3])
    greek = _load_accounts([PREVIOUS_CHAIR])[PREVIOUS_CHAIR.email]
    grant_chair_staff(meetings[3], greek, granted_by=support)


# The archive meetings whose record the demo closes (read-only); 2010 stays open (the demo's working
# meeting) and 2011 is in preparation.
CLOSED_MEETINGS = (1, 2, 3)


@transaction.atomic
def _close_archive() -> None:
    """Close Brussels 2007, Manila 2008 and Athens 2009 through the service, as portal support does for
    the archive once their proceedings are out (each meeting's own staff may too). Last, after everything
    written to them; on a second run they
    are closed already and left as they are (the archive loaders write nothing to them then)."""
    from roundtables.services import meeting_close

    support = User.objects.get(email="support@example.org")
    for meeting in Meeting.objects.filter(number__in=CLOSED_MEETINGS, closed_at__isnull=True):
        meeting_close(meeting=meeting, actor=support)


@transaction.atomic
def _load_next_meeting(current: Meeting) -> None:
    """Switzerland 2011, in preparation: Mexico's Chair's office prepared it (2010's structure copied, chaired
    by Switzerland) and the Swiss Chair's office, its own staff, set its details. Not current, not public.
    After the archive, which it leaves as it is."""
    mexican = User.objects.get(email="chair@example.org")
    swiss = _load_accounts([NEXT_CHAIR])[NEXT_CHAIR.email]
    load_next_meeting_demo(source=current, actor=mexican, next_chair=swiss)


@transaction.atomic
def _load_core(concept_paper_path: Path) -> Meeting:
    meeting, sessions = load_meeting_demo(concept_paper_path)
    delegations = load_delegations_demo(meeting)
    accounts = _load_accounts(DEMO_ACCOUNTS)
    _load_roles(meeting, sessions, delegations, accounts)
    return meeting


def _load_accounts(demo_accounts: list[DemoAccount]) -> dict[str, User]:
    users = {}
    for account in demo_accounts:
        user, _ = User.objects.update_or_create(
            email=account.email,
            defaults={
                "first_name": account.first_name,
                "last_name": account.last_name,
                "honorific": account.honorific,
                "job_title": account.job_title,
                "organisation": account.organisation,
                "preferred_language": account.preferred_language,
                "is_active": True,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        users[account.email] = user
    return users


def _load_roles(
    meeting: Meeting, sessions: dict[str, Session], delegations: dict[str, Delegation], accounts: dict[str, User]
) -> None:
    grant_chair_staff(meeting, accounts["chair@example.org"])  # Mexico's Chair's office: 2010 only
    accounts["support@example.org"].groups.add(role_group(SUPPORT))
    if not meeting.chair_country:
        Meeting.objects.filter(pk=meeting.pk).update(chair_country="MX")
        meeting.chair_country = "MX"
    # The civil-society coordinator of 2010 only, named by the Chair's office (a MeetingRole): 2011's
    # civil-society registrations need their own naming. (The global group is kept for older deployments.)
    MeetingRole.objects.get_or_create(
        meeting=meeting,
        user=accounts["civilsociety@example.org"],
        role=MeetingRole.Role.CIVIL_SOCIETY_COORDINATOR,
        revoked_at=None,
        defaults={"granted_by": accounts["chair@example.org"]},
    )
    mexico = delegations["MX"]
    # Mexico's focal point for 2010 only: 2011 needs its own nomination (delegations.FocalPoint is per meeting).
    FocalPoint.objects.get_or_create(delegation=mexico, meeting=meeting, user=accounts["focalpoint.mx@example.org"])
    registrations = [
        ("focalpoint.mx@example.org", mexico, Registration.Role.HEAD),
        ("delegate.mx@example.org", mexico, Registration.Role.DELEGATE),
        ("rapporteur@example.org", delegations["GH"], Registration.Role.DELEGATE),
    ]
    for email, delegation, role in registrations:
        Registration.objects.update_or_create(
            meeting=meeting,
            person=accounts[email],
            defaults={"delegation": delegation, "role": role, "status": Registration.Status.APPROVED},
        )
    for code, (co_chairs, members) in TEAMS.items():
        for role, codes in ((SessionDelegation.Role.CO_CHAIR, co_chairs), (SessionDelegation.Role.MEMBER, members)):
            for country in codes:
                SessionDelegation.objects.update_or_create(
                    session=sessions[code], delegation=delegations[country], defaults={"role": role}
                )
    SessionPerson.objects.get_or_create(
        session=sessions["1.1"], person=accounts["rapporteur@example.org"], role=SessionPerson.Role.RAPPORTEUR
    )
