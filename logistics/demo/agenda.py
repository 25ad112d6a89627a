"""agenda: demo."""


def load_agenda_demo() -> None:
    return None
