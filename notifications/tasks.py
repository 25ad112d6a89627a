from celery import shared_task

from notifications.services import papers_digests_send


@shared_task(name="gfmd.notifications.send_papers_digests")
def send_papers_digests_task() -> int:
    """Daily (beat): each person's digest of the papers published for their sessions, at most one a day."""
    return papers_digests_send()
