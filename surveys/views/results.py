"""The results page and the CSV and XLSX exports (the PDF report is the reports app's)."""

from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from gfmd import charts
from surveys import exports, selectors
from surveys.models import Survey
from surveys.views.common import survey_context, survey_view

# The results are read by those who may both manage the survey and read its results.
RESULTS = ("surveys.manage_survey", "surveys.view_results")


@survey_view(perms=RESULTS)
def results(request, survey: Survey):
    data = selectors.survey_results(survey)
    charted = [
        (
            result,
            charts.bar_chart(
                result.counts,
                title=result.question.text,
                chart_id=f"chart-{result.question.pk}",
                css_class="survey-chart",
            )
            if result.counts
            else None,
        )
        for result in data.questions
    ]
    rate_groups = [
        (_("By group"), data.by_group),
        (_("By region"), data.by_region),
        (_("By kind of delegation"), data.by_kind),
    ]
    return render(
        request,
        "surveys/results.html",
        survey_context(survey, "results", results=data, charted=charted, rate_groups=rate_groups),
    )


def _filename(survey: Survey, extension: str) -> str:
    return f"survey-{survey.pk}-{slugify(survey.title_en or survey.title)[:50]}.{extension}"


@survey_view(perms=RESULTS)
def export_csv(request, survey: Survey):
    # Written as the responses are read (gfmd.streaming), with a byte-order mark for Excel.
    return exports.results_csv_response(survey, filename=_filename(survey, "csv"))


@survey_view(perms=RESULTS)
def export_xlsx(request, survey: Survey):
    return exports.results_xlsx_response(survey, filename=_filename(survey, "xlsx"))
