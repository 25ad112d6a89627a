"""The demo's composed mailings: valid as written, loaded twice without change, no mail written."""

import pytest

from communications.demo import load_communications_demo
from communications.models import ComposedMailing
from communications.services import _draft_of, validate_draft
from mailings.models import OutgoingMail
from roundtables.models import Meeting


@pytest.mark.django_db(transaction=True)
def test_demo_mailings_are_valid_drafts_and_load_twice(demo):
    meeting = Meeting.objects.current()
    mails = OutgoingMail.objects.count()
    load_communications_demo(meeting)
    load_communications_demo(meeting)
    composed = list(ComposedMailing.objects.filter(meeting=meeting).order_by("title"))
    assert [c.title for c in composed] == [
        "Coordination meeting of the delegation",
        "Logistics note: shuttle buses to the venue",
    ]
    for mailing in composed:
        assert mailing.state == "draft"
        validate_draft(_draft_of(mailing), meeting=meeting, actor=mailing.created_by)
    assert composed[1].papers.exists()
    assert OutgoingMail.objects.count() == mails
