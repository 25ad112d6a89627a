"""Forms of the Chair's office (survey, sections, questions, audience, message) and the
recipient's answer form. Bad input gets a clear message next to its field; what was typed stays."""

from surveys.forms.answer import AnswerForm
from surveys.forms.building import QuestionForm, SectionForm, SurveyForm
from surveys.forms.reaching import AudienceForm, MessageForm, ReminderScheduleForm

__all__ = [
    "AnswerForm",
    "AudienceForm",
    "MessageForm",
    "QuestionForm",
    "ReminderScheduleForm",
    "SectionForm",
    "SurveyForm",
]
