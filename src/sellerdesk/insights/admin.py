"""Insights in the Django admin, for reading only: alerts are written by the spike sweep and
acknowledged in the workspace; incidents are posted and ended in the workspace (or the API), which
records who did it, and are never deleted."""

from django.contrib import admin

from sellerdesk.core.admin import ReadOnlyAdmin

from .models import Alert, Incident


@admin.register(Alert)
class AlertAdmin(ReadOnlyAdmin):
    list_display = ["day", "kind", "key", "count", "baseline_mean", "threshold", "notified_at", "acknowledged_at"]
    list_filter = ["kind", "day"]
    search_fields = ["key"]


@admin.register(Incident)
class IncidentAdmin(ReadOnlyAdmin):
    list_display = ["title", "starts_at", "ends_at", "created_by", "ended_at", "ended_by"]
    list_filter = ["ended_at"]
    search_fields = ["title", "message"]
