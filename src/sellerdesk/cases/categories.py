"""The case category taxonomy: exact values used by the API, routing and (later) triage."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    ORDER_FULFILLMENT = "order_fulfillment", _("Order fulfilment")
    RETURNS_REFUNDS = "returns_refunds", _("Returns and refunds")
    REIMBURSEMENT = "reimbursement", _("Reimbursement")
    PAYMENTS = "payments", _("Payments")
    LISTING = "listing", _("Listing")
    POLICY_COMPLIANCE = "policy_compliance", _("Policy compliance")
    ACCOUNT_HEALTH = "account_health", _("Account health")
    ACCOUNT_ACCESS = "account_access", _("Account access")
    APPEALS = "appeals", _("Appeals")
    INVENTORY_LOGISTICS = "inventory_logistics", _("Inventory and logistics")
    ADVERTISING = "advertising", _("Advertising")
    TECHNICAL = "technical", _("Technical")
    OTHER = "other", _("Other")
