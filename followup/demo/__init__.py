"""The followup app's part of the demo (portal.demo runs it after the archive's outcomes and the 2010
registrations): the themes; the recommendations of Athens 2009 and Mexico 2010; 2010's sessions 3.1 and
3.3 building on Athens'; Ghana's and Mexico's follow-up reports; the Platform for Partnerships' practices.
Each part keeps its own module; safe to run again."""

from followup.demo.practices import load_practices_demo
from followup.demo.recommendations import load_recommendations_demo
from followup.demo.reports import load_reports_demo
from followup.demo.tracker import load_tracker_demo
from followup.themes import ensure_themes


def load_followup_demo() -> None:
    ensure_themes()  # a flushed test database has lost what migration 0002 added
    load_recommendations_demo()
    load_tracker_demo()  # the links need Athens' recommendations
    load_reports_demo()
    load_practices_demo()  # submitted by the registrations' demo accounts
