from celery import shared_task

from notifications.services import comment_digests_send, papers_digests_send


@shared_task(name="gfmd.notifications.send_papers_digests")
def send_papers_digests_task() -> int:
    """Daily (beat): each person's digest of the papers published for their sessions, at most one a day."""
    return papers_digests_send()


@shared_task(name="gfmd.notifications.send_comment_digests")
def send_comment_digests_task() -> int:
    """Daily (beat): each team member's digest of the comments on their papers, at most one a day."""
    return comment_digests_send()
