"""Badge verification links, and the QR code that carries them.

A link names a registration and the badge serial it was printed with, under a short keyed
signature: `<id>-<signature>` for serial 0 (the badges printed before serials existed keep
verifying) and `<id>.<serial>-<signature>` after. A badge verifies only while its registration is
approved and its serial is the registration's current one: every approval raises the serial
(delegations.services.registration_approve), so the badge of a registration withdrawn or rejected,
then approved again, answers "not valid"."""

import io

from django.conf import settings
from django.urls import reverse

# The tokens live beside the registration (logistics' check-in reads them too); re-exported here.
from delegations.badge_tokens import (  # noqa: F401
    SALT,
    SIGNATURE_LENGTH,
    badge_from_token,
    badge_token,
    valid_badge_registration,
)


def verification_url(registration_id: int, serial: int) -> str:
    token = badge_token(registration_id, serial)
    return settings.SITE_URL + reverse("reports:badge_verify", kwargs={"token": token})


def qr_png(data: str) -> bytes:
    """A QR code as a PNG of one pixel per module (segno, pure Python), scaled up in print with
    `image-rendering: pixelated`: WeasyPrint draws it far faster than an SVG path. The mask is
    fixed: choosing the best of eight quadruples the time, and every reader decodes any mask."""
    import segno

    buffer = io.BytesIO()
    segno.make(data, error="m", mask=3).save(buffer, kind="png", scale=1, border=0, dark="#0b2540")
    return buffer.getvalue()
