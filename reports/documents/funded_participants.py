"""funded_participants: a logistics document (issue 20). The participants a funding call funds, for its
donors: by delegation, each person, what a place covers and the amount, with the totals against the
budget. The Chair's office's document (chair_reads: its staff, the troika's and support)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from logistics.models.funding import FundingCall
from logistics.selectors import funding as selectors
from reports.documents.common import (
    chair_reads,
    chair_reads_params,
    clean_id,
    clean_meeting,
    load_meeting,
    meeting_filename,
    render_document,
)
from reports.registry import Choice, Offer, Part, Renderer, ReportError, register

MAX_OFFERED_CALLS = 20


def _call(params: dict) -> FundingCall | None:
    return FundingCall.objects.filter(pk=params.get("call"), meeting_id=params.get("meeting")).first()


def clean_params(raw: dict) -> dict:
    params = clean_meeting(raw)
    params["call"] = clean_id(raw, "call")
    if not FundingCall.objects.filter(pk=params["call"], meeting_id=params["meeting"]).exists():
        raise ValidationError(gettext("This funding call does not exist."), code="invalid")
    return params


def can_access(user, params) -> bool:
    return chair_reads_params(user, params)


def unavailable(params: dict) -> str | None:
    call = _call(params)
    if params.get("call") is None:
        # An offer before its call is chosen: any call of the meeting with a funded participant.
        calls = FundingCall.objects.filter(meeting_id=params.get("meeting"), nominations__state="funded")
        return None if calls.exists() else gettext("No participant of this meeting is funded yet.")
    if call is None:
        return gettext("This funding call does not exist.")
    if not selectors.funded_rows(call).exists():
        return gettext("No participant is funded in this call yet.")
    return None


def build(params: dict):
    meeting = load_meeting(params)
    call = _call(params)
    if call is None:
        raise ReportError(gettext("The funding call of this document no longer exists."))
    rows = list(selectors.funded_rows(call))
    groups: list[dict] = []
    for nomination in rows:
        if not groups or groups[-1]["delegation"].pk != nomination.delegation_id:
            groups.append({"delegation": nomination.delegation, "people": [], "total": 0})
        groups[-1]["people"].append(nomination)
        groups[-1]["total"] += nomination.amount
    yield Part(
        render_document(
            "logistics/funding/report.html",
            {
                "meeting": meeting,
                "call": call,
                "groups": groups,
                "figures": selectors.budget_figures(call),
                "covered": call.covered_labels(),
            },
        )
    )


def title(params: dict) -> str:
    call = _call(params)
    label = gettext("Funded participants")
    return label + (f" · {call.title}" if call else "")


def offers(meeting, user) -> list[Offer]:
    if not chair_reads(user, meeting):
        return []
    calls = list(
        FundingCall.objects.filter(meeting=meeting)
        .exclude(state=FundingCall.State.DRAFT)
        .order_by("-created_at", "-pk")[:MAX_OFFERED_CALLS]
    )
    if not calls:
        return []
    return [
        Offer(
            kind="funded_participants",
            label=_("Funded participants"),
            description=_("For the donors: the participants a funding call funds, what it covers and the amounts."),
            params={"meeting": meeting.pk},
            choice=Choice(name="call", label=_("Funding call"), options=[(call.pk, call.title) for call in calls]),
            restricted=True,
        )
    ]


register(
    Renderer(
        kind="funded_participants",
        label=_("Funded participants"),
        description=_("The participants a funding call funds, for its donors."),
        can_access=can_access,
        build=build,
        filename=lambda params: meeting_filename(params, "funded-participants", params.get("call", "")),
        clean_params=clean_params,
        title=title,
        offers=offers,
        unavailable=unavailable,
        order=37,
    )
)
