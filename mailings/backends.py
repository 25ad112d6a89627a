"""Mail written as files a person can read, for a portal run without an SMTP server.

Django's file backend writes each message as it would go over the wire: quoted-printable, so a
long link is cut by soft line breaks ("confirm-emai=" / "l/...") and cannot be followed. This
one writes one file per mail, named so that the newest sorts last
(var/mail/20261202-081530-123456-gfmd-please-confirm-your-email-address.txt): the headers, then
the text decoded, every link whole on its line; an HTML alternative is saved beside it. Used only
when EMAIL_HOST is unset (settings); the SMTP path keeps its proper encoding."""

import os
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django.utils.text import slugify

HEADERS = ("From", "To", "Cc", "Reply-To", "Subject", "Date", "Message-ID", "List-Unsubscribe")


class ReadableFileBackend(BaseEmailBackend):
    def __init__(self, *args, file_path: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.file_path = Path(file_path)
        self.file_path.mkdir(parents=True, exist_ok=True)

    def send_messages(self, email_messages) -> int:
        count = 0
        for message in email_messages:
            message.message()  # the same checks as a real send (a line break in a header...)
            self._write(message)
            count += 1
        return count

    def _write(self, message) -> Path:
        now = timezone.localtime()
        stem = self._free_stem(now, message.subject)
        html = [alt.content for alt in getattr(message, "alternatives", []) if alt.mimetype == "text/html"]
        if html:
            self._write_atomically(self.file_path / f"{stem}.html", html[0])
        self._write_atomically(
            self.file_path / f"{stem}.txt", self._text(message, now, html=f"{stem}.html" if html else "")
        )
        return self.file_path / f"{stem}.txt"

    def _free_stem(self, now: datetime, subject: str) -> str:
        base = f"{now:%Y%m%d-%H%M%S-%f}-{slugify(subject)[:60].strip('-') or 'mail'}"
        stem, n = base, 1
        while (self.file_path / f"{stem}.txt").exists():
            n += 1
            stem = f"{base}-{n}"
        return stem

    @staticmethod
    def _text(message, now: datetime, *, html: str) -> str:
        extra = {name.lower(): value for name, value in message.extra_headers.items()}
        values = {
            "From": extra.get("from", message.from_email),
            "To": ", ".join(message.to),
            "Cc": ", ".join(message.cc),
            "Reply-To": ", ".join(message.reply_to),
            "Subject": message.subject,
            "Date": extra.get("date", format_datetime(now)),
            "Message-ID": extra.get("message-id", ""),
            "List-Unsubscribe": extra.get("list-unsubscribe", ""),  # a non-essential notification's
        }
        lines = [f"{name}: {values[name]}" for name in HEADERS if values[name]]
        body = message.body if message.content_subtype == "plain" else f"(The mail is HTML only.)\n\n{message.body}"
        notes = [f"An HTML version of this mail is beside this file: {html}"] if html else []
        notes += [f"Attachment: {_attachment_name(attachment)}" for attachment in message.attachments]
        text = "\n".join(lines) + "\n\n" + body.rstrip("\n") + "\n"
        if notes:
            text += "\n" + "-" * 40 + "\n" + "\n".join(notes) + "\n"
        return text

    @staticmethod
    def _write_atomically(path: Path, content: str) -> None:
        # Written aside, then renamed: whoever opens the newest file finds it whole.
        partial = path.with_name(f".{path.name}.part")
        partial.write_text(content, encoding="utf-8")
        os.replace(partial, path)


def _attachment_name(attachment) -> str:
    # An EmailAttachment (filename, content, mimetype) or a MIME part attached as it is.
    name = getattr(attachment, "filename", None)
    if name is None and hasattr(attachment, "get_filename"):
        name = attachment.get_filename()
    return name or "unnamed"
