"""The meeting's page in the public archive counts its published papers and links to them in the library."""

import pytest
from django.urls import reverse

from papers.models import Paper
from papers.tests.factories import PaperFactory, published_paper
from roundtables import services
from roundtables.models import Meeting
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory


@pytest.mark.django_db
def test_meeting_page_links_to_its_papers_in_the_library(client, chair):
    athens = MeetingFactory(number=3, status=Meeting.Status.HELD)
    roundtable = RoundtableFactory(meeting=athens, number=1)
    for code in ("1.1", "1.2"):
        published_paper(session=SessionFactory(roundtable=roundtable, code=code))
    PaperFactory(session=SessionFactory(roundtable=roundtable, code="1.3"), state=Paper.State.DRAFT)
    services.programme_publish(meeting=athens, actor=chair)
    page = client.get(reverse("roundtables:meeting_detail", kwargs={"number": 3})).content.decode()
    assert "2 published papers of this meeting." in page
    library = client.get(reverse("papers:library"), {"meeting": athens.pk})
    assert f'href="{reverse("papers:library")}?meeting={athens.pk}"' in page
    assert len(library.context["papers"]) == 2
