import pytest

from notifications.tests.helpers import world


@pytest.fixture
def w(db, settings):
    settings.SITE_URL = "https://portal.example.org"
    return world()
