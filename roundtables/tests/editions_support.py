"""What every app's test_editions.py shares: two meetings (Mexico 2010, current, and Switzerland 2011 in
preparation) and a query counter for a page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from roundtables.models import Meeting
from roundtables.tests.factories import MeetingFactory


def two_meetings() -> tuple[Meeting, Meeting]:
    mexico = MeetingFactory(number=4, title_en="Mexico 2010", is_current=True, status=Meeting.Status.OPEN)
    switzerland = MeetingFactory(
        number=5, title_en="Switzerland 2011", city="Geneva", time_zone="Europe/Zurich", status=Meeting.Status.PLANNING
    )
    return mexico, switzerland


def count_queries(client, url: str) -> int:
    """The queries one GET of `url` costs (it must answer 200)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(queries)
