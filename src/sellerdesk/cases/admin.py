from django.contrib import admin

from .models import Case, CaseEvent


class ReadOnlyEventInline(admin.TabularInline):
    model = CaseEvent
    fields = ["created_at", "kind", "actor", "public", "data"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    """Read-only: cases change only through the workspace and API, so every change is audited."""

    list_display = ["number", "subject", "seller_account", "category", "status", "team", "assignee", "updated_at"]
    list_filter = ["status", "category", "team", "channel"]
    search_fields = ["subject", "order_id", "seller_account__name"]
    inlines = [ReadOnlyEventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
