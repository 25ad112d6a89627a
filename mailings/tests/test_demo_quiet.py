import pytest
from django.contrib.sites.models import Site
from django.core.management import call_command

from mailings.models import Mailing, OutgoingMail


@pytest.mark.django_db
def test_loading_the_demo_twice_sends_nothing(settings, tmp_path, django_capture_on_commit_callbacks):
    folder = tmp_path / "mail"
    settings.MAILERS = {
        "default": {"BACKEND": "mailings.backends.ReadableFileBackend", "OPTIONS": {"file_path": str(folder)}}
    }
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_demo", quiet_accounts=True)
    assert (OutgoingMail.objects.count(), Mailing.objects.count(), sorted(folder.glob("*"))) == (0, 0, [])


@pytest.mark.django_db
def test_loading_the_demo_names_the_site(settings):
    settings.SITE_URL = "http://localhost:8000"
    Site.objects.filter(pk=settings.SITE_ID).update(domain="example.com", name="example.com")
    call_command("load_demo", quiet_accounts=True)
    site = Site.objects.get_current()
    assert (site.name, site.domain) == ("GFMD Meeting Portal", "localhost:8000")
