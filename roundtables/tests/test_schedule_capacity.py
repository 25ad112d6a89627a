import pytest
from django.urls import reverse

from roundtables.tests.factories import RoomFactory


@pytest.mark.django_db
def test_schedule_column_heads_say_seat_or_seats_by_capacity(chair_client, meeting, session_3_1):
    RoomFactory(meeting=meeting, name="Room A", capacity=1)
    RoomFactory(meeting=meeting, name="Room B", capacity=40)
    page = chair_client.get(reverse("roundtables:schedule")).content.decode()
    assert '<span class="schedule-capacity">1 seat</span>' in page
    assert '<span class="schedule-capacity">40 seats</span>' in page
