"""side_events: tables."""

__all__: list[str] = []
