"""Papers follow their meeting's Chair's office: its staff act, the troika's read, others get nothing."""

import pytest
from django.core.exceptions import PermissionDenied

from papers import services
from papers.models import Paper
from papers.tests.factories import PaperFactory, VersionFactory
from roundtables.tests.factories import RoundtableFactory, SessionFactory
from roundtables.tests.troika import troika

pytestmark = pytest.mark.django_db


def test_another_meetings_office_neither_publishes_nor_reads_outside_its_troika():
    t = troika()
    paper = PaperFactory(session=SessionFactory(roundtable=RoundtableFactory(meeting=t.geneva)))
    paper.accepted_version = VersionFactory(paper=paper, number=1)
    paper.state = Paper.State.ACCEPTED
    paper.save()
    # Write: the 2010 Chair's office (the troika) is refused; 2011's own publishes.
    with pytest.raises(PermissionDenied):
        services.paper_publish(paper=paper, actor=t.mexican)
    paper.refresh_from_db()
    assert paper.state == Paper.State.ACCEPTED
    # Read: the troika reads the unpublished paper, 2009's office does not.
    assert t.mexican.has_perm("papers.view_paper", paper)
    assert not t.greek.has_perm("papers.view_paper", paper)
    assert not t.greek.has_perm("papers.view_session_papers", paper.session)
    assert t.swiss.has_perm("papers.publish_paper", paper)
    services.paper_publish(paper=paper, actor=t.swiss)
    assert Paper.objects.get(pk=paper.pk).state == Paper.State.PUBLISHED


def test_the_deadline_is_set_by_the_meetings_own_office():
    import datetime as dt

    t = troika()
    due = dt.datetime(2011, 10, 1, 18, tzinfo=dt.UTC)
    with pytest.raises(PermissionDenied):
        services.deadline_set(meeting=t.geneva, actor=t.mexican, due_at=due)
    services.deadline_set(meeting=t.geneva, actor=t.swiss, due_at=due)


def test_the_overview_page_is_refused_outside_the_current_meetings_troika(client):
    from django.urls import reverse

    from roundtables.tests.factories import MeetingFactory
    from roundtables.tests.troika import staff_of

    t = troika()
    outsider = staff_of(MeetingFactory(number=2))  # 2008: two before the current 2010
    client.force_login(outsider)
    assert client.get(reverse("papers:overview")).status_code == 403
    client.force_login(t.swiss)
    assert client.get(reverse("papers:overview")).status_code == 200
