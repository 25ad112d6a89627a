from django.contrib import admin

from reports.models import GeneratedFile


@admin.register(GeneratedFile)
class GeneratedFileAdmin(admin.ModelAdmin):
    """Read-only: files are produced by the worker and served by the permission-checked view."""

    list_display = ["kind", "state", "progress", "requested_by", "created_at", "finished_at", "expires_at"]
    list_filter = ["state", "kind"]
    list_select_related = ["requested_by"]
    readonly_fields = [f.name for f in GeneratedFile._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
