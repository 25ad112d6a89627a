"""The one path every mail takes: queue a row inside the caller's transaction, send after commit."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from mailings.models import OutgoingMail

logger = logging.getLogger(__name__)


def _single_line(value: str) -> str:
    # Names and titles end up in headers: a line break there would be header injection.
    return " ".join(str(value).split())


def queue_mail(*, to: str, subject: str, body_text: str, body_html: str = "", reply_to: str = "") -> OutgoingMail:
    """Write the mail as a row and send it once the surrounding transaction commits."""
    from mailings.tasks import send_mail_task

    mail = OutgoingMail.objects.create(
        to=_single_line(to),
        subject=_single_line(subject)[:300],
        body_text=body_text,
        body_html=body_html,
        reply_to=_single_line(reply_to),
    )
    transaction.on_commit(lambda: send_mail_task.delay(mail.pk))
    return mail


def mail_send(*, mail_id: int) -> OutgoingMail | None:
    """Send one queued mail at most once.

    The row is locked and marked "sending" in one short transaction, so a second worker
    (or a redelivery after a crash) skips it; the SMTP conversation happens outside the lock.
    """
    with transaction.atomic():
        mail = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None or mail.state != OutgoingMail.State.QUEUED:
            return mail
        mail.state = OutgoingMail.State.SENDING
        mail.attempts += 1
        mail.sending_started_at = timezone.now()
        mail.save(update_fields=["state", "attempts", "sending_started_at"])

    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[mail.to],
        reply_to=[mail.reply_to] if mail.reply_to else None,
    )
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    try:
        message.send()
    except Exception as exc:  # recorded on the row and shown to the Chair's office
        logger.warning("Mail %s to %s failed: %s", mail.pk, mail.to, exc)
        mail.state = OutgoingMail.State.FAILED
        mail.last_error = str(exc)[:2000]
        mail.save(update_fields=["state", "last_error"])
        return mail
    mail.state = OutgoingMail.State.SENT
    mail.sent_at = timezone.now()
    mail.save(update_fields=["state", "sent_at"])
    return mail
