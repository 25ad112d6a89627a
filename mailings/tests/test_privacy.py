"""What the outbox keeps: no secret link ever, and a mail's text only for the retention period."""

from datetime import timedelta

import pytest
from django.core import mail as django_mail
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from mailings import links
from mailings.links import LINK_MARKER
from mailings.models import Mailing, OutgoingMail
from mailings.services import mailing_retry_failed, queue_mail, suppressed
from mailings.tasks import purge_bodies_task
from mailings.tests.factories import make_mailing
from mailings.tests.raw import outbox_contains


@pytest.fixture
def secret_links(monkeypatch):
    """A provider whose links carry a fresh secret, like a password reset's."""
    minted = []

    def mint(object_id):
        if object_id == 404:
            return None
        minted.append(f"https://portal.example.net/open/{object_id}/secret-{len(minted)}/?a=1&b=2")
        return minted[-1]

    monkeypatch.setitem(links._providers, "tests.secret", mint)
    return minted


@pytest.mark.django_db
def test_a_notification_link_is_made_at_sending_and_never_stored(secret_links, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mail = queue_mail(
            to="ana@example.org",
            subject="Reset",
            body_text=f"Hello {{name}},\nopen {LINK_MARKER}\n",
            body_html=f'<a href="{LINK_MARKER}">open</a>',
            link_kind="tests.secret",
            link_object_id=7,
        )
    [link] = secret_links
    [sent] = django_mail.outbox
    assert sent.body == f"Hello {{name}},\nopen {link}\n"
    assert sent.alternatives[0].content == '<a href="https://portal.example.net/open/7/secret-0/?a=1&amp;b=2">open</a>'
    mail.refresh_from_db()
    assert (mail.state, mail.body_text, mail.body_html) == (
        OutgoingMail.State.SENT,
        "Hello {{name},\nopen {link}\n",  # a literal brace doubled, as in a mailing
        '<a href="{link}">open</a>',
    )
    assert not outbox_contains("secret-0")


@pytest.mark.django_db
def test_a_notification_whose_link_is_no_longer_needed_is_not_sent(secret_links, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mail = queue_mail(
            to="ana@example.org", subject="Reset", body_text=LINK_MARKER, link_kind="tests.secret", link_object_id=404
        )
    mail.refresh_from_db()
    assert (mail.state, django_mail.outbox) == (OutgoingMail.State.CANCELLED, [])


@pytest.mark.django_db
def test_a_link_kind_without_the_marker_is_refused():
    with pytest.raises(ValueError):
        queue_mail(to="ana@example.org", subject="Reset", body_text="no link", link_kind="tests.secret")
    with pytest.raises(ValueError):
        queue_mail(to="ana@example.org", subject="Reset", body_text=LINK_MARKER)
    assert OutgoingMail.objects.count() == 0


@pytest.mark.django_db
def test_the_admin_shows_the_placeholder_not_the_link(client, secret_links, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mail = queue_mail(
            to="ana@example.org", subject="Reset", body_text=LINK_MARKER, link_kind="tests.secret", link_object_id=7
        )
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get(reverse("admin:mailings_outgoingmail_change", args=[mail.pk])).content.decode()
    assert "secret-0" not in page
    assert "{link}" in page


@pytest.mark.django_db
def test_suppressed_queues_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), suppressed("demo"):
        assert queue_mail(to="ana@example.org", subject="Hi", body_text="Hello") is None
    assert (OutgoingMail.objects.count(), django_mail.outbox) == (0, [])
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail(to="ana@example.org", subject="Hi", body_text="Hello")
    assert [m.subject for m in django_mail.outbox] == ["Hi"]


def _mail(state, *, age_days, **kwargs):
    when = timezone.now() - timedelta(days=age_days)
    mail = OutgoingMail.objects.create(
        to="ana@example.org",
        subject=f"{state} {age_days}",
        body_text="Dear Ana",
        body_html="<p>Dear Ana</p>",
        state=state,
        sent_at=when if state == OutgoingMail.State.SENT else None,
        **kwargs,
    )
    OutgoingMail.objects.filter(pk=mail.pk).update(created_at=when)
    return mail


@pytest.mark.django_db
def test_purge_blanks_the_text_of_mails_finished_before_the_retention_period(settings):
    settings.MAILINGS_BODY_RETENTION_DAYS = 30
    old_sent = _mail(OutgoingMail.State.SENT, age_days=31)
    recent_sent = _mail(OutgoingMail.State.SENT, age_days=29)
    old_failed = _mail(OutgoingMail.State.FAILED, age_days=31, attempts=6, last_error="550 no such user")
    old_cancelled = _mail(OutgoingMail.State.CANCELLED, age_days=40)
    old_queued = _mail(OutgoingMail.State.QUEUED, age_days=31)

    purge_bodies_task.apply()

    rows = {
        mail.pk: (mail.subject, mail.state, mail.body_text, mail.body_html, mail.body_purged_at is not None)
        for mail in OutgoingMail.objects.all()
    }
    assert rows == {
        old_sent.pk: ("sent 31", "sent", "", "", True),
        recent_sent.pk: ("sent 29", "sent", "Dear Ana", "<p>Dear Ana</p>", False),
        old_failed.pk: ("failed 31", "failed", "", "", True),
        old_cancelled.pk: ("cancelled 40", "cancelled", "", "", True),
        old_queued.pk: ("queued 31", "queued", "Dear Ana", "<p>Dear Ana</p>", False),
    }
    sent_at = old_sent.sent_at
    old_sent.refresh_from_db()
    assert (old_sent.to, old_sent.sent_at, old_sent.attempts) == ("ana@example.org", sent_at, 0)


@pytest.mark.django_db
def test_purge_follows_the_retention_setting(settings):
    settings.MAILINGS_BODY_RETENTION_DAYS = 7
    mail = _mail(OutgoingMail.State.SENT, age_days=8)
    purge_bodies_task.apply()
    purge_bodies_task.apply()  # twice: nothing more happens
    mail.refresh_from_db()
    assert (mail.body_text, mail.body_purged_at is not None) == ("", True)


@pytest.mark.django_db
def test_a_failed_mail_whose_text_was_purged_is_not_sent_again(settings, chair):
    settings.MAILINGS_BODY_RETENTION_DAYS = 30
    mailing, [purged, kept] = make_mailing(2, release=True)
    Mailing.objects.filter(pk=mailing.pk).update(state=Mailing.State.DONE)
    OutgoingMail.objects.filter(pk=purged.pk).update(
        state=OutgoingMail.State.FAILED, created_at=timezone.now() - timedelta(days=31)
    )
    OutgoingMail.objects.filter(pk=kept.pk).update(state=OutgoingMail.State.FAILED)
    purge_bodies_task.apply()
    assert mailing_retry_failed(mailing=mailing, actor=chair) == 1
    purged.refresh_from_db()
    kept.refresh_from_db()
    assert (purged.state, kept.state) == (OutgoingMail.State.FAILED, OutgoingMail.State.QUEUED)


@pytest.mark.django_db
def test_the_preview_of_a_purged_mail_says_its_text_was_removed(client, chair, settings):
    settings.MAILINGS_BODY_RETENTION_DAYS = 30
    mailing, [mail] = make_mailing(1, release=True)
    OutgoingMail.objects.filter(pk=mail.pk).update(
        state=OutgoingMail.State.SENT, sent_at=timezone.now() - timedelta(days=31)
    )
    purge_bodies_task.apply()
    client.force_login(chair)
    response = client.get(reverse("mailings:preview", args=[mailing.pk, mail.pk]))
    page = response.content.decode()
    assert "The text of this mail was removed on" in page
    assert "Dear Person 0" not in page


def test_beat_purges_mail_bodies_daily():
    from gfmd.celery import app

    entry = app.conf.beat_schedule["mailings-purge-bodies"]
    assert (entry["task"], str(entry["schedule"])) == (
        "gfmd.mailings.purge_bodies",
        "<crontab: 17 3 * * * (m/h/dM/MY/d)>",
    )
