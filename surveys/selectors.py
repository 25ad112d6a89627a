"""What the survey pages (and the reports engineer's PDF) read, with flat query counts."""

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from delegations.models import Delegation, MeetingMembership
from gfmd import languages
from surveys import answers as answer_rules
from surveys.models import Answer, Invitation, InvitationLink, Option, Question, Reminder, Response, Section, Survey
from surveys.services.links import TOKEN_FORMAT, token_hash


def surveys_for_list(meeting) -> QuerySet[Survey]:
    """A meeting's surveys, the most recent first, with their counts."""
    return (
        Survey.objects.filter(meeting=meeting)
        .select_related("meeting")
        .annotate(
            invitation_count=Count("invitations", distinct=True),
            responded_count=Count("invitations", filter=Q(invitations__submitted_at__isnull=False), distinct=True),
            question_count=Count("sections__questions", distinct=True),
        )
        .order_by("-opens_at", "-pk")
    )


def survey_sections(survey: Survey) -> list[Section]:
    """Sections in order, each with its questions (and their options and conditions) prefetched."""
    questions = Question.objects.select_related("show_if_question").prefetch_related(
        Prefetch("options", queryset=Option.objects.order_by("order", "pk")),
        Prefetch("show_if_question__options", queryset=Option.objects.order_by("order", "pk")),
    )
    return list(
        survey.sections.order_by("order", "pk").prefetch_related(
            Prefetch("questions", queryset=questions.order_by("order", "pk"))
        )
    )


def questions_in_order(sections: list[Section]) -> list[Question]:
    return [question for section in sections for question in section.questions.all()]


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation a link opens, or None (the caller answers 404 whatever the reason)."""
    if not TOKEN_FORMAT.match(token or ""):
        return None
    link = (
        InvitationLink.objects.select_related(
            "invitation__survey__meeting", "invitation__delegation", "invitation__person"
        )
        .filter(token_hash=token_hash(token))
        .first()
    )
    return link.invitation if link else None


def draft_values(invitation: Invitation) -> dict[int, object]:
    response = Response.objects.filter(invitation=invitation).first()
    if response is None:
        return {}
    return dict(response.answers.values_list("question_id", "value"))


def invitations_for_list(survey: Survey, *, answered: str = "") -> QuerySet[Invitation]:
    memberships = MeetingMembership.objects.filter(delegation=OuterRef("delegation"), meeting=survey.meeting_id)
    invitations = (
        survey.invitations.select_related("delegation", "person")
        .annotate(
            mail_count=Count("mails", filter=Q(mails__reminder__isnull=True), distinct=True),
            reminder_count=Count("mails__reminder", distinct=True),
            # The delegation's groups in the survey's meeting.
            in_steering_group=Exists(memberships.filter(steering_group=True)),
            in_friends_of_the_forum=Exists(memberships.filter(friends_of_the_forum=True)),
        )
        .order_by("delegation__name", "person__last_name", "person__first_name", "pk")
    )
    if answered == "yes":
        return invitations.filter(submitted_at__isnull=False)
    if answered == "no":
        return invitations.filter(submitted_at__isnull=True)
    return invitations


def reminders_of(survey: Survey) -> QuerySet[Reminder]:
    return (
        survey.reminders.select_related("mailing", "created_by")
        .annotate(mail_count=Count("mails"))
        .order_by("-kind", "send_at", "-created_at")
    )


# Results ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    label: str
    invited: int
    responded: int

    @property
    def percent(self) -> int:
        return round(100 * self.responded / self.invited) if self.invited else 0

    @property
    def percent_text(self) -> str:
        """The rate as shown: "<1" rather than a discouraging 0 when someone did respond."""
        return "<1" if self.responded and not self.percent else str(self.percent)


@dataclass(frozen=True)
class OptionCount:
    label: str
    count: int
    percent: int


@dataclass(frozen=True)
class TextAnswer:
    text: str
    respondent: str  # empty in an anonymous survey


@dataclass
class QuestionResult:
    question: Question
    section: Section
    answered: int = 0
    counts: list[OptionCount] = field(default_factory=list)
    mean: float | None = None
    texts: list[TextAnswer] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.question.kind

    @property
    def is_text(self) -> bool:
        return self.question.kind in Question.TEXT_KINDS


@dataclass
class SurveyResults:
    """Everything the results page, the exports and the PDF report show about a survey."""

    survey: Survey
    overall: Rate
    by_group: list[Rate]
    by_region: list[Rate]
    by_kind: list[Rate]
    respondents: list[str]
    questions: list[QuestionResult]
    submitted: int


def _rates(invitations: list[Invitation], key, labels: dict[str, str]) -> list[Rate]:
    invited, responded = Counter(), Counter()
    for invitation in invitations:
        value = key(invitation)
        invited[value] += 1
        responded[value] += invitation.submitted_at is not None
    return [
        Rate(str(labels.get(value, value) or _("Not given")), invited[value], responded[value]) for value in invited
    ]


def _sorted_rates(rates: list[Rate], order: list[str]) -> list[Rate]:
    position = {label: index for index, label in enumerate(order)}
    return sorted(rates, key=lambda rate: (position.get(rate.label, len(order)), rate.label))


def submitted_responses(survey: Survey) -> list[Response]:
    """Submitted responses with their answers (and, unless anonymous, their invitation)."""
    responses = survey.responses.filter(state=Response.State.SUBMITTED).prefetch_related(
        Prefetch("answers", queryset=Answer.objects.order_by("question_id"))
    )
    if not survey.anonymous:
        responses = responses.select_related("invitation__delegation", "invitation__person")
    return list(responses.order_by("pk"))


def survey_results(survey: Survey) -> SurveyResults:
    """The results of a survey: response rates overall, by group (Steering Group, Friends of the
    Forum), by region and by kind of delegation; per question the counts, the mean of a scale, and
    the free-text answers. In an anonymous survey no answer carries its respondent's name.

    This is the selector the PDF results report reads (reports app)."""
    invitations = list(survey.invitations.select_related("delegation", "person").order_by("pk"))

    overall = Rate(_("All invited"), len(invitations), sum(i.submitted_at is not None for i in invitations))
    # Membership in the survey's meeting (one query): a delegation's groups change from year to year.
    memberships = list(
        MeetingMembership.objects.filter(meeting=survey.meeting_id).values_list(
            "delegation_id", "steering_group", "friends_of_the_forum"
        )
    )
    in_steering = {delegation_id for delegation_id, steering, _friends in memberships if steering}
    in_friends = {delegation_id for delegation_id, _steering, friends in memberships if friends}
    steering = [i for i in invitations if i.delegation_id in in_steering]
    friends = [i for i in invitations if i.delegation_id in in_friends]
    by_group = [
        Rate(_("Steering Group"), len(steering), sum(i.submitted_at is not None for i in steering)),
        Rate(_("Friends of the Forum"), len(friends), sum(i.submitted_at is not None for i in friends)),
    ]
    regions = dict(Delegation.Region.choices)
    by_region = _sorted_rates(
        _rates(invitations, lambda i: i.delegation.region if i.delegation else "", regions),
        [str(label) for label in regions.values()],
    )
    kinds = dict(Delegation.Kind.choices)
    by_kind = _sorted_rates(
        _rates(invitations, lambda i: i.delegation.kind if i.delegation else "", kinds),
        [str(label) for label in kinds.values()],
    )
    respondents = sorted(i.recipient_name for i in invitations if i.submitted_at is not None)

    sections = survey_sections(survey)
    responses = submitted_responses(survey)
    values_by_question: dict[int, list[tuple[Response, object]]] = defaultdict(list)
    for response in responses:
        for answer in response.answers.all():
            values_by_question[answer.question_id].append((response, answer.value))

    results = []
    for section in sections:
        for question in section.questions.all():
            results.append(_question_result(survey, section, question, values_by_question[question.pk]))
    return SurveyResults(
        survey=survey,
        overall=overall,
        by_group=by_group,
        by_region=by_region,
        by_kind=by_kind,
        respondents=respondents,
        questions=results,
        submitted=len(responses),
    )


def respondent_name(response: Response) -> str:
    if response.invitation_id is None:
        return ""
    return response.invitation.recipient_name


def _question_result(survey, section, question, given: list[tuple[Response, object]]) -> QuestionResult:
    result = QuestionResult(question=question, section=section, answered=len(given))
    values = [value for _response, value in given]
    total = len(values) or 1
    if question.kind in Question.CHOICE_KINDS:
        tally = Counter()
        for value in values:
            tally.update(value if isinstance(value, list) else [value])
        result.counts = [
            OptionCount(option.label, tally[option.pk], round(100 * tally[option.pk] / total))
            for option in question.options.all()
        ]
    elif question.kind == Question.Kind.YES_NO:
        yes = sum(1 for value in values if value)
        result.counts = [
            OptionCount(_("Yes"), yes, round(100 * yes / total)),
            OptionCount(_("No"), len(values) - yes, round(100 * (len(values) - yes) / total)),
        ]
    elif question.kind == Question.Kind.SCALE:
        tally = Counter(values)
        result.counts = [OptionCount(str(n), tally[n], round(100 * tally[n] / total)) for n in Question.SCALE_VALUES]
        result.mean = round(sum(values) / len(values), 1) if values else None
    else:
        texts = [TextAnswer(str(value), "" if survey.anonymous else respondent_name(r)) for r, value in given]
        # Anonymous: in the order of the text, so that nothing follows the order people answered in.
        result.texts = sorted(texts, key=lambda t: (t.respondent.casefold(), t.text.casefold()))
    return result


def answer_rows(survey: Survey) -> tuple[list[str], Iterator[list]]:
    """One row per submitted response for the exports: the header, and the rows as they are read
    (a few hundred responses at a time, each with its answers), so that an export of any size is
    written without holding it. An anonymous survey's rows carry no respondent and no time, and come
    in the order of their random shuffle key, which says nothing about who answered when."""
    sections = survey_sections(survey)
    questions = questions_in_order(sections)
    options = {option.pk: option.label for q in questions for option in q.options.all()}
    header = [] if survey.anonymous else [_("Respondent"), _("Delegation"), _("Submitted at")]
    header += [f"{index}. {question.text}" for index, question in enumerate(questions, start=1)]
    responses = survey.responses.filter(state=Response.State.SUBMITTED).prefetch_related(
        Prefetch("answers", queryset=Answer.objects.order_by("question_id"))
    )
    if survey.anonymous:
        responses = responses.order_by("shuffle", "pk")
    else:
        responses = responses.select_related("invitation__delegation", "invitation__person").order_by("pk")

    def rows() -> Iterator[list]:
        for response in responses.iterator(chunk_size=500):
            values = {answer.question_id: answer.value for answer in response.answers.all()}
            row = [
                values[q.pk]
                if q.kind == Question.Kind.SCALE and q.pk in values
                else answer_rules.display(q, values.get(q.pk), options)
                for q in questions
            ]
            if not survey.anonymous:
                invitation = response.invitation
                delegation = invitation.delegation.name if invitation and invitation.delegation_id else ""
                row = [respondent_name(response), delegation, response.submitted_at, *row]
            yield row

    return header, rows()


def survey_of_mailing(mailing) -> Survey | None:
    """The survey whose invitations or reminders a mailing carries, or None for any other mailing."""
    return Survey.objects.filter(invitations__mails__mail__mailing=mailing).first()


def _missing(field: str) -> Q:
    return Q(**{field: ""}) | Q(**{f"{field}__isnull": True})


def translation_gaps(survey: Survey, readers: dict[str, int]) -> list[str]:
    """One warning per language some recipients read and the survey is not fully written in:
    they will see English there (modeltranslation falls back to it). `readers` counts the
    recipients by preferred language; English readers are never warned."""
    read = [code for code in languages.TRANSLATED if readers.get(code)]
    if not read:
        return []
    # One query: a question counts once, whether its text or one of its options lacks the language
    # (an option row must exist: the outer join gives NULL labels to questions without options).
    counts = Question.objects.filter(section__survey=survey).aggregate(
        **{
            code: Count(
                "pk",
                distinct=True,
                filter=_missing(f"text_{code}")
                | Q(options__label_en__isnull=False) & _missing(f"options__label_{code}"),
            )
            for code in read
        }
    )
    warnings = []
    for code in read:
        language, questions = languages.NAMES[code], counts[code]
        title_missing = not getattr(survey, f"title_{code}")
        if not questions and not title_missing:
            continue
        who = ngettext(
            "%(count)s recipient reads %(language)s", "%(count)s recipients read %(language)s", readers[code]
        ) % {"count": readers[code], "language": language}
        if title_missing and questions:
            what = ngettext(
                "the title and %(count)s question have no %(language)s text",
                "the title and %(count)s questions have no %(language)s text",
                questions,
            )
        elif questions:
            what = ngettext(
                "%(count)s question has no %(language)s text",
                "%(count)s questions have no %(language)s text",
                questions,
            )
        else:
            what = _("the title has no %(language)s text")
        what = what % {"count": questions, "language": language}
        warnings.append(_("%(who)s: %(what)s; they will see English.") % {"who": who, "what": what})
    return warnings
