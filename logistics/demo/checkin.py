"""checkin: demo."""


def load_checkin_demo() -> None:
    return None
