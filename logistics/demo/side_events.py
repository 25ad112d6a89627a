"""side_events: demo."""


def load_side_events_demo() -> None:
    return None
