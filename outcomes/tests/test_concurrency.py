"""Two writers save the same section at the same moment, from the same version: neither text is lost.

Run on PostgreSQL (CI's second pass) the section row lock orders the two saves; on SQLite the
database serialises the writers. Either way one save becomes current and the other is kept as a
conflict version for its writer to merge."""

import threading

import pytest
from django.db import OperationalError, connection

from accounts.tests.factories import ChairOfficeFactory
from outcomes.models import OutcomeRevision
from outcomes.services import outcome_start, section_save
from outcomes.tests.factories import rapporteur_of, section_of
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory


def _save_with_retry(**kwargs):
    # What the browser does when a save gets no answer: send the same text (same token) again.
    for _attempt in range(20):
        try:
            return section_save(**kwargs)
        except OperationalError:  # SQLite: "database is locked" for the writer that lost the race
            continue
    raise AssertionError("the save never went through")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("run", range(3))
def test_two_concurrent_saves_from_the_same_base_keep_both_texts(run):
    session = SessionFactory(roundtable=RoundtableFactory(meeting=MeetingFactory(is_current=True)))
    rapporteur, chair = rapporteur_of(session), ChairOfficeFactory()
    outcome = outcome_start(session=session, actor=rapporteur)
    section = section_of(outcome)
    base = section_save(section=section, actor=rapporteur, html="<p>Base.</p>", base_revision_id=None).revision

    barrier = threading.Barrier(2)
    results, errors = {}, []

    def writer(name, actor, html):
        try:
            barrier.wait(timeout=10)
            results[name] = _save_with_retry(
                section=section, actor=actor, html=html, base_revision_id=base.pk, client_token=f"{name}.1"
            )
        except Exception as error:  # reported below, with the thread's own traceback lost otherwise
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=writer, args=("rapporteur", rapporteur, "<p>Rapporteur's words.</p>")),
        threading.Thread(target=writer, args=("chair", chair, "<p>Chair's words.</p>")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    section.refresh_from_db()
    assert errors == []
    assert sorted(result.applied for result in results.values()) == [False, True]
    assert sorted(OutcomeRevision.objects.filter(section=section).values_list("html", flat=True)) == [
        "<p>Base.</p>",
        "<p>Chair's words.</p>",
        "<p>Rapporteur's words.</p>",
    ]
    winner = next(r for r in results.values() if r.applied)
    loser = next(r for r in results.values() if not r.applied)
    assert section.current_revision == winner.revision
    assert (loser.revision.origin, loser.revision.base, loser.head) == ("conflict", base, winner.revision)
