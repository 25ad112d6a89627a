"""Who the paper form offers as authors and contributing delegations: the session's team as roundtables
reads it, and the approved delegates of its team delegations."""

import pytest

from accounts.tests.factories import UserFactory
from delegations.models import Registration
from delegations.tests.factories import DelegationFactory, RegistrationFactory, make_focal_point
from papers.forms import PaperDetailsForm
from roundtables.models import SessionDelegation, SessionPerson
from roundtables.tests.factories import SessionDelegationFactory, SessionFactory, SessionPersonFactory


@pytest.mark.django_db
def test_the_author_choices_are_the_team_and_the_approved_delegates_of_its_delegations():
    session = SessionFactory()
    named = SessionPersonFactory(session=session, role=SessionPerson.Role.MODERATOR).person
    retired = SessionPersonFactory(session=session, role=SessionPerson.Role.SPEAKER, person__is_active=False).person
    member = DelegationFactory(name="Member")
    SessionDelegationFactory(session=session, delegation=member, role=SessionDelegation.Role.MEMBER)
    focal_point = UserFactory()
    make_focal_point(focal_point, member)
    approved = RegistrationFactory(
        meeting=session.meeting, delegation=member, status=Registration.Status.APPROVED
    ).person
    pending = RegistrationFactory(meeting=session.meeting, delegation=member).person
    elsewhere = DelegationFactory(name="Elsewhere")
    make_focal_point(outsider := UserFactory(), elsewhere)

    form = PaperDetailsForm(session=session)

    authors = set(form.fields["authors"].queryset)
    assert {named, retired, focal_point, approved} <= authors
    assert not authors & {pending, outsider}
    assert list(form.fields["contributing_delegations"].queryset) == [member]
