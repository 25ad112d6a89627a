"""Querysets the reports pages read."""

from django.db.models import QuerySet

from reports.models import GeneratedFile


def files_requested_by(user, *, limit: int = 20) -> QuerySet[GeneratedFile]:
    return GeneratedFile.objects.filter(requested_by=user).order_by("-created_at", "-pk")[:limit]


def latest_ready_file(*, kind: str, request_key: str) -> GeneratedFile | None:
    return (
        GeneratedFile.objects.downloadable().filter(kind=kind, request_key=request_key).order_by("-finished_at").first()
    )
