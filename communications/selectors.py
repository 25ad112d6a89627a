"""Read-only queries of the composer's pages; each list is one query (plus the pager's count)."""

from django.db.models import Q, QuerySet

from communications.models import Audience, ComposedMailing
from communications.permissions import focal_point_delegation_ids


def composed_for(user, meeting) -> QuerySet:
    """The meeting's composed mailings the person may see: all of them for its Chair's office, their own
    delegation's for a focal point."""
    mailings = ComposedMailing.objects.filter(meeting=meeting).select_related(
        "created_by", "session", "delegation", "mailing"
    )
    if not user.has_perm("communications.write_to_any_audience", meeting):
        mailings = mailings.filter(
            audience=Audience.DELEGATION, delegation_id__in=focal_point_delegation_ids(user, meeting)
        )
    return mailings.order_by("-created_at", "-pk")


def search_people(people: QuerySet, search: str) -> QuerySet:
    """The audience narrowed to those whose name or address holds every word of `search`."""
    for word in search.split()[:4]:
        people = people.filter(Q(email__icontains=word) | Q(first_name__icontains=word) | Q(last_name__icontains=word))
    return people
