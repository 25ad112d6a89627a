from datetime import timedelta

import pytest
from django.core import mail as django_mail
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from accounts.tests.factories import UserFactory
from mailings.models import Mailing, OutgoingMail
from mailings.services import (
    MailingStateError,
    mail_send,
    mailing_discard,
    mailing_release,
    mailing_retry_failed,
    queue_mail,
)
from mailings.tests.factories import make_mailing


@pytest.mark.django_db(transaction=True)
def test_queue_mail_sends_after_commit():
    with transaction.atomic():
        queued = queue_mail(to="ana@example.org", subject="Welcome", body_text="Hello")
        assert len(django_mail.outbox) == 0  # nothing leaves before the transaction commits
    queued.refresh_from_db()
    assert queued.state == OutgoingMail.State.SENT
    assert [m.subject for m in django_mail.outbox] == ["Welcome"]


@pytest.mark.django_db(transaction=True)
def test_queue_mail_inside_a_rolled_back_transaction_sends_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        queue_mail(to="ana@example.org", subject="Welcome", body_text="Hello")
        raise RuntimeError
    assert OutgoingMail.objects.count() == 0
    assert django_mail.outbox == []


@pytest.mark.django_db
def test_mail_send_twice_sends_once():
    row = OutgoingMail.objects.create(to="ana@example.org", subject="Hi", body_text="Hello")
    mail_send(mail_id=row.pk)
    mail_send(mail_id=row.pk)
    row.refresh_from_db()
    assert (row.state, row.attempts, len(django_mail.outbox)) == (OutgoingMail.State.SENT, 1, 1)


@pytest.mark.django_db
def test_mail_send_skips_a_mail_already_in_flight():
    row = OutgoingMail.objects.create(
        to="ana@example.org", subject="Hi", body_text="Hello", state=OutgoingMail.State.SENDING
    )
    mail_send(mail_id=row.pk)
    assert django_mail.outbox == []


@pytest.mark.django_db
def test_mail_send_of_a_deleted_row_returns_quietly():
    assert mail_send(mail_id=987654) is None


@pytest.mark.django_db
def test_line_breaks_in_subject_cannot_inject_headers(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail(to="ana@example.org", subject="Hello\r\nBcc: victim@example.org", body_text="x")
    message = django_mail.outbox[0].message()
    assert message["Subject"] == "Hello Bcc: victim@example.org"
    assert message["Bcc"] is None


@pytest.mark.django_db
def test_mail_send_keeps_a_mail_for_later_when_the_server_is_unreachable(settings):
    settings.MAILERS = {"default": {"BACKEND": "mailings.tests.failing_backend.FailingBackend"}}
    row = OutgoingMail.objects.create(to="ana@example.org", subject="Hi", body_text="Hello")
    before = timezone.now()
    mail_send(mail_id=row.pk)
    row.refresh_from_db()
    assert (row.state, row.attempts, row.last_error) == (OutgoingMail.State.RETRY, 1, "SMTP server unreachable")
    assert before + timedelta(seconds=60) <= row.retry_at <= timezone.now() + timedelta(seconds=60)


@pytest.mark.django_db
def test_mail_send_gives_up_after_the_last_attempt(settings):
    settings.MAILERS = {"default": {"BACKEND": "mailings.tests.failing_backend.FailingBackend"}}
    settings.MAILINGS_MAX_ATTEMPTS = 2
    row = OutgoingMail.objects.create(to="ana@example.org", subject="Hi", body_text="Hello", attempts=1)
    mail_send(mail_id=row.pk)
    row.refresh_from_db()
    assert (row.state, row.attempts, row.retry_at) == (OutgoingMail.State.FAILED, 2, None)


@pytest.mark.django_db
def test_mail_send_does_not_send_a_retry_before_its_time():
    row = OutgoingMail.objects.create(
        to="ana@example.org",
        subject="Hi",
        body_text="Hello",
        state=OutgoingMail.State.RETRY,
        retry_at=timezone.now() + timedelta(minutes=5),
    )
    mail_send(mail_id=row.pk)
    row.refresh_from_db()
    assert (row.state, django_mail.outbox) == (OutgoingMail.State.RETRY, [])


# The services check their own rules (mailings.permissions): the wrong person, or the wrong state, is refused.


@pytest.mark.django_db
def test_release_by_someone_outside_the_chairs_office_is_refused():
    mailing, _rows = make_mailing(1)
    with pytest.raises(PermissionDenied):
        mailing_release(mailing=mailing, actor=UserFactory())
    mailing.refresh_from_db()
    assert mailing.state == Mailing.State.OUTBOX


@pytest.mark.django_db
def test_discard_of_a_mailing_already_sent_is_refused(chair):
    mailing, _rows = make_mailing(1)
    mailing_release(mailing=mailing, actor=chair)
    with pytest.raises(MailingStateError):
        mailing_discard(mailing=mailing, actor=chair)
    mailing.refresh_from_db()
    assert mailing.state != Mailing.State.DISCARDED


@pytest.mark.django_db
def test_retry_of_a_mailing_still_in_the_outbox_is_refused(chair):
    mailing, _rows = make_mailing(1)
    with pytest.raises(MailingStateError):
        mailing_retry_failed(mailing=mailing, actor=chair)
    mailing.refresh_from_db()
    assert mailing.state == Mailing.State.OUTBOX
