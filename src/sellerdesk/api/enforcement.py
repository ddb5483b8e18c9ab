"""API: Seller performance — enforcement, complaints, detectors.

Staff (the tiers that may change an account's status, and admins) change account status, take and
reverse enforcement actions, validate complaints and watch the detectors. Operators (admin users and
integrations) file complaints and post a detector's actions. A seller reads their own actions with
their notices; complaints and everything else here are not for sellers.
"""

import datetime as dt
from decimal import Decimal
from typing import Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja import Status as HttpStatus
from pydantic import Field

from sellerdesk.accounts.capabilities import Capability, require_capability_anywhere
from sellerdesk.accounts.models import AccountStatus, SellerAccount
from sellerdesk.core import clock
from sellerdesk.core.errors import validation_error
from sellerdesk.performance import selectors, services
from sellerdesk.performance.models import (
    ActionKind,
    ActionSource,
    ActionStatus,
    ComplainantKind,
    Complaint,
    ComplaintStatus,
    EnforcementAction,
    ItemKind,
)

from .schemas import ERRORS, IdempotencyKey, Out, Page, PersonRef, SellerRef, StrictSchema, page_of, person, seller_ref

router = Router(tags=["Seller performance — enforcement, complaints, detectors"])

AccountStatusName = Literal[tuple(AccountStatus.values)]  # type: ignore[valid-type]
ActionKindName = Literal[tuple(ActionKind.values)]  # type: ignore[valid-type]
ActionSourceName = Literal[tuple(ActionSource.values)]  # type: ignore[valid-type]
ActionStatusName = Literal[tuple(ActionStatus.values)]  # type: ignore[valid-type]
ItemKindName = Literal[tuple(ItemKind.values)]  # type: ignore[valid-type]
ComplainantKindName = Literal[tuple(ComplainantKind.values)]  # type: ignore[valid-type]
ComplaintStatusName = Literal[tuple(ComplaintStatus.values)]  # type: ignore[valid-type]
MAX_ID = 2**63 - 1


def _require_staff(request: HttpRequest) -> None:
    require_capability_anywhere(request.auth, Capability.CHANGE_ACCOUNT_STATUS)


# --- account status -----------------------------------------------------------------------------------


class StatusIn(StrictSchema):
    status: AccountStatusName
    reason: str = Field("", max_length=services.TEXT_MAX, description="Why; the seller reads it.")


class AccountStatusOut(Out):
    seller: SellerRef
    status: str
    status_label: str
    reason: str
    changed_at: dt.datetime | None
    changed_by: PersonRef | None


@router.post("/performance/sellers/{seller}/status", response={200: AccountStatusOut, **ERRORS})
def change_account_status(request: HttpRequest, seller: str, payload: StatusIn):
    """Staff move a seller account (by marketplace seller id) to another status, with a reason the
    seller reads. A status that may not follow the current one is `invalid_status_change` (409)."""
    _require_staff(request)
    account = selectors.staff_account(seller)
    account = services.change_account_status(
        actor=request.auth, seller_account_id=account.pk, status=payload.status, reason=payload.reason
    )
    last = selectors.seller_overview(account)["last_status_change"]
    return {
        "seller": seller_ref(account),
        "status": account.status,
        "status_label": str(AccountStatus(account.status).label),
        "reason": (last.data or {}).get("reason", "") if last else "",
        "changed_at": last.created_at if last else None,
        "changed_by": person(last.actor) if last else None,
    }


# --- enforcement actions -------------------------------------------------------------------------------


class ItemIn(StrictSchema):
    kind: ItemKindName
    id: str = Field(min_length=1, max_length=64)


class ActionIn(StrictSchema):
    seller: str = Field(min_length=1, max_length=64, description="The marketplace seller id.")
    kind: ActionKindName
    rule: str = Field("", max_length=32, description="The policy rule's code, e.g. PR-101.")
    items: list[ItemIn] = Field(default_factory=list, max_length=50)
    evidence: str = Field("", max_length=services.TEXT_MAX)
    source: ActionSourceName
    detector: str = Field("", max_length=80)
    detector_confidence: float | None = Field(None, ge=0, le=1)
    complaint_id: int | None = Field(None, ge=1, le=MAX_ID)
    amount_held: Decimal | None = Field(None, gt=0, max_digits=14, decimal_places=2)
    currency: str = Field("", max_length=3)


class RuleOut(Out):
    code: str
    title: str


class DetectorRef(Out):
    name: str
    version: str


class ItemOut(Out):
    kind: str
    id: str


class ActionOut(Out):
    id: int
    seller: SellerRef
    kind: str
    kind_label: str
    rule: RuleOut
    items: list[ItemOut]
    evidence: str
    source: str
    detector: DetectorRef | None
    detector_confidence: float | None
    complaint_id: int | None
    amount_held: Decimal | None
    currency: str
    status: str
    account_status_before: str
    account_status_after: str
    notice: str
    created_at: dt.datetime
    taken_by: PersonRef | None = Field(description="Staff only; null for sellers.")
    reversed_at: dt.datetime | None
    reversal_reason: str


class ActionList(Page):
    items: list[ActionOut]


class ActionFilters(StrictSchema):
    seller: str | None = Field(None, max_length=64, description="A marketplace seller id.")
    status: ActionStatusName | None = None
    detector: str | None = Field(None, max_length=80, description="A detector's name.")
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(25, ge=1, le=100)


class ReverseIn(StrictSchema):
    reason: str = Field("", max_length=services.TEXT_MAX)


def action_out(action: EnforcementAction, *, staff: bool) -> dict:
    detector = action.detector
    return {
        "id": action.pk,
        "seller": seller_ref(action.seller_account),
        "kind": action.kind,
        "kind_label": str(ActionKind(action.kind).label),
        "rule": {"code": action.rule.code, "title": action.rule.title},
        "items": action.items,
        "evidence": action.evidence,
        "source": action.source,
        "detector": {"name": detector.name, "version": action.detector_version} if detector else None,
        "detector_confidence": action.detector_confidence,
        "complaint_id": action.complaint_id,
        "amount_held": action.amount_held,
        "currency": action.currency,
        "status": action.status,
        "account_status_before": action.account_status_before,
        "account_status_after": action.account_status_after,
        "notice": action.notice,
        "created_at": action.created_at,
        "taken_by": person(action.created_by) if staff else None,
        "reversed_at": action.reversed_at,
        "reversal_reason": action.reversal_reason,
    }


def _seller_in_body(marketplace_seller_id: str) -> SellerAccount:
    account = SellerAccount.objects.filter(marketplace_seller_id=marketplace_seller_id.strip()).first()
    if account is None:
        raise validation_error({"seller": [_("There is no seller with this marketplace seller id.")]})
    return account


@router.post("/performance/actions", response={201: ActionOut, **ERRORS})
def take_action(request: HttpRequest, payload: ActionIn, idempotency_key: str | None = IdempotencyKey):
    """Staff, or an integration posting a detector's finding: take an enforcement action. The notice
    is written from the facts; without a rule, the exact items and specific evidence it is refused
    (`notice_refused`, 422, with the missing facts in `fields`). An action based on a complaint needs
    the complaint validated first (`complaint_not_validated`, 409). Account-level actions change the
    account's status. With an `Idempotency-Key` header a retry returns the action already taken
    (again 201) instead of taking a second one; the same key for another seller, kind or rule is
    `idempotency_key_reused` (409)."""
    _require_staff(request)
    account = _seller_in_body(payload.seller)
    action = services.take_action(
        actor=request.auth,
        seller_account_id=account.pk,
        kind=payload.kind,
        rule=payload.rule,
        items=[item.model_dump() for item in payload.items],
        evidence=payload.evidence,
        source=payload.source,
        detector=payload.detector,
        detector_confidence=payload.detector_confidence,
        complaint_id=payload.complaint_id,
        amount_held=payload.amount_held,
        currency=payload.currency,
        idempotency_key=idempotency_key,
    )
    return HttpStatus(201, action_out(selectors.enforcement_action_for(request.auth, action.pk), staff=True))


@router.get("/performance/actions", response={200: ActionList, **ERRORS})
def list_actions(request: HttpRequest, filters: Query[ActionFilters]):
    """Staff: enforcement actions, newest first, by seller, status or detector."""
    _require_staff(request)
    account = selectors.staff_account(filters.seller) if filters.seller else None
    qs = selectors.staff_actions(seller_account=account, status=filters.status, detector=filters.detector)
    return page_of(qs, filters, lambda a: action_out(a, staff=True))


@router.get("/performance/actions/{int:action_id}", response={200: ActionOut, **ERRORS})
def get_action(request: HttpRequest, action_id: int):
    """One action with its notice: a seller reads those on their own account (any other is 404);
    staff read any."""
    action = selectors.enforcement_action_for(request.auth, action_id)
    return action_out(action, staff=selectors.is_enforcement_staff(request.auth))


@router.post("/performance/actions/{int:action_id}/reverse", response={200: ActionOut, **ERRORS})
def reverse_action(request: HttpRequest, action_id: int, payload: ReverseIn):
    """Staff lift an action (a false positive found in a review), with a reason. The account gets
    back the status it had, unless another action in force keeps it restricted or suspended."""
    _require_staff(request)
    services.reverse_action(actor=request.auth, action_id=action_id, reason=payload.reason)
    return action_out(selectors.enforcement_action_for(request.auth, action_id), staff=True)


# --- complaints ---------------------------------------------------------------------------------------


class ComplaintIn(StrictSchema):
    seller: str = Field(min_length=1, max_length=64, description="The marketplace seller id complained about.")
    complainant_kind: ComplainantKindName
    complainant_id: str = Field(min_length=1, max_length=64)
    description: str = Field(min_length=1, max_length=services.TEXT_MAX)
    listing_id: str = Field("", max_length=64)
    order_id: str = Field("", max_length=64)
    product_category: str = Field("", max_length=64)
    rule: str = Field("", max_length=32)
    complainant_since: dt.date | None = Field(None, description="When the complainant's account was opened.")
    verified_purchase: bool | None = None
    external_id: str | None = Field(
        None, min_length=1, max_length=128, description="The marketplace's id: sending it again returns the first."
    )


class ComplaintOut(Out):
    id: int
    external_id: str | None
    seller: SellerRef
    listing_id: str
    order_id: str
    product_category: str
    rule: RuleOut | None
    complainant_kind: str
    complainant_id: str
    complainant_since: dt.date | None
    verified_purchase: bool | None
    description: str
    signals: dict
    credibility: str
    score: int
    status: str
    decided_by: PersonRef | None
    decided_at: dt.datetime | None
    decision_reason: str
    created_at: dt.datetime


class ComplaintFilters(StrictSchema):
    status: ComplaintStatusName | None = None
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(25, ge=1, le=100)


class ComplaintList(Page):
    items: list[ComplaintOut]


class DecisionIn(StrictSchema):
    valid: bool
    reason: str = Field("", max_length=services.TEXT_MAX)


def complaint_out(complaint: Complaint) -> dict:
    rule = complaint.rule
    return {
        "id": complaint.pk,
        "external_id": complaint.external_id,
        "seller": seller_ref(complaint.seller_account),
        "listing_id": complaint.listing_id,
        "order_id": complaint.order_id,
        "product_category": complaint.product_category,
        "rule": {"code": rule.code, "title": rule.title} if rule else None,
        "complainant_kind": complaint.complainant_kind,
        "complainant_id": complaint.complainant_id,
        "complainant_since": complaint.complainant_since,
        "verified_purchase": complaint.verified_purchase,
        "description": complaint.description,
        "signals": complaint.signals,
        "credibility": complaint.credibility,
        "score": complaint.credibility_score,
        "status": complaint.status,
        "decided_by": person(complaint.decided_by),
        "decided_at": complaint.decided_at,
        "decision_reason": complaint.decision_reason,
        "created_at": complaint.created_at,
    }


@router.post("/performance/complaints", response={200: ComplaintOut, 201: ComplaintOut, **ERRORS})
def file_complaint(request: HttpRequest, payload: ComplaintIn):
    """Operators: record a complaint from a buyer, a rights owner or another seller. The answer has
    its credibility signals and score; it waits for validation before it may lead to enforcement.
    The same `external_id` again returns the first complaint (200)."""
    complaint, created = services.file_complaint(
        actor=request.auth,
        seller=payload.seller,
        complainant_kind=payload.complainant_kind,
        complainant_id=payload.complainant_id,
        description=payload.description,
        listing_id=payload.listing_id,
        order_id=payload.order_id,
        product_category=payload.product_category,
        rule=payload.rule,
        complainant_since=payload.complainant_since,
        verified_purchase=payload.verified_purchase,
        external_id=payload.external_id,
    )
    complaint = selectors.complaint_queue(status=None).get(pk=complaint.pk)
    return HttpStatus(201 if created else 200, complaint_out(complaint))


@router.get("/performance/complaints", response={200: ComplaintList, **ERRORS})
def list_complaints(request: HttpRequest, filters: Query[ComplaintFilters]):
    """Staff: complaints; those awaiting validation (`status=received`) oldest first."""
    _require_staff(request)
    qs = selectors.complaint_queue(status=filters.status)
    return page_of(qs, filters, complaint_out)


@router.post("/performance/complaints/{int:complaint_id}/decision", response={200: ComplaintOut, **ERRORS})
def decide_complaint(request: HttpRequest, complaint_id: int, payload: DecisionIn):
    """Staff validate a complaint (`valid: true`; it may then lead to enforcement) or reject it,
    with a reason. A decided complaint cannot be decided again (409)."""
    _require_staff(request)
    services.decide_complaint(actor=request.auth, complaint_id=complaint_id, valid=payload.valid, reason=payload.reason)
    return complaint_out(selectors.complaint_queue(status=None).get(pk=complaint_id))


# --- detectors ----------------------------------------------------------------------------------------


class DetectorOut(Out):
    name: str
    version: str
    active: bool
    actions: int
    appeals: int
    appeals_approved: int
    overturned: int
    overturn_rate: float | None = Field(
        description="Share of its actions that were overturned (reversed by an approved appeal or by a "
        "staff review), 0–1; null without actions."
    )


class DetectorFilters(StrictSchema):
    days: int | None = Field(None, ge=1, le=3650, description="Only actions of the last N days; all when omitted.")


@router.get("/performance/detectors", response={200: list[DetectorOut], **ERRORS})
def detectors(request: HttpRequest, filters: Query[DetectorFilters]):
    """Staff: per automated detector, its actions, their appeals and its overturn rate."""
    _require_staff(request)
    since = clock.now() - dt.timedelta(days=filters.days) if filters.days else None
    return selectors.detector_stats(since=since)
