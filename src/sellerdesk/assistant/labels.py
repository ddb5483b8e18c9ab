"""Label sets of the triage model and the documented tier rule."""

from __future__ import annotations

from sellerdesk.cases.categories import Category

LANGUAGES = ("en", "es", "zh", "ja", "de", "fr", "it")

# The case taxonomy itself (one list for the product and the model).
CATEGORIES = tuple(Category.values)

# Ordered from least to most urgent: "within one level" compares positions in this tuple.
URGENCIES = ("low", "normal", "high", "critical")

TIERS = ("tier1", "tier2", "seller_performance", "payments")

# Money movement goes to the payments specialists, enforcement to seller performance.
_PAYMENTS = {"payments", "reimbursement"}
_SELLER_PERFORMANCE = {"account_health", "policy_compliance", "appeals"}
# Problems that need investigation by second line once they are more than a question.
_TIER2_UNLESS_QUESTION = {"listing", "inventory_logistics", "technical"}
# Routine first-line work unless sales or the account are at risk.
_TIER2_WHEN_AT_RISK = {"order_fulfillment", "returns_refunds", "account_access", "advertising"}


def tier_for(category: str, urgency: str) -> str:
    """The suggested tier for a message of this category and urgency (the corpus labelling rule).

    - payments and reimbursement (money movement) -> ``payments``
    - account health, policy compliance, appeals (enforcement) -> ``seller_performance``
    - listing, inventory/logistics and technical problems -> ``tier2`` unless the message is only a
      question (urgency ``low``) -> ``tier1``
    - orders, returns, account access and advertising -> ``tier1``, but ``tier2`` when money, sales or
      the account are at risk (urgency ``high`` or ``critical``)
    - other -> ``tier1``
    """
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    if urgency not in URGENCIES:
        raise ValueError(f"unknown urgency {urgency!r}")
    if category in _PAYMENTS:
        return "payments"
    if category in _SELLER_PERFORMANCE:
        return "seller_performance"
    if category in _TIER2_UNLESS_QUESTION:
        return "tier1" if urgency == "low" else "tier2"
    if category in _TIER2_WHEN_AT_RISK:
        return "tier2" if urgency in ("high", "critical") else "tier1"
    return "tier1"


def urgency_distance(a: str, b: str) -> int:
    return abs(URGENCIES.index(a) - URGENCIES.index(b))
