"""Every write of the surveys app (a package: building, invitations and reminders, responses, links)."""

from surveys.services.building import (
    question_delete,
    question_move,
    question_save,
    section_delete,
    section_save,
    survey_create,
    survey_is_locked,
    survey_update,
)
from surveys.services.invitations import (
    SurveyError,
    pending_recipients,
    reminder_cancel,
    reminder_create,
    reminder_schedule,
    reminders_send_due,
    survey_invite,
)
from surveys.services.links import invitation_link_create, invitation_link_mint, token_hash
from surveys.services.responses import (
    ResponseAlreadySubmitted,
    ResponseIncomplete,
    response_save,
    response_submit,
)

__all__ = [
    "ResponseAlreadySubmitted",
    "ResponseIncomplete",
    "SurveyError",
    "invitation_link_create",
    "invitation_link_mint",
    "pending_recipients",
    "question_delete",
    "question_move",
    "question_save",
    "reminder_cancel",
    "reminder_create",
    "reminder_schedule",
    "reminders_send_due",
    "response_save",
    "response_submit",
    "section_delete",
    "section_save",
    "survey_create",
    "survey_invite",
    "survey_is_locked",
    "survey_update",
    "token_hash",
]
