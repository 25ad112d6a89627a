"""The practices' fixtures (part "practices"), loaded by the test modules' `pytest_plugins`: an eligible
submitter, a Chair's office member, and files stored in a temporary folder."""

import pytest

from accounts.tests.factories import ChairOfficeFactory
from followup.tests.factories_practices import participant
from roundtables.tests.factories import MeetingFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test stores its files in its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def submitter(db):
    """Registered (pending) with a civil-society organisation: may submit practices."""
    return participant()


@pytest.fixture
def reviewer(db):
    """The Chair's office of the current meeting."""
    MeetingFactory(is_current=True)
    return ChairOfficeFactory()


@pytest.fixture
def themes(transactional_db):
    """The Forum's themes, again: a transactional test before this one flushed what migration 0002 added."""
    from followup.themes import ensure_themes

    ensure_themes()
