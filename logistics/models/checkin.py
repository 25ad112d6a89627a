"""checkin: tables."""

__all__: list[str] = []
