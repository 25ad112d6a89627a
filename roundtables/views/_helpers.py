"""What the roundtables views share: the Chair's office guard, finding the meeting, its time zone."""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from rules.contrib.views import permission_required

from roundtables import editions
from roundtables.editions import MANAGE_MEETING, VIEW_MEETING_RECORDS
from roundtables.models import Meeting
from roundtables.permissions import meeting_of

# Someone of a Chair's office (support, or staff of an open meeting): the pages that name no meeting.
chair_required = permission_required("roundtables.view_chair_dashboard", raise_exception=True)

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

# The meeting chair_meeting_required resolved for the view it wraps, by the URL's number, so the view's own
# meeting_or_404 reads no second time.
_checked_meeting: ContextVar[tuple[int | None, Meeting] | None] = ContextVar("checked_meeting", default=None)


_checked_object: ContextVar[object | None] = ContextVar("checked_object", default=None)


def checked_object(model, pk: int):
    """The row chair_meeting_required fetched for the view it wraps (by `pk`), or None."""
    obj = _checked_object.get()
    return obj if isinstance(obj, model) and obj.pk == pk else None


def meeting_or_404(number: int | None) -> Meeting:
    """roundtables.editions.meeting_or_404, answered from the check the view's decorator made."""
    checked = _checked_meeting.get()
    if checked is not None and checked[0] == number:
        return checked[1]
    return editions.meeting_or_404(number)


def chair_meeting_required(model=None, *, write: bool | None = None):
    """A Chair's office page of one meeting: the meeting named by the URL's number (the current one when
    it names none) or the meeting of the `model` row (a model, or a queryset of it) named by its `pk`. Reading needs
    VIEW_MEETING_RECORDS (the troika's staff, support), any other method (or `write=True`, for a form
    page) MANAGE_MEETING (that meeting's staff, support); anyone else gets 403. The services check the
    same rule again on the object."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            obj = None
            if model is None:
                meeting = editions.meeting_or_404(kwargs.get("number"))
            else:
                rows = model if isinstance(model, QuerySet) else model.objects.select_related("meeting")
                obj = get_object_or_404(rows, pk=kwargs["pk"])
                meeting = meeting_of(obj)
            writes = write if write is not None else request.method not in SAFE_METHODS
            if not request.user.has_perm(MANAGE_MEETING if writes else VIEW_MEETING_RECORDS, meeting):
                raise PermissionDenied
            token = _checked_meeting.set((kwargs.get("number"), meeting) if model is None else None)
            object_token = _checked_object.set(obj)
            try:
                return view(request, *args, **kwargs)
            finally:
                _checked_object.reset(object_token)
                _checked_meeting.reset(token)

        return wrapped

    return decorator


@contextmanager
def meeting_time(meeting: Meeting | None):
    """Read and show times in the meeting's time zone (the host city's clock)."""
    if meeting is None:
        yield
        return
    with timezone.override(ZoneInfo(meeting.time_zone)):
        yield
