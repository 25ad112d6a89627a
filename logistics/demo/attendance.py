"""attendance: demo."""


def load_attendance_demo() -> None:
    return None
