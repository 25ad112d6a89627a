from django.core.mail.backends.base import BaseEmailBackend


class FailingBackend(BaseEmailBackend):
    """A mail backend whose server is down, for tests of failure handling."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP server unreachable")
