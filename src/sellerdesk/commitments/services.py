"""The commitments ledger: making, keeping, cancelling promises to sellers, logging call-backs, and
the sweep that marks overdue promises broken and escalates their cases."""

import datetime as dt
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from sellerdesk.accounts import capabilities, permissions
from sellerdesk.accounts.capabilities import Capability
from sellerdesk.accounts.models import User
from sellerdesk.cases.audit import record_event
from sellerdesk.cases.errors import CasesError
from sellerdesk.cases.events import EventType
from sellerdesk.cases.lifecycle import DONE_STATUSES
from sellerdesk.cases.models import Case, Message
from sellerdesk.core import clock
from sellerdesk.core.errors import CoreError, SellerdeskError, not_found, validation_error
from sellerdesk.core.jobs import enqueue_with_transaction
from sellerdesk.core.text import clean_text

from . import tasks
from .errors import CommitmentsError
from .models import Commitment, Kind, State

TEXT_MAX = 2000


def _text(value: str, field: str) -> str:
    text = clean_text(value or "")
    if not text:
        raise validation_error({field: [_("This is required.")]})
    if len(text) > TEXT_MAX:
        raise validation_error({field: [_("Use at most %(n)s characters.") % {"n": TEXT_MAX}]})
    return text


def _public(commitment: Commitment) -> dict:
    """What the seller's timeline says about a commitment: the promise itself, never internals."""
    return {
        "commitment_id": commitment.pk,
        "kind": commitment.kind,
        "description": commitment.description,
        "amount": str(commitment.amount) if commitment.amount is not None else None,
        "currency": commitment.currency or None,
        "due_at": commitment.due_at.isoformat(),
        "owner": commitment.owner.first_name or commitment.owner.username,
    }


@transaction.atomic
def make_commitment(
    *,
    actor: User,
    case_id: int,
    kind: str,
    description: str,
    due_at: dt.datetime,
    amount: Decimal | None = None,
    currency: str = "",
    phone: str = "",
    window_start: dt.datetime | None = None,
    window_end: dt.datetime | None = None,
    idempotency_key: str | None = None,
) -> Commitment:
    """Records a promise to the seller, owned by the agent who makes it, due at a set time. A
    reimbursement needs an amount and currency within the agent's tier limit; a call-back needs a
    phone number and a time window (it is due at the end of the window).

    A retry with the same `idempotency_key` (unique per agent) returns the promise already made on
    this case, of the same kind, instead of a second one; the key on another case or for another
    kind is `idempotency_key_reused`."""
    case = permissions.get_case_for(actor, case_id, for_update=True)
    permissions.require_case_worker(actor, case, "make commitments")
    capabilities.require_capability(actor, case, Capability.MAKE_COMMITMENT)
    if kind not in Kind.values:
        raise validation_error({"kind": [_("Choose one of: %(kinds)s.") % {"kinds": ", ".join(Kind.values)}]})
    text = _text(description, "description")
    now = clock.now()
    fields: dict[str, list[str]] = {}
    currency = (currency or "").upper()
    if amount is not None and (amount <= 0 or not currency):
        fields["amount"] = [_("Give a positive amount and its currency.")]
    if kind == Kind.REIMBURSEMENT and amount is None:
        fields["amount"] = [_("A reimbursement promise needs the amount.")]
    if kind == Kind.CALL_BACK:
        from sellerdesk.routing.playbooks import PHONE

        phone = clean_text(phone or "")
        if not PHONE.match(phone):
            fields["phone"] = [_("Give the number to call, with its country code.")]
        if window_start is None or window_end is None or window_end <= window_start:
            fields["window_end"] = [_("Give a call window whose end is after its start.")]
        elif window_end <= now:
            fields["window_end"] = [_("The call window must end in the future.")]
        else:
            due_at = window_end
    elif due_at is None or due_at <= now:
        fields.setdefault("due_at", [_("The due time must be in the future.")])
    if fields:
        raise validation_error(fields)
    if kind == Kind.REIMBURSEMENT:
        capabilities.require_capability(
            actor, case, Capability.ISSUE_REIMBURSEMENT, amount_usd=capabilities.to_usd(amount, currency)
        )
    elif amount is not None:
        capabilities.to_usd(amount, currency)  # the currency must be a known one
    if idempotency_key:
        # Retries on one case queue on the case's row lock above, so a retry sees the first one.
        existing = Commitment.objects.filter(created_by=actor, idempotency_key=idempotency_key).first()
        if existing is not None:
            if (existing.case_id, existing.kind) != (case.pk, kind):
                raise _key_reused()
            return existing
    try:
        commitment = Commitment.objects.create(
            case=case,
            kind=kind,
            description=text,
            amount=amount,
            currency=currency if amount is not None else "",
            owner=actor,
            team=case.team,
            due_at=due_at,
            phone=phone if kind == Kind.CALL_BACK else "",
            window_start=window_start if kind == Kind.CALL_BACK else None,
            window_end=window_end if kind == Kind.CALL_BACK else None,
            created_by=actor,
            created_at=now,
            idempotency_key=idempotency_key or None,
        )
    except IntegrityError:
        # The same key raced in on another case at the same moment; the transaction rolls back.
        if not idempotency_key:
            raise
        raise _key_reused() from None
    record_event(case, actor=actor, kind=EventType.COMMITMENT_MADE, public=True, data=_public(commitment))
    return commitment


def _key_reused() -> SellerdeskError:
    return SellerdeskError(
        CoreError.IDEMPOTENCY_KEY_REUSED,
        _("This Idempotency-Key was already used for another promise; use a new key for a new promise."),
    )


def _open_commitment(actor: User, commitment_id: int) -> tuple[Commitment, Case]:
    commitment = Commitment.objects.select_for_update().filter(pk=commitment_id).first()
    if commitment is None:
        raise not_found(_("There is no such commitment."))
    case = permissions.get_case_for(actor, commitment.case_id, for_update=True)  # 404 if not visible
    permissions.require_case_worker(actor, case, "update commitments")
    return commitment, case


@transaction.atomic
def fulfil_commitment(*, actor: User, commitment_id: int, evidence: str) -> Commitment:
    """Marks a promise kept, with evidence (e.g. the reimbursement reference). A broken promise can
    still be kept late: it stays counted as not kept on time. Repeating the call changes nothing."""
    commitment, case = _open_commitment(actor, commitment_id)
    if commitment.state == State.FULFILLED:
        return commitment
    if commitment.state == State.CANCELLED:
        raise SellerdeskError(CommitmentsError.NOT_OPEN, _("This commitment was cancelled."))
    return _mark_kept(commitment, case, actor=actor, evidence=_text(evidence, "evidence"))


def _mark_kept(commitment: Commitment, case: Case, *, actor: User, evidence: str) -> Commitment:
    commitment.evidence = evidence
    commitment.state = State.FULFILLED
    commitment.fulfilled_at = clock.now()
    commitment.save()
    record_event(
        case,
        actor=actor,
        kind=EventType.COMMITMENT_FULFILLED,
        public=True,
        data={**_public(commitment), "evidence": commitment.evidence, "on_time": commitment.kept_on_time},
    )
    return commitment


@transaction.atomic
def cancel_commitment(*, actor: User, commitment_id: int, reason: str) -> Commitment:
    """Withdraws an open promise, with a reason the seller reads."""
    commitment, case = _open_commitment(actor, commitment_id)
    if commitment.state == State.CANCELLED:
        return commitment
    if commitment.state != State.OPEN:
        raise SellerdeskError(CommitmentsError.NOT_OPEN, _("Only an open commitment can be cancelled."))
    commitment.cancel_reason = _text(reason, "reason")
    commitment.state = State.CANCELLED
    commitment.cancelled_at = clock.now()
    commitment.save()
    record_event(
        case,
        actor=actor,
        kind=EventType.COMMITMENT_CANCELLED,
        public=True,
        data={**_public(commitment), "reason": commitment.cancel_reason},
    )
    return commitment


@transaction.atomic
def log_call_outcome(*, actor: User, commitment_id: int, summary: str) -> Commitment:
    """After a call-back, the written summary is sent to the seller as a reply on the case ("get it
    in writing") and the call-back is kept."""
    from sellerdesk.cases import services as case_services

    commitment, case = _open_commitment(actor, commitment_id)
    if commitment.kind != Kind.CALL_BACK:
        raise SellerdeskError(CommitmentsError.NOT_A_CALL_BACK, _("Only call-backs have a call outcome."))
    if commitment.state == State.FULFILLED:
        return commitment
    if commitment.state == State.CANCELLED:
        raise SellerdeskError(CommitmentsError.NOT_OPEN, _("This call-back was cancelled."))
    text = _text(summary, "summary")
    body = _("Summary of our call: %(summary)s") % {"summary": text}
    if case.status in DONE_STATUSES:
        raise SellerdeskError(CasesError.CASE_CLOSED, _("Reopen the case to send the call summary."))
    message: Message = case_services.post_message(actor=actor, case_id=case.pk, body=body)
    evidence = _("Call summary sent as message %(id)s.") % {"id": message.pk}
    return _mark_kept(commitment, case, actor=actor, evidence=evidence)


def mark_overdue_commitments_broken(*, now: dt.datetime | None = None, batch_size: int = 500) -> int:
    """The sweep: open commitments past their due time become `broken`, in batches. Each batch is one
    transaction: it locks the rows it claims and skips rows another sweeper holds (so two sweepers
    never break the same promise twice), then the cases get their timeline event and are escalated
    one level up, and the owner and their team leads are told. Running it again changes nothing more."""
    from sellerdesk.routing.services import escalate_case

    now = now or clock.now()
    total = 0
    escalated: set[int] = set()  # one level up per case and run, however many of its promises broke
    while True:
        with transaction.atomic():
            # Claim the batch by locking its rows, skipping rows another sweeper holds: `broken_at=now`
            # cannot tell two sweepers with the same `now` apart, the row lock can.
            ids = list(
                Commitment.objects.select_for_update(skip_locked=True)
                .filter(state=State.OPEN, due_at__lt=now)
                .order_by("due_at", "pk")
                .values_list("pk", flat=True)[:batch_size]
            )
            if not ids:
                return total
            Commitment.objects.filter(pk__in=ids, state=State.OPEN).update(state=State.BROKEN, broken_at=now)
            broken = list(Commitment.objects.filter(pk__in=ids).select_related("owner", "case__team"))
            cases = {
                c.pk: c
                for c in Case.objects.select_for_update(of=("self",))
                .filter(pk__in={b.case_id for b in broken})
                .select_related("team")
            }
            for commitment in broken:
                case = cases[commitment.case_id]
                escalate = case.status not in DONE_STATUSES
                with clock.frozen_at(now):
                    record_event(
                        case,
                        actor=None,
                        kind=EventType.COMMITMENT_BROKEN,
                        public=True,
                        # The seller's timeline says whether the case went up a level for it.
                        data={**_public(commitment), "escalated": escalate},
                        notify=False,
                    )
                    if escalate and case.pk not in escalated:
                        escalated.add(case.pk)
                        escalate_case(
                            case=case,
                            reason=_("A promise to the seller was not kept on time: %(what)s")
                            % {"what": commitment.description[:200]},
                        )
            broken_ids = [b.pk for b in broken]
            if not clock.is_importing_history():
                enqueue_with_transaction(tasks.notify_broken_commitments, broken_ids)
            total += len(broken)
        if len(ids) < batch_size:
            return total
