"""Commitments: promises made to sellers, kept with evidence, cancelled with a reason."""

from datetime import datetime
from decimal import Decimal
from typing import Literal

from django.http import HttpRequest
from ninja import Router
from ninja import Status as HttpStatus
from pydantic import Field

from sellerdesk.accounts import permissions
from sellerdesk.commitments import selectors, services
from sellerdesk.commitments.models import Commitment, Kind, State

from .schemas import ERRORS, IdempotencyKey, Out, PersonRef, StrictSchema, person

router = Router(tags=["commitments"])


class CommitmentIn(StrictSchema):
    kind: Literal[tuple(Kind.values)]  # type: ignore[valid-type]
    description: str = Field(min_length=1, max_length=services.TEXT_MAX)
    due_at: datetime | None = Field(None, description="When it is due; for a call-back, the window's end is used.")
    amount: Decimal | None = Field(None, gt=0, max_digits=12, decimal_places=2)
    currency: str = Field("", max_length=3, pattern=r"^([A-Za-z]{3})?$")
    phone: str = Field("", max_length=32)
    window_start: datetime | None = None
    window_end: datetime | None = None


class CommitmentOut(Out):
    id: int
    case_id: int
    kind: str
    description: str
    amount: Decimal | None
    currency: str
    owner: PersonRef
    due_at: datetime
    state: str
    kept_on_time: bool | None
    evidence: str
    cancel_reason: str
    phone: str
    window_start: datetime | None
    window_end: datetime | None
    created_at: datetime
    fulfilled_at: datetime | None
    broken_at: datetime | None


class EvidenceIn(StrictSchema):
    evidence: str = Field(min_length=1, max_length=services.TEXT_MAX)


class ReasonIn(StrictSchema):
    reason: str = Field(min_length=1, max_length=services.TEXT_MAX)


class CallOutcomeIn(StrictSchema):
    summary: str = Field(min_length=1, max_length=services.TEXT_MAX)


def commitment_out(c: Commitment, *, internal: bool) -> dict:
    return {
        "id": c.pk,
        "case_id": c.case_id,
        "kind": c.kind,
        "description": c.description,
        "amount": c.amount,
        "currency": c.currency,
        "owner": person(c.owner),
        "due_at": c.due_at,
        "state": c.state,
        "kept_on_time": c.kept_on_time,
        "evidence": c.evidence,
        "cancel_reason": c.cancel_reason,
        # The seller gave the number; only agents need to see it back.
        "phone": c.phone if internal else "",
        "window_start": c.window_start,
        "window_end": c.window_end,
        "created_at": c.created_at,
        "fulfilled_at": c.fulfilled_at,
        "broken_at": c.broken_at,
    }


def _out(request: HttpRequest, commitment_id: int) -> dict:
    commitment = selectors.commitments_for(request.auth).get(pk=commitment_id)
    return commitment_out(commitment, internal=permissions.can_see_internal(request.auth))


@router.post("/cases/{int:case_id}/commitments", response={201: CommitmentOut, **ERRORS})
def make_commitment(
    request: HttpRequest, case_id: int, payload: CommitmentIn, idempotency_key: str | None = IdempotencyKey
):
    """Record a promise to the seller (agents of the owning team). Reimbursements need an amount
    within your tier's limit; call-backs need a phone number and a window. With an
    `Idempotency-Key` header a retry returns the promise already made (again 201); the same key on
    another case or for another kind is `idempotency_key_reused` (409)."""
    commitment = services.make_commitment(
        actor=request.auth,
        case_id=case_id,
        kind=payload.kind,
        description=payload.description,
        due_at=payload.due_at,
        amount=payload.amount,
        currency=payload.currency,
        phone=payload.phone,
        window_start=payload.window_start,
        window_end=payload.window_end,
        idempotency_key=idempotency_key,
    )
    return HttpStatus(201, _out(request, commitment.pk))


@router.get("/cases/{int:case_id}/commitments", response={200: list[CommitmentOut], **ERRORS})
def case_commitments(request: HttpRequest, case_id: int, state: Literal[tuple(State.values)] | None = None):  # type: ignore[valid-type]
    """Every promise made on a case, with its state. Sellers see the promises made to them."""
    case = permissions.get_case_for(request.auth, case_id)
    internal = permissions.can_see_internal(request.auth)
    return [
        commitment_out(c, internal=internal) for c in selectors.commitments_for(request.auth, case=case, state=state)
    ]


@router.get("/commitments", response={200: list[CommitmentOut], **ERRORS})
def my_commitments(request: HttpRequest, state: Literal[tuple(State.values)] | None = None):  # type: ignore[valid-type]
    """Sellers: every promise made to their account. Agents: promises on the cases they may see."""
    internal = permissions.can_see_internal(request.auth)
    return [commitment_out(c, internal=internal) for c in selectors.commitments_for(request.auth, state=state)[:500]]


@router.post("/commitments/{int:commitment_id}/fulfil", response={200: CommitmentOut, **ERRORS})
def fulfil(request: HttpRequest, commitment_id: int, payload: EvidenceIn):
    """Mark a promise kept, with evidence (e.g. a reimbursement reference)."""
    services.fulfil_commitment(actor=request.auth, commitment_id=commitment_id, evidence=payload.evidence)
    return _out(request, commitment_id)


@router.post("/commitments/{int:commitment_id}/cancel", response={200: CommitmentOut, **ERRORS})
def cancel(request: HttpRequest, commitment_id: int, payload: ReasonIn):
    services.cancel_commitment(actor=request.auth, commitment_id=commitment_id, reason=payload.reason)
    return _out(request, commitment_id)


@router.post("/commitments/{int:commitment_id}/call-outcome", response={200: CommitmentOut, **ERRORS})
def call_outcome(request: HttpRequest, commitment_id: int, payload: CallOutcomeIn):
    """Log a call-back: the written summary is sent to the seller on the case, and the call-back is kept."""
    services.log_call_outcome(actor=request.auth, commitment_id=commitment_id, summary=payload.summary)
    return _out(request, commitment_id)
