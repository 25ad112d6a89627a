"""Delegations, people and their registrations (with the sessions they chose)."""

import random

from django.utils import timezone
from django_countries import countries

from accounts.models import User
from delegations.models import Delegation, FocalPoint, MeetingMembership, Registration, SessionChoice
from roundtables.models import Meeting, Session

from .text import CIVIL_SOCIETY_NAMES, FIRST_NAMES, JOB_TITLES, LAST_NAMES, OBSERVER_NAMES

BATCH = 2000
LANGUAGES = ["en"] * 6 + ["fr"] * 2 + ["es"] * 2
REGIONS = [region for region in Delegation.Region.values if region != Delegation.Region.GLOBAL]


def delegations(rng: random.Random, count: int) -> list[Delegation]:
    """About 70% states (each with a real country not yet taken, so the real demo can live beside),
    10% civil-society organisations, the rest observer organisations."""
    taken_countries = set(Delegation.objects.filter(kind=Delegation.Kind.STATE).values_list("country", flat=True))
    taken_names = set(Delegation.objects.values_list("name", flat=True))
    free = [country for country in countries if country.code not in taken_countries and country.name not in taken_names]
    rng.shuffle(free)
    states = min(round(count * 0.7), len(free))
    civil_society = round(count * 0.1)
    rows = []
    numbered = {Delegation.Kind.OBSERVER: 0, Delegation.Kind.CIVIL_SOCIETY: 0}
    for n in range(count):
        if n < states:
            country = free[n]
            rows.append(Delegation(kind=Delegation.Kind.STATE, name=country.name, country=country.code))
        else:
            kind = Delegation.Kind.CIVIL_SOCIETY if n < states + civil_society else Delegation.Kind.OBSERVER
            pool = CIVIL_SOCIETY_NAMES if kind == Delegation.Kind.CIVIL_SOCIETY else OBSERVER_NAMES
            while True:
                numbered[kind] += 1
                name = f"{pool[numbered[kind] % len(pool)]} {numbered[kind]:04d}"
                if name not in taken_names:
                    break
            rows.append(Delegation(kind=kind, name=name))
        row = rows[-1]
        row.region = rng.choice(REGIONS) if row.kind != Delegation.Kind.OBSERVER else Delegation.Region.GLOBAL
        # About 30 Steering Group governments for 200 delegations; most are Friends of the Forum. Kept on
        # the objects (not fields: membership is per meeting) until registrations() records the meeting's.
        row.steering_group = row.kind == Delegation.Kind.STATE and rng.random() < 0.21
        row.friends_of_the_forum = row.kind != Delegation.Kind.CIVIL_SOCIETY and rng.random() < 0.9
    return Delegation.objects.bulk_create(rows, batch_size=BATCH)


def people(rng: random.Random, count: int, *, password: str, seed: int, delegations: list[Delegation]) -> list[User]:
    """Person n belongs to delegation n % len(delegations) (15 each at every scale)."""
    rows = []
    for n in range(count):
        delegation = delegations[n % len(delegations)]
        rows.append(
            User(
                email=f"p{seed}-{n:06d}@bench.example.org",
                honorific=rng.choice(["", "", "mr", "ms", "dr", "he"]),
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                job_title=rng.choice(JOB_TITLES),
                organisation=delegation.name,
                preferred_language="en" if n < len(delegations) else rng.choice(LANGUAGES),
                password=password,
            )
        )
    return User.objects.bulk_create(rows, batch_size=BATCH)


def registrations(
    rng: random.Random,
    *,
    meeting: Meeting,
    delegations: list[Delegation],
    people: list[User],
    sessions: list[Session],
    chair: User,
) -> list[Registration]:
    """Every person registered with their delegation: the first of each delegation is its head and
    focal point. The meeting has been held, so every registration was approved (all 3,000 get a badge).
    Each registration chose two sessions at different times; every session fills evenly."""
    decided_at = timezone.now()
    rows = []
    for n, person in enumerate(people):
        head = n < len(delegations)
        rows.append(
            Registration(
                meeting=meeting,
                person=person,
                delegation=delegations[n % len(delegations)],
                role=Registration.Role.HEAD
                if head
                else rng.choice([Registration.Role.DELEGATE] * 4 + [Registration.Role.ADVISER]),
                status=Registration.Status.APPROVED,
                job_title=person.job_title,
                public_list_consent=rng.random() < 0.7,
                dietary_needs=rng.choice(["", "", "", "", "Vegetarian", "Halal", "No nuts"]),
                visa_letter_needed=rng.random() < 0.1,
                decided_by=chair,
                decided_at=decided_at,
            )
        )
    rows = Registration.objects.bulk_create(rows, batch_size=BATCH)
    FocalPoint.objects.bulk_create(
        [
            FocalPoint(delegation_id=delegation.pk, meeting=meeting, user_id=people[n].pk)
            for n, delegation in enumerate(delegations)
        ],
        batch_size=BATCH,
    )
    MeetingMembership.objects.bulk_create(
        [
            MeetingMembership(
                delegation_id=delegation.pk,
                meeting=meeting,
                steering_group=getattr(delegation, "steering_group", False),
                friends_of_the_forum=getattr(delegation, "friends_of_the_forum", False),
            )
            for delegation in delegations
        ],
        batch_size=BATCH,
    )
    count = len(sessions)
    if count:
        choices = []
        for n, registration in enumerate(rows):
            # Half the sessions apart: never two parallel sessions once there are two slots' worth (16).
            chosen = {n % count, (n + count // 2) % count}
            choices += [SessionChoice(registration=registration, session=sessions[index]) for index in sorted(chosen)]
        SessionChoice.objects.bulk_create(choices, batch_size=BATCH)
    return rows
