"""The list of participants of a meeting, by delegation: the public version lists the approved
participants who consented to appear in it; the full version (the Chair's office) lists every
approved participant with contact details."""

from itertools import groupby

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from delegations.models import Delegation, Registration
from reports.documents.common import (
    chair_reads,
    chair_reads_params,
    clean_meeting,
    load_meeting,
    meeting_filename,
    meeting_of,
    render_document,
)
from reports.registry import Offer, Part, Renderer, register

PUBLIC = "public"
FULL = "full"
KIND_ORDER = [Delegation.Kind.STATE, Delegation.Kind.OBSERVER, Delegation.Kind.CIVIL_SOCIETY]
KIND_HEADINGS = {
    Delegation.Kind.STATE: _("States"),
    Delegation.Kind.OBSERVER: _("Observers: international organisations"),
    Delegation.Kind.CIVIL_SOCIETY: _("Civil society"),
}


def listed_registrations(meeting, *, variant: str):
    registrations = Registration.objects.filter(meeting=meeting, status=Registration.Status.APPROVED)
    if variant == PUBLIC:
        registrations = registrations.filter(public_list_consent=True)
    return registrations.select_related("person", "delegation").order_by(
        "delegation__name", "-role", "person__last_name", "person__first_name", "pk"
    )


PEOPLE_PER_PART = 400  # about 25 pages: a part's layout stays small however long the list


def delegations_with_people(meeting, *, variant: str):
    """(delegation, people) in print order: states, observers, civil society, each by name;
    in a delegation the head first, then delegates and advisers by name."""
    role_rank = {Registration.Role.HEAD: 0, Registration.Role.DELEGATE: 1, Registration.Role.ADVISER: 2}
    registrations = listed_registrations(meeting, variant=variant)
    for kind in KIND_ORDER:
        for delegation, group in groupby(
            registrations.filter(delegation__kind=kind).iterator(chunk_size=1000), key=lambda r: r.delegation
        ):
            people = sorted(group, key=lambda r: (role_rank.get(r.role, 9), r.person.last_name.lower()))
            yield delegation, people


def participant_parts(meeting, *, variant: str):
    """The list in parts of about PEOPLE_PER_PART people, cut between delegations. Each part
    carries its kind heading (or repeats it, continued) so the running header stays right."""
    counts = listed_registrations(meeting, variant=variant).order_by().values("delegation_id").distinct().count()
    base = {
        "meeting": meeting,
        "full": variant == FULL,
        "total": listed_registrations(meeting, variant=variant).count(),
        "delegation_count": counts,
    }
    part, size, first = [], 0, True
    current_kind = None

    def emit(part, first):
        return Part(render_document("reports/participants.html", {**base, "groups": part, "first_part": first}))

    for delegation, people in delegations_with_people(meeting, variant=variant):
        if not part or part[-1]["kind"] != delegation.kind:
            part.append(
                {
                    "kind": delegation.kind,
                    "heading": KIND_HEADINGS.get(delegation.kind, delegation.kind),
                    "continued": delegation.kind == current_kind,
                    "delegations": [],
                }
            )
        current_kind = delegation.kind
        part[-1]["delegations"].append((delegation, people))
        size += len(people)
        if size >= PEOPLE_PER_PART:
            yield emit(part, first)
            part, size, first = [], 0, False
    if part:
        yield emit(part, first)


def clean_params(raw: dict) -> dict:
    params = clean_meeting(raw)
    variant = raw.get("variant") or PUBLIC
    if variant not in (PUBLIC, FULL):
        raise ValidationError(gettext("Choose the public or the full list of participants."))
    params["variant"] = variant
    return params


def can_access(user, params) -> bool:
    if params.get("variant") == FULL:
        return chair_reads_params(user, params)
    # The public list holds only people who agreed to appear in it.
    return user.is_authenticated


def unavailable(params: dict) -> str | None:
    if not listed_registrations(params.get("meeting"), variant=params.get("variant") or PUBLIC).exists():
        return gettext("No approved participant is on this list yet.")
    return None


def build(params: dict):
    # Whether anyone is listed: unavailable(), which the service and the task check first.
    meeting = load_meeting(params)
    yield from participant_parts(meeting, variant=params["variant"])


def part_count(params: dict) -> int:
    meeting = meeting_of(params)
    if meeting is None:
        return 1
    return max(1, -(-listed_registrations(meeting, variant=params["variant"]).count() // PEOPLE_PER_PART))


def title(params: dict) -> str:
    meeting = meeting_of(params)
    label = (
        gettext("List of participants (full, restricted)")
        if params.get("variant") == FULL
        else gettext("List of participants")
    )
    return label + (f" · {meeting.title}" if meeting else "")


def offers(meeting, user) -> list[Offer]:
    found = [
        Offer(
            kind="participants",
            label=_("List of participants"),
            description=_("The approved participants who agreed to appear in the public list, by delegation."),
            params={"meeting": meeting.pk, "variant": PUBLIC},
        )
    ]
    if chair_reads(user, meeting):
        found.append(
            Offer(
                kind="participants",
                label=_("List of participants (full)"),
                description=_("Every approved participant with e-mail address and job title, for the Chair's office."),
                params={"meeting": meeting.pk, "variant": FULL},
                restricted=True,
            )
        )
    return found


register(
    Renderer(
        kind="participants",
        label=_("List of participants"),
        description=_("Participants by delegation."),
        can_access=can_access,
        build=build,
        filename=lambda params: meeting_filename(params, "participants", params["variant"]),
        clean_params=clean_params,
        part_count=part_count,
        title=title,
        offers=offers,
        unavailable=unavailable,
        order=35,
    )
)
