"""Badges for approved participants: eight per A4 sheet (two columns, four rows) with name,
delegation, role and a QR code of a verification link. Laid out in parts of a few hundred
badges, merged with pypdf, so 3,000 participants fit in a small worker's memory."""

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import escape
from itertools import islice

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from delegations.models import Delegation, Registration
from delegations.permissions import InMeeting
from reports import conf
from reports.badges import qr_png, verification_url
from reports.documents.common import (
    chair_reads,
    chair_reads_params,
    clean_id,
    clean_meeting,
    load_meeting,
    meeting_filename,
    meeting_of,
    render_document,
)
from reports.registry import Offer, Part, Renderer, register
from reports.rendering import asset_url, generated_url

PER_SHEET = 8
# Where the badges sit on an A4 sheet (mm): two columns, four rows, 90 x 62 mm each.
BADGE_WIDTH, BADGE_HEIGHT, BAND_HEIGHT = 90, 62, 12
POSITIONS = [(left, top) for top in (15.5, 83.5, 151.5, 219.5) for left in (12.5, 107.5)]


def sheet_art(meeting) -> bytes:
    """What every sheet has in common, drawn once per page as SVG instead of laid out 3,000 times:
    the cutting frames and the header bands (the GFMD mark, the city and the year)."""
    label = escape(f"{meeting.city} {meeting.start_date:%Y}")
    shapes = []
    for left, top in POSITIONS:
        shapes.append(
            f'<rect x="{left}" y="{top}" width="{BADGE_WIDTH}" height="{BADGE_HEIGHT}" fill="none" '
            f'stroke="#9aa5b1" stroke-width="0.15" stroke-dasharray="1 0.8"/>'
            f'<rect x="{left}" y="{top}" width="{BADGE_WIDTH}" height="{BAND_HEIGHT - 1.2}" fill="#12355b"/>'
            f'<rect x="{left}" y="{top + BAND_HEIGHT - 1.2}" width="{BADGE_WIDTH}" height="1.2" fill="#0f6e6e"/>'
            f'<rect x="{left + 4}" y="{top + 2.9}" width="12.2" height="5" fill="#ffffff"/>'
            f'<text x="{left + 4.9}" y="{top + 6.65}" font-size="3" font-weight="bold" letter-spacing="0.3" '
            f'fill="#12355b">GFMD</text>'
            f'<text x="{left + 18.5}" y="{top + 6.65}" font-size="2.8" letter-spacing="0.15" '
            f'fill="#ffffff">{label}</text>'
        )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297" '
        'font-family="DejaVu Sans, sans-serif">' + "".join(shapes) + "</svg>"
    ).encode()


@dataclass
class Badge:
    registration_id: int
    first_name: str
    last_name: str
    honorific: str
    delegation: str
    delegation_kind: str
    role: str
    role_code: str
    verify_url: str

    @property
    def qr_name(self) -> str:
        return f"qr/{self.registration_id}.png"

    @property
    def qr_url(self) -> str:
        return generated_url(self.qr_name)

    @property
    def long_name(self) -> bool:
        return max(len(self.first_name), len(self.last_name)) > 15


def badge_registrations(meeting, *, delegation_id: int | None = None):
    registrations = Registration.objects.filter(meeting=meeting, status=Registration.Status.APPROVED)
    if delegation_id is not None:
        registrations = registrations.filter(delegation_id=delegation_id)
    return registrations.select_related("person", "delegation").order_by(
        "delegation__name", "person__last_name", "person__first_name", "pk"
    )


def badges_of(registrations) -> Iterator[Badge]:
    for registration in registrations.iterator(chunk_size=500):
        person = registration.person
        yield Badge(
            registration_id=registration.pk,
            first_name=person.first_name,
            last_name=person.last_name or person.email,
            honorific=person.get_honorific_display() if person.honorific else "",
            delegation=registration.delegation.display_name,
            delegation_kind=registration.delegation.kind,
            role=registration.get_role_display(),
            role_code=registration.role,
            verify_url=verification_url(registration.pk, registration.badge_serial),
        )


def badges_per_part(per_part: int | None = None) -> int:
    """Badges in one part: the setting, rounded down to whole sheets."""
    per_part = per_part or conf.badges_per_part()
    return max(PER_SHEET, per_part - per_part % PER_SHEET)


def badge_parts(meeting, badges: Iterable[Badge], *, per_part: int | None = None) -> Iterator[Part]:
    per_part = badges_per_part(per_part)
    iterator = iter(badges)
    art = sheet_art(meeting)
    while chunk := list(islice(iterator, per_part)):
        yield badge_part(meeting, chunk, art=art)


def badge_part(meeting, chunk: list[Badge], *, art: bytes | None = None) -> Part:
    """One WeasyPrint document of whole sheets: the badges of `chunk`, in its order."""
    art = art if art is not None else sheet_art(meeting)
    sheets = [chunk[start : start + PER_SHEET] for start in range(0, len(chunk), PER_SHEET)]
    images = {badge.qr_name: qr_png(badge.verify_url) for badge in chunk}
    images["sheet.svg"] = art
    return Part(
        render_document(
            "reports/badges.html",
            {
                "meeting": meeting,
                "sheets": sheets,
                "badges_css": asset_url("css/print-badges.css"),
                "sheet_art": generated_url("sheet.svg"),
            },
        ),
        images=images,
        numbered=False,
    )


def clean_params(raw: dict) -> dict:
    params = clean_meeting(raw)
    delegation_id = clean_id(raw, "delegation", required=False)
    if delegation_id is not None:
        if not Delegation.objects.filter(pk=delegation_id).exists():
            raise ValidationError(gettext("This delegation does not exist."))
        params["delegation"] = delegation_id
    return params


def can_access(user, params) -> bool:
    if chair_reads_params(user, params):
        return True
    delegation_id = params.get("delegation")
    if delegation_id is None:
        return False
    delegation = Delegation.objects.filter(pk=delegation_id).first()
    # The delegation as it stands in the badges' meeting: a focal point of another year is refused.
    meeting_id = params.get("meeting")
    target = InMeeting.of(delegation, meeting_id) if meeting_id is not None else delegation
    return delegation is not None and user.has_perm("delegations.manage_delegation", target)


def unavailable(params: dict) -> str | None:
    if not badge_registrations(params.get("meeting"), delegation_id=params.get("delegation")).exists():
        return gettext("No approved participant needs a badge yet.")
    return None


def build(params: dict) -> Iterator[Part]:
    meeting = load_meeting(params)
    # Whether anyone needs a badge: unavailable(), which the service and the task check first.
    registrations = badge_registrations(meeting, delegation_id=params.get("delegation"))
    yield from badge_parts(meeting, badges_of(registrations))


def part_count(params: dict) -> int:
    meeting = meeting_of(params)
    if meeting is None:
        return 1
    count = badge_registrations(meeting, delegation_id=params.get("delegation")).count()
    return max(1, math.ceil(count / badges_per_part()))


def split(params: dict) -> list[list[int]]:
    """The registration ids of each part, in the badges' order, read once when the job is split."""
    meeting = load_meeting(params)
    ids = list(badge_registrations(meeting, delegation_id=params.get("delegation")).values_list("pk", flat=True))
    size = badges_per_part()
    return [ids[start : start + size] for start in range(0, len(ids), size)]


def build_part(params: dict, registration_ids: list[int]) -> Part | None:
    """The sheets of one part. A registration no longer approved when its part renders is left out
    (its badge would not verify); the others keep the order fixed by split(). None when none is left."""
    meeting = load_meeting(params)
    found = badge_registrations(meeting, delegation_id=params.get("delegation")).filter(pk__in=registration_ids)
    badges = {badge.registration_id: badge for badge in badges_of(found)}
    chunk = [badges[pk] for pk in registration_ids if pk in badges]
    return badge_part(meeting, chunk) if chunk else None


def title(params: dict) -> str:
    meeting = meeting_of(params)
    delegation = Delegation.objects.filter(pk=params.get("delegation")).first() if params.get("delegation") else None
    if delegation is not None:
        return gettext("Badges of the delegation of %(name)s") % {"name": delegation.name}
    return gettext("Badges of all approved participants") + (f" · {meeting.title}" if meeting else "")


def filename(params: dict) -> str:
    return meeting_filename(params, "badges", params.get("delegation", "all"))


def offers(meeting, user) -> list[Offer]:
    if not chair_reads(user, meeting):
        return []
    return [
        Offer(
            kind="badges",
            label=_("Badges"),
            description=_("Badges of every approved participant, eight per A4 sheet, with a QR code to verify them."),
            params={"meeting": meeting.pk},
            restricted=True,
        )
    ]


register(
    Renderer(
        kind="badges",
        label=_("Badges"),
        description=_("Badges of approved participants, eight per A4 sheet."),
        can_access=can_access,
        build=build,
        filename=filename,
        clean_params=clean_params,
        part_count=part_count,
        split=split,
        build_part=build_part,
        title=title,
        offers=offers,
        unavailable=unavailable,
        order=40,
    )
)
