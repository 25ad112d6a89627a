from celery import shared_task

from roundtables.models import ProgrammeRelease
from roundtables.programme.pages import warm_release


@shared_task(name="gfmd.roundtables.warm_programme_pages")
def warm_programme_pages_task(release_id: int) -> int:
    """After a version is published: render its public pages in every language into the cache."""
    release = ProgrammeRelease.objects.select_related("meeting").filter(pk=release_id).first()
    return warm_release(release) if release is not None else 0
