"""Read queries for cases: lists, the timeline, the seller's context. Every query starts from the
permission scope, and loads its related rows in a fixed number of queries (no N+1)."""

from django.db.models import Count, F, Prefetch, Q, QuerySet

from sellerdesk.accounts import permissions
from sellerdesk.accounts.models import User
from sellerdesk.core.text import id_param

from .events import INTERNAL_KINDS
from .lifecycle import ACTIVE_STATUSES
from .models import Attachment, Case, CaseEvent

SORTS = {
    "updated": ("-updated_at", "-pk"),
    "oldest": ("created_at", "pk"),
    "newest": ("-created_at", "-pk"),
    # The SLA engine's priority instant: deadlines, targets, urgency and business impact in one
    # time-invariant key (see sla.priority); cases without one (done) come last.
    "priority": (F("priority_at").asc(nulls_last=True), "pk"),
}


def cases_for(
    user: User,
    *,
    status: str | None = None,
    category: str | None = None,
    team_id: int | None = None,
    assignee: str | None = None,
    query: str | None = None,
    sort: str = "updated",
) -> QuerySet[Case]:
    """The cases this user may see, filtered. `status` may be a status or "active";
    `assignee` is "me", "none" or an agent id; `query` matches a case number or subject words."""
    qs = Case.objects.filter(permissions.case_scope(user)).select_related("seller_account", "team", "assignee")
    if status == "active":
        qs = qs.filter(status__in=ACTIVE_STATUSES)
    elif status:
        qs = qs.filter(status=status)
    if category:
        qs = qs.filter(category=category)
    if team_id:
        qs = qs.filter(team_id=team_id)
    if assignee == "me":
        qs = qs.filter(assignee_id=user.pk)
    elif assignee == "none":
        qs = qs.filter(assignee__isnull=True)
    elif assignee and id_param(assignee):
        qs = qs.filter(assignee_id=id_param(assignee))
    if query:
        query = query.strip()
        pk = Case.pk_from_number(query)
        condition = Q(subject__icontains=query) | Q(order_id=query) | Q(listing_id=query)
        if pk is not None:
            condition |= Q(pk=pk)
        qs = qs.filter(condition)
    return qs.order_by(*SORTS.get(sort, SORTS["updated"]))


def timeline(user: User, case: Case) -> QuerySet[CaseEvent]:
    """The events of a case in order. A seller sees only the public ones; agents see everything."""
    qs = (
        CaseEvent.objects.filter(case=case)
        .select_related("actor", "message")
        .prefetch_related(Prefetch("message__attachments", queryset=Attachment.objects.order_by("pk")))
    )
    if not permissions.can_see_internal(user):
        qs = qs.filter(public=True).exclude(kind__in=INTERNAL_KINDS)
    return qs.order_by("created_at", "pk")


def other_open_cases(user: User, case: Case, limit: int = 10) -> list[Case]:
    """The seller's other active cases that this user may see: context for the agent."""
    return list(
        Case.objects.filter(
            permissions.case_scope(user), seller_account_id=case.seller_account_id, status__in=ACTIVE_STATUSES
        )
        .exclude(pk=case.pk)
        .select_related("team", "assignee")
        .order_by("-updated_at")[:limit]
    )


def queue_summary(user: User) -> list[dict]:
    """Per team of the agent: active cases and how many have nobody assigned."""
    from sellerdesk.accounts.models import Team

    return list(
        Team.objects.filter(pk__in=permissions.team_ids(user))
        .annotate(
            active=Count("cases", filter=Q(cases__status__in=ACTIVE_STATUSES)),
            unassigned=Count("cases", filter=Q(cases__status__in=ACTIVE_STATUSES, cases__assignee__isnull=True)),
        )
        .order_by("tier", "name")
        .values("id", "name", "tier", "active", "unassigned")
    )


def attachment_for(user: User, attachment_id: int) -> Attachment | None:
    """An attachment the user may download: on a case they see, and not on an internal note unless
    they are an agent."""
    qs = Attachment.objects.filter(pk=attachment_id, case__in=Case.objects.filter(permissions.case_scope(user)))
    if not permissions.can_see_internal(user):
        qs = qs.filter(message__internal=False)
    return qs.first()
