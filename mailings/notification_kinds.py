"""The non-essential mails a person may turn off, and the one-click unsubscribe that goes with them.

A notification that is not essential (a digest of programme changes, of papers published) names its kind
on its outbox row (OutgoingMail.notification_kind); mail without a kind (account, registration decisions,
invitations, paper workflow, outcome sign-off, survey invitations) is essential and cannot be turned off.

The registry lives here, below every app that sends mail, so any of them can register a kind. The person's
choice and the unsubscribe page belong to the notifications app, which sits above: it registers the provider
that writes a mail's unsubscribe link (`register_unsubscribe_provider`), called when the mail is sent, so the
link is never stored in the outbox."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class NotificationKind:
    key: str
    label: str | Promise
    description: str | Promise


@dataclass(frozen=True)
class Unsubscribe:
    """A mail's unsubscribe link, and the sentence that offers it at the foot of the mail (in its language)."""

    url: str
    footer: str


_kinds: dict[str, NotificationKind] = {}
_providers: list[Callable[..., Unsubscribe | None]] = []


def register_notification_kind(key: str, *, label: str | Promise, description: str | Promise) -> NotificationKind:
    kind = NotificationKind(key=key, label=label, description=description)
    _kinds[key] = kind
    return kind


def notification_kinds() -> list[NotificationKind]:
    return list(_kinds.values())


def is_notification_kind(key: str) -> bool:
    return key in _kinds


def register_unsubscribe_provider(provider: Callable[..., Unsubscribe | None]) -> None:
    """`provider(kind=..., email=..., language=...)` returns the mail's Unsubscribe, or None (no account)."""
    if provider not in _providers:
        _providers.append(provider)


def unsubscribe_for(*, kind: str, email: str, language: str) -> Unsubscribe | None:
    for provider in _providers:
        found = provider(kind=kind, email=email, language=language)
        if found is not None:
            return found
    return None
