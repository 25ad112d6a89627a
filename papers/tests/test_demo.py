import pytest
from django.core.management import call_command

from papers.models import Paper


@pytest.mark.django_db
def test_load_demo_adds_papers_in_every_state_once():
    call_command("load_demo", quiet_accounts=True)
    call_command("load_demo", quiet_accounts=True)  # safe to run again
    assert sorted(Paper.objects.values_list("session__code", "kind", "state")) == [
        ("1.2", "background", "revision_requested"),
        ("2.1", "background", "published"),
        ("2.1", "case_study", "published"),
        ("2.2", "background", "accepted"),
        ("3.1", "background", "draft"),
        ("3.2", "background", "submitted"),
    ]
    published = Paper.objects.get(session__code="2.1", kind="background")
    assert (published.published_at.year, published.translations.get().language) == (2010, "es")
    assert not Paper.objects.filter(session__code="1.1").exists()  # left for the demo author to upload


@pytest.mark.django_db
def test_demo_paper_decisions_are_dated_before_the_meeting():
    import datetime as dt

    from activity.models import ActivityLog

    call_command("load_demo", quiet_accounts=True)
    dates = [e.created_at.date() for e in ActivityLog.objects.filter(action__startswith="papers.")]
    assert (min(dates) >= dt.date(2010, 9, 1), max(dates) < dt.date(2010, 11, 8)) == (True, True)
    paper_dates = Paper.objects.exclude(submitted_at=None).values_list("submitted_at", flat=True)
    assert {d.year for d in paper_dates} == {2010}
    first_dates = Paper.objects.exclude(first_submitted_at=None).values_list("first_submitted_at", flat=True)
    assert ({d.year for d in first_dates}, len(first_dates)) == ({2010}, len(paper_dates))
