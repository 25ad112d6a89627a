"""Sending through a real SMTP server: retries of transient replies, permanent failures, the sweep."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mailings.models import Mailing, OutgoingMail
from mailings.services import MailRecipient, mailing_pump, mailing_release, mailings_sweep
from mailings.tests.factories import make_mailing

pytestmark = pytest.mark.django_db


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run what the services dispatch after commit (the sending tasks, eager in tests)."""

    def run(function, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(**kwargs)

    return run


def _states(rows):
    return [OutgoingMail.objects.get(pk=row.pk).state for row in rows]


def test_a_451_reply_is_retried_later_and_delivered(smtp, after_commit, chair):
    smtp.reply("person0@example.org", "451 4.3.0 Mailbox busy, try again later")
    mailing, rows = make_mailing(1)
    before = timezone.now()
    after_commit(mailing_release, mailing=mailing, actor=chair)  # tasks run eagerly in tests: the pump runs now

    row = OutgoingMail.objects.get(pk=rows[0].pk)
    assert (row.state, row.smtp_code, row.attempts) == (OutgoingMail.State.RETRY, 451, 1)
    assert "Mailbox busy" in row.last_error
    assert before + timedelta(seconds=60) <= row.retry_at <= timezone.now() + timedelta(seconds=60)
    assert smtp.received == []

    mailing_pump(mailing_id=mailing.pk, now=row.retry_at - timedelta(seconds=1))  # not yet due
    assert OutgoingMail.objects.get(pk=row.pk).state == OutgoingMail.State.RETRY

    mailing_pump(mailing_id=mailing.pk, now=row.retry_at)
    row.refresh_from_db()
    assert (row.state, row.smtp_code, row.attempts, row.last_error) == (OutgoingMail.State.SENT, None, 2, "")
    assert smtp.count_by_recipient() == {"person0@example.org": 1}
    assert Mailing.objects.get(pk=mailing.pk).state == Mailing.State.DONE


def test_a_550_reply_fails_the_mail_and_it_is_not_retried(smtp, after_commit, chair):
    smtp.reply("person1@example.org", "550 5.1.1 No such user here")
    mailing, rows = make_mailing(3)
    after_commit(mailing_release, mailing=mailing, actor=chair)

    failed = OutgoingMail.objects.get(pk=rows[1].pk)
    assert (failed.state, failed.smtp_code, failed.attempts, failed.retry_at) == (
        OutgoingMail.State.FAILED,
        550,
        1,
        None,
    )
    assert "No such user here" in failed.last_error
    after_commit(mailings_sweep, now=timezone.now() + timedelta(days=1))
    mailing_pump(mailing_id=mailing.pk, now=timezone.now() + timedelta(days=1))
    assert _states(rows) == [OutgoingMail.State.SENT, OutgoingMail.State.FAILED, OutgoingMail.State.SENT]
    assert smtp.count_by_recipient() == {"person0@example.org": 1, "person2@example.org": 1}
    assert OutgoingMail.objects.get(pk=failed.pk).attempts == 1


def test_a_451_on_every_attempt_ends_failed_after_the_last_attempt(smtp, settings, after_commit, chair):
    settings.MAILINGS_MAX_ATTEMPTS = 3
    smtp.reply("person0@example.org", *["451 4.7.1 Greylisted"] * 5)
    mailing, rows = make_mailing(1)
    after_commit(mailing_release, mailing=mailing, actor=chair)
    for _ in range(4):
        mailing_pump(mailing_id=mailing.pk, now=timezone.now() + timedelta(days=1))
    row = OutgoingMail.objects.get(pk=rows[0].pk)
    assert (row.state, row.attempts, row.smtp_code) == (OutgoingMail.State.FAILED, 3, 451)
    assert smtp.received == []


def test_an_unreachable_server_is_a_transient_error(settings, after_commit, chair):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "use_tls": False, "timeout": 2},
        }
    }
    mailing, rows = make_mailing(2)
    after_commit(mailing_release, mailing=mailing, actor=chair)
    assert _states(rows) == [OutgoingMail.State.RETRY, OutgoingMail.State.RETRY]
    assert Mailing.objects.get(pk=mailing.pk).state == Mailing.State.SENDING


def test_retry_delays_double_each_time(settings):
    from mailings.sending import retry_delay

    settings.MAILINGS_RETRY_BASE_SECONDS = 60
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 4, 10)] == [60, 120, 240, 480, 6 * 3600]


def test_hostile_names_and_titles_cannot_inject_headers(smtp, after_commit, chair):
    hostile = MailRecipient(
        email="ana@example.org",
        name="Ana\r\nBcc: victim@example.org",
        values={"delegation": "Ruritania\nX-Injected: yes", "survey": "Survey\r\n\r\nfake body"},
    )
    mailing, _rows = make_mailing(
        recipients=[hostile],
        subjects={"en": "{survey} for {name} of {delegation}"},
        bodies={"en": "Dear {name} ({delegation}),\n{survey}\n"},
    )
    after_commit(mailing_release, mailing=mailing, actor=chair)

    [received] = smtp.received
    assert received.envelope_to == ["ana@example.org"]
    assert received.message["Subject"].strip() == (
        "Survey fake body for Ana Bcc: victim@example.org of Ruritania X-Injected: yes"
    )
    assert [name for name, _ in received.raw_headers if name.lower() in ("bcc", "x-injected", "cc")] == []
    assert received.message.get_content().replace("\r\n", "\n") == (
        "Dear Ana Bcc: victim@example.org (Ruritania X-Injected: yes),\nSurvey fake body\n"
    )


def test_an_address_with_a_line_break_fails_without_sending(smtp, after_commit, chair):
    mailing, rows = make_mailing(recipients=[MailRecipient(email="ana@example.org\nbcc:victim@example.org", name="A")])
    after_commit(mailing_release, mailing=mailing, actor=chair)
    row = OutgoingMail.objects.get(pk=rows[0].pk)
    assert row.state == OutgoingMail.State.FAILED
    assert smtp.received == []


def test_sweep_requeues_a_mail_stuck_in_sending_and_it_is_sent_once(smtp, settings, after_commit, chair):
    settings.MAILINGS_SENDING_TIMEOUT = 300
    mailing, rows = make_mailing(2)
    after_commit(mailing_release, mailing=mailing, actor=chair)
    smtp.handler.received.clear()
    # A worker died while sending the second mail: its row says "sending" since 10 minutes.
    stuck_since = timezone.now() - timedelta(minutes=10)
    OutgoingMail.objects.filter(pk=rows[1].pk).update(
        state=OutgoingMail.State.SENDING, sending_started_at=stuck_since, sent_at=None
    )
    Mailing.objects.filter(pk=mailing.pk).update(state=Mailing.State.SENDING, last_progress_at=stuck_since)

    summary = after_commit(mailings_sweep)

    assert summary == {
        "requeued": 1,
        "failed": 0,
        "mailings_restarted": 1,
        "mailings_finished": 0,
        "notifications": 0,
    }
    assert _states(rows) == [OutgoingMail.State.SENT, OutgoingMail.State.SENT]
    assert smtp.count_by_recipient() == {"person1@example.org": 1}
    assert Mailing.objects.get(pk=mailing.pk).state == Mailing.State.DONE


def test_sweep_leaves_a_mail_that_is_being_sent_right_now(settings):
    settings.MAILINGS_SENDING_TIMEOUT = 300
    _mailing, rows = make_mailing(1)
    OutgoingMail.objects.filter(pk=rows[0].pk).update(
        state=OutgoingMail.State.SENDING, sending_started_at=timezone.now() - timedelta(seconds=30)
    )
    assert mailings_sweep()["requeued"] == 0
    assert _states(rows) == [OutgoingMail.State.SENDING]


def test_sweep_sends_a_notification_whose_task_was_lost(mailoutbox, settings, after_commit):
    settings.MAILINGS_STALLED_AFTER = 90
    row = OutgoingMail.objects.create(to="ana@example.org", subject="Lost", body_text="x")
    OutgoingMail.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    fresh = OutgoingMail.objects.create(to="bob@example.org", subject="Fresh", body_text="x")
    assert after_commit(mailings_sweep)["notifications"] == 1
    assert [m.subject for m in mailoutbox] == ["Lost"]
    assert OutgoingMail.objects.get(pk=fresh.pk).state == OutgoingMail.State.QUEUED


def test_control_characters_in_names_are_dropped(smtp, after_commit, chair):
    mailing, _rows = make_mailing(
        recipients=[MailRecipient(email="ana@example.org", name="Ana\x00\x1b[31m Ruiz\u2028Bcc: x@example.org")],
        subjects={"en": "For {name}"},
        bodies={"en": "Dear {name}"},
    )
    after_commit(mailing_release, mailing=mailing, actor=chair)
    [received] = smtp.received
    assert received.message["Subject"].strip() == "For Ana [31m Ruiz Bcc: x@example.org"
    assert received.envelope_to == ["ana@example.org"]


def test_a_starting_worker_resumes_a_mailing_at_once(smtp, settings, after_commit):
    settings.MAILINGS_STALLED_AFTER = 90
    mailing, rows = make_mailing(2)
    OutgoingMail.objects.filter(mailing=mailing).update(state=OutgoingMail.State.QUEUED)
    Mailing.objects.filter(pk=mailing.pk).update(
        state=Mailing.State.SENDING, released_at=timezone.now(), last_progress_at=timezone.now()
    )
    assert after_commit(mailings_sweep)["mailings_restarted"] == 0  # it may still be sending
    assert after_commit(mailings_sweep, restart_all=True)["mailings_restarted"] == 1
    assert _states(rows) == [OutgoingMail.State.SENT, OutgoingMail.State.SENT]


def test_a_batch_is_claimed_at_once_and_sent_over_one_connection(smtp, after_commit, chair, settings):
    settings.MAILINGS_BATCH_SIZE = 4
    mailing, rows = make_mailing(10)
    after_commit(mailing_release, mailing=mailing, actor=chair)
    assert set(_states(rows)) == {OutgoingMail.State.SENT}
    assert smtp.count_by_recipient() == {f"person{n}@example.org": 1 for n in range(10)}
    assert smtp.connections == 1


def test_a_batch_past_its_window_gives_its_rest_back_untouched(smtp, after_commit, chair, settings):
    # No time at all: each batch sends its first mail, then gives the others back as if never taken.
    settings.MAILINGS_BATCH_SIZE = 3
    settings.MAILINGS_SENDING_TIMEOUT = 0
    mailing, rows = make_mailing(5)
    after_commit(mailing_release, mailing=mailing, actor=chair)
    assert [(row.state, row.attempts) for row in OutgoingMail.objects.filter(pk__in=[r.pk for r in rows])] == [
        (OutgoingMail.State.SENT, 1)
    ] * 5
    assert smtp.count_by_recipient() == {f"person{n}@example.org": 1 for n in range(5)}
    assert Mailing.objects.get(pk=mailing.pk).state == Mailing.State.DONE
