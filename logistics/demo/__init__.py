"""The logistics app's part of the demo (portal.demo runs it after the 2010 registrations): one module
per part, each safe to run again."""

from logistics.demo.agenda import load_agenda_demo
from logistics.demo.attendance import load_attendance_demo
from logistics.demo.checkin import load_checkin_demo
from logistics.demo.funding import load_funding_demo
from logistics.demo.side_events import load_side_events_demo
from logistics.demo.travel import load_travel_demo
from logistics.demo.visa import load_visa_demo


def load_logistics_demo() -> None:
    load_visa_demo()
    load_funding_demo()
    load_travel_demo()
    load_side_events_demo()
    load_agenda_demo()  # the agenda feeds name the side events
    load_checkin_demo()
    load_attendance_demo()
