"""The follow-up services: each rule with the right person allowed, the wrong person or state refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from activity.models import ActivityLog
from followup.models import FollowUpReport, Recommendation, ReportAttachment, StatusChange
from followup.services.reports import followup_report_file, recommendation_status_set
from followup.tests.factories_reports import (
    athens,
    chair_staff_of,
    focal_point,
    mexico,
    recommendation_of,
)
from mailings.models import OutgoingMail
from papers.tests.files import HTML_AS_PDF, pdf_upload, upload
from roundtables.editions import MeetingClosed

Status = Recommendation.Status
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """The test's files in a folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def meetings():
    return athens(), mexico()


@pytest.fixture
def recommendation(meetings):
    return recommendation_of(meetings[0])


@pytest.fixture
def mexican(meetings):
    return focal_point("MX", meetings[1])


def file(recommendation, person, delegation, meeting, status=Status.IN_PROGRESS, **kwargs):
    return followup_report_file(
        recommendation=recommendation,
        delegation=delegation,
        meeting=meeting,
        status=status,
        text=kwargs.pop("text", "The Migration Profile is being updated."),
        language=kwargs.pop("language", "es"),
        actor=person,
        **kwargs,
    )


# -- Status set by the Chair's office ------------------------------------------------------------------


def test_chair_office_of_a_later_meeting_sets_any_status(meetings, recommendation):
    chair = chair_staff_of(meetings[1])
    recommendation_status_set(recommendation, Status.IMPLEMENTED, "Done everywhere.", meetings[1], chair)
    recommendation_status_set(recommendation, Status.TAKEN_UP, "Back: only two states.", meetings[1], chair)
    change = recommendation_status_set(recommendation, Status.SUPERSEDED, "By R2 of 2010.", meetings[1], chair)
    recommendation.refresh_from_db()
    assert recommendation.status == Status.SUPERSEDED
    assert recommendation.status_changed_at == change.changed_at
    assert list(recommendation.status_changes.values_list("status", flat=True)) == [
        Status.SUPERSEDED,
        Status.TAKEN_UP,
        Status.IMPLEMENTED,
    ]
    assert (change.meeting, change.changed_by, change.note, change.report) == (
        meetings[1],
        chair,
        "By R2 of 2010.",
        None,
    )
    assert ActivityLog.objects.filter(action="followup.recommendation.status_changed").count() == 3


def test_chair_office_of_the_recommendations_own_meeting_sets_status(meetings, recommendation):
    chair = chair_staff_of(meetings[0])
    recommendation_status_set(recommendation, Status.TAKEN_UP, "", meetings[0], chair)
    assert StatusChange.objects.get().meeting == meetings[0]


def test_chair_office_of_another_meeting_is_refused(meetings, recommendation):
    chair_of_athens = chair_staff_of(meetings[0])
    with pytest.raises(PermissionDenied):
        recommendation_status_set(recommendation, Status.TAKEN_UP, "", meetings[1], chair_of_athens)
    assert not StatusChange.objects.exists()


def test_focal_point_cannot_set_a_status(meetings, recommendation, mexican):
    with pytest.raises(PermissionDenied):
        recommendation_status_set(recommendation, Status.IMPLEMENTED, "", meetings[1], mexican[0])


def test_an_earlier_meeting_cannot_follow_up_a_later_recommendation(meetings):
    later = recommendation_of(meetings[1], "1.1")
    chair = chair_staff_of(meetings[0])
    with pytest.raises(ValidationError) as error:
        recommendation_status_set(later, Status.TAKEN_UP, "", meetings[0], chair)
    assert error.value.messages == [
        "Athens 2009 comes before this recommendation: it can be followed up only in a later meeting."
    ]


def test_status_of_an_unpublished_recommendation_is_refused(meetings):
    draft = recommendation_of(meetings[0], published=False)
    chair = chair_staff_of(meetings[1])
    with pytest.raises(ValidationError) as error:
        recommendation_status_set(draft, Status.TAKEN_UP, "", meetings[1], chair)
    assert error.value.messages == [
        "This recommendation is not published: it cannot be followed up until its outcome is published."
    ]
    assert not StatusChange.objects.exists()


def test_status_in_a_closed_meeting_is_refused(meetings, recommendation):
    chair = chair_staff_of(meetings[1])
    meetings[1].closed_at = timezone.now()
    meetings[1].save()
    with pytest.raises(MeetingClosed):
        recommendation_status_set(recommendation, Status.TAKEN_UP, "", meetings[1], chair)
    assert not StatusChange.objects.exists()


def test_same_status_without_a_note_is_refused(meetings, recommendation):
    chair = chair_staff_of(meetings[1])
    with pytest.raises(ValidationError) as error:
        recommendation_status_set(recommendation, Status.PROPOSED, "", meetings[1], chair)
    assert error.value.message_dict == {
        "status": ["The recommendation is already “Proposed”: choose another status, or write a note."]
    }


# -- Reports by focal points ----------------------------------------------------------------------------


def test_focal_point_files_a_report_that_moves_the_status_forward(meetings, recommendation, mexican, media_root):
    person, delegation = mexican
    chair = chair_staff_of(meetings[1])
    report = file(recommendation, person, delegation, meetings[1], files=[pdf_upload("perfil.pdf")])
    recommendation.refresh_from_db()
    assert (report.delegation, report.meeting, report.status, report.language, report.submitted_by) == (
        delegation,
        meetings[1],
        Status.IN_PROGRESS,
        "es",
        person,
    )
    assert recommendation.status == Status.IN_PROGRESS
    change = StatusChange.objects.get()
    assert (change.status, change.report, change.changed_by, change.meeting) == (
        Status.IN_PROGRESS,
        report,
        person,
        meetings[1],
    )
    attachment = ReportAttachment.objects.get()
    assert (attachment.original_name, attachment.file_format, attachment.report) == ("perfil.pdf", "pdf", report)
    assert attachment.file.name.startswith("followup/") and attachment.file.name.endswith(".pdf")
    mail = OutgoingMail.objects.get()
    assert mail.to == chair.email
    assert f"on {recommendation.identifier}" in mail.subject
    assert ActivityLog.objects.filter(action="followup.report.filed").count() == 1


def test_focal_point_of_another_delegation_is_refused(meetings, recommendation, mexican):
    """Ghana's focal point cannot file for Mexico."""
    ghanaian, _ghana = focal_point("GH", meetings[1])
    with pytest.raises(PermissionDenied):
        file(recommendation, ghanaian, mexican[1], meetings[1])
    assert not FollowUpReport.objects.exists()


def test_focal_point_of_an_earlier_meeting_is_refused(meetings, recommendation):
    person, delegation = focal_point("MX", meetings[0])
    with pytest.raises(PermissionDenied):
        file(recommendation, person, delegation, meetings[1])


def test_report_on_an_unpublished_recommendation_is_refused(meetings, mexican):
    draft = recommendation_of(meetings[0], published=False)
    with pytest.raises(ValidationError) as error:
        file(draft, *mexican, meetings[1])
    assert "not published" in error.value.messages[0]
    assert not FollowUpReport.objects.exists()


def test_report_in_a_closed_meeting_is_refused(meetings, recommendation, mexican):
    meetings[1].closed_at = timezone.now()
    meetings[1].save()
    with pytest.raises(MeetingClosed):
        file(recommendation, *mexican, meetings[1])
    assert not FollowUpReport.objects.exists()


@pytest.mark.parametrize(
    ("status", "reported", "expected"),
    [
        (Status.PROPOSED, Status.TAKEN_UP, Status.TAKEN_UP),
        (Status.TAKEN_UP, Status.IMPLEMENTED, Status.IMPLEMENTED),
        (Status.IN_PROGRESS, Status.TAKEN_UP, Status.IN_PROGRESS),  # never backward
        (Status.IMPLEMENTED, Status.IN_PROGRESS, Status.IMPLEMENTED),
        (Status.IN_PROGRESS, Status.IN_PROGRESS, Status.IN_PROGRESS),
        (Status.SUPERSEDED, Status.IMPLEMENTED, Status.SUPERSEDED),  # never out of superseded
    ],
)
def test_reports_only_move_the_status_forward(meetings, mexican, status, reported, expected):
    recommendation = recommendation_of(meetings[0], status=status)
    file(recommendation, *mexican, meetings[1], status=reported)
    recommendation.refresh_from_db()
    assert recommendation.status == expected
    assert StatusChange.objects.count() == (0 if expected == status else 1)


def test_a_delegation_cannot_report_proposed_or_superseded(meetings, recommendation, mexican):
    for status in (Status.PROPOSED, Status.SUPERSEDED):
        with pytest.raises(ValidationError) as error:
            file(recommendation, *mexican, meetings[1], status=status)
        assert list(error.value.message_dict) == ["status"]


def test_empty_text_and_unknown_language_are_refused(meetings, recommendation, mexican):
    with pytest.raises(ValidationError) as error:
        file(recommendation, *mexican, meetings[1], text=" \x00 ", language="de")
    assert error.value.message_dict == {
        "text": ["Write what your government has done."],
        "language": ["Choose one of the Forum's working languages."],
    }


def test_more_than_three_files_are_refused(meetings, recommendation, mexican, media_root):
    with pytest.raises(ValidationError) as error:
        file(recommendation, *mexican, meetings[1], files=[pdf_upload(f"{n}.pdf") for n in range(4)])
    assert error.value.message_dict == {"attachments": ["Attach at most 3 files."]}
    assert not FollowUpReport.objects.exists()


def test_a_fake_pdf_is_refused_and_nothing_is_stored(meetings, recommendation, mexican, media_root):
    with pytest.raises(ValidationError) as error:
        file(recommendation, *mexican, meetings[1], files=[pdf_upload("ok.pdf"), upload("evil.pdf", HTML_AS_PDF)])
    assert list(error.value.message_dict) == ["attachments"]
    assert not FollowUpReport.objects.exists()
    assert not ReportAttachment.objects.exists()
    assert not list(media_root.rglob("*.*")) if media_root.exists() else True
