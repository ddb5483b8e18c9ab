from django.contrib import admin

from .models import Commitment


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    """Read-only: promises are made, kept and cancelled on the case, where every step is audited."""

    list_display = ["case", "kind", "description", "amount", "currency", "owner", "due_at", "state"]
    list_filter = ["state", "kind", "team"]
    search_fields = ["description"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
