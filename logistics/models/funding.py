"""funding: tables."""

__all__: list[str] = []
