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
    """The themes migration 0002 adds, again: a transactional test before this one flushed them."""
    from importlib import import_module

    from django.apps import apps

    import_module("followup.migrations.0002_themes").add_themes(apps, None)
