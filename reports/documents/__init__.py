"""The documents the portal produces. Importing this package registers their renderers."""

from reports.documents import badges, programme  # noqa: F401
