"""Reads for the SLA engine: a case's targets as people see them, its live SLA state and the
priority score with its reason."""

import dataclasses
import datetime as dt

from sellerdesk.cases.models import Case

from . import priority
from .models import CaseTarget, SlaState
from .services import facts


def live_state(case: Case, now: dt.datetime) -> str:
    """The stored state, corrected for a due time that has passed since the last sweep."""
    if case.sla_state in (SlaState.BREACHED, SlaState.PAUSED):
        return case.sla_state
    if any(due is not None and due <= now for due in (case.response_due, case.resolution_due)):
        return SlaState.BREACHED
    return case.sla_state


def priority_of(case: Case, now: dt.datetime) -> tuple[int, str]:
    """(score 0–100, the reason in words) — needs the case's seller account loaded."""
    return priority.score(case.priority_at, now), priority.reason(facts(case), now)


@dataclasses.dataclass
class TargetView:
    target: CaseTarget
    state: str
    left: dt.timedelta | None  # clock time until due (negative when overdue); None when not running


def targets_of(case: Case, now: dt.datetime) -> list[TargetView]:
    """Every target the case has had, newest first per kind, for the agent's SLA panel."""
    views = []
    for target in CaseTarget.objects.filter(case=case).select_related("policy").order_by("started_at", "pk"):
        if target.phase == CaseTarget.Phase.PAUSED:
            state = SlaState.PAUSED
        elif target.breached_at or (target.due_at and target.due_at <= now) or target.ceiling_reached_at:
            state = SlaState.BREACHED
        elif target.warned_at:
            state = SlaState.WARNING
        else:
            state = SlaState.OK
        left = target.due_at - now if target.due_at and target.phase == CaseTarget.Phase.RUNNING else None
        views.append(TargetView(target=target, state=state, left=left))
    return views
