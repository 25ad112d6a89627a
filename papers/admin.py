from django.contrib import admin

from papers.models import Comment, DeadlineReminder, Paper, SubmissionDeadline, Translation, Version


class VersionInline(admin.TabularInline):
    model = Version
    extra = 0
    fields = ["number", "original_name", "file_format", "size", "sha256", "uploaded_by", "uploaded_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(Paper)
class PaperAdmin(admin.ModelAdmin):
    # States change through the workflow (papers.services), never by editing the row here.
    list_display = ["title", "session", "kind", "language", "state", "updated_at"]
    list_filter = ["state", "kind", "language", "session__meeting"]
    search_fields = ["title_en", "title_fr", "title_es"]
    readonly_fields = ["state", "accepted_version", "submitted_at", "published_at", "created_by"]
    inlines = [VersionInline]


@admin.register(Translation)
class TranslationAdmin(admin.ModelAdmin):
    list_display = ["paper", "language", "file_format", "size", "uploaded_at"]
    readonly_fields = ["file", "file_format", "size", "sha256", "original_name", "uploaded_by"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["version", "author", "created_at"]


admin.site.register(SubmissionDeadline)
admin.site.register(DeadlineReminder)
