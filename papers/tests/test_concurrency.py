"""Races decided by the database (PostgreSQL: real row locks and constraints; skipped on SQLite)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from papers import services
from papers.models import Paper
from papers.tests.factories import PaperFactory, VersionFactory
from papers.tests.files import pdf_upload

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks")


def _race(calls):
    """Run the calls at the same moment, each in its own thread and connection."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as exc:  # collected and asserted by the test
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True)
def test_two_background_papers_at_once_one_wins(team):
    def create(actor, title):
        return lambda: services.paper_create(
            session=team.session,
            actor=actor,
            kind=Paper.Kind.BACKGROUND,
            language="en",
            titles={"en": title},
            file=pdf_upload(),
        )

    results = _race(
        [create(team.author, "One"), create(team.member_focal_point, "Two"), create(team.rapporteur, "Three")]
    )
    assert sum(isinstance(r, Paper) for r in results) == 1
    assert [list(r.message_dict) for r in results if isinstance(r, ValidationError)] == [["kind"], ["kind"]]
    assert Paper.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_accept_and_request_revision_at_once_one_wins(team, chair):
    paper = PaperFactory(session=team.session, authors=[team.author])
    VersionFactory(paper=paper)
    Paper.objects.filter(pk=paper.pk).update(state=Paper.State.IN_REVIEW)
    results = _race(
        [
            lambda: services.paper_accept(paper=paper, actor=chair),
            lambda: services.paper_request_revision(paper=paper, actor=team.co_chair_rep, message="Shorter"),
        ]
    )
    winners = [r for r in results if isinstance(r, Paper)]
    losers = [r for r in results if isinstance(r, ValidationError)]
    assert (len(winners), len(losers)) == (1, 1)
    assert losers[0].code == "wrong_state"
    assert Paper.objects.get(pk=paper.pk).state == winners[0].state
