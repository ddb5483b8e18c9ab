"""Tiered support: teams, playbooks, transfers, bounces, actions and sellers' escalation requests."""

import datetime as dt
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja import Status as HttpStatus
from pydantic import Field

from sellerdesk.accounts import capabilities, permissions
from sellerdesk.accounts.capabilities import Capability
from sellerdesk.accounts.models import Team
from sellerdesk.commitments.selectors import promises_kept
from sellerdesk.core import clock
from sellerdesk.core.errors import CoreError, SellerdeskError
from sellerdesk.routing import selectors, services
from sellerdesk.routing.models import EscalationRequest, Transfer

from .schemas import ERRORS, IdempotencyKey, Out, PersonRef, StrictSchema, TeamRef, person, team_ref

router = Router(tags=["tiered support"])
CapabilityName = Literal[tuple(Capability.values)]  # type: ignore[valid-type]
# One Literal, not a union with Literal[""]: a union would name the field "capability.literal[...]" in errors.
CapabilityOrNone = Literal[(*Capability.values, "")]  # type: ignore[valid-type]


class TeamOut(Out):
    id: int
    name: str
    tier: str
    languages: list[str]
    categories: list[str]
    capabilities: list[str]


class TransferIn(StrictSchema):
    team: int = Field(ge=1, le=2**63 - 1)
    reason_code: str = Field(min_length=1, max_length=40)
    note: str = Field("", max_length=services.NOTE_MAX)
    capability: CapabilityOrNone = Field("", description="With reason needs_capability: the action needed.")


class TransferOut(Out):
    id: int
    case_id: int
    kind: str
    from_team: TeamRef | None
    to_team: TeamRef
    from_agent: PersonRef | None
    reason_code: str | None
    capability: str
    note: str
    business_deadline: datetime | None
    expected_reply_by: datetime | None
    avoidable: str
    created_at: datetime
    bounced_at: datetime | None
    bounce_reason: str


class BounceIn(StrictSchema):
    reason: str = Field(min_length=1, max_length=services.NOTE_MAX)


class PlaybookIn(StrictSchema):
    fields: dict[str, Any] = Field(default_factory=dict)
    completed_steps: list[str] = Field(default_factory=list, max_length=50)
    playbook: int | None = Field(None, ge=1, le=2**63 - 1, description="Switch to another playbook of the category.")


class PlaybookOut(Out):
    id: int
    name: str
    category: str
    subtype: str
    summary: str
    resolution_capability: str
    steps: list[dict]
    fields: list[dict]


class PlaybookProgressOut(Out):
    playbook: PlaybookOut
    values: dict[str, str]
    completed_steps: list[str]
    completed_at: datetime | None
    missing: dict[str, list[str]]


class ActionIn(StrictSchema):
    capability: CapabilityName
    note: str = Field(min_length=1, max_length=services.NOTE_MAX)
    amount: Decimal | None = Field(None, gt=0, max_digits=12, decimal_places=2)
    currency: str = Field("", max_length=3, pattern=r"^([A-Za-z]{3})?$")
    reference: str = Field("", max_length=100)


class EscalationIn(StrictSchema):
    kind: Literal[tuple(EscalationRequest.Kind.values)]  # type: ignore[valid-type]
    reason: str = Field(min_length=1, max_length=services.NOTE_MAX)
    phone: str = Field("", max_length=32)


class EscalationOut(Out):
    id: int
    case_id: int
    kind: str
    reason: str
    state: str
    created_at: datetime
    target_at: datetime
    handled_at: datetime | None
    outcome: str


class HandleIn(StrictSchema):
    outcome: str = Field(min_length=1, max_length=services.NOTE_MAX)
    not_urgent: bool = False


class MetricsFilter(StrictSchema):
    days: int = Field(30, ge=1, le=366)


def transfer_out(t: Transfer) -> dict:
    return {
        "id": t.pk,
        "case_id": t.case_id,
        "kind": t.kind,
        "from_team": team_ref(t.from_team),
        "to_team": team_ref(t.to_team),
        "from_agent": person(t.from_agent),
        "reason_code": t.reason.code if t.reason else None,
        "capability": t.capability,
        "note": t.note,
        "business_deadline": t.business_deadline,
        "expected_reply_by": t.expected_reply_by,
        "avoidable": t.avoidable,
        "created_at": t.created_at,
        "bounced_at": t.bounced_at,
        "bounce_reason": t.bounce_reason,
    }


def escalation_out(r: EscalationRequest) -> dict:
    return {
        "id": r.pk,
        "case_id": r.case_id,
        "kind": r.kind,
        "reason": r.reason,
        "state": r.state,
        "created_at": r.created_at,
        "target_at": r.target_at,
        "handled_at": r.handled_at,
        "outcome": r.outcome,
    }


def _require_agent(request: HttpRequest) -> None:
    permissions.require_agent(request.auth, "use this endpoint")


@router.get("/teams", response={200: list[TeamOut], **ERRORS})
def list_teams(request: HttpRequest):
    """Every team with its tier, languages, categories served and capabilities (agents)."""
    _require_agent(request)
    matrix: dict[str, list[str]] = {}
    for tier, capability in capabilities.matrix():
        matrix.setdefault(tier, []).append(capability)
    return [
        {
            "id": t.pk,
            "name": t.name,
            "tier": t.tier,
            "languages": t.languages,
            "categories": t.categories,
            "capabilities": matrix.get(t.tier, []),
        }
        for t in Team.objects.order_by("tier", "name")
    ]


@router.get("/transfer-reasons", response={200: list[dict], **ERRORS})
def transfer_reasons(request: HttpRequest):
    _require_agent(request)
    return [{"code": r.code, "label": r.label, "note_required": r.note_required} for r in selectors.transfer_reasons()]


@router.get("/cases/{int:case_id}/capabilities", response={200: list[str], **ERRORS})
def case_capabilities(request: HttpRequest, case_id: int):
    """The actions you may take on this case (empty for sellers and agents of other teams)."""
    case = permissions.get_case_for(request.auth, case_id)
    if not permissions.can_work_case(request.auth, case):
        return []
    return sorted(capabilities.capabilities_for(request.auth, case))


@router.post("/cases/{int:case_id}/transfer", response={201: TransferOut, **ERRORS})
def transfer(request: HttpRequest, case_id: int, payload: TransferIn):
    """Transfer to another team with a reason code. Tier 1 must complete the playbook first, unless
    the reason is needs_capability for an action tier 1 lacks."""
    t = services.transfer_case(
        actor=request.auth,
        case_id=case_id,
        team_id=payload.team,
        reason_code=payload.reason_code,
        note=payload.note,
        capability=payload.capability,
    )
    return HttpStatus(201, transfer_out(t))


@router.get("/cases/{int:case_id}/transfers", response={200: list[TransferOut], **ERRORS})
def case_transfers(request: HttpRequest, case_id: int):
    _require_agent(request)
    case = permissions.get_case_for(request.auth, case_id)
    return [transfer_out(t) for t in case.transfers.select_related("from_team", "to_team", "from_agent", "reason")]


@router.post("/transfers/{int:transfer_id}/bounce", response={200: TransferOut, **ERRORS})
def bounce(request: HttpRequest, transfer_id: int, payload: BounceIn):
    """The receiving team sends an avoidable transfer back to the sender, with a reason."""
    t = services.bounce_transfer(actor=request.auth, transfer_id=transfer_id, reason=payload.reason)
    return transfer_out(t)


def _progress_out(panel: dict) -> dict:
    p = panel["playbook"]
    progress = panel["progress"]
    return {
        "playbook": {
            "id": p.pk,
            "name": p.name,
            "category": p.category,
            "subtype": p.subtype,
            "summary": p.summary,
            "resolution_capability": p.resolution_capability,
            "steps": p.steps,
            "fields": p.fields,
        },
        "values": panel["values"],
        "completed_steps": progress.completed_steps if progress else [],
        "completed_at": progress.completed_at if progress else None,
        "missing": panel["missing"],
    }


@router.get("/cases/{int:case_id}/playbook", response={200: PlaybookProgressOut, **ERRORS})
def get_playbook(request: HttpRequest, case_id: int):
    _require_agent(request)
    case = permissions.get_case_for(request.auth, case_id)
    panel = selectors.playbook_panel(case)
    if panel is None:
        raise SellerdeskError(CoreError.NOT_FOUND, _("There is no playbook for this category yet."))
    return _progress_out(panel)


@router.post("/cases/{int:case_id}/playbook", response={200: PlaybookProgressOut, **ERRORS})
def save_playbook(request: HttpRequest, case_id: int, payload: PlaybookIn):
    """Save form values and completed steps; the answer says what is still missing."""
    _require_agent(request)
    services.save_playbook(
        actor=request.auth,
        case_id=case_id,
        values=payload.fields,
        completed_steps=payload.completed_steps,
        playbook_id=payload.playbook,
    )
    return _progress_out(selectors.playbook_panel(permissions.get_case_for(request.auth, case_id)))


@router.post("/cases/{int:case_id}/actions", response={201: dict, **ERRORS})
def take_action(request: HttpRequest, case_id: int, payload: ActionIn, idempotency_key: str | None = IdempotencyKey):
    """Record an action for the seller (carrier re-pickup, reimbursement, ...) your tier may take.
    With an `Idempotency-Key` header a retry on the same case records nothing more (again 201); the
    same key for another action on the case is `idempotency_key_reused` (409)."""
    services.take_action(
        actor=request.auth,
        case_id=case_id,
        capability=payload.capability,
        note=payload.note,
        amount=payload.amount,
        currency=payload.currency,
        reference=payload.reference,
        idempotency_key=idempotency_key,
    )
    return HttpStatus(201, {"case_id": case_id, "capability": payload.capability})


@router.post("/cases/{int:case_id}/escalation-requests", response={201: EscalationOut, **ERRORS})
def request_escalation(request: HttpRequest, case_id: int, payload: EscalationIn):
    """Sellers: mark a case urgent, ask for a supervisor, or request a call-back (with a phone)."""
    r = services.request_escalation(
        actor=request.auth, case_id=case_id, kind=payload.kind, reason=payload.reason, phone=payload.phone
    )
    return HttpStatus(201, escalation_out(r))


@router.get("/cases/{int:case_id}/escalation-requests", response={200: list[EscalationOut], **ERRORS})
def case_escalation_requests(request: HttpRequest, case_id: int):
    case = permissions.get_case_for(request.auth, case_id)
    return [escalation_out(r) for r in case.escalation_requests.order_by("created_at")]


@router.post("/escalation-requests/{int:request_id}/handle", response={200: EscalationOut, **ERRORS})
def handle_escalation(request: HttpRequest, request_id: int, payload: HandleIn):
    """Team leads answer an escalation request in writing (and may judge an urgent one not urgent)."""
    r = services.handle_escalation_request(
        actor=request.auth, request_id=request_id, outcome=payload.outcome, judged_not_urgent=payload.not_urgent
    )
    return escalation_out(r)


@router.get("/metrics/tiered-support", response={200: dict, **ERRORS})
def metrics(request: HttpRequest, filters: Query[MetricsFilter]):
    """Leads (the teams they lead) and admins (all): transfer rates, avoidable transfers, promises kept
    on time, and per seller how often "urgent" was asked for and judged not urgent."""
    user = request.auth
    if not permissions.is_lead(user):
        raise SellerdeskError(CoreError.PERMISSION_DENIED, _("Only team leads and admins see these metrics."))
    team_ids = permissions.led_team_ids(user)
    since = clock.now() - dt.timedelta(days=filters.days)
    return {
        "since": since.isoformat(),
        "transfers": selectors.transfer_metrics(since=since, team_ids=team_ids),
        "promises_kept": promises_kept(since=since, team_ids=team_ids),
        "urgent_requests": selectors.urgent_abuse(since=since, team_ids=team_ids),
    }
