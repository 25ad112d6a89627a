"""The outcomes list (every roundtable session of the meeting, for the Chair's office) comes in pages: one
page and three cost the same queries."""

from itertools import count

import pytest
from django.urls import reverse

from gfmd.tests.paging import assert_pages_cost_the_same
from outcomes import views
from outcomes.tests.factories import OutcomeFactory
from roundtables.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


def test_outcome_list_pages_cost_the_same(client, chair, meeting, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 2)
    client.force_login(chair)
    codes = count(1)

    def add_sessions(n):
        for _ in range(n):
            OutcomeFactory(session=SessionFactory(roundtable__meeting=meeting, code=f"9.{next(codes)}"))

    assert_pages_cost_the_same(client, reverse("outcomes:list"), add_sessions, per_page=2)
