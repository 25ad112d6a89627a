"""Two people press "Put in the outbox" on the same composed mailing at the same moment: one mailing.

On PostgreSQL the composed mailing's row lock orders the two; on SQLite the database serialises the
writers. Either way the second finds it in the outbox and is refused."""

import threading

import pytest
from django.db import OperationalError, connection

from accounts.tests.factories import ChairOfficeFactory
from communications.services import ComposedStateError, composed_create, composed_put_in_outbox
from communications.tests.conftest import draft
from mailings.models import Mailing


def _put_with_retry(**kwargs):
    for _attempt in range(40):
        try:
            return composed_put_in_outbox(**kwargs)
        except OperationalError:  # SQLite: "database is locked" for the writer that lost the race
            continue
    raise AssertionError("never went through")


@pytest.mark.django_db(transaction=True)
def test_two_people_at_once_make_one_mailing(world, chair):
    other = ChairOfficeFactory()
    composed = composed_create(meeting=world.meeting, actor=chair, draft=draft())
    barrier = threading.Barrier(2)
    results, refused, errors = [], [], []

    def press(actor):
        try:
            barrier.wait(timeout=10)
            results.append(_put_with_retry(composed=composed, actor=actor))
        except ComposedStateError:
            refused.append(actor)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(actor,)) for actor in (chair, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert (len(results), len(refused)) == (1, 1)
    assert Mailing.objects.count() == 1
    assert Mailing.objects.get().mails.count() == 4
