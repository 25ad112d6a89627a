"""Personal links, created when a mail is sent and never stored in the outbox.

An app whose mails carry a secret link (surveys) registers a provider in its AppConfig.ready():
`register_link_provider("surveys.invitation", mint)`. `mint(object_id)` runs inside the
transaction that marks the mail "sending"; it stores what it needs (a hash) and returns the
absolute URL, or None when the mail is no longer needed (the survey was answered meanwhile)."""

from collections.abc import Callable

LinkProvider = Callable[[int], str | None]

_providers: dict[str, LinkProvider] = {}


class UnknownLinkKind(LookupError):
    pass


def register_link_provider(kind: str, mint: LinkProvider) -> None:
    _providers[kind] = mint


def mint_personal_link(kind: str, object_id: int) -> str | None:
    try:
        mint = _providers[kind]
    except KeyError:
        raise UnknownLinkKind(kind) from None
    return mint(object_id)
