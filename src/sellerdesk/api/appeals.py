"""API: Seller performance — the seller's account status and actions, and appeals."""

from datetime import datetime
from decimal import Decimal
from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router
from ninja import Status as HttpStatus
from pydantic import Field

from sellerdesk.cases.models import Channel
from sellerdesk.core.text import MAX_DB_ID
from sellerdesk.performance import selectors, services
from sellerdesk.performance.models import OPEN_APPEAL_STATUSES, AppealDecision, AppealStatus

from .schemas import (
    ERRORS,
    Out,
    Page,
    PersonRef,
    SellerRef,
    StrictSchema,
    TeamRef,
    page_of,
    person,
    seller_ref,
    team_ref,
)

router = Router(tags=["Seller performance — appeals"])

AppealStatusName = Literal[tuple(AppealStatus.values)]  # type: ignore[valid-type]
DecisionName = Literal[tuple(AppealDecision.values)]  # type: ignore[valid-type]


def _plan_text(what: str):
    return Field(max_length=services.TEXT_MAX, description=f"{what} At least {services.PLAN_MIN} characters.")


class RuleOut(Out):
    code: str
    title: str
    summary: str
    how_to_comply: str


class ItemOut(Out):
    kind: Literal["listing", "order", "asin", "sku"]
    id: str


class DetectorOut(Out):
    name: str
    version: str = Field(description="The detector version that flagged the items.")
    confidence: float | None


class AppealStateOut(Out):
    id: int
    status: str
    created_at: datetime
    decided_at: datetime | None
    decision_reason: str
    escalated_at: datetime | None


class ActionOut(Out):
    id: int
    kind: str
    kind_label: str
    status: Literal["active", "reversed"]
    rule: RuleOut
    items: list[ItemOut]
    evidence: str
    source: Literal["detector", "complaint", "reviewer"]
    detector: DetectorOut | None
    amount_held: Decimal | None
    currency: str
    account_status_before: str
    account_status_after: str
    notice: str = Field(description="The notice the seller received, written from the facts above.")
    created_at: datetime
    reversed_at: datetime | None
    reversal_reason: str
    appeal: AppealStateOut | None = Field(description="The latest appeal of the action, if any.")
    appeals: int = Field(description="How many appeals the action has had.")
    can_appeal: bool = Field(description="In force and no appeal under review.")


class NextStepOut(Out):
    kind: Literal["appeal", "follow_appeal", "escalate", "fix_items", "wait_for_review", "contact_support", "nothing"]
    text: str
    action_id: int | None
    appeal_id: int | None


class AccountOut(Out):
    seller: SellerRef
    status: str
    status_label: str
    meaning: str = Field(description="What the status means for the seller.")
    reason: str = Field(description="Why: the reason of the last status change (empty if it never changed).")
    changed_at: datetime | None
    what_to_do: list[NextStepOut]
    actions: list[ActionOut] = Field(description="Actions in force first, then past ones; newest first.")


class AccountFilters(StrictSchema):
    seller: str | None = Field(
        None, max_length=64, description="Agents: the marketplace seller id. Sellers read their own account."
    )


class CaseRef(Out):
    id: int
    number: str
    status: str
    team: TeamRef | None


class AppealOut(Out):
    id: int
    status: str
    status_label: str
    action: ActionOut
    case: CaseRef = Field(description="The appeal's case: the conversation, and its attachments are the evidence.")
    root_cause: str
    corrective_actions: str
    preventive_measures: str
    via_recovery: bool
    created_at: datetime
    decision_due: datetime | None = Field(description="The appeal-decision target while the appeal is open.")
    decision_reason: str
    decided_at: datetime | None
    decided_by: PersonRef | None
    escalated_at: datetime | None
    escalation_reason: str
    can_escalate: bool = Field(description="Denied and never escalated: the seller may ask once for a senior review.")


class AppealList(Page):
    items: list[AppealOut]


class AppealFilters(StrictSchema):
    status: AppealStatusName | None = None
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(25, ge=1, le=100)


class AppealIn(StrictSchema):
    action_id: int = Field(ge=1, le=MAX_DB_ID)
    root_cause: str = _plan_text("What caused the problem.")
    corrective_actions: str = _plan_text("What the seller has already changed to fix it.")
    preventive_measures: str = _plan_text("What the seller does from now on so that it does not happen again.")


class DecisionIn(StrictSchema):
    decision: DecisionName
    reason: str = Field(
        max_length=services.TEXT_MAX,
        description=f"At least {services.DECISION_MIN} characters; to approve or deny, name the rule code or "
        "one of the action's item ids.",
    )


class EscalationIn(StrictSchema):
    reason: str = Field(
        max_length=services.TEXT_MAX, description=f"What the decision missed, at least {services.PLAN_MIN} characters."
    )


def _appeal_state(appeal) -> dict:
    return {
        "id": appeal.pk,
        "status": appeal.status,
        "created_at": appeal.created_at,
        "decided_at": appeal.decided_at,
        "decision_reason": appeal.decision_reason,
        "escalated_at": appeal.escalated_at,
    }


def _action_out(view: selectors.ActionView) -> dict:
    action = view.action
    return {
        "id": action.pk,
        "kind": action.kind,
        "kind_label": action.get_kind_display(),
        "status": action.status,
        "rule": {
            "code": action.rule.code,
            "title": action.rule.title,
            "summary": action.rule.summary,
            "how_to_comply": action.rule.how_to_comply,
        },
        "items": action.items,
        "evidence": action.evidence,
        "source": action.source,
        "detector": {
            "name": action.detector.name,
            "version": action.detector_version,
            "confidence": action.detector_confidence,
        }
        if action.detector
        else None,
        "amount_held": action.amount_held,
        "currency": action.currency,
        "account_status_before": action.account_status_before,
        "account_status_after": action.account_status_after,
        "notice": action.notice,
        "created_at": action.created_at,
        "reversed_at": action.reversed_at,
        "reversal_reason": action.reversal_reason,
        "appeal": _appeal_state(view.latest_appeal) if view.latest_appeal else None,
        "appeals": len(view.appeals),
        "can_appeal": view.can_appeal,
    }


def _appeal_out(appeal, viewer) -> dict:
    # The action's appeals come prefetched, newest first (selectors.appeals_for).
    action_view = selectors.ActionView(action=appeal.action, appeals=list(appeal.action.appeals.all()))
    case = appeal.case
    return {
        "id": appeal.pk,
        "status": appeal.status,
        "status_label": appeal.get_status_display(),
        "action": _action_out(action_view),
        "case": {"id": case.pk, "number": case.number, "status": case.status, "team": team_ref(case.team)},
        "root_cause": appeal.root_cause,
        "corrective_actions": appeal.corrective_actions,
        "preventive_measures": appeal.preventive_measures,
        "via_recovery": appeal.via_recovery,
        "created_at": appeal.created_at,
        "decision_due": case.resolution_due if appeal.status in OPEN_APPEAL_STATUSES else None,
        "decision_reason": appeal.decision_reason,
        "decided_at": appeal.decided_at,
        # Sellers learn the decision and its reason; which staff member decided stays with staff.
        "decided_by": person(appeal.decided_by) if viewer.is_agent else None,
        "escalated_at": appeal.escalated_at,
        "escalation_reason": appeal.escalation_reason,
        "can_escalate": appeal.status == AppealStatus.DENIED and appeal.escalated_at is None,
    }


@router.get("/performance/account", response={200: AccountOut, **ERRORS})
def account(request: HttpRequest, filters: Query[AccountFilters]):
    """The account as the seller sees it: the status and what it means, why (the reason of the last
    status change), what the seller can do now, and every enforcement action with its notice and
    the state of its appeal. Sellers read their own account; agents name one with `seller`."""
    overview = selectors.account_overview(request.auth, filters.seller)
    return {
        "seller": seller_ref(overview.account),
        "status": overview.status,
        "status_label": overview.status_label,
        "meaning": overview.meaning,
        "reason": overview.reason,
        "changed_at": overview.changed_at,
        "what_to_do": [vars(step) for step in overview.next_steps],
        "actions": [_action_out(view) for view in overview.actions],
    }


@router.get("/performance/appeals", response={200: AppealList, **ERRORS})
def list_appeals(request: HttpRequest, filters: Query[AppealFilters]):
    """Sellers: their account's appeals. Agents: the appeals whose case they may see (their teams')."""
    qs = selectors.appeals_for(request.auth, status=filters.status)
    return page_of(qs, filters, lambda a: _appeal_out(a, request.auth))


@router.get("/performance/appeals/{int:appeal_id}", response={200: AppealOut, **ERRORS})
def get_appeal(request: HttpRequest, appeal_id: int):
    return _appeal_out(selectors.appeal_for(request.auth, appeal_id), request.auth)


@router.post("/performance/appeals", response={200: AppealOut, 201: AppealOut, **ERRORS})
def file_appeal(request: HttpRequest, payload: AppealIn):
    """Sellers appeal an enforcement action on their account with a plan of action: the root cause,
    the corrective actions taken and the preventive measures. The appeal is worked as a case in the
    appeals category (the seller performance team's queue, with an appeal-decision target). Sending
    the same appeal again returns it (200) instead of filing a second one.

    Evidence files are the attachments of the appeal's case (`case.id` in the answer): send them
    with POST /api/v1/cases/{case_id}/attachments (a multipart form) or reply with files in the
    seller portal; POST /api/v1/cases/{case_id}/messages adds written information, and the case's
    timeline (GET /api/v1/cases/{case_id}/events) lists every file."""
    appeal, created = services.file_appeal(
        actor=request.auth,
        action_id=payload.action_id,
        root_cause=payload.root_cause,
        corrective_actions=payload.corrective_actions,
        preventive_measures=payload.preventive_measures,
        channel=Channel.API,
    )
    return HttpStatus(201 if created else 200, _appeal_out(selectors.appeal_for(request.auth, appeal.pk), request.auth))


@router.post("/performance/appeals/{int:appeal_id}/decision", response={200: AppealOut, **ERRORS})
def decide_appeal(request: HttpRequest, appeal_id: int, payload: DecisionIn):
    """Agents of the team that owns the appeal's case, whose tier may decide appeals: approve
    (reverses the action and restores the account's status), deny, or ask for more information
    (the case waits on the seller). The reason is sent to the seller; to approve or deny it must
    name the rule or an item."""
    services.decide_appeal(actor=request.auth, appeal_id=appeal_id, decision=payload.decision, reason=payload.reason)
    return _appeal_out(selectors.appeal_for(request.auth, appeal_id), request.auth)


@router.post("/performance/appeals/{int:appeal_id}/escalate", response={200: AppealOut, **ERRORS})
def escalate_appeal(request: HttpRequest, appeal_id: int, payload: EscalationIn):
    """Sellers ask once for a senior review of a denied appeal: its case is reopened and moves to
    the senior tier, where the appeal is decided again."""
    services.escalate_appeal(actor=request.auth, appeal_id=appeal_id, reason=payload.reason)
    return _appeal_out(selectors.appeal_for(request.auth, appeal_id), request.auth)
