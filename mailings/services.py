"""The one path every mail takes: a row written inside the caller's transaction, sent after commit.

- send_to_people(): a registered mail (mailings.templates), rendered for each person in their
  language and queued with queue_mail().
- queue_mail(): a notification (registration decision, paper transition): queued, sent at once.
- mailing_create(): a batch written by a person; its rows are held in the outbox until
  mailing_release() (the Chair's office presses "Send"), or released at once for a scheduled reminder.
- Sending (mailings.sending) takes one due row at a time, idempotently; the beat sweep repairs what
  a dead worker left behind.
"""

import contextlib
import logging
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation

from accounts.models import User
from accounts.salutations import salutation
from activity.services import activity_log
from mailings.links import LINK_MARKER
from mailings.models import Mailing, OutgoingMail
from mailings.notification_kinds import is_notification_kind
from mailings.placeholders import render, render_for_outbox, single_line, with_link_placeholder
from mailings.sending import mail_bodies_purge, mail_send, mailing_pump, mailings_sweep
from mailings.templates import RenderedMail, edited_texts, render_mail

__all__ = [
    "Address",
    "MailRecipient",
    "MailingStateError",
    "mail_bodies_purge",
    "mail_send",
    "mailing_create",
    "mailing_discard",
    "mailing_pump",
    "mailing_release",
    "mailing_retry_failed",
    "mailings_sweep",
    "queue_mail",
    "register_meeting_guard",
    "send_to_people",
    "suppressed",
]

logger = logging.getLogger(__name__)


class MailingStateError(Exception):
    """The mailing is not in a state that allows this (sent twice, discarded after sending...)."""


def _require(actor, perm: str, mailing: Mailing, message: str) -> None:
    """The rule of mailings.permissions for this change, checked on the locked row: nobody but the
    Chair's office (PermissionDenied), and only in the right state (MailingStateError)."""
    if actor is not None and actor.has_perm(perm, mailing):
        return
    if actor is None or not actor.has_perm("mailings.send_mailing", mailing):
        raise PermissionDenied
    raise MailingStateError(message)


# The guard on a meeting's mail: roundtables registers roundtables.editions.ensure_open here (this app sits
# below roundtables, so it cannot import it). A closed meeting gets no new mailing and no new sending: a
# mailing held in its outbox is not released, failed mails are not retried; mail already queued before the
# closing still goes out (the person pressed "Send" while the meeting was open, and a mailing stopped
# halfway would leave some recipients told and others not). Discarding an outbox mailing sends nothing and
# stays allowed, so a closed meeting's outbox can be emptied. During a correction the Chair's office is
# let through, as for any other write.
_meeting_guards: list[Callable] = []


def register_meeting_guard(guard: Callable) -> None:
    """`guard(meeting, actor)` raises when the meeting's data may not be written (a ValidationError)."""
    if guard not in _meeting_guards:
        _meeting_guards.append(guard)


def _guard_meeting(meeting, actor) -> None:
    if meeting is not None:
        for guard in _meeting_guards:
            guard(meeting, actor)


# Why mail is not being queued right now (loading the demo), or None: see suppressed().
_suppressed: ContextVar[str | None] = ContextVar("mailings_suppressed", default=None)


@contextlib.contextmanager
def suppressed(reason: str) -> Iterator[None]:
    """Inside this block queue_mail() writes and sends nothing: for data loaded on behalf of
    nobody (the demo, loaded again at every start), whose services would otherwise notify
    people of changes that no one made. A context variable, so other threads keep sending."""
    token = _suppressed.set(reason)
    try:
        yield
    finally:
        _suppressed.reset(token)


def queue_mail(
    *,
    to: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    reply_to: str = "",
    link_kind: str = "",
    link_object_id: int | None = None,
    notification_kind: str = "",
) -> OutgoingMail | None:
    """Write the mail as a row and send it once the surrounding transaction commits.

    `notification_kind` names a non-essential notification (mailings.notification_kinds): the mail gets
    its List-Unsubscribe headers and link when sent. Leave it blank for essential mail.

    A mail with a secret link (a password reset, an invitation) is rendered with
    mailings.links.LINK_MARKER where the link goes, and names the link's provider and object:
    the link is created when the mail is sent, so no outbox row, admin page or backup holds it.
    Returns None, writing nothing, inside suppressed()."""
    from mailings.tasks import send_mail_task

    _check_kind(notification_kind)
    reason = _suppressed.get()
    if reason is not None:
        logger.debug("Mail to %s not queued (%s): %s", to, reason, subject)
        return None
    if link_kind:
        if LINK_MARKER not in body_text:
            raise ValueError("A mail with a personal link must show LINK_MARKER where the link goes.")
        body_text = with_link_placeholder(body_text, marker=LINK_MARKER)
        body_html = with_link_placeholder(body_html, marker=LINK_MARKER) if body_html else ""
    elif LINK_MARKER in body_text or LINK_MARKER in body_html:
        raise ValueError("LINK_MARKER in a mail without link_kind: the recipient would get no link.")
    mail = OutgoingMail.objects.create(
        to=single_line(to),
        subject=single_line(subject)[:300],
        body_text=body_text,
        body_html=body_html,
        reply_to=single_line(reply_to),
        link_kind=link_kind,
        link_object_id=link_object_id,
        notification_kind=notification_kind,
        state=OutgoingMail.State.QUEUED,
    )
    transaction.on_commit(lambda: send_mail_task.delay(mail.pk))
    return mail


def _check_kind(notification_kind: str) -> None:
    if notification_kind and not is_notification_kind(notification_kind):
        raise ValueError(f"Unknown kind of notification: {notification_kind!r}.")


@dataclass(frozen=True)
class Address:
    """A recipient who may have no account (an invitation): an address and the mail's language."""

    email: str
    preferred_language: str

    @classmethod
    def of(cls, email: str) -> "Address":
        """The address in its account's language if it has one, else in the language of the person writing."""
        account = User.objects.filter(email__iexact=email).only("preferred_language").first()
        return cls(email, account.preferred_language if account else translation.get_language())


def send_to_people(
    key: str,
    people: Iterable,
    *,
    context: dict | Callable[[object], dict] | None = None,
    link_kind: str = "",
    link_object_id: int | None = None,
    notification_kind: str = "",
) -> int:
    """Render the registered mail `key` (mailings.templates) for each person, in their preferred
    language, and queue it; returns how many were queued. Who the people are is the caller's
    business (a person without an address is skipped).

    `context` is a dict, or a function of the person that returns one: it is called in the
    person's language, for values worded in it. The templates also get `person` and, for an
    account, `salutation` ("Dear Ms Adeyemi," in their language, accounts.salutations).
    The mail's edited texts (mailings.texts) are read once for all the people."""
    count = 0
    texts = None
    for person in people:
        if not person.email:
            continue
        if texts is None:
            texts = edited_texts(key)
        with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
            values = {"person": person}
            if not isinstance(person, Address):
                values["salutation"] = salutation(person)
            values.update(context(person) if callable(context) else context or {})
            mail = render_mail(key, values, texts=texts)
        queue_mail(
            to=person.email,
            subject=mail.subject,
            body_text=mail.body,
            link_kind=link_kind,
            link_object_id=link_object_id,
            notification_kind=notification_kind,
        )
        count += 1
    return count


@dataclass(frozen=True)
class MailRecipient:
    """One recipient of a mailing, with the placeholder values already in their language."""

    email: str
    name: str
    language: str = "en"
    values: dict[str, str] = field(default_factory=dict)
    link_kind: str = ""
    link_object_id: int | None = None
    description: str = ""  # shown in the outbox beside the name (a delegation)
    # A mail written for this recipient alone (a digest of what changed in their sessions), stored as it
    # is instead of the mailing's templates; None for the mailing's text with the recipient's values.
    written: RenderedMail | None = None

    @classmethod
    def in_their_language(
        cls, person, *, values: Callable[[], dict[str, str]], description: str = "", **link
    ) -> "MailRecipient":
        """The person as a mailing's recipient: `values` is called in their preferred language, and
        the {salutation} placeholder is theirs, as in send_to_people()."""
        language = person.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            worded = {"salutation": salutation(person, language), **values()}
        return cls(
            email=person.email,
            name=person.display_name,
            language=language,
            values=worded,
            description=description,
            **link,
        )


@transaction.atomic
def mailing_create(
    *,
    title: str,
    subjects: dict[str, str],
    bodies: dict[str, str],
    recipients: Iterable[MailRecipient],
    created_by,
    meeting=None,
    release: bool = False,
    notification_kind: str = "",
) -> tuple[Mailing, list[OutgoingMail]]:
    """Write a mailing and one row per recipient, rendered in the recipient's language.

    `notification_kind` marks every mail of the mailing as that non-essential notification (see queue_mail).

    The rows wait in the outbox until mailing_release(); with release=True (a reminder whose
    schedule a person already approved) they are queued at once. Returns the mailing and its rows,
    in the order of `recipients`."""
    _check_kind(notification_kind)
    _guard_meeting(meeting, created_by)
    mailing = Mailing(title=single_line(title)[:300], created_by=created_by, meeting=meeting)
    for language, subject in subjects.items():
        setattr(mailing, f"subject_template_{language}", subject)
    for language, body in bodies.items():
        setattr(mailing, f"body_template_{language}", body)
    mailing.save()
    rows = []
    for recipient in recipients:
        with translation.override(recipient.language):
            # modeltranslation reads the active language, falling back to English.
            subject_template, body_template = mailing.subject_template, mailing.body_template
        values = {"name": recipient.name, **recipient.values}
        if recipient.written is not None:
            # Stored half-rendered like the others: its literal braces doubled, for finalize() at sending.
            subject = recipient.written.subject
            body = with_link_placeholder(recipient.written.body, marker=LINK_MARKER)
        else:
            subject, body = render(subject_template, values), render_for_outbox(body_template, values)
        rows.append(
            OutgoingMail(
                mailing=mailing,
                to=single_line(recipient.email),
                to_name=single_line(recipient.name)[:300],
                to_description=single_line(recipient.description)[:300],
                language=recipient.language,
                subject=single_line(subject)[:300],
                body_text=body,
                link_kind=recipient.link_kind,
                link_object_id=recipient.link_object_id,
                notification_kind=notification_kind,
                state=OutgoingMail.State.HELD,
            )
        )
    rows = OutgoingMail.objects.bulk_create(rows, batch_size=500)
    activity_log(
        actor=created_by,
        action="mailings.mailing.created",
        obj=mailing,
        meeting=meeting,
        data={"recipients": len(rows)},
    )
    if release:
        _release(mailing, actor=None)
    return mailing, rows


def _release(mailing: Mailing, *, actor) -> int:
    from mailings.tasks import send_mailing_task

    count = mailing.mails.filter(state=OutgoingMail.State.HELD).update(state=OutgoingMail.State.QUEUED)
    mailing.state = Mailing.State.SENDING
    mailing.released_by = actor if actor is not None and actor.is_authenticated else None
    mailing.released_at = timezone.now()
    mailing.save(update_fields=["state", "released_by", "released_at"])
    activity_log(
        actor=actor, action="mailings.mailing.released", obj=mailing, meeting=mailing.meeting, data={"mails": count}
    )
    transaction.on_commit(lambda: send_mailing_task.delay(mailing.pk))
    return count


@transaction.atomic
def mailing_release(*, mailing: Mailing, actor) -> Mailing:
    """Send a mailing that waits in the outbox. Pressing "Send" twice sends it once."""
    locked = Mailing.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=mailing.pk)
    _require(actor, "mailings.release_mailing", locked, "This mailing has already been sent or discarded.")
    _guard_meeting(locked.meeting, actor)
    _release(locked, actor=actor)
    return locked


@transaction.atomic
def mailing_discard(*, mailing: Mailing, actor) -> Mailing:
    """Throw away a mailing that waits in the outbox; nothing is sent."""
    locked = Mailing.objects.select_for_update().get(pk=mailing.pk)
    _require(actor, "mailings.discard_mailing", locked, "Only a mailing still in the outbox can be discarded.")
    count = locked.mails.filter(state=OutgoingMail.State.HELD).update(
        state=OutgoingMail.State.CANCELLED, last_error="Discarded from the outbox."
    )
    locked.state = Mailing.State.DISCARDED
    locked.finished_at = timezone.now()
    locked.save(update_fields=["state", "finished_at"])
    activity_log(
        actor=actor, action="mailings.mailing.discarded", obj=locked, meeting=locked.meeting, data={"mails": count}
    )
    return locked


@transaction.atomic
def mailing_retry_failed(*, mailing: Mailing, actor) -> int:
    """Queue the failed mails of a mailing again (after the address or the server was fixed)."""
    from mailings.tasks import send_mailing_task

    locked = Mailing.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=mailing.pk)
    _require(
        actor, "mailings.retry_mailing", locked, "Only a mailing that has been sent can have its failed mails retried."
    )
    _guard_meeting(locked.meeting, actor)
    # A mail whose text was already removed (mail_bodies_purge) cannot be sent again.
    count = locked.mails.filter(state=OutgoingMail.State.FAILED, body_purged_at__isnull=True).update(
        state=OutgoingMail.State.QUEUED, attempts=0, retry_at=None, smtp_code=None, last_error=""
    )
    if count:
        Mailing.objects.filter(pk=locked.pk).update(
            state=Mailing.State.SENDING, finished_at=None, last_progress_at=None
        )
        activity_log(
            actor=actor, action="mailings.mailing.retried", obj=locked, meeting=locked.meeting, data={"mails": count}
        )
        transaction.on_commit(lambda: send_mailing_task.delay(locked.pk))
    return count
