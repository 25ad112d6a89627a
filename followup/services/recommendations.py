"""Every write to a recommendation: marking it in an outcome, publishing it with the outcome, its
status history and the sessions that build on it."""

from django.utils import timezone

from followup.models import Recommendation


def recommendations_publish(*, outcome, actor) -> int:
    """The outcome was published (outcomes.hooks): its recommendations are published with it, in the
    same transaction. Returns how many went public for the first time."""
    return Recommendation.objects.filter(outcome=outcome, published_at__isnull=True).update(published_at=timezone.now())
