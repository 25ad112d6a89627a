"""Badge verification links: a registration id with a short keyed signature, and its QR code."""

import base64
import io

from django.conf import settings
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

from delegations.models import Registration

SALT = "gfmd.reports.badge"
SIGNATURE_LENGTH = 16  # base64 characters: 96 bits, not guessable, short enough for a small QR code


def _signature(registration_id: int) -> str:
    digest = salted_hmac(SALT, str(registration_id), algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).decode()[:SIGNATURE_LENGTH]


def badge_token(registration_id: int) -> str:
    return f"{registration_id}-{_signature(registration_id)}"


def registration_id_from_token(token: str) -> int | None:
    number, _, signature = token.partition("-")
    if not number.isdigit() or len(number) > 12:
        return None
    if not constant_time_compare(signature, _signature(int(number))):
        return None
    return int(number)


def registration_from_token(token: str) -> Registration | None:
    registration_id = registration_id_from_token(token)
    if registration_id is None:
        return None
    return Registration.objects.select_related("person", "delegation", "meeting").filter(pk=registration_id).first()


def verification_url(registration_id: int) -> str:
    return settings.SITE_URL + reverse("reports:badge_verify", kwargs={"token": badge_token(registration_id)})


def qr_png(data: str) -> bytes:
    """A QR code as a PNG of one pixel per module (segno, pure Python), scaled up in print with
    `image-rendering: pixelated`: WeasyPrint draws it far faster than an SVG path. The mask is
    fixed: choosing the best of eight quadruples the time, and every reader decodes any mask."""
    import segno

    buffer = io.BytesIO()
    segno.make(data, error="m", mask=3).save(buffer, kind="png", scale=1, border=0, dark="#0b2540")
    return buffer.getvalue()
