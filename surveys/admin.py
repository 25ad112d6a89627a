from django.contrib import admin

from surveys.models import Invitation, Survey


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "opens_at", "closes_at", "anonymous"]
    list_filter = ["meeting", "anonymous"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["survey", "delegation", "person", "created_at", "submitted_at"]
    list_filter = ["survey"]
    # Links are hashes; responses are read on the results page (anonymity holds there).
    readonly_fields = ["survey", "delegation", "person", "invited_by", "submitted_at"]
