"""A GFMD-sized meeting, generated deterministically from a seed, for the benchmark.

At scale 1: 200 delegations, 3,000 registrations, 40 sessions with full teams (and, as the
other apps provide them: 600 papers with versions, 3 surveys with 5,000 invitations and 2,000
responses, 40 published outcomes). `scale` multiplies every count. Rows are written with
bulk_create in batches, so a 10x data set takes seconds, not minutes.
"""

import datetime as dt
import random
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.contrib.auth.hashers import make_password
from django.db import transaction

from accounts.models import User
from accounts.roles import CHAIR_OFFICE
from accounts.services import role_group
from delegations.models import Delegation, Registration
from roundtables.models import Meeting, Room, Roundtable, Session, SessionDelegation, SessionPerson

BATCH = 2000
PASSWORD = "gfmd-bench"
TZ = ZoneInfo("America/Mexico_City")
REGIONS = ["africa", "americas", "asia", "europe", "oceania"]
WORDS = [
    "migration",
    "development",
    "partnership",
    "labour",
    "mobility",
    "diaspora",
    "remittances",
    "gender",
    "family",
    "protection",
    "coherence",
    "policy",
    "climate",
    "regional",
    "consultative",
    "process",
    "circular",
    "return",
    "integration",
    "skills",
    "recognition",
    "health",
    "education",
    "welfare",
    "irregular",
    "regular",
    "human",
    "rights",
    "data",
    "research",
    "cooperation",
]


@dataclass
class ScaleCounts:
    delegations: int = 200
    registrations: int = 3000
    sessions: int = 40
    papers: int = 600
    surveys: int = 3
    invitations: int = 5000
    responses: int = 2000
    outcomes: int = 40

    def times(self, scale: int) -> "ScaleCounts":
        return ScaleCounts(**{name: value * scale for name, value in vars(self).items()})


@dataclass
class ScaleData:
    """What the generator made, for the benchmark to pick its pages from."""

    meeting: Meeting
    chair: User
    focal_point: User
    focal_point_delegation: Delegation
    sessions: list[Session] = field(default_factory=list)
    counts: dict = field(default_factory=dict)


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


@transaction.atomic
def generate(*, seed: int = 2010, scale: int = 1) -> ScaleData:
    rng = random.Random(seed)
    counts = ScaleCounts().times(scale)
    Meeting.objects.filter(is_current=True).update(is_current=False)
    meeting = Meeting.objects.create(
        number=1000 + seed % 1000,
        title_en=f"GFMD scale meeting (x{scale})",
        theme_en=_sentence(rng, 8),
        host_country="MX",
        city="Puerto Vallarta",
        venue="Convention Center",
        start_date=dt.date(2010, 11, 8),
        end_date=dt.date(2010, 11, 11),
        time_zone=str(TZ),
        is_current=True,
    )
    password = make_password(PASSWORD)
    chair = User.objects.create(email=f"chair.{seed}@bench.example.org", first_name="Chair", password=password)
    chair.groups.add(role_group(CHAIR_OFFICE))

    delegations = _delegations(rng, counts.delegations, seed)
    sessions = _sessions(rng, meeting, counts.sessions)
    people = _people(rng, counts.registrations, password, seed)
    _registrations(rng, meeting, delegations, people, sessions)
    _teams(rng, sessions, delegations, people)

    focal_point_delegation = delegations[0]
    focal_point = people[0]
    focal_point_delegation.focal_points.add(focal_point)
    return ScaleData(
        meeting=meeting,
        chair=chair,
        focal_point=focal_point,
        focal_point_delegation=focal_point_delegation,
        sessions=sessions,
        counts=vars(counts),
    )


def _delegations(rng: random.Random, count: int, seed: int) -> list[Delegation]:
    kinds = [Delegation.Kind.STATE] * 7 + [Delegation.Kind.OBSERVER] * 2 + [Delegation.Kind.CIVIL_SOCIETY]
    rows = [
        Delegation(
            # Scale data does not claim real countries: states here carry no ISO code of their own.
            kind=Delegation.Kind.OBSERVER if (kind := rng.choice(kinds)) == Delegation.Kind.STATE else kind,
            name=f"Delegation {seed}-{n:05d}",
            region=rng.choice(REGIONS),
            steering_group=n % 7 == 0,
            friends_of_the_forum=n % 5 != 0,
        )
        for n in range(count)
    ]
    return Delegation.objects.bulk_create(rows, batch_size=BATCH)


def _sessions(rng: random.Random, meeting: Meeting, count: int) -> list[Session]:
    roundtable_count = max(3, count // 8)
    roundtables = Roundtable.objects.bulk_create(
        [
            Roundtable(
                meeting=meeting,
                number=n + 1,
                order=n + 1,
                title_en=_sentence(rng, 6),
                description_en=_sentence(rng, 60),
            )
            for n in range(roundtable_count)
        ]
    )
    rooms = Room.objects.bulk_create([Room(meeting=meeting, name=f"Room {n + 1}", capacity=150) for n in range(8)])
    sessions = []
    for n in range(count):
        roundtable = roundtables[n % roundtable_count]
        slot = n // len(rooms)
        starts_at = dt.datetime(2010, 11, 9, 9, tzinfo=TZ) + dt.timedelta(hours=2 * (slot % 4), days=slot // 4)
        sessions.append(
            Session(
                meeting=meeting,
                roundtable=roundtable,
                code=f"{roundtable.number}.{n // roundtable_count + 1}",
                title_en=_sentence(rng, 7),
                description_en=_sentence(rng, 120),
                kind=Session.Kind.ROUNDTABLE,
                room=rooms[n % len(rooms)],
                starts_at=starts_at,
                ends_at=starts_at + dt.timedelta(hours=1, minutes=45),
                capacity=150,
                order=n,
            )
        )
    return Session.objects.bulk_create(sessions, batch_size=BATCH)


def _people(rng: random.Random, count: int, password: str, seed: int) -> list[User]:
    first = ["Ana", "Daniel", "Sofía", "Amina", "Kwame", "Li", "Priya", "Jean", "Olga", "Mateo", "Fatima", "Hiro"]
    last = ["Diallo", "Castillo", "Okafor", "Nguyen", "Dubois", "Kowalski", "Santos", "Haddad", "Mensah", "Silva"]
    rows = [
        User(
            email=f"p{seed}-{n:06d}@bench.example.org",
            first_name=rng.choice(first),
            last_name=rng.choice(last),
            job_title=_sentence(rng, 3),
            password=password,
        )
        for n in range(count)
    ]
    return User.objects.bulk_create(rows, batch_size=BATCH)


def _registrations(rng, meeting, delegations, people, sessions) -> None:
    statuses = [Registration.Status.APPROVED] * 6 + [Registration.Status.PENDING] * 3 + [Registration.Status.REJECTED]
    rows = [
        Registration(
            meeting=meeting,
            person=person,
            # The focal point's delegation gets a realistic share (about 15) of everyone's registrations.
            delegation=delegations[n % len(delegations)],
            role=Registration.Role.DELEGATE,
            status=rng.choice(statuses),
        )
        for n, person in enumerate(people)
    ]
    Registration.objects.bulk_create(rows, batch_size=BATCH)


def _teams(rng, sessions, delegations, people) -> None:
    team_delegations, team_people = [], []
    for session in sessions:
        chosen = rng.sample(delegations, 6)
        team_delegations += [SessionDelegation(session=session, delegation=d, role="co_chair") for d in chosen[:2]]
        team_delegations += [SessionDelegation(session=session, delegation=d, role="member") for d in chosen[2:]]
        for role, person in zip(["moderator", "rapporteur", "author", "speaker"], rng.sample(people, 4), strict=True):
            team_people.append(SessionPerson(session=session, person=person, role=role))
    SessionDelegation.objects.bulk_create(team_delegations, batch_size=BATCH)
    SessionPerson.objects.bulk_create(team_people, batch_size=BATCH)
