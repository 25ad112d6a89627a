"""attendance: what it registers in the lower apps."""


def connect() -> None:
    return None
