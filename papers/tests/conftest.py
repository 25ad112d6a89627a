"""Fixtures of the papers tests: files stored in a temporary folder, and a session team."""

from dataclasses import dataclass

import pytest

from accounts.models import User
from delegations.tests.factories import make_focal_point


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test stores its files in its own folder, so we can see what a test left behind."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media_root) -> list[str]:
    return sorted(str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file())


@dataclass
class Team:
    session: object
    co_chair_delegation: object
    member_delegation: object
    co_chair_focal_point: User
    co_chair_rep: User
    member_focal_point: User
    delegate: User  # approved registration with the member delegation
    author: User  # named author on the session
    rapporteur: User


@pytest.fixture
def team(meeting):
    from accounts.tests.factories import UserFactory
    from delegations.models import Registration
    from delegations.tests.factories import DelegationFactory, RegistrationFactory
    from roundtables.models import SessionDelegation, SessionPerson
    from roundtables.tests.factories import (
        RoundtableFactory,
        SessionDelegationFactory,
        SessionFactory,
        SessionPersonFactory,
    )

    session = SessionFactory(
        roundtable=RoundtableFactory(meeting=meeting), code="1.1", title_en="Public-private partnerships"
    )
    co_chair = DelegationFactory(country="MX", name="Mexico")
    member = DelegationFactory(country="GH", name="Ghana")
    SessionDelegationFactory(session=session, delegation=co_chair, role=SessionDelegation.Role.CO_CHAIR)
    SessionDelegationFactory(session=session, delegation=member, role=SessionDelegation.Role.MEMBER)
    people = {
        name: UserFactory(email=f"{name}@example.org", first_name=name.title().replace("_", " "), last_name="Team")
        for name in ["co_chair_fp", "co_chair_rep", "member_fp", "delegate", "author", "rapporteur"]
    }
    make_focal_point(people["co_chair_fp"], co_chair)
    make_focal_point(people["member_fp"], member)
    RegistrationFactory(
        meeting=meeting, person=people["delegate"], delegation=member, status=Registration.Status.APPROVED
    )
    SessionPersonFactory(
        session=session, person=people["co_chair_rep"], role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE
    )
    SessionPersonFactory(session=session, person=people["author"], role=SessionPerson.Role.AUTHOR)
    SessionPersonFactory(session=session, person=people["rapporteur"], role=SessionPerson.Role.RAPPORTEUR)
    return Team(
        session=session,
        co_chair_delegation=co_chair,
        member_delegation=member,
        co_chair_focal_point=people["co_chair_fp"],
        co_chair_rep=people["co_chair_rep"],
        member_focal_point=people["member_fp"],
        delegate=people["delegate"],
        author=people["author"],
        rapporteur=people["rapporteur"],
    )


@pytest.fixture
def outsider(db):
    """Someone on another session's team: co-chair's representative of session 9.9."""
    from accounts.tests.factories import UserFactory
    from roundtables.models import SessionPerson
    from roundtables.tests.factories import SessionFactory, SessionPersonFactory

    person = UserFactory(email="outsider@example.org")
    SessionPersonFactory(
        session=SessionFactory(code="9.9"), person=person, role=SessionPerson.Role.CO_CHAIR_REPRESENTATIVE
    )
    return person
