from django.contrib import admin

from delegations.models import (
    Delegation,
    DelegationQuota,
    FocalPoint,
    FocalPointNomination,
    Invitation,
    MeetingMembership,
    Registration,
    SessionChoice,
)


@admin.register(Delegation)
class DelegationAdmin(admin.ModelAdmin):
    """For repairs only: the Chair's office creates, edits, retires and merges delegations in the
    portal (delegations:index), which logs every change."""

    list_display = ["name", "kind", "country", "region", "retired_at"]
    list_filter = ["kind", "region"]
    search_fields = ["name"]

    def save_model(self, request, obj, form, change):
        # A repair here still outdates a form open in the portal (its save is refused, not lost).
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)


class SessionChoiceInline(admin.TabularInline):
    model = SessionChoice
    extra = 0
    raw_id_fields = ["session"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    """For repairs only: decisions go through the pages, which log them and mail the participant."""

    list_display = ["person", "delegation", "meeting", "role", "status", "created_at"]
    list_filter = ["meeting", "status", "role", "delegation__kind"]
    search_fields = ["person__email", "person__last_name", "delegation__name"]
    raw_id_fields = ["person", "delegation", "decided_by"]
    readonly_fields = ["created_at", "decided_at"]
    inlines = [SessionChoiceInline]


@admin.register(DelegationQuota)
class DelegationQuotaAdmin(admin.ModelAdmin):
    list_display = ["delegation", "meeting", "places", "set_by", "updated_at"]
    raw_id_fields = ["delegation", "set_by"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "delegation", "meeting", "role", "created_at", "expires_at", "used_at", "revoked_at"]
    search_fields = ["email", "delegation__name"]
    readonly_fields = ["token_hash", "used_at", "used_by", "created_at"]
    raw_id_fields = ["delegation", "invited_by"]


# Membership and focal points per meeting: for repairs only, the Chair's office sets them in the portal
# (delegations:meeting_membership), which logs every change and mails the nominations.
@admin.register(MeetingMembership)
class MeetingMembershipAdmin(admin.ModelAdmin):
    list_display = ["delegation", "meeting", "steering_group", "friends_of_the_forum", "updated_at"]
    list_filter = ["meeting", "steering_group", "friends_of_the_forum"]
    raw_id_fields = ["delegation"]


@admin.register(FocalPoint)
class FocalPointAdmin(admin.ModelAdmin):
    list_display = ["user", "delegation", "meeting", "accepted_at"]
    list_filter = ["meeting"]
    search_fields = ["user__email", "delegation__name"]
    raw_id_fields = ["delegation", "user", "nominated_by"]


@admin.register(FocalPointNomination)
class FocalPointNominationAdmin(admin.ModelAdmin):
    list_display = ["email", "delegation", "meeting", "created_at", "expires_at", "used_at", "revoked_at"]
    search_fields = ["email", "delegation__name"]
    readonly_fields = ["token_hash", "used_at", "used_by", "created_at"]
    raw_id_fields = ["delegation", "invited_by", "replaces"]
