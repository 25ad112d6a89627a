"""The recommendations' pages (part "recommendations"): marking them in an outcome (add, edit,
remove; the list is a card of the outcome's workspace) and each one's stable public page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from followup.forms.recommendations import RecommendationForm
from followup.models import Recommendation
from followup.selectors.recommendations import (
    addressee_labels,
    parse_identifier,
    reading_text,
    recommendation_by_identifier,
)
from followup.services import recommendations as services
from gfmd import languages
from outcomes.models import Outcome
from roundtables.editions import may_write


def _outcome(request, outcome_pk: int) -> Outcome:
    """The outcome if the person may read its draft (its team, translators, the Chair's office), else 404."""
    outcome = get_object_or_404(
        Outcome.objects.select_related("session", "session__meeting", "session__roundtable"), pk=outcome_pk
    )
    if not request.user.has_perm("outcomes.view_draft", outcome):
        raise Http404
    return outcome


def _recommendation(outcome: Outcome, pk: int) -> Recommendation:
    recommendation = get_object_or_404(Recommendation.objects.prefetch_related("themes"), pk=pk, outcome=outcome)
    recommendation.outcome = outcome
    return recommendation


def _card_url(outcome: Outcome) -> str:
    return reverse("outcomes:workspace", kwargs={"session_pk": outcome.session_id}) + "#recommendations"


def _editable_languages(user, recommendation: Recommendation | None, outcome: Outcome) -> tuple[set[str], bool]:
    """The languages whose text the person may write now, and whether they choose addressees and themes."""
    if not may_write(outcome.session.meeting, user):
        return set(), False
    if recommendation is None:
        marks = user.has_perm("followup.add_recommendation", outcome)
        return (set(languages.CODES) if marks else set()), marks
    marks = user.has_perm("followup.change_recommendation", recommendation)
    editable = set(languages.CODES) if marks else set()
    if user.has_perm("followup.translate_recommendation", recommendation):
        editable |= services.translation_languages(user, recommendation)
    return editable, marks


def _form(request, outcome: Outcome, recommendation: Recommendation | None, editable: set[str], marks: bool):
    initial = {}
    if recommendation is not None:
        initial = {f"text_{code}": getattr(recommendation, f"text_{code}") or "" for code in languages.CODES}
        initial.update(addressees=recommendation.addressees, themes=list(recommendation.themes.all()))
    return RecommendationForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        original_language=outcome.original_language,
        editable=editable,
        marks=marks,
    )


def _render_form(request, outcome, recommendation, form, status: int = 200):
    return render(
        request,
        "followup/recommendations/form.html",
        {
            "outcome": outcome,
            "session": outcome.session,
            "meeting": outcome.session.meeting,
            "recommendation": recommendation,
            "form": form,
        },
        status=status,
    )


@login_required
def recommendation_list(request, outcome_pk: int):
    """The outcome's recommendations are listed on its workspace, beside the text."""
    return redirect(_card_url(_outcome(request, outcome_pk)))


@login_required
def recommendation_add(request, outcome_pk: int):
    outcome = _outcome(request, outcome_pk)
    if not request.user.has_perm("followup.mark_recommendations", outcome):
        raise PermissionDenied
    editable, marks = _editable_languages(request.user, None, outcome)
    if not marks:
        messages.error(request, _("The outcome is no longer being drafted: recommendations cannot be added."))
        return redirect(_card_url(outcome))
    form = _form(request, outcome, None, editable, marks)
    if request.method == "POST" and form.is_valid():
        try:
            recommendation = services.recommendation_add(
                outcome=outcome,
                actor=request.user,
                texts=form.texts(),
                addressees=form.cleaned_data["addressees"],
                themes=form.cleaned_data["themes"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Recommendation %(identifier)s saved.") % {"identifier": recommendation.identifier}
            )
            return redirect(_card_url(outcome))
    return _render_form(request, outcome, None, form, status=400 if form.errors else 200)


@login_required
def recommendation_edit(request, outcome_pk: int, pk: int):
    outcome = _outcome(request, outcome_pk)
    recommendation = _recommendation(outcome, pk)
    user = request.user
    if not (
        user.has_perm("followup.mark_recommendations", recommendation)
        or user.has_perm("followup.translate_recommendation", recommendation)
    ):
        raise PermissionDenied
    editable, marks = _editable_languages(user, recommendation, outcome)
    if not editable:
        messages.error(request, _("The outcome is no longer being drafted: this recommendation cannot be changed."))
        return redirect(_card_url(outcome))
    form = _form(request, outcome, recommendation, editable, marks)
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_update(
                recommendation=recommendation,
                actor=user,
                texts=form.texts(),
                addressees=form.cleaned_data["addressees"] if marks else None,
                themes=form.cleaned_data["themes"] if marks else None,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Recommendation %(identifier)s saved.") % {"identifier": recommendation.identifier}
            )
            return redirect(_card_url(outcome))
    return _render_form(request, outcome, recommendation, form, status=400 if form.errors else 200)


@login_required
def recommendation_remove(request, outcome_pk: int, pk: int):
    """A confirmation page; the POST removes (a recommendation never published, while drafting)."""
    outcome = _outcome(request, outcome_pk)
    recommendation = _recommendation(outcome, pk)
    if not request.user.has_perm("followup.mark_recommendations", recommendation):
        raise PermissionDenied
    error = ""
    if request.method == "POST":
        identifier = recommendation.identifier
        try:
            services.recommendation_remove(recommendation=recommendation, actor=request.user)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, _("Recommendation %(identifier)s removed.") % {"identifier": identifier})
            return redirect(_card_url(outcome))
    elif not (
        may_write(outcome.session.meeting, request.user)
        and request.user.has_perm("followup.remove_recommendation", recommendation)
    ):
        error = (
            _("A published recommendation cannot be removed: edit it instead.")
            if recommendation.is_published
            else _("The outcome is no longer being drafted: its recommendations cannot be changed.")
        )
    return render(
        request,
        "followup/recommendations/remove.html",
        {
            "outcome": outcome,
            "session": outcome.session,
            "meeting": outcome.session.meeting,
            "recommendation": recommendation,
            "reading": reading_text(recommendation, outcome.original_language),
            "error": error,
        },
        status=400 if error and request.method == "POST" else 200,
    )


def recommendation_detail(request, identifier: str):
    """The stable public page of a published recommendation, e.g. /recommendations/GFMD-2009-3.1-R1/.
    Malformed, unknown or unpublished: 404. A well-formed identifier spelt differently (lower case)
    redirects to its canonical spelling."""
    if parse_identifier(identifier) is None:
        raise Http404
    recommendation = recommendation_by_identifier(identifier)
    if recommendation is None:
        raise Http404
    if identifier != recommendation.identifier:
        return redirect(recommendation, permanent=True)
    outcome = recommendation.outcome
    session = outcome.session
    return render(
        request,
        "followup/recommendations/detail.html",
        {
            "recommendation": recommendation,
            "outcome": outcome,
            "session": session,
            "meeting": session.meeting,
            "reading": reading_text(recommendation, get_language()),
            "addressees": addressee_labels(recommendation),
            "original_language_name": outcome.get_original_language_display(),
        },
    )
