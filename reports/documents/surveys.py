"""A survey's results: who was invited and who answered (overall, by group, region and kind of
delegation), then each question with its chart (SVG drawn on the server by the surveys app) and
counts, or its written answers. Reads surveys.selectors.survey_results, as the results page does."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gfmd.charts import print_bar_chart
from reports.documents.common import (
    chair_reads,
    clean_id,
    clean_language,
    pdf_filename,
    render_document,
)
from reports.registry import Choice, Offer, Part, Renderer, ReportError, register
from surveys.models import Survey
from surveys.selectors import survey_results


def clean_params(raw: dict) -> dict:
    survey_id = clean_id(raw, "survey")
    if not Survey.objects.filter(pk=survey_id).exists():
        raise ValidationError(gettext("This survey does not exist."))
    return {"survey": survey_id, "language": clean_language(raw)}


def _survey(params: dict) -> Survey | None:
    return Survey.objects.select_related("meeting").filter(pk=params.get("survey")).first()


def can_access(user, params) -> bool:
    survey = _survey(params)
    return survey is not None and user.has_perm("surveys.view_results", survey)


def results_context(survey: Survey) -> dict:
    results = survey_results(survey, complete=True)  # the document lists every respondent and answer
    sections = []
    for result in results.questions:
        if not sections or sections[-1]["section"].pk != result.section.pk:
            sections.append({"section": result.section, "questions": []})
        chart = (
            print_bar_chart(result.counts, title=result.question.text) if result.counts and result.answered else None
        )
        sections[-1]["questions"].append({"result": result, "chart": chart})
    return {
        "meeting": survey.meeting,
        "survey": survey,
        "results": results,
        "sections": sections,
        "rate_groups": [
            (_("By group"), results.by_group),
            (_("By region"), results.by_region),
            (_("By kind of delegation"), results.by_kind),
        ],
    }


def build(params: dict):
    survey = _survey(params)
    if survey is None:
        raise ReportError(gettext("The survey of this document no longer exists."))
    yield Part(render_document("reports/survey_results.html", results_context(survey)))


def title(params: dict) -> str:
    survey = _survey(params)
    return (
        gettext("Results of the survey “%(title)s”") % {"title": survey.title} if survey else gettext("Survey results")
    )


def filename(params: dict) -> str:
    survey = _survey(params)
    return pdf_filename(
        survey.meeting.number if survey else "", "survey", params["survey"], "results", params["language"]
    )


def unavailable(params: dict) -> str | None:
    if params.get("survey"):
        return None if _survey(params) else gettext("The survey of this document no longer exists.")
    # An offer before a survey is chosen.
    if not Survey.objects.filter(meeting_id=params.get("meeting")).exists():
        return gettext("No survey of this meeting has been created yet.")
    return None


def offers(meeting, user) -> list[Offer]:
    if not chair_reads(user, meeting):
        return []
    options = [(survey.pk, survey.title) for survey in meeting.surveys.order_by("-opens_at", "-pk")]
    return [
        Offer(
            kind="survey_results",
            label=_("Results of a survey"),
            description=_("Response rates, a chart for every question with choices, and the written answers."),
            # The meeting is there for the offer's check; the request keeps only the survey.
            params={"meeting": meeting.pk},
            choice=Choice(name="survey", label=_("Survey"), options=options),
            restricted=True,
        )
    ]


register(
    Renderer(
        kind="survey_results",
        label=_("Results of a survey"),
        description=_("A survey's response rates and answers, with charts."),
        can_access=can_access,
        build=build,
        filename=filename,
        clean_params=clean_params,
        title=title,
        offers=offers,
        unavailable=unavailable,
        order=50,
    )
)
