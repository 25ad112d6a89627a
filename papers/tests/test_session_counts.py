"""The papers app tells the Chair's office dashboard which sessions lack a background paper
(roundtables.session_counts, registered in PapersConfig.ready())."""

import pytest
from django.urls import reverse

from papers.models import Paper
from roundtables.tests.factories import RoundtableFactory, SessionFactory


@pytest.mark.django_db
def test_chair_dashboard_counts_sessions_without_a_background_paper(client, chair, meeting):
    roundtable = RoundtableFactory(meeting=meeting, number=3)
    SessionFactory(roundtable=roundtable, code="3.1")
    with_paper = SessionFactory(roundtable=roundtable)
    Paper.objects.create(session=with_paper, kind="background", title_en="Background paper")
    withdrawn = SessionFactory(roundtable=roundtable)
    Paper.objects.create(session=withdrawn, kind="background", title_en="Withdrawn", state="withdrawn")
    client.force_login(chair)
    response = client.get(reverse("roundtables:chair_dashboard"))
    assert response.context["lacking_paper"] == 2
    assert {s.code: s.paper_count for s in response.context["sessions"]} == {
        "3.1": 0,
        with_paper.code: 1,
        withdrawn.code: 0,
    }
