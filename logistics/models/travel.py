"""travel: tables."""

__all__: list[str] = []
