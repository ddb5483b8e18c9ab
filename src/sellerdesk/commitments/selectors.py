"""Reads of the commitments ledger, always within what the viewer may see."""

import datetime as dt

from django.db.models import Count, F, Q, QuerySet

from sellerdesk.accounts import permissions
from sellerdesk.accounts.models import User
from sellerdesk.cases.models import Case

from .models import Commitment, State


def commitments_for(user: User, *, case: Case | None = None, state: str | None = None) -> QuerySet[Commitment]:
    """Commitments on the cases this user may see (one case, or all), newest due first."""
    qs = Commitment.objects.filter(case__in=Case.objects.filter(permissions.case_scope(user))).select_related(
        "case", "owner", "team"
    )
    if case is not None:
        qs = qs.filter(case=case)
    if state:
        qs = qs.filter(state=state)
    return qs.order_by("-due_at", "-pk")


def promises_kept(*, since: dt.datetime, team_ids: list[int] | None = None) -> dict:
    """ "Promises kept on time" per team and per owner, over commitments due since a time: kept on
    time ÷ (kept + broken); cancelled ones are left out, open ones are not due yet."""
    qs = Commitment.objects.filter(due_at__gte=since).exclude(state__in=[State.CANCELLED, State.OPEN])
    if team_ids is not None:
        qs = qs.filter(team_id__in=team_ids)
    on_time = Q(state=State.FULFILLED, fulfilled_at__lte=F("due_at"))

    def rows(*group):
        out = []
        for r in qs.values(*group).annotate(total=Count("id"), kept=Count("id", filter=on_time)).order_by(*group):
            r["rate"] = round(100 * r["kept"] / r["total"], 1) if r["total"] else None
            out.append(r)
        return out

    return {"teams": rows("team_id", "team__name"), "owners": rows("owner_id", "owner__first_name", "owner__username")}


def overdue_soon(user: User, *, within: dt.timedelta, now: dt.datetime) -> QuerySet[Commitment]:
    """Open commitments the user owns that fall due within a period: a reminder list."""
    return commitments_for(user, state=State.OPEN).filter(owner=user, due_at__lte=now + within).order_by("due_at")


def team_commitments(
    user: User, *, team_ids: list[int] | None, states: list[str], limit: int = 100
) -> list[Commitment]:
    """A lead's list: the commitments of these teams (all teams for None) in these states, within
    what the user may see, newest first."""
    qs = commitments_for(user).filter(state__in=states)
    if team_ids is not None:
        qs = qs.filter(team_id__in=team_ids)
    return list(qs.select_related("case__seller_account").order_by("-created_at", "-pk")[:limit])
