"""Reads for the assistant: a case's reading by the model as agents see it."""

from sellerdesk.accounts import permissions
from sellerdesk.accounts.models import User
from sellerdesk.cases.models import Case

from .models import CaseTriage, TriageCorrection

FIELDS = ("category", "urgency", "tier", "language")


def reading_for(user: User, case: Case) -> CaseTriage | None:
    """The model's reading of a case the user may see, for agents only (sellers never see it)."""
    if not permissions.can_see_internal(user):
        return None
    return CaseTriage.objects.select_related("reviewed_by").filter(case=case).first()


def values_in_effect(case: Case, reading: CaseTriage) -> dict[str, str]:
    """What each prediction stands as on the case now: its category, assessed urgency and language
    (whoever set them: the seller, the model or an agent), and the last tier an agent gave."""
    tier = (
        TriageCorrection.objects.filter(case=case, field=TriageCorrection.Field.TIER)
        .order_by("-created_at", "-pk")
        .values_list("corrected", flat=True)
        .first()
    )
    return {
        "category": case.category,
        "urgency": case.assessed_urgency or reading.urgency,
        "tier": tier or reading.tier,
        "language": case.language,
    }


def needs_review_ids(case_ids) -> set[int]:
    """Of these cases, the ones whose reading an agent should confirm (one query)."""
    return set(
        CaseTriage.objects.filter(case_id__in=list(case_ids), needs_review=True).values_list("case_id", flat=True)
    )
