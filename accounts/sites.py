"""The site that allauth's mails name ("Hello from ...", the domain under the signature): the
portal's name and SITE_URL's host, never Django's "example.com"."""

from urllib.parse import urlsplit

from django.conf import settings

PORTAL_NAME = "GFMD Meeting Portal"


def site_domain() -> str:
    return urlsplit(settings.SITE_URL).netloc or "localhost"


def site_sync(*, site_model=None, using: str = "default") -> None:
    """Name the current site after the portal and SITE_URL (idempotent). `site_model` is the
    historical model when a migration calls it."""
    if site_model is None:
        from django.contrib.sites.models import Site as site_model
    site_model.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": site_domain()[:100], "name": PORTAL_NAME}
    )
    # SiteManager is used in migrations too; its cache would keep the old name in this process.
    site_model.objects.clear_cache()
