from django.contrib import admin

from mailings.models import OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ["to", "subject", "state", "attempts", "created_at", "sent_at"]
    list_filter = ["state"]
    search_fields = ["to", "subject"]
    readonly_fields = [f.name for f in OutgoingMail._meta.fields]
