"""Real Celery worker processes: a task sent to the broker runs, and a worker killed in the middle
of a mailing of a few hundred mails to a real SMTP server loses none and doubles at most one."""

from pathlib import Path

import pytest
from django.conf import settings

from accounts.tests.factories import ChairOfficeFactory
from mailings.models import Mailing, OutgoingMail
from mailings.services import mailing_release
from mailings.tasks import send_mail_task
from mailings.tests.factories import make_mailing
from mailings.tests.smtp import SmtpServer
from mailings.tests.workers import Worker, wait_until, worker_broker

pytestmark = pytest.mark.worker


@pytest.fixture
def broker(tmp_path, transactional_db):
    with worker_broker(tmp_path) as broker:
        yield broker


def test_task_sent_to_broker_is_run_by_a_worker_process(tmp_path, broker):
    worker = Worker(tmp_path, broker=broker["broker"], queue=broker["queue"], beat=False, env={}, name="w1")
    try:
        mail = OutgoingMail.objects.create(to="ana@example.org", subject="Sent by the worker", body_text="Hello")
        send_mail_task.delay(mail.pk)
        assert wait_until(lambda: OutgoingMail.objects.get(pk=mail.pk).state == OutgoingMail.State.SENT, timeout=60)
    finally:
        worker.stop()
    # Without EMAIL_HOST, one readable file per mail (mailings.backends.ReadableFileBackend).
    [written] = (tmp_path / "mail").iterdir()
    assert written.name.endswith("-sent-by-the-worker.txt")
    text = written.read_text()
    assert "\nSubject: Sent by the worker\n" in text
    assert text.endswith("\n\nHello\n")


def _sent() -> int:
    return OutgoingMail.objects.filter(state=OutgoingMail.State.SENT).count()


def test_worker_killed_mid_mailing_loses_no_mail_and_doubles_at_most_one(tmp_path: Path, broker):
    total = 300
    with SmtpServer(delay=0.01) as smtp:
        env = {
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp.port),
            "EMAIL_USE_TLS": "false",
            # A quick sweep, so that the restarted worker picks up what the dead one left.
            "MAILINGS_SWEEP_SECONDS": "1",
            "MAILINGS_SENDING_TIMEOUT": "3",
            "MAILINGS_STALLED_AFTER": "3",
        }
        mailing, _rows = make_mailing(total)
        first = Worker(tmp_path, beat=True, env=env, name="first", **broker)
        try:
            mailing_release(mailing=mailing, actor=ChairOfficeFactory())  # dispatches the sending task to the broker
            assert wait_until(lambda: len(smtp.received) >= 60, timeout=90), first.log
        finally:
            first.kill()

        sent_when_killed = _sent()
        in_flight = OutgoingMail.objects.filter(state=OutgoingMail.State.SENDING).count()
        assert 60 <= sent_when_killed < total  # killed mid-mailing
        # The rest of the batch it had claimed, unsent: the sweep puts them back (not doubles).
        assert in_flight <= settings.MAILINGS_BATCH_SIZE

        second = Worker(tmp_path, beat=True, env=env, name="second", **broker)
        try:
            assert wait_until(lambda: _sent() == total, timeout=120), second.log
            assert wait_until(lambda: Mailing.objects.get(pk=mailing.pk).state == Mailing.State.DONE, timeout=30), (
                second.log
            )
        finally:
            second.stop()

        counts = smtp.count_by_recipient()
        assert set(counts) == {f"person{n}@example.org" for n in range(total)}
        doubled = {address: n for address, n in counts.items() if n > 1}
        # Only the one mail in flight when the worker died may arrive twice.
        assert sum(counts.values()) - total <= 1, doubled
        # A mail sent twice carries the same Message-ID both times, so mail clients can tell.
        message_ids = [mail.message["Message-ID"] for mail in smtp.received]
        assert len(set(message_ids)) == total
