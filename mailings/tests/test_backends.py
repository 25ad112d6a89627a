"""The local mail files: one decoded file per mail, the newest sorting last, links whole."""

import re

import pytest
from django.core import mail as django_mail
from django.core.mail import EmailMultiAlternatives, mailers

from mailings.services import queue_mail

LONG_LINK = "http://127.0.0.1:8000/accounts/confirm-email/" + "MQ:1vQWxY:" + "a=b_c-d" * 12 + "/"
NAME = re.compile(r"^\d{8}-\d{6}-\d{6}-[a-z0-9-]+\.(txt|html)$")


@pytest.fixture
def mail_folder(settings, tmp_path):
    folder = tmp_path / "mail"
    settings.MAILERS = {
        "default": {"BACKEND": "mailings.backends.ReadableFileBackend", "OPTIONS": {"file_path": str(folder)}}
    }
    return folder


@pytest.mark.django_db
def test_a_mail_is_written_as_readable_text_with_its_link_whole(mail_folder, django_capture_on_commit_callbacks):
    body = f"Hello from GFMD Meeting Portal!\n\nTo confirm, go to\n{LONG_LINK}\n\nÀ bientôt, ¡hasta pronto!\n"
    with django_capture_on_commit_callbacks(execute=True):
        mail = queue_mail(to="amina@example.org", subject="[GFMD] Please Confirm Your Email Address", body_text=body)
    [path] = mail_folder.iterdir()
    assert NAME.match(path.name)
    assert path.name.endswith("-gfmd-please-confirm-your-email-address.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == [
        "From: GFMD Meeting Portal <noreply@gfmd.example.org>",
        "To: amina@example.org",
        "Subject: [GFMD] Please Confirm Your Email Address",
    ]
    assert lines[3].startswith("Date: ")
    assert lines[4] == f"Message-ID: <gfmd-mail-{mail.pk}@gfmd.example.org>"
    assert lines[5:] == [
        "",
        "Hello from GFMD Meeting Portal!",
        "",
        "To confirm, go to",
        LONG_LINK,
        "",
        "À bientôt, ¡hasta pronto!",
    ]


@pytest.mark.django_db
def test_one_file_per_mail_and_the_newest_sorts_last(mail_folder, django_capture_on_commit_callbacks):
    for subject in ("First", "Second", "Third"):
        with django_capture_on_commit_callbacks(execute=True):
            queue_mail(to="ana@example.org", subject=subject, body_text=subject)
    names = sorted(path.name for path in mail_folder.iterdir())
    assert [name.split("-", 3)[-1] for name in names] == ["first.txt", "second.txt", "third.txt"]


def test_an_html_alternative_is_saved_beside_the_text(mail_folder):
    message = EmailMultiAlternatives("Programme", "See the programme.", to=["ana@example.org"])
    message.attach_alternative('<p><a href="https://gfmd.example.org/programme/">Programme</a></p>', "text/html")
    message.attach("agenda.txt", "Day 1", "text/plain")
    with mailers.default as connection:
        connection.send_messages([message])
    text, html = sorted(mail_folder.iterdir(), key=lambda path: path.suffix != ".txt")
    assert html.name == text.name.replace(".txt", ".html")
    assert html.read_text() == '<p><a href="https://gfmd.example.org/programme/">Programme</a></p>'
    assert text.read_text().split("\n\n", 1)[1] == (
        "See the programme.\n\n"
        + "-" * 40
        + f"\nAn HTML version of this mail is beside this file: {html.name}\nAttachment: agenda.txt\n"
    )


def test_a_header_with_a_line_break_is_refused_as_over_smtp(mail_folder):
    message = EmailMultiAlternatives("Hello\nBcc: victim@example.org", "x", to=["ana@example.org"])
    with pytest.raises(ValueError), mailers.default as connection:
        connection.send_messages([message])
    assert list(mail_folder.iterdir()) == []
    assert getattr(django_mail, "outbox", []) == []
