"""Sending a survey mailing in tests and reading the personal links out of the mails."""

import re

from django.core import mail as django_mail

from mailings.services import mailing_release

LINK = re.compile(r"https?://\S+/surveys/r/([A-Za-z0-9_-]+)/")


def send(mailing, actor, django_capture_on_commit_callbacks):
    """Press "Send" on a mailing; the sending task runs eagerly after commit."""
    with django_capture_on_commit_callbacks(execute=True):
        mailing_release(mailing=mailing, actor=actor)


def links_by_recipient() -> dict[str, str]:
    """{address: token} of the mails sent so far (the last mail of each address wins)."""
    found = {}
    for message in django_mail.outbox:
        match = LINK.search(message.body)
        if match:
            found[message.to[0]] = match.group(1)
    return found
