"""The documents the portal produces. Importing this package registers their renderers."""

from reports.documents import badges, outcomes, participants, programme, session_pack, surveys  # noqa: F401
