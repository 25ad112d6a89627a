"""The documents the portal produces. Importing this package registers their renderers."""

from reports.documents import (  # noqa: F401
    arrivals,
    attendance,
    badges,
    funded_participants,
    outcomes,
    participants,
    programme,
    session_pack,
    surveys,
    visa_letters,
)
