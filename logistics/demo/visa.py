"""visa: demo."""


def load_visa_demo() -> None:
    return None
