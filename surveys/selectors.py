"""What the survey pages (and the reports engineer's PDF) read, with flat query counts."""

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Window
from django.db.models.functions import Coalesce, RowNumber
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from delegations.models import Delegation, MeetingMembership
from gfmd import languages
from gfmd.translation_gaps import GapList
from surveys import answers as answer_rules
from surveys.models import (
    Answer,
    Invitation,
    InvitationLink,
    Option,
    Question,
    Reminder,
    Response,
    Section,
    Survey,
    SurveyMail,
)
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
    """A survey's invitations in the list's order (their counts and groups: `with_mail_counts`, for the
    page shown)."""
    invitations = survey.invitations.select_related("delegation", "person").order_by(
        "delegation__name", "person__last_name", "person__first_name", "pk"
    )
    if answered == "yes":
        return invitations.filter(submitted_at__isnull=False)
    if answered == "no":
        return invitations.filter(submitted_at__isnull=True)
    return invitations


def with_mail_counts(survey: Survey, invitations) -> list[Invitation]:
    """The invitations of a page with mail_count (invitations sent), reminder_count and their delegation's
    groups in the survey's meeting, in two queries for these rows only: annotating the whole list made
    the database count every mail of every invitation before sorting (181 ms a page for 24,000
    invitations, `make bench` at 10x)."""
    invitations = list(invitations)
    counts = {
        row["invitation_id"]: row
        for row in SurveyMail.objects.filter(invitation__in=[invitation.pk for invitation in invitations])
        .order_by()
        .values("invitation_id")
        .annotate(mails=Count("pk", filter=Q(reminder__isnull=True)), reminders=Count("reminder", distinct=True))
    }
    groups = {
        delegation_id: (steering_group, friends)
        for delegation_id, steering_group, friends in MeetingMembership.objects.filter(
            meeting=survey.meeting_id,
            delegation__in={invitation.delegation_id for invitation in invitations if invitation.delegation_id},
        ).values_list("delegation_id", "steering_group", "friends_of_the_forum")
    }
    for invitation in invitations:
        row = counts.get(invitation.pk, {})
        invitation.mail_count, invitation.reminder_count = row.get("mails", 0), row.get("reminders", 0)
        invitation.in_steering_group, invitation.in_friends_of_the_forum = groups.get(
            invitation.delegation_id, (False, False)
        )
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
    # The first TEXTS_SHOWN free-text answers (all of them for the PDF report); `answered` counts all.
    texts: list[TextAnswer] = field(default_factory=list)

    @property
    def more_texts(self) -> int:
        return self.answered - len(self.texts) if self.is_text else 0

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
    # The first RESPONDENTS_SHOWN who answered, by name (all of them for the PDF report).
    respondents: list[str]
    questions: list[QuestionResult]
    submitted: int

    @property
    def more_respondents(self) -> int:
        return self.overall.responded - len(self.respondents)


# What the results page shows of the lists that grow with the answers; the rest is in the exports.
RESPONDENTS_SHOWN = 200
TEXTS_SHOWN = 50
ANSWERED = Q(submitted_at__isnull=False)


def _grouped_rates(invitations: QuerySet[Invitation], field_name: str, labels: dict[str, str]) -> list[Rate]:
    """Invited and responded per value of a delegation's field, counted by the database."""
    rows = (
        invitations.values(field_name)
        .annotate(invited=Count("pk"), responded=Count("pk", filter=ANSWERED))
        .order_by(field_name)
    )
    rates = [
        Rate(str(labels.get(row[field_name], row[field_name]) or _("Not given")), row["invited"], row["responded"])
        for row in rows
    ]
    order = [str(label) for label in labels.values()]
    position = {label: index for index, label in enumerate(order)}
    return sorted(rates, key=lambda rate: (position.get(rate.label, len(order)), rate.label))


def _rates(survey: Survey) -> tuple[Rate, list[Rate], list[Rate], list[Rate]]:
    """Response rates overall and by group (membership in the survey's meeting: a delegation's groups
    change from year to year), by region and by kind: three aggregate queries, whatever the size."""
    invitations = survey.invitations.all()
    member = MeetingMembership.objects.filter(meeting=survey.meeting_id, delegation=OuterRef("delegation_id"))
    totals = invitations.annotate(
        steering=Exists(member.filter(steering_group=True)), friends=Exists(member.filter(friends_of_the_forum=True))
    ).aggregate(
        invited=Count("pk"),
        responded=Count("pk", filter=ANSWERED),
        steering_invited=Count("pk", filter=Q(steering=True)),
        steering_responded=Count("pk", filter=Q(steering=True) & ANSWERED),
        friends_invited=Count("pk", filter=Q(friends=True)),
        friends_responded=Count("pk", filter=Q(friends=True) & ANSWERED),
    )
    overall = Rate(_("All invited"), totals["invited"], totals["responded"])
    by_group = [
        Rate(_("Steering Group"), totals["steering_invited"], totals["steering_responded"]),
        Rate(_("Friends of the Forum"), totals["friends_invited"], totals["friends_responded"]),
    ]
    by_region = _grouped_rates(invitations, "delegation__region", dict(Delegation.Region.choices))
    by_kind = _grouped_rates(invitations, "delegation__kind", dict(Delegation.Kind.choices))
    return overall, by_group, by_region, by_kind


def _respondents(survey: Survey) -> QuerySet[Invitation]:
    return (
        survey.invitations.filter(ANSWERED)
        .select_related("person", "delegation")
        .order_by(Coalesce("person__last_name", "delegation__name"), "person__first_name", "pk")
    )


def respondent_names(survey: Survey, *, limit: int | None = None) -> list[str]:
    """Who answered, by name (a person's, or their delegation's), in that order."""
    answered = _respondents(survey)
    if limit is not None:
        answered = answered[:limit]
    return [invitation.recipient_name for invitation in answered]


def iter_respondent_names(survey: Survey) -> Iterator[str]:
    """Every respondent's name, read in chunks (the exports)."""
    for invitation in _respondents(survey).iterator(chunk_size=1000):
        yield invitation.recipient_name


def submitted_responses(survey: Survey) -> list[Response]:
    """Submitted responses with their answers (and, unless anonymous, their invitation)."""
    responses = survey.responses.filter(state=Response.State.SUBMITTED).prefetch_related(
        Prefetch("answers", queryset=Answer.objects.order_by("question_id"))
    )
    if not survey.anonymous:
        responses = responses.select_related("invitation__delegation", "invitation__person")
    return list(responses.order_by("pk"))


def _submitted_answers(survey: Survey) -> QuerySet[Answer]:
    return Answer.objects.filter(response__survey=survey, response__state=Response.State.SUBMITTED)


def _text_answers(survey: Survey, *, limit: int | None) -> dict[int, list[TextAnswer]]:
    """The free-text answers per question, the first `limit` of each (a window over the question),
    in one query. Anonymous: in the order of the text, so that nothing follows the order people answered
    in; otherwise by respondent."""
    answers = _submitted_answers(survey).filter(question__kind__in=Question.TEXT_KINDS)
    if survey.anonymous:
        order = [F("value").asc(), F("pk").asc()]
    else:
        answers = answers.select_related("response__invitation__person", "response__invitation__delegation")
        respondent = Coalesce("response__invitation__person__last_name", "response__invitation__delegation__name")
        order = [respondent.asc(), F("value").asc(), F("pk").asc()]
    if limit is not None:
        answers = answers.annotate(place=Window(RowNumber(), partition_by=[F("question_id")], order_by=order)).filter(
            place__lte=limit
        )
    texts: dict[int, list[TextAnswer]] = defaultdict(list)
    for answer in answers.order_by("question_id", *order):
        respondent_name_ = "" if survey.anonymous else respondent_name(answer.response)
        texts[answer.question_id].append(TextAnswer(str(answer.value), respondent_name_))
    return texts


def survey_results(survey: Survey, *, complete: bool = False) -> SurveyResults:
    """The results of a survey: response rates overall, by group (Steering Group, Friends of the
    Forum), by region and by kind of delegation; per question the counts, the mean of a scale, and
    the free-text answers. In an anonymous survey no answer carries its respondent's name.

    Everything is counted by the database (rates, answers per question, the tally of each value), so
    the page costs the same queries and the same memory at any number of answers; the lists that grow
    with them (respondents, free texts) hold their first RESPONDENTS_SHOWN / TEXTS_SHOWN, unless
    `complete` (the PDF report, produced in the worker, lists everything).

    This is the selector the PDF results report reads (reports app)."""
    overall, by_group, by_region, by_kind = _rates(survey)
    respondents = respondent_names(survey, limit=None if complete else RESPONDENTS_SHOWN)

    answers = _submitted_answers(survey)
    answered = dict(answers.values("question_id").annotate(n=Count("pk")).values_list("question_id", "n"))
    # Each distinct stored value once, with how many gave it: a multiple choice's lists are few
    # (combinations of its options), whatever the number of answers.
    tallies: dict[int, list[tuple[object, int]]] = defaultdict(list)
    for row in (
        answers.exclude(question__kind__in=Question.TEXT_KINDS)
        .values("question_id", "value")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        tallies[row["question_id"]].append((row["value"], row["n"]))
    texts = _text_answers(survey, limit=None if complete else TEXTS_SHOWN)

    results = []
    for section in survey_sections(survey):
        for question in section.questions.all():
            result = _question_result(question, section, answered.get(question.pk, 0), tallies[question.pk])
            result.texts = texts.get(question.pk, [])
            results.append(result)
    return SurveyResults(
        survey=survey,
        overall=overall,
        by_group=by_group,
        by_region=by_region,
        by_kind=by_kind,
        respondents=respondents,
        questions=results,
        submitted=survey.responses.filter(state=Response.State.SUBMITTED).count(),
    )


def respondent_name(response: Response) -> str:
    if response.invitation_id is None:
        return ""
    return response.invitation.recipient_name


def _question_result(question, section, answered: int, tally: list[tuple[object, int]]) -> QuestionResult:
    """A question's counts from the database's tally of its stored values (see answers.py)."""
    result = QuestionResult(question=question, section=section, answered=answered)
    total = answered or 1
    counts: Counter = Counter()
    for value, n in tally:
        counts.update({item: n for item in (value if isinstance(value, list) else [value])})
    if question.kind in Question.CHOICE_KINDS:
        result.counts = [
            OptionCount(option.label, counts[option.pk], round(100 * counts[option.pk] / total))
            for option in question.options.all()
        ]
    elif question.kind == Question.Kind.YES_NO:
        yes = sum(n for value, n in tally if value)
        result.counts = [
            OptionCount(_("Yes"), yes, round(100 * yes / total)),
            OptionCount(_("No"), answered - yes, round(100 * (answered - yes) / total)),
        ]
    elif question.kind == Question.Kind.SCALE:
        result.counts = [OptionCount(str(n), counts[n], round(100 * counts[n] / total)) for n in Question.SCALE_VALUES]
        given = sum(counts[n] for n in Question.SCALE_VALUES)
        result.mean = round(sum(n * counts[n] for n in Question.SCALE_VALUES) / given, 1) if given else None
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


def reader_language_warnings(survey: Survey, readers: dict[str, int]) -> list[str]:
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


def translation_gaps(meeting) -> list[GapList]:
    """The meeting's surveys with their sections, questions and options, for the completeness page (the
    row shape: gfmd.translation_gaps). An option is translated on its question's page."""

    def question_url(question: Question) -> str:
        return reverse("surveys:question_edit", kwargs={"pk": question.section.survey_id, "question_pk": question.pk})

    order = ("survey__opens_at", "survey__pk")
    return [
        GapList(
            key="surveys-surveys",
            label=_("Surveys"),
            items=meeting.surveys.order_by("opens_at", "pk"),
            fields={"title": _("Title"), "introduction": _("Introduction")},
            name=str,
            url=lambda survey: reverse("surveys:edit", kwargs={"pk": survey.pk}),
        ),
        GapList(
            key="surveys-sections",
            label=_("Survey sections"),
            items=Section.objects.filter(survey__meeting=meeting)
            .select_related("survey")
            .order_by(*order, "order", "pk"),
            fields={"title": _("Title"), "description": _("Description")},
            name=lambda section: f"{section.survey.title} · {section.title}",
            url=lambda section: reverse(
                "surveys:section_edit", kwargs={"pk": section.survey_id, "section_pk": section.pk}
            ),
        ),
        GapList(
            key="surveys-questions",
            label=_("Survey questions"),
            items=Question.objects.filter(section__survey__meeting=meeting)
            .select_related("section__survey")
            .order_by(*(f"section__{name}" for name in order), "section__order", "order", "pk"),
            fields={"text": _("Question"), "help_text": _("Help text")},
            name=lambda question: f"{question.section.survey.title} · {question.text}",
            url=question_url,
        ),
        GapList(
            key="surveys-options",
            label=_("Answer options"),
            items=Option.objects.filter(question__section__survey__meeting=meeting)
            .select_related("question__section__survey")
            .order_by(
                *(f"question__section__{name}" for name in order),
                "question__section__order",
                "question__order",
                "order",
                "pk",
            ),
            fields={"label": _("Label")},
            name=lambda option: f"{option.question.text} · {option.label}",
            url=lambda option: question_url(option.question),
        ),
    ]
