"""What every Chair's office page of a survey shares: loading the survey, the tabs' context."""

from functools import wraps

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from surveys import services
from surveys.models import Survey


def survey_view(view=None, *, perms: tuple[str, ...] = ("surveys.manage_survey",)):
    """Load the survey (404 for anyone who lacks one of `perms` on it) and read times in the
    meeting's zone. Use bare (@survey_view) or with more rules (@survey_view(perms=(...)))."""
    if view is None:
        return lambda view: survey_view(view, perms=perms)

    @wraps(view)
    def wrapper(request, pk: int, *args, **kwargs):
        survey = get_object_or_404(Survey.objects.select_related("meeting"), pk=pk)
        if not request.user.has_perms(perms, survey):
            raise Http404
        with timezone.override(survey.meeting.time_zone):
            return view(request, survey, *args, **kwargs)

    return wrapper


def survey_context(survey: Survey, tab: str, **extra) -> dict:
    return {
        "survey": survey,
        "meeting": survey.meeting,
        "tab": tab,
        "locked": services.survey_is_locked(survey),
        **extra,
    }
