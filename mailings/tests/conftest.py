import pytest

from mailings.tests.smtp import SmtpServer


@pytest.fixture
def smtp(settings):
    """A real SMTP server on 127.0.0.1; the portal's mailer points at it for the test."""
    with SmtpServer() as server:
        settings.MAILERS = server.mailers_setting
        yield server


@pytest.fixture(autouse=True)
def _an_open_meeting_for_the_chair_office(request):
    """This app's pages are the Chair's office's across meetings (accounts.permissions.is_chair_office):
    support, or the staff of an open meeting. The tests' default Chair's office member
    (ChairOfficeFactory) is staff of every meeting of the test: here there is always one, not current."""
    if request.node.get_closest_marker("django_db") is None and not {"db", "transactional_db"} & set(
        request.fixturenames
    ):
        return
    request.getfixturevalue("transactional_db" if "transactional_db" in request.fixturenames else "db")
    from roundtables.tests.factories import MeetingFactory

    MeetingFactory(is_current=False, title_en="A meeting in preparation")
