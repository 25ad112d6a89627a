"""Every write to papers goes through these functions (one per workflow transition)."""

from papers.services.deadlines import deadline_clear, deadline_reminders_send, deadline_set
from papers.services.files import translation_upload, version_upload
from papers.services.rules import check_now, check_who
from papers.services.translations import paper_translation_save
from papers.services.workflow import (
    comment_add,
    paper_accept,
    paper_create,
    paper_publish,
    paper_reject,
    paper_request_revision,
    paper_start_review,
    paper_submit,
    paper_unpublish,
    paper_update,
    paper_withdraw,
)

__all__ = [
    "check_now",
    "check_who",
    "comment_add",
    "deadline_clear",
    "deadline_reminders_send",
    "deadline_set",
    "paper_accept",
    "paper_create",
    "paper_publish",
    "paper_reject",
    "paper_request_revision",
    "paper_start_review",
    "paper_submit",
    "paper_translation_save",
    "paper_unpublish",
    "paper_update",
    "paper_withdraw",
    "translation_upload",
    "version_upload",
]
