"""funding: demo."""


def load_funding_demo() -> None:
    return None
