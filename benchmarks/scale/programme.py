"""The meeting's structure: roundtables, rooms, sessions on a clash-free schedule, and full session teams."""

import datetime as dt
import math
import random
from zoneinfo import ZoneInfo

from accounts.models import User
from delegations.models import Delegation
from roundtables.models import Meeting, Room, Roundtable, Session, SessionDelegation, SessionPerson

from .text import ROUNDTABLE_TITLES, paragraphs, sentences, session_title

BATCH = 2000
TZ = ZoneInfo("America/Mexico_City")
ROOMS = 8  # sessions held in parallel
SLOTS_PER_DAY = 4  # 09:00, 11:00, 14:00, 16:00
SLOT_HOURS = (9, 11, 14, 16)
FIRST_DAY = dt.date(2010, 11, 9)
SESSIONS_PER_ROUNDTABLE = 8
# Each session's people, all different from every other session's (so no one is in two places at once).
TEAM_PEOPLE = [
    SessionPerson.Role.MODERATOR,
    SessionPerson.Role.RAPPORTEUR,
    SessionPerson.Role.AUTHOR,
    SessionPerson.Role.AUTHOR,
    SessionPerson.Role.SPEAKER,
    SessionPerson.Role.SPEAKER,
    SessionPerson.Role.SPEAKER,
    SessionPerson.Role.CO_CHAIR_REPRESENTATIVE,
    SessionPerson.Role.CO_CHAIR_REPRESENTATIVE,
]
CO_CHAIRS, MEMBERS = 2, 4


def meeting(rng: random.Random, *, seed: int, scale_label: str, sessions: int) -> Meeting:
    Meeting.objects.filter(is_current=True).update(is_current=False)
    days = max(1, math.ceil(math.ceil(sessions / ROOMS) / SLOTS_PER_DAY))
    number = 1000 + seed % 30000
    while Meeting.objects.filter(number=number).exists():
        number += 1
    return Meeting.objects.create(
        number=number,
        title_en=f"GFMD benchmark meeting ({scale_label})",
        theme_en="Partnerships for migration and human development: shared prosperity, shared responsibility",
        host_country="MX",
        city="Puerto Vallarta",
        venue="Convention Center",
        start_date=FIRST_DAY - dt.timedelta(days=1),
        end_date=FIRST_DAY + dt.timedelta(days=days - 1),
        time_zone=str(TZ),
        concept_paper=paragraphs(rng, 6),
        status=Meeting.Status.HELD,
        is_current=True,
    )


def sessions(rng: random.Random, meeting: Meeting, count: int) -> list[Session]:
    roundtable_count = max(1, math.ceil(count / SESSIONS_PER_ROUNDTABLE))
    roundtables = Roundtable.objects.bulk_create(
        [
            Roundtable(
                meeting=meeting,
                number=n + 1,
                order=n + 1,
                title_en=ROUNDTABLE_TITLES[n % len(ROUNDTABLE_TITLES)]
                + (f" ({n // len(ROUNDTABLE_TITLES) + 1})" if n >= len(ROUNDTABLE_TITLES) else ""),
                description_en=paragraphs(rng, 2),
            )
            for n in range(roundtable_count)
        ]
    )
    rooms = Room.objects.bulk_create(
        [Room(meeting=meeting, name=f"Room {chr(ord('A') + n)}", capacity=150) for n in range(ROOMS)]
    )
    # Registrations choose two sessions each: a capacity that holds their share.
    rows = []
    per_roundtable = [0] * roundtable_count
    for n in range(count):
        slot = n // ROOMS
        day, hour = divmod(slot, SLOTS_PER_DAY)
        starts_at = dt.datetime.combine(FIRST_DAY + dt.timedelta(days=day), dt.time(SLOT_HOURS[hour]), tzinfo=TZ)
        index = n % roundtable_count
        per_roundtable[index] += 1
        roundtable = roundtables[index]
        rows.append(
            Session(
                meeting=meeting,
                roundtable=roundtable,
                code=f"{roundtable.number}.{per_roundtable[index]}",
                title_en=session_title(rng),
                description_en=paragraphs(rng, 3) + "\n\n" + sentences(rng, 2),
                kind=Session.Kind.ROUNDTABLE,
                room=rooms[n % ROOMS],
                starts_at=starts_at,
                ends_at=starts_at + dt.timedelta(hours=1, minutes=45),
                capacity=None,
                order=per_roundtable[index],
            )
        )
    return Session.objects.bulk_create(rows, batch_size=BATCH)


def teams(rng: random.Random, sessions: list[Session], delegations: list[Delegation], people: list[User]) -> dict:
    """Two co-chair governments and four member delegations per session; a moderator, a rapporteur,
    two background paper authors, three speakers and two co-chairs' representatives, nobody twice.
    Returns {session id: {role: [people]}} for the papers and outcomes."""
    states = [d for d in delegations if d.kind == Delegation.Kind.STATE] or delegations
    # People other than the heads of delegation (who are the focal points), in a seeded order.
    pool = people[len(delegations) :] or people
    pool = rng.sample(pool, len(pool))
    team_delegations, team_people, roles = [], [], {}
    for number, session in enumerate(sessions):
        co_chairs = rng.sample(states, min(CO_CHAIRS, len(states)))
        others = [d for d in delegations if d not in co_chairs]
        members = rng.sample(others, min(MEMBERS, len(others)))
        team_delegations += [
            SessionDelegation(session=session, delegation=d, role=SessionDelegation.Role.CO_CHAIR) for d in co_chairs
        ]
        team_delegations += [
            SessionDelegation(session=session, delegation=d, role=SessionDelegation.Role.MEMBER) for d in members
        ]
        start = number * len(TEAM_PEOPLE)
        chosen = pool[start : start + len(TEAM_PEOPLE)]
        mine = roles[session.pk] = {"co_chairs": co_chairs, "members": members}
        for role, person in zip(TEAM_PEOPLE, chosen, strict=False):
            team_people.append(SessionPerson(session=session, person=person, role=role))
            mine.setdefault(role, []).append(person)
    SessionDelegation.objects.bulk_create(team_delegations, batch_size=BATCH)
    SessionPerson.objects.bulk_create(team_people, batch_size=BATCH)
    return roles
