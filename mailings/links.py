"""Personal links, created when a mail is sent and never stored in the outbox.

An app whose mails carry a secret link (a survey, a password reset, an e-mail confirmation, a
delegation's invitation) registers a provider in its AppConfig.ready():
`register_link_provider("surveys.invitation", mint)`. `mint(object_id)` runs inside the
transaction that marks the mail "sending"; it stores what it needs (a hash, if anything) and
returns the absolute URL, or None when the mail is no longer needed (the survey was answered
meanwhile, the address was confirmed, the invitation was withdrawn).

A notification that carries such a link is rendered with LINK_MARKER where the link goes and
queued with `queue_mail(..., link_kind=..., link_object_id=...)`: the outbox row then holds only
the kind and the id, neither of which opens anything."""

from collections.abc import Callable

LinkProvider = Callable[[int | None], str | None]

# Stands for the link while a notification's template is rendered; queue_mail() turns it into
# the "{link}" placeholder. Plain ASCII without characters that templates or HTML would escape.
LINK_MARKER = "GFMD-PERSONAL-LINK-7d2e41"

_providers: dict[str, LinkProvider] = {}


class UnknownLinkKind(LookupError):
    pass


def register_link_provider(kind: str, mint: LinkProvider) -> None:
    _providers[kind] = mint


def mint_personal_link(kind: str, object_id: int | None) -> str | None:
    try:
        mint = _providers[kind]
    except KeyError:
        raise UnknownLinkKind(kind) from None
    return mint(object_id)
