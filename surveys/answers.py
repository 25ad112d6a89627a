"""What an answer is worth: stored values, conditions between questions, display text.

Stored values (Answer.value): single choice -> option id; multiple choice -> list of option ids;
scale -> 1..5; yes/no -> true/false; short and long text -> the text. A question with a condition
is shown only when the earlier question is shown and its answer matches show_if_value (an option
id, "yes"/"no", or "1".."5"); answers to questions that end up hidden are not kept on submission.
"""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from surveys.models import Question

Kind = Question.Kind


def matches(kind: str, value, expected: str) -> bool:
    if value is None:
        return False
    if kind == Kind.MULTIPLE:
        return expected in {str(item) for item in value}
    if kind == Kind.YES_NO:
        return ("yes" if value else "no") == expected
    return str(value) == expected


def visible_questions(questions: Iterable[Question], values: dict[int, object]) -> set[int]:
    """Ids of the questions shown, given the answers so far (questions in survey order)."""
    kinds = {}
    shown: set[int] = set()
    for question in questions:
        kinds[question.pk] = question.kind
        source = question.show_if_question_id
        if source is None or (source in shown and matches(kinds[source], values.get(source), question.show_if_value)):
            shown.add(question.pk)
    return shown


def is_empty(value) -> bool:
    return value is None or value == "" or value == []


def condition_choices(question: Question) -> list[tuple[str, str]]:
    """The values a later question can depend on, as (stored value, label)."""
    if question.kind in Question.CHOICE_KINDS:
        return [(str(option.pk), option.label) for option in question.options.all()]
    if question.kind == Kind.YES_NO:
        return [("yes", _("Yes")), ("no", _("No"))]
    if question.kind == Kind.SCALE:
        return [(str(n), str(n)) for n in Question.SCALE_VALUES]
    return []


def display(question: Question, value, options: dict[int, str]) -> str:
    """The answer as a person reads it (results, exports)."""
    if is_empty(value):
        return ""
    if question.kind == Kind.SINGLE:
        return options.get(value, "")
    if question.kind == Kind.MULTIPLE:
        return "; ".join(options[item] for item in value if item in options)
    if question.kind == Kind.YES_NO:
        return _("Yes") if value else _("No")
    return str(value)
