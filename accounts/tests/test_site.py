from django.contrib.sites.models import Site
from django.core.management import call_command

from accounts.sites import site_sync


def test_site_is_named_after_the_portal_and_site_url(db, settings):
    settings.SITE_URL = "https://portal.gfmd.example.net"
    site_sync()
    site = Site.objects.get_current()
    assert (site.pk, site.name, site.domain) == (settings.SITE_ID, "GFMD Meeting Portal", "portal.gfmd.example.net")


def test_site_keeps_its_name_after_a_flush(transactional_db, settings):
    # django.contrib.sites writes "example.com" again after a flush; accounts names it once more.
    settings.SITE_URL = "http://localhost:8123"
    call_command("flush", interactive=False, verbosity=0)
    site = Site.objects.get(pk=settings.SITE_ID)
    assert (site.name, site.domain) == ("GFMD Meeting Portal", "localhost:8123")
