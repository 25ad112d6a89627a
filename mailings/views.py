"""The Chair's office outbox: mailings waiting to be sent, their progress, previews and failures.

The services check who may send, discard or retry a mailing in its state; a refusal is a 404
here, since a mailing's existence is private."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rules.contrib.views import permission_required

from gfmd.paging import query_without
from mailings import selectors, services
from mailings.models import Mailing, OutgoingMail

MAILS_PER_PAGE = 50
MAILINGS_PER_PAGE = 50
# roundtables.editions.VIEW_MEETING_RECORDS, named here: mailings sits below roundtables and imports none of it.
VIEW_MEETING_RECORDS = "roundtables.view_meeting_records"
STATE_FILTERS = ["", "pending", OutgoingMail.State.SENT, OutgoingMail.State.FAILED, OutgoingMail.State.CANCELLED]


def _mailing_for(request, pk: int) -> Mailing:
    """The mailing, or 404 for anyone who may not see the outbox (its existence is private)."""
    mailing = get_object_or_404(Mailing.objects.select_related("created_by", "released_by", "meeting"), pk=pk)
    if not request.user.has_perm("mailings.view_mailing", mailing):
        raise Http404
    return mailing


def _link_text() -> str:
    return _("[personal link, created when the mail is sent]")


def _meeting_or_404(request, number: int | None) -> models.Model | None:
    """The meeting the URL names (else the current one, or None when none is: the outbox still shows
    the failed notifications), for those who may read its records: what
    roundtables.editions.chair_meeting_or_404 does, reached through the mailing's foreign key since
    mailings sits below roundtables and may not import it."""
    meeting_model = Mailing._meta.get_field("meeting").related_model
    if number is None:
        return meeting_model.objects.current()
    meeting = get_object_or_404(meeting_model, number=number)
    if not request.user.has_perm(VIEW_MEETING_RECORDS, meeting):
        raise PermissionDenied
    return meeting


@permission_required("mailings.view_mailing", raise_exception=True)
def mailing_list(request, number: int | None = None):
    meeting = _meeting_or_404(request, number)
    page = Paginator(selectors.mailings_for_list(meeting), MAILINGS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "mailings/mailing_list.html",
        {
            "meeting": meeting,
            "page": page,
            "mailings": selectors.with_counts(page.object_list),
            "failed_notifications": selectors.failed_notifications(),
        },
    )


def mailing_detail(request, pk: int):
    mailing = _mailing_for(request, pk)
    state = request.GET.get("state", "")
    if state not in STATE_FILTERS:
        state = ""
    search = request.GET.get("q", "").strip()[:100]
    mails = selectors.mailing_mails(mailing, state=state, search=search)
    page = Paginator(mails, MAILS_PER_PAGE).get_page(request.GET.get("page"))
    preview_mail = None
    if request.GET.get("preview", "").isdigit():
        preview_mail = mailing.mails.filter(pk=int(request.GET["preview"])).first()
    if preview_mail is None:
        preview_mail = (
            page.object_list[0] if page.object_list else mailing.mails.order_by("to_description", "pk").first()
        )
    return render(
        request,
        "mailings/mailing_detail.html",
        {
            "mailing": mailing,
            "progress": selectors.mailing_progress(mailing),
            "languages": selectors.mailing_languages(mailing),
            "page": page,
            "query": query_without(request, "page", "preview"),
            "state_filter": state,
            "search": search,
            "state_filters": [
                ("", _("All")),
                ("pending", _("Not sent yet")),
                (OutgoingMail.State.SENT, _("Sent")),
                (OutgoingMail.State.FAILED, _("Failed")),
                (OutgoingMail.State.CANCELLED, _("Not sent")),
            ],
            "preview": selectors.mail_preview(preview_mail, link_text=_link_text()) if preview_mail else None,
            # The buttons, under the rules their services check.
            "can_release": request.user.has_perm("mailings.release_mailing", mailing),
            "can_discard": request.user.has_perm("mailings.discard_mailing", mailing),
            "can_retry": request.user.has_perm("mailings.retry_mailing", mailing),
        },
    )


def mailing_progress_fragment(request, pk: int):
    mailing = _mailing_for(request, pk)
    return render(
        request,
        "mailings/mailing_detail.html#progress",
        {"mailing": mailing, "progress": selectors.mailing_progress(mailing)},
    )


def mailing_preview(request, pk: int, mail_pk: int):
    mailing = _mailing_for(request, pk)
    mail = get_object_or_404(mailing.mails, pk=mail_pk)
    template = "mailings/mailing_detail.html#preview" if request.htmx else "mailings/mail_preview.html"
    return render(
        request,
        template,
        {"mailing": mailing, "preview": selectors.mail_preview(mail, link_text=_link_text())},
    )


@require_POST
def mailing_send(request, pk: int):
    mailing = _mailing_for(request, pk)
    try:
        services.mailing_release(mailing=mailing, actor=request.user)
    except PermissionDenied:
        raise Http404 from None
    except services.MailingStateError:
        messages.warning(request, _("This mailing has already been sent or discarded; nothing more was sent."))
    else:
        messages.success(request, _("Sending has started. This page shows the progress."))
    return redirect("mailings:detail", pk=mailing.pk)


@require_POST
def mailing_discard(request, pk: int):
    mailing = _mailing_for(request, pk)
    try:
        services.mailing_discard(mailing=mailing, actor=request.user)
    except PermissionDenied:
        raise Http404 from None
    except services.MailingStateError:
        messages.warning(request, _("Only a mailing still in the outbox can be discarded."))
    else:
        messages.success(request, _("The mailing was discarded. Nothing was sent."))
    return redirect("mailings:detail", pk=mailing.pk)


@require_POST
def mailing_retry(request, pk: int):
    mailing = _mailing_for(request, pk)
    try:
        count = services.mailing_retry_failed(mailing=mailing, actor=request.user)
    except PermissionDenied:
        raise Http404 from None
    except services.MailingStateError:
        messages.warning(request, _("Only the failed mails of a mailing that has been sent can be retried."))
    else:
        messages.success(request, _("%(count)s failed mails are being sent again.") % {"count": count})
    return redirect("mailings:detail", pk=mailing.pk)
