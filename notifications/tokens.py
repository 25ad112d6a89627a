"""The one-click unsubscribe token: signed, naming the person and the kind, no database row.

Anyone holding the mail may turn that one kind off for that one person (which is what the link is for);
nobody can make a token for another person or another kind without the secret key."""

from django.core import signing

SALT = "notifications.unsubscribe"


def unsubscribe_token(person_id: int, kind: str) -> str:
    # URL-safe base64 and ":" only: the token goes into a path and a mail header.
    return signing.dumps({"p": person_id, "k": kind}, salt=SALT)


def unsubscribe_read(token: str) -> tuple[int, str] | None:
    """(person id, kind), or None for a token that was not signed by this portal."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("p"), int) or not isinstance(data.get("k"), str):
        return None
    return data["p"], data["k"]
