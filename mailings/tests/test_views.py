import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from mailings.models import Mailing, OutgoingMail
from mailings.services import MailRecipient, mailing_release
from mailings.tests.factories import make_mailing

pytestmark = pytest.mark.django_db


def test_mailing_list_refuses_anonymous(client):
    assert client.get(reverse("mailings:list")).status_code == 403


def test_mailing_list_refuses_a_delegate(client):
    client.force_login(UserFactory())
    assert client.get(reverse("mailings:list")).status_code == 403


def test_mailing_list_shows_counts(client, chair, meeting, django_capture_on_commit_callbacks):
    mailing, _ = make_mailing(3, title="Invitation: theme survey", meeting=meeting)
    with django_capture_on_commit_callbacks(execute=True):
        mailing_release(mailing=mailing, actor=chair)
    client.force_login(chair)
    response = client.get(reverse("mailings:list"))
    [row] = response.context["mailings"]
    assert (row.title, row.mail_count, row.sent_count, row.failed_count) == ("Invitation: theme survey", 3, 3, 0)


@pytest.mark.parametrize("count", [1, 3])
def test_mailing_list_query_count_does_not_grow(client, chair, meeting, django_assert_num_queries, count):
    for _ in range(count):
        make_mailing(2, created_by=chair, meeting=meeting)
    client.force_login(chair)
    # session, user, groups, focal point roles (menu), the meeting, the page's count, mailings, their
    # counts (one grouped query for the page), failed notifications, the meeting switcher's meetings
    with django_assert_num_queries(10):
        response = client.get(reverse("mailings:list"))
    # the counts are each mailing's own (two mails each, none sent yet)
    assert [(m.mail_count, m.sent_count, m.failed_count) for m in response.context["mailings"]] == [(2, 0, 0)] * count


def test_mailing_detail_is_404_for_a_delegate(client):
    mailing, _ = make_mailing(1)
    client.force_login(UserFactory())
    assert client.get(reverse("mailings:detail", args=[mailing.pk])).status_code == 404


def test_mailing_detail_counts_the_outbox_and_previews_the_first_recipient(client, chair):
    mailing, _rows = make_mailing(
        recipients=[
            MailRecipient(email="b@example.org", name="Bruno", link_kind="", values={"delegation": "Ghana"}),
            MailRecipient(email="a@example.org", name="Amina", values={"delegation": "Senegal"}),
        ],
        bodies={"en": "Dear {name} of {delegation}, answer at {link}"},
    )
    client.force_login(chair)
    response = client.get(reverse("mailings:detail", args=[mailing.pk]))
    page = response.content.decode()
    assert response.context["progress"].held == 2
    assert response.context["preview"].body == (
        "Dear Amina of Senegal, answer at [personal link, created when the mail is sent]"
    )
    assert "2 mails wait in the outbox" in page
    assert 'data-hx-trigger="every 2s"' not in page  # nothing is sending, nothing to poll


def test_mailing_preview_of_another_recipient(client, chair):
    mailing, rows = make_mailing(2)
    client.force_login(chair)
    response = client.get(reverse("mailings:preview", args=[mailing.pk, rows[1].pk]), headers={"HX-Request": "true"})
    assert response.context["preview"].subject == "A question for Person 1"
    assert response.content.decode().lstrip().startswith('<section id="mail-preview"')


@pytest.mark.parametrize("count", [1, 3])
def test_mailing_detail_query_count_does_not_grow(client, chair, django_assert_num_queries, count):
    mailing, _ = make_mailing(count)
    client.force_login(chair)
    with django_assert_num_queries(10):  # + mailing, count, page, state counts, languages, its survey (if any)
        client.get(reverse("mailings:detail", args=[mailing.pk]))


def test_chair_sends_a_mailing_once_even_when_pressing_twice(
    client, chair, mailoutbox, django_capture_on_commit_callbacks
):
    mailing, _ = make_mailing(3)
    client.force_login(chair)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mailings:send", args=[mailing.pk]))
        response = client.post(reverse("mailings:send", args=[mailing.pk]), follow=True)
    assert sorted(m.to[0] for m in mailoutbox) == ["person0@example.org", "person1@example.org", "person2@example.org"]
    assert [str(m) for m in response.context["messages"]] == [
        "Sending has started. This page shows the progress.",
        "This mailing has already been sent or discarded; nothing more was sent.",
    ]
    mailing.refresh_from_db()
    assert (mailing.state, mailing.released_by) == (Mailing.State.DONE, chair)


def test_a_delegate_cannot_send_a_mailing(client, mailoutbox):
    mailing, _ = make_mailing(1)
    client.force_login(UserFactory())
    assert client.post(reverse("mailings:send", args=[mailing.pk])).status_code == 404
    assert (Mailing.objects.get(pk=mailing.pk).state, mailoutbox) == (Mailing.State.OUTBOX, [])


def test_discarding_a_mailing_sends_nothing(client, chair, mailoutbox):
    mailing, _rows = make_mailing(2)
    client.force_login(chair)
    client.post(reverse("mailings:discard", args=[mailing.pk]))
    assert Mailing.objects.get(pk=mailing.pk).state == Mailing.State.DISCARDED
    assert set(OutgoingMail.objects.values_list("state", flat=True)) == {OutgoingMail.State.CANCELLED}
    assert client.post(reverse("mailings:send", args=[mailing.pk])).status_code == 302
    assert mailoutbox == []


def test_progress_fragment_polls_while_sending_and_stops_when_done(client, chair):
    mailing, rows = make_mailing(2)
    Mailing.objects.filter(pk=mailing.pk).update(state=Mailing.State.SENDING, released_at=mailing.created_at)
    OutgoingMail.objects.filter(pk=rows[0].pk).update(state=OutgoingMail.State.SENT, sent_at=mailing.created_at)
    OutgoingMail.objects.filter(pk=rows[1].pk).update(state=OutgoingMail.State.QUEUED)
    client.force_login(chair)
    sending = client.get(reverse("mailings:progress", args=[mailing.pk]))
    assert (sending.context["progress"].finished, sending.context["progress"].total) == (1, 2)
    assert 'data-hx-trigger="every 2s"' in sending.content.decode()
    Mailing.objects.filter(pk=mailing.pk).update(state=Mailing.State.DONE)
    done = client.get(reverse("mailings:progress", args=[mailing.pk]))
    assert 'data-hx-trigger="every 2s"' not in done.content.decode()


def test_failed_mails_are_shown_and_can_be_sent_again(client, chair, mailoutbox, django_capture_on_commit_callbacks):
    mailing, rows = make_mailing(2)
    Mailing.objects.filter(pk=mailing.pk).update(state=Mailing.State.DONE, released_at=mailing.created_at)
    OutgoingMail.objects.filter(pk=rows[0].pk).update(
        state=OutgoingMail.State.FAILED, smtp_code=550, last_error="No such user here", attempts=1
    )
    OutgoingMail.objects.filter(pk=rows[1].pk).update(state=OutgoingMail.State.SENT, sent_at=mailing.created_at)
    client.force_login(chair)
    page = client.get(reverse("mailings:detail", args=[mailing.pk]) + "?state=failed").content.decode()
    assert "550 · No such user here" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mailings:retry_failed", args=[mailing.pk]))
    assert [m.to for m in mailoutbox] == [["person0@example.org"]]
    assert Mailing.objects.get(pk=mailing.pk).state == Mailing.State.DONE


def test_mailing_list_shows_notifications_that_failed(client, chair):
    OutgoingMail.objects.create(
        to="gone@example.org",
        subject="Your registration",
        body_text="x",
        state=OutgoingMail.State.FAILED,
        smtp_code=550,
        last_error="Mailbox unavailable",
    )
    client.force_login(chair)
    page = client.get(reverse("mailings:list")).content.decode()
    assert "550 · Mailbox unavailable" in page


def test_mailing_detail_finds_a_recipient_by_delegation(client, chair):
    mailing, _rows = make_mailing(
        recipients=[
            MailRecipient(email="a@example.org", name="Amina", description="Senegal"),
            MailRecipient(email="j@example.org", name="Javier", description="Mexico"),
        ]
    )
    client.force_login(chair)
    response = client.get(reverse("mailings:detail", args=[mailing.pk]), {"q": "mexi"})
    assert [mail.to for mail in response.context["page"]] == ["j@example.org"]
