"""attendance: tables."""

__all__: list[str] = []
