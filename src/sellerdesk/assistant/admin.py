from django.contrib import admin

from .models import CaseTriage, TriageCorrection


class ReadOnly(admin.ModelAdmin):
    """Readings and corrections are written by the services only."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(CaseTriage)
class CaseTriageAdmin(ReadOnly):
    list_display = ["case", "category", "category_confidence", "urgency", "tier", "language", "needs_review"]
    list_filter = ["needs_review", "category_applied", "category", "urgency", "model_version"]
    list_select_related = ["case"]


@admin.register(TriageCorrection)
class TriageCorrectionAdmin(ReadOnly):
    list_display = ["case", "field", "predicted", "corrected", "corrected_by", "created_at"]
    list_filter = ["field"]
    list_select_related = ["case", "corrected_by"]
