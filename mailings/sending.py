"""Sending the outbox: never lost, never doubled (beyond the one mail a dying worker had in flight).

Each mail is taken in a short transaction that locks its row, checks it is due, marks it "sending"
and creates its personal link; only then, outside any lock, does the SMTP conversation happen, and
the outcome (sent, retry at, failed) is recorded. A second worker, a redelivered task or a second
press of "Send" finds the row taken and skips it. A worker killed mid-mail leaves one row in
"sending": the sweep puts it back after MAILINGS_SENDING_TIMEOUT (that one mail may arrive twice;
its Message-ID is the same both times, so mail clients can tell).

Transient failures (4xx replies, refused or dropped connections) are retried with exponential
backoff; permanent ones (5xx replies, an invalid address) are marked failed and shown.
"""

import logging
import smtplib
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.html import escape

from mailings.links import mint_personal_link, mint_personal_links
from mailings.models import Mailing, OutgoingMail
from mailings.notification_kinds import unsubscribe_for
from mailings.placeholders import finalize, single_line

logger = logging.getLogger(__name__)

# A sending task hands over to a fresh task after this long, so beat's sweep and other tasks get
# their turn on a busy worker (and a task never nears the hard time limit).
PUMP_BUDGET_SECONDS = 50
MAX_RETRY_DELAY = timedelta(hours=6)
_CONTENDED = object()


def classify_error(exc: BaseException) -> tuple[bool, int | None]:
    """(transient?, SMTP reply code) for an exception raised while sending."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in exc.recipients.values()]
        code = codes[0] if codes else None
    elif isinstance(exc, smtplib.SMTPResponseException):
        code = exc.smtp_code
    elif isinstance(exc, OSError):
        # Refused or dropped connections, timeouts, SMTPServerDisconnected: the server may be back soon.
        return True, None
    else:
        # An invalid address (ValueError) or a bug: sending the same mail again will not help.
        return False, None
    if code is None or code < 500:
        return True, code if code and code > 0 else None
    return False, code


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4, 8... times MAILINGS_RETRY_BASE_SECONDS after the 1st, 2nd, 3rd... failed attempt."""
    delay = timedelta(seconds=settings.MAILINGS_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0))
    return min(delay, MAX_RETRY_DELAY)


def _message_id(mail: OutgoingMail) -> str:
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >") or "gfmd.invalid"
    return f"<gfmd-mail-{mail.pk}@{domain}>"


def _claim(candidates, *, now: datetime, wait: bool):
    """Take the first due mail among `candidates`: mark it "sending" and create its personal link,
    in one transaction. Returns (mail, link), None when nothing is due, or _CONTENDED when another
    worker took the row between our read and our write."""
    with transaction.atomic():
        locking = candidates.select_for_update() if wait else candidates.select_for_update(skip_locked=True)
        mail = locking.due(now).order_by("pk").first()
        if mail is None:
            return None
        # A compare-and-set on the state: exactly one claimant wins, on every database.
        won = OutgoingMail.objects.filter(pk=mail.pk, state=mail.state).update(
            state=OutgoingMail.State.SENDING, attempts=F("attempts") + 1, sending_started_at=now, retry_at=None
        )
        if not won:
            return _CONTENDED
        return mail, _taken(mail, now)


def _taken(mail: OutgoingMail, now: datetime, minted: dict | None = None) -> str | None:
    """After a claim marked the row "sending": the same on the object in memory, and the mail's
    personal link ("" for none; from `minted` when the batch's links were made together). None when
    the link cannot be made any more: the invitation was withdrawn or already answered, so the mail
    is cancelled, not sent."""
    mail.state, mail.attempts, mail.sending_started_at, mail.retry_at = (
        OutgoingMail.State.SENDING,
        mail.attempts + 1,
        now,
        None,
    )
    if not mail.link_kind:
        return ""
    if minted is not None and mail.pk in minted:
        link = minted[mail.pk]
    else:
        try:
            link = mint_personal_link(mail.link_kind, mail.link_object_id)
        except LookupError:
            link = None
    if link is None:
        OutgoingMail.objects.filter(pk=mail.pk).update(
            state=OutgoingMail.State.CANCELLED, last_error="No longer needed when its turn came."
        )
        mail.state = OutgoingMail.State.CANCELLED
    return link


def _mint_batch(mails: list[OutgoingMail]) -> dict[int, str | None]:
    """The personal links of a batch by mail, made together per kind (mailings.links.mint_personal_links)."""
    by_kind: dict[str, list[OutgoingMail]] = {}
    for mail in mails:
        if mail.link_kind:
            by_kind.setdefault(mail.link_kind, []).append(mail)
    minted = {}
    for kind, of_kind in by_kind.items():
        try:
            links = mint_personal_links(kind, [mail.link_object_id for mail in of_kind])
        except LookupError:
            links = [None] * len(of_kind)
        minted.update({mail.pk: link for mail, link in zip(of_kind, links, strict=True)})
    return minted


def _build_message(mail: OutgoingMail, link: str) -> EmailMultiAlternatives:
    # A mailing's messages and notifications with a personal link are stored half-rendered
    # (placeholders.with_link_placeholder); other notifications as they are sent.
    half_rendered = bool(mail.mailing_id or mail.link_kind)
    body = finalize(mail.body_text, link=link) if half_rendered else mail.body_text
    headers = {"Message-ID": _message_id(mail), "Auto-Submitted": "auto-generated"}
    unsubscribe = _unsubscribe(mail)
    if unsubscribe is not None:
        # RFC 8058: a mail client may offer "Unsubscribe" and POST to the link without opening a page.
        headers["List-Unsubscribe"] = OneLineHeader("List-Unsubscribe", f"<{unsubscribe.url}>")
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        body = f"{body.rstrip()}\n\n-- \n{unsubscribe.footer}\n{unsubscribe.url}\n"
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[mail.to],
        reply_to=[mail.reply_to] if mail.reply_to else None,
        headers=headers,
    )
    if mail.body_html:
        html = finalize(mail.body_html, link=escape(link)) if half_rendered else mail.body_html
        if unsubscribe is not None:
            html += f'<p><a href="{escape(unsubscribe.url)}">{escape(unsubscribe.footer)}</a></p>'
        message.attach_alternative(html, "text/html")
    return message


class OneLineHeader(str):
    """A header value written out on one line as it is. Python folds a long header made of one word (a URL)
    into RFC 2047 encoded words at 78 characters, and no mail client reads those as a List-Unsubscribe
    address; RFC 5322 allows 998. Only for values checked to be one line of printable ASCII (_unsubscribe)."""

    name: str

    def __new__(cls, name: str, value: str) -> "OneLineHeader":
        header = super().__new__(cls, value)
        header.name = name
        return header

    def __reduce__(self):  # copied and pickled with its name (the test backend copies each message)
        return OneLineHeader, (self.name, str(self))

    def fold(self, *, policy) -> str:  # the email package's header interface (email.policy.EmailPolicy._fold)
        return f"{self.name}: {self}{policy.linesep}"


def _unsubscribe(mail: OutgoingMail):
    """The unsubscribe link of a non-essential notification (None for essential mail). The URL goes into a
    header: anything but one line of printable ASCII is refused, so no provider can inject a header."""
    if not mail.notification_kind:
        return None
    found = unsubscribe_for(kind=mail.notification_kind, email=mail.to, language=mail.language)
    if found is None:
        return None
    url = single_line(found.url)
    if (
        url != found.url
        or not url.isascii()
        or not url.isprintable()
        or len(url) > 900
        or any(c in url for c in "<>\"' ")
    ):
        raise ValueError("An unsubscribe link must be one line of URL characters.")
    return found


def _close_quietly(connection) -> None:
    try:
        connection.close()
    except Exception:  # a broken connection may fail to close; the next mail opens a new one
        logger.debug("Closing the mail connection failed", exc_info=True)


def _deliver(mail: OutgoingMail, link: str, connection) -> OutgoingMail:
    """Send one claimed mail over `connection` and record the outcome on its row."""
    try:
        message = _build_message(mail, link)
        connection.open()
        connection.send_messages([message])
    except Exception as exc:  # recorded on the row and shown to the Chair's office
        _close_quietly(connection)
        transient, code = classify_error(exc)
        mail.smtp_code, mail.last_error = code, (str(exc) or exc.__class__.__name__)[:2000]
        if transient and mail.attempts < settings.MAILINGS_MAX_ATTEMPTS:
            mail.state, mail.retry_at = OutgoingMail.State.RETRY, timezone.now() + retry_delay(mail.attempts)
        else:
            mail.state, mail.retry_at = OutgoingMail.State.FAILED, None
        logger.warning("Mail %s to %s: %s (%s)", mail.pk, mail.to, mail.last_error, mail.state)
        OutgoingMail.objects.filter(pk=mail.pk).update(
            state=mail.state, retry_at=mail.retry_at, smtp_code=mail.smtp_code, last_error=mail.last_error
        )
        return mail
    mail.state, mail.sent_at, mail.smtp_code, mail.last_error = OutgoingMail.State.SENT, timezone.now(), None, ""
    OutgoingMail.objects.filter(pk=mail.pk).update(
        state=mail.state, sent_at=mail.sent_at, smtp_code=None, last_error=""
    )
    return mail


def mail_send(*, mail_id: int) -> OutgoingMail | None:
    """Send one mail if it is due, at most once; returns its row (None if it does not exist)."""
    candidates = OutgoingMail.objects.filter(pk=mail_id)
    claimed = _claim(candidates, now=timezone.now(), wait=True)
    if claimed is None or claimed is _CONTENDED:
        return candidates.first()
    mail, link = claimed
    if link is None:
        return mail
    connection = mailers.default
    try:
        return _deliver(mail, link, connection)
    finally:
        _close_quietly(connection)


def _claim_batch(candidates, *, now: datetime, size: int) -> list[tuple[OutgoingMail, str | None]]:
    """Take up to `size` due mails among `candidates` in one transaction: each marked "sending", with its
    personal link. Rows another worker holds are skipped (PostgreSQL: SKIP LOCKED; SQLite: the write
    lock that BEGIN IMMEDIATE takes), so every mail is taken by exactly one claimant."""
    with transaction.atomic():
        mails = list(candidates.select_for_update(skip_locked=True).due(now).order_by("pk")[:size])
        if not mails:
            return []
        won = (
            OutgoingMail.objects.filter(pk__in=[mail.pk for mail in mails])
            .due(now)
            .update(state=OutgoingMail.State.SENDING, attempts=F("attempts") + 1, sending_started_at=now, retry_at=None)
        )
        if won != len(mails):
            # Another claimant changed a row between our read and our write: take nothing this time.
            transaction.set_rollback(True)
            return []
        minted = _mint_batch(mails)
        return [(mail, _taken(mail, now, minted)) for mail in mails]


def _put_back(mails: list[OutgoingMail]) -> None:
    """Return claimed mails that were not sent to the queue, as if never taken."""
    OutgoingMail.objects.filter(pk__in=[mail.pk for mail in mails], state=OutgoingMail.State.SENDING).update(
        state=OutgoingMail.State.QUEUED, attempts=F("attempts") - 1, sending_started_at=None
    )


def mailing_pump(*, mailing_id: int, budget_seconds: float | None = None, now: datetime | None = None) -> bool:
    """Send the due mails of a released mailing in batches over one SMTP connection.

    Each batch is claimed in one transaction (MAILINGS_BATCH_SIZE mails), then sent one by one, each
    outcome recorded as soon as it is known: a worker that dies mid-batch leaves its unsent mails in
    "sending" for the sweep to put back, and at most the one mail in flight may arrive twice. A batch
    stops sending before half of MAILINGS_SENDING_TIMEOUT has passed since its claim (and gives its
    rest back), so the sweep never hands a mail still in a live batch to another worker.

    Returns True when time ran out with mails still due (the task then hands over to a new one).
    Several pumps may run for one mailing: each mail is taken by exactly one."""
    if not Mailing.objects.filter(pk=mailing_id, state=Mailing.State.SENDING).exists():
        return False
    started = time.monotonic()
    candidates = OutgoingMail.objects.filter(mailing_id=mailing_id)
    connection = mailers.default
    batch_window = settings.MAILINGS_SENDING_TIMEOUT / 2
    try:
        while True:
            if budget_seconds is not None and time.monotonic() - started > budget_seconds:
                return True
            batch = _claim_batch(candidates, now=now or timezone.now(), size=settings.MAILINGS_BATCH_SIZE)
            if not batch:
                if not candidates.due(now or timezone.now()).exists():
                    break
                time.sleep(0.05)  # contended: another claimant is taking its rows; try again
                continue
            Mailing.objects.filter(pk=mailing_id).update(last_progress_at=timezone.now())
            claimed_at = time.monotonic()
            for index, (mail, link) in enumerate(batch):
                # The first mail of a batch always goes, so a batch always makes progress.
                if index and time.monotonic() - claimed_at > batch_window:
                    _put_back([m for m, _link in batch[index:]])
                    break
                if link is not None:
                    _deliver(mail, link, connection)
    finally:
        _close_quietly(connection)
    mailing_finish_if_done(mailing_id=mailing_id)
    return False


def mailing_finish_if_done(*, mailing_id: int) -> bool:
    if OutgoingMail.objects.filter(mailing_id=mailing_id).pending().exists():
        return False
    return bool(
        Mailing.objects.filter(pk=mailing_id, state=Mailing.State.SENDING).update(
            state=Mailing.State.DONE, finished_at=timezone.now()
        )
    )


def mailings_sweep(*, now: datetime | None = None, restart_all: bool = False) -> dict[str, int]:
    """Repair what dead workers and lost tasks left behind (run by beat every MAILINGS_SWEEP_SECONDS).

    1. Mails in "sending" for longer than MAILINGS_SENDING_TIMEOUT: their worker died mid-mail.
       They go back to the queue (the SMTP server may or may not have got them: at most one each).
    2. Released mailings with due mails and no progress for MAILINGS_STALLED_AFTER: their task was
       lost with the worker; a new one is started (two running at once would still send each mail once).
    3. Notifications (no mailing) due again, or queued long ago with their task lost: sent.

    restart_all (a worker that has just started): every released mailing with due mails gets a
    sending task at once, without waiting for MAILINGS_STALLED_AFTER; a second task beside a live
    one is harmless. Mails left in "sending" still wait for the timeout: another worker may be
    sending them right now.
    """
    from mailings.tasks import send_mail_task, send_mailing_task

    now = now or timezone.now()
    stalled_before = now - timedelta(seconds=settings.MAILINGS_STALLED_AFTER)
    requeued = failed = 0
    stuck = OutgoingMail.objects.filter(
        state=OutgoingMail.State.SENDING,
        sending_started_at__lt=now - timedelta(seconds=settings.MAILINGS_SENDING_TIMEOUT),
    )
    for mail_id, attempts in stuck.values_list("pk", "attempts"):
        interrupted = "Interrupted while sending (the worker stopped); it may have been delivered."
        if attempts >= settings.MAILINGS_MAX_ATTEMPTS:
            failed += OutgoingMail.objects.filter(pk=mail_id, state=OutgoingMail.State.SENDING).update(
                state=OutgoingMail.State.FAILED, last_error=interrupted
            )
        else:
            requeued += OutgoingMail.objects.filter(pk=mail_id, state=OutgoingMail.State.SENDING).update(
                state=OutgoingMail.State.RETRY, retry_at=now, last_error=interrupted
            )

    restarted = finished = 0
    sending = Mailing.objects.filter(state=Mailing.State.SENDING)
    if not restart_all:
        sending = sending.filter(
            Q(last_progress_at__lt=stalled_before) | Q(last_progress_at__isnull=True, released_at__lt=stalled_before)
        )
    for mailing_id in sending.values_list("pk", flat=True):
        if OutgoingMail.objects.filter(mailing_id=mailing_id).due(now).exists():
            Mailing.objects.filter(pk=mailing_id).update(last_progress_at=now)
            transaction.on_commit(lambda pk=mailing_id: send_mailing_task.delay(pk))
            restarted += 1
        elif mailing_finish_if_done(mailing_id=mailing_id):
            finished += 1

    lone = (
        OutgoingMail.objects.filter(mailing__isnull=True)
        .due(now)
        .filter(Q(state=OutgoingMail.State.RETRY) | Q(created_at__lt=stalled_before))
    )
    lone_ids = list(lone.order_by("pk").values_list("pk", flat=True)[:1000])
    for mail_id in lone_ids:
        transaction.on_commit(lambda pk=mail_id: send_mail_task.delay(pk))
    summary = {
        "requeued": requeued,
        "failed": failed,
        "mailings_restarted": restarted,
        "mailings_finished": finished,
        "notifications": len(lone_ids),
    }
    if any(summary.values()):
        logger.info("Mail sweep: %s", summary)
    return summary


def mail_bodies_purge(*, now: datetime | None = None) -> int:
    """Blank the text of mails finished more than MAILINGS_BODY_RETENTION_DAYS ago (run daily by
    beat); returns how many. What a mail said to a person is theirs, not an archive's: the
    delivery record (recipient, subject, state, attempts, times) stays, the body goes.

    A failed mail of a mailing keeps its body while the Chair's office may still send it again
    (mailing_retry_failed), that is until the same period has passed since it was written."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.MAILINGS_BODY_RETENTION_DAYS)
    finished = Q(state=OutgoingMail.State.SENT, sent_at__lt=cutoff) | Q(
        state__in=[OutgoingMail.State.FAILED, OutgoingMail.State.CANCELLED], created_at__lt=cutoff
    )
    purged = OutgoingMail.objects.filter(finished, body_purged_at__isnull=True).update(
        body_text="", body_html="", body_purged_at=now
    )
    if purged:
        logger.info("Mail bodies purged: %s older than %s days", purged, settings.MAILINGS_BODY_RETENTION_DAYS)
    return purged
