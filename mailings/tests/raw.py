"""What a backup of the outbox would hold: every column of every row, read with plain SQL."""

from django.db import connection


def raw_outbox_values() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM mailings_outgoingmail")
        return [str(value) for row in cursor.fetchall() for value in row if value is not None]


def outbox_contains(text: str) -> bool:
    return any(text in value for value in raw_outbox_values())
