"""agenda: tables."""

__all__: list[str] = []
