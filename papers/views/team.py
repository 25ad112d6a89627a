"""The team's workspace: a session's papers, each paper with its versions side by side, the
comments and the history of its states. Who may see it: the session's team, the paper's
authors and the Chair's office; anyone else gets a 404, as if the draft did not exist."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gfmd.forms import add_service_errors
from papers import selectors, services
from papers.forms import (
    CommentForm,
    PaperCreateForm,
    PaperDetailsForm,
    TransitionForm,
    TranslationForm,
    VersionForm,
)
from papers.models import Paper, Version
from roundtables.editions import meeting_or_current
from roundtables.models import Session

TRANSITIONS = {
    # action: (service, which checks its rule (who and when), what the person sees afterwards)
    "submit": (services.paper_submit, gettext_lazy("The paper has been submitted for review.")),
    "start_review": (services.paper_start_review, gettext_lazy("The paper is now in review.")),
    "request_revision": (
        services.paper_request_revision,
        gettext_lazy("A revision has been requested; the authors have been told."),
    ),
    "accept": (services.paper_accept, gettext_lazy("The paper has been accepted.")),
    "reject": (services.paper_reject, gettext_lazy("The paper has been rejected.")),
    "publish": (services.paper_publish, gettext_lazy("The paper is published.")),
    "withdraw": (services.paper_withdraw, gettext_lazy("The paper has been withdrawn.")),
    "unpublish": (
        services.paper_unpublish,
        gettext_lazy("The paper has been withdrawn from the library; its public page says why."),
    ),
}
WITH_MESSAGE = ("request_revision", "accept", "reject", "withdraw")


def _session_or_404(request, session_id: int, perm: str = "papers.view_session_papers") -> Session:
    try:
        session = selectors.session_for_papers(session_id)
    except Session.DoesNotExist as exc:
        raise Http404 from exc
    if not request.user.has_perm(perm, session):
        raise Http404
    return session


def _paper_or_404(request, pk: int) -> Paper:
    try:
        paper = selectors.paper_for_workspace(pk)
    except Paper.DoesNotExist as exc:
        raise Http404 from exc
    if not request.user.has_perm("papers.view_paper_workspace", paper):
        raise Http404
    return paper


@login_required
def my_papers(request, number: int | None = None):
    """The sessions whose papers the person works on in the meeting (the current one by default)."""
    meeting = meeting_or_current(number)
    return render(
        request,
        "papers/my_papers.html",
        {
            "meeting": meeting,
            "sessions": selectors.sessions_of_person(request.user, meeting=meeting),
            "default_due_at": getattr(selectors.meeting_deadline(meeting) if meeting else None, "due_at", None),
        },
    )


@login_required
def workspace(request, session_id: int):
    session = _session_or_404(request, session_id)
    # An author who is not on the team sees the session's papers they wrote, not the others' drafts.
    papers = [p for p in selectors.papers_of_session(session) if request.user.has_perm("papers.view_paper", p)]
    return render(
        request,
        "papers/workspace.html",
        {
            "session": session,
            "meeting": session.meeting,
            "papers": papers,
            "due_at": selectors.deadline_for(session),
            "can_add": request.user.has_perm("papers.add_paper", session),
        },
    )


@login_required
def paper_create(request, session_id: int):
    session = _session_or_404(request, session_id, perm="papers.add_paper")
    form = PaperCreateForm(
        request.POST or None,
        request.FILES or None,
        session=session,
        initial={"authors": [request.user.pk], "language": request.LANGUAGE_CODE},
    )
    if request.method == "POST" and form.is_valid():
        try:
            paper = services.paper_create(
                session=session,
                actor=request.user,
                kind=form.cleaned_data["kind"],
                language=form.cleaned_data["language"],
                titles=form.texts("title"),
                abstracts=form.texts("abstract"),
                authors=form.cleaned_data["authors"],
                contributing_delegations=form.cleaned_data["contributing_delegations"],
                file=form.cleaned_data["file"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your draft has been saved as version 1."))
            return redirect("papers:detail", pk=paper.pk)
    return render(request, "papers/paper_form.html", {"session": session, "form": form, "paper": None})


@login_required
def paper_edit(request, pk: int):
    paper = _paper_or_404(request, pk)
    try:  # the rule paper_update checks: not a writer, 403; a writer, but not now, why, on the paper
        services.check_now(request.user, "papers.change_paper", paper, action=_("edited"))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("papers:detail", pk=paper.pk)
    form = PaperDetailsForm(
        request.POST or None, session=paper.session, paper=paper, initial=PaperDetailsForm.initial_from(paper)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.paper_update(
                paper=paper,
                actor=request.user,
                kind=form.cleaned_data["kind"],
                language=form.cleaned_data["language"],
                titles=form.texts("title"),
                abstracts=form.texts("abstract"),
                authors=form.cleaned_data["authors"],
                contributing_delegations=form.cleaned_data["contributing_delegations"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The paper's details have been saved."))
            return redirect("papers:detail", pk=paper.pk)
    return render(request, "papers/paper_form.html", {"session": paper.session, "form": form, "paper": paper})


def paper_detail(request, pk: int):
    """The team sees the workspace; the public sees a published paper; others get 404."""
    try:
        paper = selectors.paper_for_workspace(pk)
    except Paper.DoesNotExist as exc:
        raise Http404 from exc
    if request.user.has_perm("papers.view_paper_workspace", paper):
        return _render_workspace(request, paper)
    if paper.is_published or paper.is_unpublished:
        # A paper taken out of the library keeps its page, which says when and why (no downloads).
        return render(request, "papers/paper_public.html", {"paper": paper, "meeting": paper.session.meeting})
    raise Http404


@login_required
def paper_publish_confirm(request, pk: int):
    """The step before "Publish in the library": it names what becomes public (the paper, its language,
    format and size, its translations). Works without JavaScript; only this page's form publishes."""
    paper = _paper_or_404(request, pk)
    try:  # the rule paper_publish checks
        services.check_now(request.user, "papers.publish_paper", paper, action=_("published"))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("papers:detail", pk=paper.pk)
    return render(
        request,
        "papers/paper_publish_confirm.html",
        {
            "paper": paper,
            "session": paper.session,
            "meeting": paper.session.meeting,
            "version": paper.accepted_version,
            "translations": list(paper.translations.all()),
            "public_url": request.build_absolute_uri(reverse("papers:detail", kwargs={"pk": paper.pk})),
        },
    )


def _render_workspace(request, paper: Paper, *, status: int = 200, **forms):
    user = request.user
    # Each button is shown by the very rule (who and when) its service checks.
    actions = {
        "submit": user.has_perm("papers.submit_paper", paper) and bool(paper.versions.all()),
        "start_review": user.has_perm("papers.start_review", paper),
        "decide": user.has_perm("papers.decide_paper", paper),
        "publish": user.has_perm("papers.publish_paper", paper),
        "unpublish": user.has_perm("papers.unpublish_paper", paper),
        "withdraw": user.has_perm("papers.withdraw_paper", paper),
        "upload": user.has_perm("papers.change_paper", paper),
        "translate": user.has_perm("papers.add_translation", paper),
    }
    can = {"comment": user.has_perm("papers.comment_paper", paper)}
    due_at = selectors.deadline_for(paper.session)
    paper.late_by = paper.days_late(due_at)  # shown to the reviewers beside the state
    context = {
        "paper": paper,
        "session": paper.session,
        "meeting": paper.session.meeting,
        "versions": list(paper.versions.all()),
        "history": [
            {
                "label": entry.label_on_object,
                "created_at": entry.created_at,
                "actor": entry.actor,
                "message": entry.data.get("message", ""),
            }
            for entry in selectors.paper_history(paper)
        ],
        "due_at": due_at,
        "can": can,
        "actions": actions,
        "version_form": forms.get("version_form") or VersionForm(prefix="version"),
        "transition_form": forms.get("transition_form") or TransitionForm(),
        "comment_form": forms.get("comment_form") or CommentForm(),
        "comment_version": forms.get("comment_version"),
        "translation_form": forms.get("translation_form") or TranslationForm(paper=paper, prefix="translation"),
    }
    return render(request, "papers/paper_workspace.html", context, status=status)


@login_required
@require_POST
def version_upload(request, pk: int):
    paper = _paper_or_404(request, pk)
    # The rule is the service's to check (on the locked paper): its "not now" shows by the field.
    form = VersionForm(request.POST, request.FILES, prefix="version")
    if not form.is_valid():
        services.check_who(request.user, "papers.change_paper", paper)
    else:
        try:
            version = services.version_upload(
                paper=paper, actor=request.user, file=form.cleaned_data["file"], note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Version %(number)s has been uploaded. Submit the paper when the team is ready.")
                % {"number": version.number},
            )
            return redirect("papers:detail", pk=paper.pk)
    return _render_workspace(request, paper, status=400, version_form=form)


@login_required
@require_POST
def translation_upload(request, pk: int):
    paper = _paper_or_404(request, pk)
    form = TranslationForm(request.POST, request.FILES, paper=paper, prefix="translation")
    if not form.is_valid():
        services.check_who(request.user, "papers.add_translation", paper)
    else:
        try:
            translation = services.translation_upload(
                paper=paper, actor=request.user, language=form.cleaned_data["language"], file=form.cleaned_data["file"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The %(language)s version has been added.") % {"language": translation.get_language_display()},
            )
            return redirect("papers:detail", pk=paper.pk)
    return _render_workspace(request, paper, status=400, translation_form=form)


@login_required
@require_POST
def paper_transition(request, pk: int):
    paper = _paper_or_404(request, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        return _render_workspace(request, paper, status=400, transition_form=form)
    action = form.cleaned_data["action"]
    service, done = TRANSITIONS[action]
    # The service checks the rule: not the person, 403; the person, but not now, a message on the page.
    kwargs = {"message": form.cleaned_data["message"]} if action in WITH_MESSAGE else {}
    if action == "unpublish":
        kwargs = {"reason": form.cleaned_data["message"]}
    try:
        service(paper=paper, actor=request.user, **kwargs)
    except ValidationError as error:
        add_service_errors(form, error)
        return _render_workspace(request, paper, status=400, transition_form=form)
    messages.success(request, done)
    return redirect("papers:detail", pk=paper.pk)


@login_required
@require_POST
def comment_add(request, pk: int):
    version = get_object_or_404(Version.objects.only("id", "paper_id"), pk=pk)
    paper = _paper_or_404(request, version.paper_id)
    version = next(v for v in paper.versions.all() if v.pk == version.pk)
    # Whoever sees the workspace may comment (the same rule); the service checks it again.
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(version=version, actor=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your comment has been added."))
            return redirect(f"{reverse('papers:detail', kwargs={'pk': paper.pk})}#version-{version.number}")
    return _render_workspace(request, paper, status=400, comment_form=form, comment_version=version)
