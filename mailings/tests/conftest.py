import pytest

from mailings.tests.smtp import SmtpServer


@pytest.fixture
def smtp(settings):
    """A real SMTP server on 127.0.0.1; the portal's mailer points at it for the test."""
    with SmtpServer() as server:
        settings.MAILERS = server.mailers_setting
        yield server
