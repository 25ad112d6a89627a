"""The daily papers digest: the newly published papers of each person's chosen sessions, at most once a day."""

import datetime as dt

import pytest
from django.utils import timezone

from notifications.models import OptOut, PapersDigest
from notifications.services import papers_digests_send
from notifications.tasks import send_papers_digests_task
from papers.tests.factories import PaperFactory, published_paper

pytestmark = pytest.mark.django_db


def run(django_capture_on_commit_callbacks, now=None):
    with django_capture_on_commit_callbacks(execute=True):
        return papers_digests_send(now=now)


def test_each_registrant_gets_the_new_papers_of_their_sessions_once_a_day(
    w, mailoutbox, django_capture_on_commit_callbacks
):
    published_paper(session=w.moved, title_en="Circular migration", title_fr="Migration circulaire")
    published_paper(session=w.kept, title_en="Remittances")
    PaperFactory(session=w.moved, kind="annex", title_en="Still a draft")
    # alice (A), bruno (A and B), carla (B), eve (A: she turned off programme digests, not these)
    assert run(django_capture_on_commit_callbacks) == 4
    by_address = {m.to[0]: m for m in mailoutbox}
    assert set(by_address) == {"alice@example.org", "bruno@example.org", "carla@example.org", "eve@example.org"}
    alice = by_address["alice@example.org"]
    assert "Circular migration" in alice.body and "Remittances" not in alice.body and "draft" not in alice.body
    assert "List-Unsubscribe" in alice.extra_headers
    assert "Migration circulaire" in by_address["bruno@example.org"].body  # in their language
    assert "Remittances" in by_address["bruno@example.org"].body
    assert "dora@example.org" not in by_address  # pending
    # A second run the same day, even with a newer paper, sends nothing more.
    published_paper(session=w.moved, kind="case_study", title_en="Later the same day")
    assert run(django_capture_on_commit_callbacks) == 0
    assert len(mailoutbox) == len(by_address)


def test_a_person_who_turned_it_off_gets_none(w, mailoutbox, django_capture_on_commit_callbacks):
    OptOut.objects.create(person=w.alice, kind="papers_published")
    published_paper(session=w.moved)
    run(django_capture_on_commit_callbacks)
    assert "alice@example.org" not in {m.to[0] for m in mailoutbox}
    assert "bruno@example.org" in {m.to[0] for m in mailoutbox}


def test_the_next_day_names_only_what_is_new(w, mailoutbox, django_capture_on_commit_callbacks):
    published_paper(session=w.kept, title_en="Remittances")
    run(django_capture_on_commit_callbacks)
    mailoutbox.clear()
    tomorrow = timezone.now() + dt.timedelta(days=1, minutes=1)
    assert run(django_capture_on_commit_callbacks, now=tomorrow) == 0  # nothing new
    paper = published_paper(session=w.kept, kind="annex", title_en="Diaspora bonds")
    type(paper).objects.filter(pk=paper.pk).update(published_at=tomorrow - dt.timedelta(minutes=1))
    assert run(django_capture_on_commit_callbacks, now=tomorrow) == 2  # bruno, carla
    assert all("Diaspora bonds" in m.body and "Remittances" not in m.body for m in mailoutbox)
    assert PapersDigest.objects.filter(day=tomorrow.date()).count() == 2


def test_nothing_published_sends_nothing(w, mailoutbox):
    assert send_papers_digests_task() == 0
    assert mailoutbox == []


@pytest.mark.parametrize("extra", [1, 3])
def test_the_plan_reads_the_same_number_of_queries_for_more_people(w, extra, django_assert_num_queries):
    from accounts.tests.factories import UserFactory
    from delegations.tests.factories import RegistrationFactory
    from notifications.selectors import papers_digest_plan

    published_paper(session=w.moved)
    for _index in range(extra):
        RegistrationFactory(meeting=w.meeting, person=UserFactory(), status="approved", sessions=[w.moved])
    with django_assert_num_queries(5):
        assert len(papers_digest_plan(timezone.now())) == 3 + extra
