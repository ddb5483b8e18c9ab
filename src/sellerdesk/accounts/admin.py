from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import ApiToken, SellerAccount, Team, TeamMembership, TierCapability, User


class MembershipInline(admin.TabularInline):
    model = TeamMembership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(SellerAccount)
class SellerAccountAdmin(admin.ModelAdmin):
    list_display = ["name", "marketplace_seller_id", "country", "segment", "status"]
    list_filter = ["status", "segment", "country"]
    search_fields = ["name", "marketplace_seller_id"]
    # The status changes only through performance.services (with a reason the seller reads and an
    # audit event): the workspace's Seller performance page or the API.
    readonly_fields = ["status"]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if change and "segment" in form.changed_data:
            # A suspended seller's open cases move up the queues at once.
            from sellerdesk.sla.services import refresh_account_cases

            refresh_account_cases(obj.pk)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "role", "seller_account", "is_active"]
    list_filter = ["role", "is_active"]
    autocomplete_fields = ["seller_account"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Sellerdesk"), {"fields": ("role", "seller_account", "timezone", "languages")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        (_("Sellerdesk"), {"fields": ("role", "seller_account", "email", "first_name", "last_name")}),
    )


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "tier", "languages", "categories", "calendar"]
    list_filter = ["tier"]
    search_fields = ["name"]
    inlines = [MembershipInline]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at", "expires_at", "last_used_at"]
    readonly_fields = ["user", "key_hash", "created_at", "last_used_at"]
    search_fields = ["user__username"]

    def has_add_permission(self, request):
        return False  # tokens come from POST /api/v1/auth/token, so the raw value is never stored


@admin.register(TierCapability)
class TierCapabilityAdmin(admin.ModelAdmin):
    """The capability matrix: which tier may take which action, and up to what amount."""

    list_display = ["tier", "capability", "max_amount_usd"]
    list_filter = ["tier", "capability"]
    list_editable = ["max_amount_usd"]
