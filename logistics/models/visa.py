"""visa: tables."""

__all__: list[str] = []
