"""The 2010 demo's side events and agenda: one accepted into a free slot, one proposed, a delegate with a
place; loading again adds nothing and sends no mail."""

from logistics.demo.agenda import load_agenda_demo
from logistics.demo.side_events import load_side_events_demo
from logistics.models import SideEvent, SideEventRegistration
from mailings.models import OutgoingMail


def test_the_demo_has_side_events_and_loads_twice(demo):
    mails = OutgoingMail.objects.count()
    load_side_events_demo()
    load_agenda_demo()
    events = SideEvent.objects.filter(meeting__number=4).order_by("starts_at")
    assert [(e.status, e.room.name if e.room else "") for e in events] == [("accepted", "Room B"), ("proposed", "")]
    assert SideEventRegistration.objects.filter(person__email="delegate.mx@example.org").count() == 1
    assert OutgoingMail.objects.count() == mails
