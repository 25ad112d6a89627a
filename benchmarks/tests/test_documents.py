"""The plain functions the benchmark times, and the command that runs them in a process of its own."""

import json

import pytest
from django.core.management import call_command

from benchmarks.documents import ensure_published_outcomes, time_badges, time_proceedings
from delegations.tests.factories import RegistrationFactory
from reports.tests.pdf import page_texts
from roundtables.tests.factories import RoundtableFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_time_badges_and_proceedings(meeting, tmp_path):
    for _ in range(9):
        RegistrationFactory(meeting=meeting, status="approved")
    roundtable = RoundtableFactory(meeting=meeting)
    SessionFactory.create_batch(3, roundtable=roundtable)
    assert ensure_published_outcomes(meeting) == 3
    assert ensure_published_outcomes(meeting) == 0  # sessions that have one keep it

    badges = time_badges(meeting.pk, path=str(tmp_path / "badges.pdf"))
    proceedings = time_proceedings(meeting.pk)
    assert (badges.kind, badges.pages) == ("badges", 2)
    assert badges.bytes == (tmp_path / "badges.pdf").stat().st_size
    assert len(page_texts((tmp_path / "badges.pdf").read_bytes())) == 2
    # cover, contents, theme, the roundtable with its first outcome, two more outcomes
    assert (proceedings.kind, proceedings.pages) == ("proceedings", 6)
    assert badges.seconds > 0 and badges.peak_rss_mb > 0


def test_render_report_command_prints_its_timing(meeting, capsys):
    RegistrationFactory(meeting=meeting, status="approved")
    call_command("render_report", "badges", "--meeting", str(meeting.pk), "--json")
    timing = json.loads(capsys.readouterr().out)
    assert (timing["kind"], timing["pages"]) == ("badges", 1)
