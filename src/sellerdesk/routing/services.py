"""Tiered support: playbook progress, accountable transfers, bounces, escalations, case actions and
sellers' escalation requests. Each function is one transaction with its audit events."""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from sellerdesk.accounts import capabilities, permissions
from sellerdesk.accounts.capabilities import BASIC, Capability
from sellerdesk.accounts.models import Team, Tier, User
from sellerdesk.cases.audit import record_event
from sellerdesk.cases.errors import CasesError
from sellerdesk.cases.events import EventType
from sellerdesk.cases.lifecycle import DONE_STATUSES
from sellerdesk.cases.models import Case, CaseEvent, Priority
from sellerdesk.core import clock
from sellerdesk.core.errors import CoreError, SellerdeskError, not_found, validation_error
from sellerdesk.core.text import clean_text
from sellerdesk.sla import services as sla

from . import playbooks as forms
from .errors import RoutingError
from .models import CasePlaybook, EscalationRequest, Playbook, Transfer, TransferReason
from .selectors import best_team_of_tier, playbook_for_case

NOTE_MAX = 2000

# One level up: where an escalated case goes next.
ESCALATION_PATH = {
    Tier.TIER1: Tier.TIER2,
    Tier.TIER2: Tier.SENIOR,
    Tier.PAYMENTS: Tier.SENIOR,
    Tier.SELLER_PERFORMANCE: Tier.SENIOR,
}

# How soon each kind of seller escalation request must be answered (hours).
ESCALATION_TARGET_HOURS = {
    EscalationRequest.Kind.URGENT: 4,
    EscalationRequest.Kind.SUPERVISOR: 24,
    EscalationRequest.Kind.CALL_BACK: 48,
}


def _note(value: str, *, field: str = "note", required: bool = False) -> str:
    text = clean_text(value or "")
    if required and not text:
        raise validation_error({field: [_("Please write a short reason.")]})
    if len(text) > NOTE_MAX:
        raise validation_error({field: [_("Use at most %(n)s characters.") % {"n": NOTE_MAX}]})
    return text


# --- playbooks -------------------------------------------------------------------------------------


@transaction.atomic
def save_playbook(
    *,
    actor: User,
    case_id: int,
    values: dict | None = None,
    completed_steps: list[str] | None = None,
    playbook_id: int | None = None,
) -> CasePlaybook:
    """Saves form values and done steps of the case's playbook. Values are checked by type as they
    come; a step once done stays done, and each newly done step is an audited event. The playbook is
    completed when every step is done and every required field is filled."""
    case = permissions.get_case_for(actor, case_id, for_update=True)
    permissions.require_case_worker(actor, case, "work the playbook")
    if playbook_id is not None:
        playbook = Playbook.objects.filter(pk=playbook_id, active=True, category=case.category).first()
        if playbook is None:
            raise validation_error({"playbook": [_("Choose a playbook of this case's category.")]})
    else:
        playbook = playbook_for_case(case)
        if playbook is None:
            raise SellerdeskError(RoutingError.NO_PLAYBOOK, _("There is no playbook for this category yet."))
    cleaned, errors = forms.clean_values(playbook, values or {})
    step_keys = [s["key"] for s in playbook.steps]
    unknown_steps = [k for k in (completed_steps or []) if k not in step_keys]
    if unknown_steps:
        errors["completed_steps"] = [_("Unknown steps: %(steps)s.") % {"steps": ", ".join(map(str, unknown_steps))}]
    if errors:
        raise validation_error(errors)

    now = clock.now()
    progress, _created = CasePlaybook.objects.select_for_update().get_or_create(
        case=case, playbook=playbook, defaults={"updated_by": actor, "updated_at": now}
    )
    progress.values = {k: v for k, v in {**progress.values, **cleaned}.items() if v != ""}
    newly_done = [k for k in step_keys if k in (completed_steps or []) and k not in progress.completed_steps]
    progress.completed_steps = [k for k in step_keys if k in progress.completed_steps or k in newly_done]
    titles = {s["key"]: s["title"] for s in playbook.steps}
    for key in newly_done:
        record_event(
            case,
            actor=actor,
            kind=EventType.PLAYBOOK_STEP_COMPLETED,
            public=False,
            data={"playbook": playbook.name, "step": key, "title": titles[key]},
        )
    if progress.completed_at is None and not forms.missing_for_completion(
        playbook, progress.values, progress.completed_steps
    ):
        progress.completed_at = now
        record_event(
            case,
            actor=actor,
            kind=EventType.PLAYBOOK_COMPLETED,
            public=False,
            data={"playbook": playbook.name, "values": progress.values},
        )
    progress.updated_at = now
    progress.updated_by = actor
    progress.save()
    return progress


# --- transfers and escalations ---------------------------------------------------------------------


def _move(case: Case, *, to_team: Team, actor: User | None, transfer: Transfer, kind: EventType) -> None:
    """Hands the case to a team: nobody there owns it yet, the deadline stays, the SLA clocks move to
    the new team's calendar, and the seller is told who has it now and when to expect a reply."""
    previous_team_id = case.team_id
    now = clock.now()
    case.team = to_team
    case.assignee = None
    case.updated_at = now
    sla.on_team_change(case, previous_team_id=previous_team_id, now=now)
    case.save()
    transfer.expected_reply_by = case.response_due
    transfer.save(update_fields=["expected_reply_by"])
    record_event(
        case,
        actor=actor,
        kind=kind,
        public=True,
        data={
            "team": to_team.name,
            "team_id": to_team.pk,
            "transfer_id": transfer.pk,
            "expected_reply_by": transfer.expected_reply_by.isoformat() if transfer.expected_reply_by else None,
        },
    )


@transaction.atomic
def transfer_case(
    *, actor: User, case_id: int, team_id: int, reason_code: str, note: str = "", capability: str = ""
) -> Transfer:
    """Moves a case to another team, accountably: a configured reason code, and for tier 1 a
    completed playbook — unless the reason is `needs_capability` for an action tier 1 truly lacks
    (and the receiving team has). A transfer keeps the case's business deadline."""
    case = permissions.get_case_for(actor, case_id, for_update=True)
    permissions.require_case_worker(actor, case, "transfer")
    capabilities.require_capability(actor, case, Capability.TRANSFER)
    to_team = Team.objects.filter(pk=team_id).first()
    if to_team is None:
        raise validation_error({"team": [_("No such team.")]})
    if to_team.pk == case.team_id:
        raise SellerdeskError(RoutingError.SAME_TEAM, _("The case is already with %(team)s.") % {"team": to_team.name})
    reason = TransferReason.objects.filter(code=reason_code, active=True).first()
    if reason is None:
        raise SellerdeskError(
            RoutingError.UNKNOWN_REASON,
            _("Choose one of the configured transfer reasons."),
            fields={"reason_code": [_("Unknown reason code.")]},
        )
    text = _note(note, required=reason.note_required)
    from_tier = case.team.tier if case.team else None

    if reason.code == TransferReason.NEEDS_CAPABILITY:
        if capability not in Capability.values or capability in BASIC:
            raise validation_error({"capability": [_("Name the action the case needs.")]})
        if capabilities.tier_allows(from_tier, capability):
            raise SellerdeskError(
                RoutingError.CAPABILITY_AVAILABLE,
                _("Your tier may take this action itself: “%(action)s”. Please do it here instead of transferring.")
                % {"action": Capability(capability).label},
            )
        if not capabilities.tier_allows(to_team.tier, capability):
            raise SellerdeskError(
                RoutingError.TARGET_LACKS_CAPABILITY,
                _("%(team)s may not take this action either: “%(action)s”. Tiers that can: %(who)s.")
                % {
                    "team": to_team.name,
                    "action": Capability(capability).label,
                    "who": ", ".join(capabilities.tiers_with(capability)),
                },
            )
    elif from_tier == Tier.TIER1 and playbook_for_case(case) is not None:
        # Where the operator has written a playbook for this kind of case, first line completes it.
        progress = CasePlaybook.objects.filter(case=case, completed_at__isnull=False).exists()
        if not progress:
            raise SellerdeskError(
                RoutingError.PLAYBOOK_NOT_COMPLETED,
                _(
                    "Complete the playbook before transferring: first line resolves what it can, and the next "
                    "team gets everything it needs."
                ),
            )

    playbook = playbook_for_case(case)
    sender_capable = (
        reason.code != TransferReason.NEEDS_CAPABILITY
        and from_tier == Tier.TIER1
        and playbook is not None
        and playbook.resolution_capability
        and capabilities.tier_allows(from_tier, playbook.resolution_capability)
    )
    now = clock.now()
    transfer = Transfer.objects.create(
        case=case,
        kind=Transfer.Kind.TRANSFER,
        from_team=case.team,
        to_team=to_team,
        from_agent=actor,
        reason=reason,
        capability=capability if reason.code == TransferReason.NEEDS_CAPABILITY else "",
        note=text,
        business_deadline=case.business_deadline,
        avoidable=Transfer.Avoidable.SENDER_CAPABLE if sender_capable else Transfer.Avoidable.NO,
        created_at=now,
    )
    _move(case, to_team=to_team, actor=actor, transfer=transfer, kind=EventType.TRANSFERRED)
    return transfer


@transaction.atomic
def bounce_transfer(*, actor: User, transfer_id: int, reason: str) -> Transfer:
    """The receiving team sends an avoidable transfer back to the sender's queue (and the sender).
    The transfer counts as avoidable in the metrics."""
    transfer = Transfer.objects.select_for_update().filter(pk=transfer_id).select_related("case").first()
    if transfer is None or not permissions.can_work_case(actor, transfer.case):
        raise not_found(_("There is no such transfer."))
    case = permissions.get_case_for(actor, transfer.case_id, for_update=True)
    latest = case.transfers.order_by("-created_at", "-pk").first()
    if (
        transfer.kind != Transfer.Kind.TRANSFER
        or transfer.bounced_at is not None
        or latest.pk != transfer.pk
        or case.team_id != transfer.to_team_id
        or transfer.from_team is None
    ):
        raise SellerdeskError(
            RoutingError.NOT_BOUNCEABLE, _("Only the latest transfer into your team can be bounced, once.")
        )
    permissions.require_case_worker(actor, case, "bounce a transfer")
    text = _note(reason, field="reason", required=True)
    now = clock.now()
    transfer.bounced_at = now
    transfer.bounced_by = actor
    transfer.bounce_reason = text
    transfer.avoidable = Transfer.Avoidable.BOUNCED
    transfer.save()
    previous_team_id = case.team_id
    case.team = transfer.from_team
    case.assignee = (
        transfer.from_agent if transfer.from_agent and permissions.may_be_assigned(transfer.from_agent, case) else None
    )
    case.updated_at = now
    sla.on_team_change(case, previous_team_id=previous_team_id, now=now)
    case.save()
    record_event(
        case,
        actor=actor,
        kind=EventType.TRANSFER_BOUNCED,
        public=True,
        data={"team": case.team.name, "team_id": case.team_id, "transfer_id": transfer.pk},
    )
    return transfer


def escalate_case(*, case: Case, reason: str, actor: User | None = None, to_tier: str | None = None) -> Transfer | None:
    """Moves a case one level up (tier 1 → tier 2 → senior), or straight to `to_tier`. Called inside
    the caller's transaction (the broken-commitment and SLA sweeps). At the top level the case stays
    and is flagged."""
    from_tier = case.team.tier if case.team else Tier.TIER1
    next_tier = to_tier or ESCALATION_PATH.get(from_tier)
    target = best_team_of_tier(next_tier, case) if next_tier else None
    now = clock.now()
    if target is None or target.pk == case.team_id:
        record_event(
            case,
            actor=actor,
            kind=EventType.ESCALATED,
            public=True,
            data={"team": case.team.name if case.team else None, "reason": reason, "top_level": True},
        )
        return None
    transfer = Transfer.objects.create(
        case=case,
        kind=Transfer.Kind.ESCALATION,
        from_team=case.team,
        to_team=target,
        from_agent=actor,
        note=reason,
        business_deadline=case.business_deadline,
        created_at=now,
    )
    if case.priority in (Priority.LOW, Priority.NORMAL):
        case.priority = Priority.HIGH
    _move(case, to_team=target, actor=actor, transfer=transfer, kind=EventType.ESCALATED)
    return transfer


# --- actions ---------------------------------------------------------------------------------------


@transaction.atomic
def take_action(
    *,
    actor: User,
    case_id: int,
    capability: str,
    note: str,
    amount: Decimal | None = None,
    currency: str = "",
    reference: str = "",
    idempotency_key: str | None = None,
) -> Case:
    """Records an action taken for the seller (a carrier re-pickup, a reimbursement, ...), if the
    agent's tier may take it (and, for money, up to its limit). The seller sees it on the timeline.

    A retry with the same `idempotency_key` on this case records nothing more (the key is kept in
    the event's data, which sellers never see); the key for another action is refused."""
    case = permissions.get_case_for(actor, case_id, for_update=True)
    permissions.require_case_worker(actor, case, "take actions")
    if capability not in Capability.values or capability in BASIC:
        raise SellerdeskError(
            RoutingError.NOT_AN_ACTION, _("Choose an action."), fields={"capability": [_("Unknown.")]}
        )
    amount_usd = None
    if capability == Capability.ISSUE_REIMBURSEMENT:
        if amount is None or amount <= 0 or not currency:
            raise validation_error({"amount": [_("A reimbursement needs an amount and a currency.")]})
        amount_usd = capabilities.to_usd(amount, currency)
    capabilities.require_capability(actor, case, capability, amount_usd=amount_usd)
    text = _note(note, required=True)
    if idempotency_key:
        # Retries on this case queue on its row lock above, so a retry sees the first one's event.
        earlier = CaseEvent.objects.filter(
            case=case, actor=actor, kind=EventType.ACTION_TAKEN, data__idempotency_key=idempotency_key
        ).first()
        if earlier is not None:
            if earlier.data.get("action") != capability:
                raise SellerdeskError(
                    CoreError.IDEMPOTENCY_KEY_REUSED,
                    _("This Idempotency-Key was already used for another action; use a new key for a new action."),
                )
            return case
    record_event(
        case,
        actor=actor,
        kind=EventType.ACTION_TAKEN,
        public=True,
        data={
            "action": capability,
            "label": str(Capability(capability).label),
            "note": text,
            "amount": str(amount) if amount is not None else None,
            "currency": currency.upper() or None,
            "reference": clean_text(reference)[:100],
            **({"idempotency_key": idempotency_key} if idempotency_key else {}),
        },
    )
    case.updated_at = clock.now()
    case.save()
    return case


# --- escalation requests from sellers --------------------------------------------------------------


@transaction.atomic
def request_escalation(*, actor: User, case_id: int, kind: str, reason: str, phone: str = "") -> EscalationRequest:
    """A seller marks their case urgent, asks for a supervisor or requests a call-back. Each request
    has its own target time and lands in the team lead's view; asking twice returns the open one."""
    permissions.require_seller(actor, "request an escalation")
    case = permissions.get_case_for(actor, case_id, for_update=True)
    if kind not in EscalationRequest.Kind.values:
        raise validation_error({"kind": [_("Choose urgent, supervisor or call_back.")]})
    existing = case.escalation_requests.filter(kind=kind, state=EscalationRequest.State.OPEN).first()
    if existing is not None:
        return existing
    if case.status in DONE_STATUSES:
        raise SellerdeskError(CasesError.CASE_CLOSED, _("This case is resolved. Reopen it first."))
    text = _note(reason, field="reason", required=True)
    phone = clean_text(phone or "")
    if kind == EscalationRequest.Kind.CALL_BACK and not forms.PHONE.match(phone):
        raise validation_error({"phone": [_("Give the number to call, with its country code.")]})
    now = clock.now()
    request = EscalationRequest.objects.create(
        case=case,
        kind=kind,
        reason=text,
        phone=phone if kind == EscalationRequest.Kind.CALL_BACK else "",
        requested_by=actor,
        team=case.team,
        created_at=now,
        target_at=sla.due_in_business_time(case, now, ESCALATION_TARGET_HOURS[kind]),
    )
    if kind == EscalationRequest.Kind.URGENT:
        case.urgent = True
        if case.priority in (Priority.LOW, Priority.NORMAL):
            case.priority = Priority.HIGH
        sla.on_urgency_change(case, now=now)
    elif kind == EscalationRequest.Kind.CALL_BACK:
        call_back = sla.start_call_back(case, now)
        if call_back is not None and call_back.due_at:
            request.target_at = call_back.due_at
            request.save(update_fields=["target_at"])
    case.updated_at = now
    case.save()
    record_event(
        case,
        actor=actor,
        kind=EventType.ESCALATION_REQUESTED,
        public=True,
        data={
            "kind": kind,
            "request_id": request.pk,
            "target_at": request.target_at.isoformat(),
            "reason": text,
        },
    )
    return request


@transaction.atomic
def handle_escalation_request(
    *, actor: User, request_id: int, outcome: str, judged_not_urgent: bool = False
) -> EscalationRequest:
    """A lead of the case's team answers a seller's escalation request in writing."""
    request = EscalationRequest.objects.select_for_update().filter(pk=request_id).select_related("case").first()
    if request is None or not permissions.can_work_case(actor, request.case):
        raise not_found(_("There is no such escalation request."))
    if not permissions.can_assign_others(actor, request.case):
        raise SellerdeskError(CoreError.PERMISSION_DENIED, _("Only the team's leads handle escalation requests."))
    if request.state == EscalationRequest.State.HANDLED:
        return request
    text = _note(outcome, field="outcome", required=True)
    request.state = EscalationRequest.State.HANDLED
    request.handled_by = actor
    request.handled_at = clock.now()
    request.outcome = text
    request.judged_not_urgent = judged_not_urgent and request.kind == EscalationRequest.Kind.URGENT
    request.save()
    if request.kind == EscalationRequest.Kind.CALL_BACK:
        case = Case.objects.select_for_update().select_related("seller_account").get(pk=request.case_id)
        sla.meet_call_back(case, request.handled_at)
        case.save()
    record_event(
        request.case,
        actor=actor,
        kind=EventType.ESCALATION_HANDLED,
        public=True,
        data={"kind": request.kind, "request_id": request.pk, "outcome": text},
    )
    return request
