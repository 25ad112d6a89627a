"""agenda: the 2010 demo. The agendas are read from the registrations and side events; Mexico's delegate
takes a place at the accepted side event, so their agenda shows one beside their sessions. Safe to run
again."""

from accounts.models import User
from logistics.models import SideEvent, SideEventRegistration
from mailings.services import suppressed


def load_agenda_demo() -> None:
    person = User.objects.filter(email="delegate.mx@example.org").first()
    event = SideEvent.objects.accepted().filter(meeting__number=4, registration_capacity__isnull=False).first()
    if person is None or event is None:
        return
    if SideEventRegistration.objects.filter(side_event=event, person=person).exists():
        return
    from logistics.services.side_events import side_event_register

    with suppressed("demo"):
        side_event_register(side_event=event, actor=person)
