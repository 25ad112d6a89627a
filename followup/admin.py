from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from followup.models import Theme


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):
    """Portal support keeps the list of themes; everything else has its own pages and services."""

    list_display = ("name", "slug", "order")
    prepopulated_fields = {"slug": ("name_en",)}
