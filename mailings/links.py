"""Personal links, created when a mail is sent and never stored in the outbox.

An app whose mails carry a secret link (a survey, a password reset, an e-mail confirmation, a
delegation's invitation) registers a provider in its AppConfig.ready():
`register_link_provider("surveys.invitation", mint)`. `mint(object_id)` runs inside the
transaction that marks the mail "sending"; it stores what it needs (a hash, if anything) and
returns the absolute URL, or None when the mail is no longer needed (the survey was answered
meanwhile, the address was confirmed, the invitation was withdrawn).

A notification that carries such a link is rendered with LINK_MARKER where the link goes and
queued with `queue_mail(..., link_kind=..., link_object_id=...)`: the outbox row then holds only
the kind and the id, neither of which opens anything.

A mailing sends its mails in batches; a provider may also register `mint_many(object_ids)`, which
returns the URLs (or None) of a whole batch in the same order, one per mail even when two mails name
the same object, in a few queries (a survey's invitation mailing to
thousands spent a third of its time minting links one query at a time). Without it, `mint` is called
for each."""

from collections.abc import Callable

LinkProvider = Callable[[int | None], str | None]
BatchLinkProvider = Callable[[list[int]], list[str | None]]

# Stands for the link while a notification's template is rendered; queue_mail() turns it into
# the "{link}" placeholder. Plain ASCII without characters that templates or HTML would escape.
LINK_MARKER = "GFMD-PERSONAL-LINK-7d2e41"

_providers: dict[str, LinkProvider] = {}
_batch_providers: dict[str, BatchLinkProvider] = {}


class UnknownLinkKind(LookupError):
    pass


def register_link_provider(kind: str, mint: LinkProvider, *, mint_many: BatchLinkProvider | None = None) -> None:
    _providers[kind] = mint
    if mint_many is not None:
        _batch_providers[kind] = mint_many


def mint_personal_link(kind: str, object_id: int | None) -> str | None:
    try:
        mint = _providers[kind]
    except KeyError:
        raise UnknownLinkKind(kind) from None
    return mint(object_id)


def mint_personal_links(kind: str, object_ids: list[int | None]) -> list[str | None]:
    """The links of several mails of one kind, in their order: a URL each, or None when no longer needed."""
    if kind not in _providers:
        raise UnknownLinkKind(kind)
    many = _batch_providers.get(kind)
    if many is not None and None not in object_ids:
        return many(list(object_ids))
    return [_providers[kind](object_id) for object_id in object_ids]
