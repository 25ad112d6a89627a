"""travel: demo."""


def load_travel_demo() -> None:
    return None
