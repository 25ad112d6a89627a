"""A meeting with people in every audience: focal points, members, approved and other registrations."""

from dataclasses import dataclass

import pytest

from accounts.tests.factories import UserFactory
from communications.services import Draft
from delegations.models import Delegation, Registration
from delegations.tests.factories import (
    DelegationFactory,
    OrganisationFactory,
    RegistrationFactory,
    make_focal_point,
    make_membership,
)
from roundtables.tests.factories import RoundtableFactory, SessionFactory


@dataclass
class World:
    meeting: object
    session: object
    other_session: object
    mexico: object
    ghana: object
    ngo: object
    fp_mexico: object  # focal point of Mexico, also an approved participant of Mexico
    fp_ghana: object
    fp_ngo: object
    delegate_mx: object  # approved, Mexico, both sessions
    delegate_gh: object  # approved, Ghana, the other session
    activist: object  # approved, civil-society organisation, the session
    pending: object  # pending, Mexico
    withdrawn: object  # withdrawn, Ghana
    rejected: object  # rejected, the NGO


def draft(**kwargs) -> Draft:
    values = {
        "title": "Logistics note",
        "audience": "participants",
        "subjects": {"en": "Logistics for {meeting}", "fr": "", "es": ""},
        "bodies": {"en": "{salutation}\n\nThe buses leave at 8:00.", "fr": "", "es": ""},
    }
    values.update(kwargs)
    return Draft(**values)


@pytest.fixture
def world(meeting, chair) -> World:
    session = SessionFactory(roundtable=RoundtableFactory(meeting=meeting))
    other_session = SessionFactory(roundtable=RoundtableFactory(meeting=meeting))
    mexico, ghana = DelegationFactory(country="MX", name="Mexico"), DelegationFactory(country="GH", name="Ghana")
    ngo = OrganisationFactory(kind=Delegation.Kind.CIVIL_SOCIETY, name="Migrant Rights Network")
    make_membership(mexico, meeting, steering_group=True, friends_of_the_forum=True)
    make_membership(ghana, meeting, friends_of_the_forum=True)
    fp_mexico, fp_ghana, fp_ngo = (
        UserFactory(first_name="Ana", last_name="Focal", preferred_language="es"),
        UserFactory(first_name="Kwame", last_name="Focal"),
        UserFactory(first_name="Nadia", last_name="Focal", preferred_language="fr"),
    )
    make_focal_point(fp_mexico, mexico, meeting)
    make_focal_point(fp_ghana, ghana, meeting)
    make_focal_point(fp_ngo, ngo, meeting)
    approved = Registration.Status.APPROVED

    def register(delegation, status, sessions=(), **person):
        registration = RegistrationFactory(
            meeting=meeting, delegation=delegation, status=status, person=UserFactory(**person), sessions=list(sessions)
        )
        return registration.person

    RegistrationFactory(meeting=meeting, delegation=mexico, status=approved, person=fp_mexico, sessions=[session])
    return World(
        meeting=meeting,
        session=session,
        other_session=other_session,
        mexico=mexico,
        ghana=ghana,
        ngo=ngo,
        fp_mexico=fp_mexico,
        fp_ghana=fp_ghana,
        fp_ngo=fp_ngo,
        delegate_mx=register(mexico, approved, [session, other_session], last_name="Herrera", preferred_language="es"),
        delegate_gh=register(ghana, approved, [other_session], last_name="Mensah"),
        activist=register(ngo, approved, [session], last_name="Activist", preferred_language="fr"),
        pending=register(mexico, Registration.Status.PENDING, [session], last_name="Pending"),
        withdrawn=register(ghana, Registration.Status.WITHDRAWN, [session], last_name="Withdrawn"),
        rejected=register(ngo, Registration.Status.REJECTED, [session], last_name="Rejected"),
    )
