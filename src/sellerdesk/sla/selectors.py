"""Reads for the SLA engine: a case's targets as people see them, its live SLA state and the
priority score with its reason."""

import dataclasses
import datetime as dt

from sellerdesk.cases.lifecycle import DONE_STATUSES, Status
from sellerdesk.cases.models import Case

from . import priority
from .models import RESPONSE_KINDS, CaseTarget, LadderAction, SlaState, TargetKind
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


# The targets that make up "our reply" (the case's `response_due`), and the ladder steps that
# put a late reply in front of the team lead (or above).
REPLY_KINDS = (*RESPONSE_KINDS, TargetKind.CALL_BACK)
LEAD_STEPS = (LadderAction.NOTIFY_LEAD, LadderAction.ESCALATE_SENIOR)


def reply_outlook(case, now, *, check_escalation: bool = False) -> dict | None:
    """What the seller is told about our reply, read from the case's SLA fields: expected by when,
    paused while we wait for them, or late. Never the policy, the ladder or the priority.
    `state` is "due", "paused" or "late"; a late reply says it reached the team lead only when the
    ladder has done so (`check_escalation`, on the case page)."""
    if case.status in DONE_STATUSES:
        return None
    if case.response_due is not None:
        if case.response_due > now:
            return {"state": "due", "at": case.response_due}
        escalated = check_escalation and _late_reply_escalated(case, now)
        return {"state": "late", "at": case.response_due, "escalated": escalated}
    if case.status == Status.WAITING_ON_SELLER or case.sla_state == SlaState.PAUSED:
        return {"state": "paused"}
    return None


def _late_reply_escalated(case, now) -> bool:
    """Whether the escalation ladder has already told the team lead (or the senior tier) about the
    overdue reply: a reply target past its breach whose policy's lead step has fired."""
    for view in targets_of(case, now):
        target = view.target
        if not (target.live and target.kind in REPLY_KINDS and target.breached_at and target.policy):
            continue
        if any(
            step.action in LEAD_STEPS and step.percent <= target.fired_percent and step.applies_to(target.kind)
            for step in target.policy.steps.all()
        ):
            return True
    return False
