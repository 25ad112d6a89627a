"""The attendance list (PDF, logistics' check-in) and the proceedings' attendance annex."""

import io

import pytest
from django.utils import translation

from accounts.tests.factories import UserFactory
from logistics.services.checkin import checkin_scan
from logistics.tests.factories_checkin import make_door, token
from reports.documents.common import render_document
from reports.documents.outcomes import proceedings_context
from reports.registry import get_renderer
from reports.rendering import render_parts
from reports.tests.factories import publish_outcome
from reports.tests.pdf import full_text
from roundtables.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


def _pdf(kind: str, meeting) -> str:
    renderer = get_renderer(kind)
    params = renderer.clean_params({"meeting": meeting.pk, "language": "en"})
    target = io.BytesIO()
    with translation.override("en"):
        render_parts(renderer.build(params), target, part_count=renderer.part_count(params))
    return full_text(target.getvalue())


def test_the_attendance_pdf_lists_who_came_by_day_for_the_chair_office_only():
    door = make_door()
    renderer = get_renderer("attendance")
    params = renderer.clean_params({"meeting": door.meeting.pk, "language": "en"})
    assert renderer.unavailable(params)  # nobody yet
    checkin_scan(meeting=door.meeting, actor=door.staff, value=token(door.sofia))
    checkin_scan(meeting=door.meeting, actor=door.staff, value=token(door.amadou))
    checkin_scan(meeting=door.meeting, actor=door.staff, value=token(door.withdrawn))  # refused
    assert renderer.unavailable(params) is None
    text = _pdf("attendance", door.meeting)
    assert "Attendance list" in text
    assert "Castillo" in text and "Diallo" in text and "Gone" not in text
    assert "2 people checked in" in text
    assert renderer.can_access(door.chair, params)
    assert not renderer.can_access(door.staff, params)  # check-in staff scan; they do not read lists
    assert not renderer.can_access(UserFactory(), params)


def test_the_proceedings_gain_an_attendance_annex_of_delegations_per_session():
    door = make_door()
    session = SessionFactory(roundtable__meeting=door.meeting, code="2.1", title_en="Labour mobility")
    publish_outcome(session)
    html = render_document("reports/proceedings.html", proceedings_context(door.meeting))
    assert 'id="annex-attendance"' not in html  # no session door scanned yet
    checkin_scan(meeting=door.meeting, actor=door.staff, value=token(door.sofia), session=session)
    checkin_scan(meeting=door.meeting, actor=door.staff, value=token(door.amadou), session=session)
    with translation.override("en"):
        html = render_document("reports/proceedings.html", proceedings_context(door.meeting))
    annex = html[html.index('id="annex-attendance"') :]
    assert 'href="#annex-attendance"' in html
    assert "Session 2.1: Labour mobility" in annex and "2 delegations present" in annex
    assert door.sofia.delegation.display_name in annex and door.amadou.delegation.name in annex
    text = _pdf("proceedings", door.meeting)
    assert "Attendance" in text and door.amadou.delegation.name in text
