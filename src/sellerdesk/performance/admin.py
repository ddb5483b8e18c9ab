"""Seller performance in the Django admin. Operators edit the policy rules and the detectors; the
rest is the record of what happened (contacts, health, the account's audit trail, actions and their
notices, complaints, appeals, recovery requests) and is read-only here: it changes only through
`performance.services`, each change with its reason and audit event."""

from django.contrib import admin

from sellerdesk.core.admin import ReadOnlyAdmin

from .models import (
    AccountEvent,
    AccountHealth,
    Appeal,
    BuyerContact,
    Complaint,
    Detector,
    EnforcementAction,
    PolicyRule,
    RecoveryRequest,
)


@admin.register(PolicyRule)
class PolicyRuleAdmin(admin.ModelAdmin):
    list_display = ["code", "title"]
    search_fields = ["code", "title", "summary"]


@admin.register(Detector)
class DetectorAdmin(admin.ModelAdmin):
    """A detector's overturn rate is on the workspace's Detectors page; raise its version here when
    the model behind it changes, so that new actions record the version that found them."""

    list_display = ["name", "version", "active"]
    list_filter = ["active"]
    search_fields = ["name", "description"]


@admin.register(BuyerContact)
class BuyerContactAdmin(ReadOnlyAdmin):
    list_display = ["external_id", "seller_account", "received_at", "responded_at", "survey_answer"]
    list_filter = ["survey_answer"]
    search_fields = ["external_id", "seller_account__name", "seller_account__marketplace_seller_id"]
    list_select_related = ["seller_account"]
    date_hierarchy = "received_at"


@admin.register(AccountHealth)
class AccountHealthAdmin(ReadOnlyAdmin):
    list_display = [
        "seller_account",
        "window_days",
        "overall",
        "dissatisfaction_state",
        "response_state",
        "computed_at",
    ]
    list_filter = ["window_days", "overall"]
    search_fields = ["seller_account__name", "seller_account__marketplace_seller_id"]
    list_select_related = ["seller_account"]


@admin.register(AccountEvent)
class AccountEventAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "seller_account", "kind", "actor", "public"]
    list_filter = ["kind", "public"]
    search_fields = ["seller_account__name", "seller_account__marketplace_seller_id"]
    list_select_related = ["seller_account", "actor"]
    date_hierarchy = "created_at"


@admin.register(EnforcementAction)
class EnforcementActionAdmin(ReadOnlyAdmin):
    list_display = ["pk", "created_at", "seller_account", "kind", "rule", "source", "detector", "status"]
    list_filter = ["kind", "status", "source", "detector"]
    search_fields = ["seller_account__name", "seller_account__marketplace_seller_id", "rule__code"]
    list_select_related = ["seller_account", "rule", "detector"]
    date_hierarchy = "created_at"


@admin.register(Complaint)
class ComplaintAdmin(ReadOnlyAdmin):
    list_display = ["pk", "created_at", "seller_account", "complainant_kind", "credibility", "status"]
    list_filter = ["status", "credibility", "complainant_kind"]
    search_fields = ["external_id", "complainant_id", "seller_account__name", "seller_account__marketplace_seller_id"]
    list_select_related = ["seller_account"]
    date_hierarchy = "created_at"


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdmin):
    list_display = ["pk", "created_at", "seller_account", "action", "status", "via_recovery"]
    list_filter = ["status", "via_recovery"]
    search_fields = ["seller_account__name", "seller_account__marketplace_seller_id", "case__number"]
    list_select_related = ["seller_account", "action", "action__rule"]
    date_hierarchy = "created_at"


@admin.register(RecoveryRequest)
class RecoveryRequestAdmin(ReadOnlyAdmin):
    # The hashes of the code and of the recovery session are secrets' fingerprints: not shown.
    exclude = ["code_hash", "session_hash"]
    list_display = ["created_at", "seller_account", "method", "reason", "verified_at"]
    list_filter = ["method", "reason"]
    search_fields = ["seller_account__name", "seller_account__marketplace_seller_id"]
    list_select_related = ["seller_account"]
    date_hierarchy = "created_at"
