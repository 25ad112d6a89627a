"""A mailing's batch mints its survey links together (surveys.services.links.invitation_links_mint):
the same rules as one at a time, a link per mail, a constant number of queries."""

import datetime as dt
import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from delegations.tests.factories import DelegationFactory
from surveys.models import Invitation, InvitationLink
from surveys.services.links import invitation_links_mint
from surveys.tests.factories import SurveyFactory

pytestmark = pytest.mark.django_db


def _invitations(survey, count):
    return [Invitation.objects.create(survey=survey, delegation=DelegationFactory()) for _ in range(count)]


def test_each_mail_gets_its_own_link_and_the_rules_of_one_at_a_time(meeting):
    survey = SurveyFactory(meeting=meeting)
    open_one, answered = _invitations(survey, 2)
    Invitation.objects.filter(pk=answered.pk).update(submitted_at=timezone.now())
    closed_survey = SurveyFactory(meeting=meeting)
    closed = _invitations(closed_survey, 1)[0]
    type(closed_survey).objects.filter(pk=closed_survey.pk).update(
        opens_at=timezone.now() - dt.timedelta(days=9), closes_at=timezone.now() - dt.timedelta(days=1)
    )

    # Two focal points of one delegation: two mails for one invitation, two links.
    links = invitation_links_mint([open_one.pk, answered.pk, closed.pk, open_one.pk, 987_654])

    assert [link is None for link in links] == [False, True, True, False, True]
    assert links[0] != links[3] and all("/surveys/r/" in links[i] for i in (0, 3))
    tokens = {link.rstrip("/").rsplit("/", 1)[-1] for link in (links[0], links[3])}
    assert set(InvitationLink.objects.values_list("token_hash", flat=True)) == {
        hashlib.sha256(token.encode()).hexdigest() for token in tokens
    }
    assert set(InvitationLink.objects.values_list("invitation_id", flat=True)) == {open_one.pk}


@pytest.mark.parametrize("count", [1, 3])
def test_a_batch_costs_two_queries_whatever_its_size(meeting, count):
    invitations = _invitations(SurveyFactory(meeting=meeting), count)

    with CaptureQueriesContext(connection) as queries:
        links = invitation_links_mint([invitation.pk for invitation in invitations])

    assert len(queries) == 2  # the invitations still due, then one insert of their links
    assert None not in links
