from celery import shared_task

from delegations.services.notifications import decision_digests_send


@shared_task(name="gfmd.delegations.send_decision_digests")
def send_decision_digests_task() -> int:
    """Daily (CELERY_BEAT_SCHEDULE): each focal point or coordinator who chose the digest hears of new registrations."""
    return decision_digests_send()
