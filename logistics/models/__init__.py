"""The logistics app's tables, one module per part."""

from logistics.models.agenda import *  # noqa: F403
from logistics.models.attendance import *  # noqa: F403
from logistics.models.checkin import *  # noqa: F403
from logistics.models.funding import *  # noqa: F403
from logistics.models.side_events import *  # noqa: F403
from logistics.models.travel import *  # noqa: F403
from logistics.models.visa import *  # noqa: F403
