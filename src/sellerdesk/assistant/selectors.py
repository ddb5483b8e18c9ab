"""Reads for the assistant: a case's reading by the model as agents see it; a seller's
conversations with the virtual assistant, and the assistant's metrics."""

import datetime as dt

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from sellerdesk.accounts import permissions
from sellerdesk.accounts.models import User
from sellerdesk.cases.models import Case
from sellerdesk.core import clock
from sellerdesk.core.errors import not_found

from .models import CaseTriage, Conversation, TriageCorrection, Turn

# An open conversation nobody wrote in for this long counts as abandoned.
IDLE_HOURS = 24

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


def conversation_for(user: User, conversation_id: int, *, for_update: bool = False) -> Conversation:
    """One of the seller's own conversations with the assistant; anyone else's (and any for
    someone who is not a seller) does not exist."""
    if not (user.is_authenticated and user.is_seller):
        raise not_found(_("There is no such conversation."))
    qs = Conversation.objects.filter(pk=conversation_id, seller=user)
    if for_update:
        qs = qs.select_for_update(of=("self",))
    conversation = qs.select_related("seller_account", "case").first()
    if conversation is None:
        raise not_found(_("There is no such conversation."))
    return conversation


def turns_of(conversation: Conversation) -> list[Turn]:
    return list(conversation.turns.order_by("created_at", "pk"))


def recent_conversations(user: User, *, limit: int = 10) -> list[Conversation]:
    """The seller's latest conversations, newest first."""
    if not (user.is_authenticated and user.is_seller):
        return []
    return list(Conversation.objects.filter(seller=user).select_related("case").order_by("-updated_at", "-pk")[:limit])


def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def assistant_metrics(since: dt.datetime, *, now: dt.datetime | None = None) -> dict:
    """The assistant's results for the conversations started since `since` (two queries):
    deflected (solved without a case), handed over, abandoned (open and idle over a day, or marked
    so), still open; their rates; and the sellers' answers to "did this help?" on articles."""
    now = now or clock.now()
    idle = now - dt.timedelta(hours=IDLE_HOURS)
    Status = Conversation.Status
    abandoned = Q(status=Status.ABANDONED) | Q(status=Status.OPEN, updated_at__lt=idle)
    totals = Conversation.objects.filter(created_at__gte=since).aggregate(
        conversations=Count("pk"),
        solved=Count("pk", filter=Q(status=Status.SOLVED, case__isnull=True)),
        handed_over=Count("pk", filter=Q(status=Status.HANDED_OVER)),
        abandoned=Count("pk", filter=abandoned),
        open=Count("pk", filter=Q(status=Status.OPEN, updated_at__gte=idle)),
    )
    feedback = Turn.objects.filter(
        role=Turn.Role.SELLER, conversation__created_at__gte=since, data__feedback__isnull=False
    ).aggregate(
        helpful=Count("pk", filter=Q(data__feedback__helpful=True)),
        not_helpful=Count("pk", filter=Q(data__feedback__helpful=False)),
    )
    whole = totals["conversations"]
    return {
        **totals,
        "deflection_rate": _rate(totals["solved"], whole),
        "handover_rate": _rate(totals["handed_over"], whole),
        "abandon_rate": _rate(totals["abandoned"], whole),
        "feedback_helpful": feedback["helpful"],
        "feedback_not_helpful": feedback["not_helpful"],
        "feedback_helpful_rate": _rate(feedback["helpful"], feedback["helpful"] + feedback["not_helpful"]),
    }
