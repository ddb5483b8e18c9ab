"""State changes for seller performance: contacts in, account status, enforcement actions,
complaints and appeals. Each public function is one transaction that checks who may act, writes
the account's audit trail and e-mails the seller after the commit.

The recovery channel for locked-out sellers lives in `performance.recovery`."""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from sellerdesk.accounts import permissions
from sellerdesk.accounts.capabilities import Capability, require_capability, require_capability_anywhere
from sellerdesk.accounts.models import AccountStatus, Role, SellerAccount, Tier, User
from sellerdesk.cases import services as cases
from sellerdesk.cases.categories import Category
from sellerdesk.cases.lifecycle import Status
from sellerdesk.cases.models import Channel
from sellerdesk.core import clock
from sellerdesk.core.errors import CoreError, SellerdeskError, not_found, validation_error
from sellerdesk.core.jobs import enqueue_with_transaction
from sellerdesk.core.text import clean_text

from . import health, notices, tasks
from .errors import PerformanceError
from .models import (
    OPEN_APPEAL_STATUSES,
    STATUS_OF_ACTION,
    AccountEvent,
    AccountEventKind,
    ActionKind,
    ActionSource,
    ActionStatus,
    Appeal,
    AppealDecision,
    AppealStatus,
    BuyerContact,
    ComplainantKind,
    Complaint,
    ComplaintStatus,
    Credibility,
    Detector,
    EnforcementAction,
    ItemKind,
    PolicyRule,
    SurveyAnswer,
)

MAX_CONTACTS_PER_BATCH = 5000
REASON_MIN = 15
PLAN_MIN = 30
DECISION_MIN = 40
TEXT_MAX = 5000
# Clocks differ a little between the marketplace and us.
CLOCK_SKEW = dt.timedelta(minutes=5)


def record(account: SellerAccount, *, actor: User | None, kind: str, data: dict, public: bool = True) -> AccountEvent:
    """Appends one event to the account's audit trail; public events e-mail the seller after commit."""
    event = AccountEvent.objects.create(
        seller_account=account, actor=actor, kind=kind, public=public, data=data, created_at=clock.now()
    )
    if public and not clock.is_importing_history():
        enqueue_with_transaction(tasks.notify_account_event, event.pk)
    return event


def _text(value: str, field: str, *, minimum: int, errors: dict, message: str) -> str:
    text = clean_text(value or "")
    if len(text) < minimum:
        errors[field] = [message]
    elif len(text) > TEXT_MAX:
        errors[field] = [_("Keep this under %(max)d characters.") % {"max": TEXT_MAX}]
    return text


def checked_reason(reason: str, *, minimum: int = REASON_MIN, message: str = "") -> str:
    """A reason for a change, cleaned; refused when it is too short to tell anything."""
    errors: dict[str, list[str]] = {}
    message = message or _("Write down why, in at least %(n)d characters.") % {"n": minimum}
    text = _text(reason, "reason", minimum=minimum, errors=errors, message=message)
    if errors:
        raise validation_error(errors)
    return text


# --- buyer contacts -------------------------------------------------------------------------------


def _moment(value, field: str, errors: dict[str, list[str]], *, required: bool) -> dt.datetime | None:
    if value is None or value == "":
        if required:
            errors[field] = [_("This field is required.")]
        return None
    parsed = value if isinstance(value, dt.datetime) else (parse_datetime(value) if isinstance(value, str) else None)
    if parsed is None:
        errors[field] = [_("Give an ISO 8601 date and time, e.g. 2026-11-30T14:05:00Z.")]
        return None
    if timezone.is_naive(parsed):
        errors[field] = [_("Give the time zone, e.g. 2026-11-30T14:05:00Z.")]
        return None
    if parsed > clock.now() + CLOCK_SKEW:
        errors[field] = [_("This time is in the future.")]
        return None
    return parsed


def _contact_row(raw) -> tuple[dict | None, dict[str, list[str]]]:
    """One contact as the service stores it, or the reasons it is refused."""
    if not isinstance(raw, dict):
        return None, {"contact": [_("Each contact must be an object.")]}
    errors: dict[str, list[str]] = {}
    unknown = set(raw) - {"external_id", "received_at", "responded_at", "survey_answer"}
    for name in sorted(unknown):
        errors[name] = [_("Unknown field.")]
    external_id = raw.get("external_id")
    if not isinstance(external_id, str) or not external_id.strip() or len(external_id.strip()) > 128:
        errors["external_id"] = [_("Give the marketplace's id of the contact (1 to 128 characters).")]
    received = _moment(raw.get("received_at"), "received_at", errors, required=True)
    responded = _moment(raw.get("responded_at"), "responded_at", errors, required=False)
    if received and responded and responded < received:
        errors["responded_at"] = [_("The response cannot come before the contact was received.")]
    answer = raw.get("survey_answer")
    if answer not in (None, "", SurveyAnswer.YES, SurveyAnswer.NO):
        errors["survey_answer"] = [_('Use "yes", "no" or null.')]
    if errors:
        return None, errors
    return {
        "external_id": external_id.strip(),
        "received_at": received,
        "responded_at": responded,
        "response_seconds": int((responded - received).total_seconds()) if responded else None,
        "survey_answer": answer or "",
    }, {}


def ingest_contacts(*, actor: User, seller: str, contacts: list) -> dict:
    """Stores a batch of buyer contacts for one seller and updates that seller's health at once.
    Valid rows are accepted and the others reported with their reasons; a contact sent again (same
    `external_id`) replaces the earlier report of it. Returns counts and the rejected rows."""
    permissions.require_operator(actor, "send performance data")
    account = SellerAccount.objects.filter(marketplace_seller_id=(seller or "").strip()).first()
    if account is None:
        raise validation_error({"seller": [_("There is no seller with this marketplace seller id.")]})
    if not isinstance(contacts, list) or not contacts:
        raise validation_error({"contacts": [_("Send at least one contact.")]})
    if len(contacts) > MAX_CONTACTS_PER_BATCH:
        raise validation_error(
            {"contacts": [_("Send at most %(max)d contacts per request.") % {"max": MAX_CONTACTS_PER_BATCH}]}
        )
    rows: dict[str, tuple[int, dict]] = {}
    rejected = []
    for index, raw in enumerate(contacts):
        row, errors = _contact_row(raw)
        if row is not None and row["external_id"] in rows:
            errors = {"external_id": [_("This contact appears twice in the batch.")]}
            row = None
        if row is None:
            external_id = raw.get("external_id") if isinstance(raw, dict) else None
            rejected.append({"index": index, "external_id": external_id, "errors": errors})
            continue
        rows[row["external_id"]] = (index, row)
    with transaction.atomic():
        elsewhere = set(
            BuyerContact.objects.filter(external_id__in=list(rows))
            .exclude(seller_account=account)
            .values_list("external_id", flat=True)
        )
        for external_id in sorted(elsewhere, key=lambda e: rows[e][0]):
            index, _row = rows.pop(external_id)
            rejected.append(
                {
                    "index": index,
                    "external_id": external_id,
                    "errors": {"external_id": [_("This contact was already reported for another seller.")]},
                }
            )
        existing = set(
            BuyerContact.objects.filter(external_id__in=list(rows), seller_account=account).values_list(
                "external_id", flat=True
            )
        )
        now = clock.now()
        BuyerContact.objects.bulk_create(
            [BuyerContact(seller_account=account, updated_at=now, **row) for _index, row in rows.values()],
            update_conflicts=True,
            unique_fields=["external_id"],
            update_fields=["received_at", "responded_at", "response_seconds", "survey_answer", "updated_at"],
            batch_size=1000,
        )
        if rows:
            health.recompute([account.pk], now=now)
    rejected.sort(key=lambda r: r["index"])
    return {
        "seller": account.marketplace_seller_id,
        "accepted": len(rows),
        "created": len(rows) - len(existing),
        "updated": len(existing),
        "rejected": rejected,
    }


# --- account status ------------------------------------------------------------------------------

# Which status may follow which. Leaving `deactivated` takes a review or an approved appeal.
TRANSITIONS = {
    AccountStatus.ACTIVE: {
        AccountStatus.UNDER_REVIEW,
        AccountStatus.RESTRICTED,
        AccountStatus.SUSPENDED,
        AccountStatus.DEACTIVATED,
    },
    AccountStatus.UNDER_REVIEW: {
        AccountStatus.ACTIVE,
        AccountStatus.RESTRICTED,
        AccountStatus.SUSPENDED,
        AccountStatus.DEACTIVATED,
    },
    AccountStatus.RESTRICTED: {
        AccountStatus.ACTIVE,
        AccountStatus.UNDER_REVIEW,
        AccountStatus.SUSPENDED,
        AccountStatus.DEACTIVATED,
    },
    AccountStatus.SUSPENDED: {
        AccountStatus.ACTIVE,
        AccountStatus.UNDER_REVIEW,
        AccountStatus.RESTRICTED,
        AccountStatus.DEACTIVATED,
    },
    AccountStatus.DEACTIVATED: {AccountStatus.ACTIVE, AccountStatus.UNDER_REVIEW},
}
SEVERITY = {
    AccountStatus.ACTIVE: 0,
    AccountStatus.UNDER_REVIEW: 1,
    AccountStatus.RESTRICTED: 2,
    AccountStatus.SUSPENDED: 3,
    AccountStatus.DEACTIVATED: 4,
}


def _set_status(account: SellerAccount, *, to: str, actor: User | None, reason: str, action=None) -> None:
    from sellerdesk.sla.services import refresh_account_cases

    previous = account.status
    account.status = to
    account.save(update_fields=["status"])
    record(
        account,
        actor=actor,
        kind=AccountEventKind.STATUS_CHANGED,
        data={"from": previous, "to": to, "reason": reason, "action_id": action.pk if action else None},
    )
    refresh_account_cases(account.pk)  # a suspended seller's open cases move up the queues


@transaction.atomic
def change_account_status(*, actor: User, seller_account_id: int, status: str, reason: str) -> SellerAccount:
    """Moves a seller account to another status, with a reason the seller reads."""
    require_capability_anywhere(actor, Capability.CHANGE_ACCOUNT_STATUS)
    account = SellerAccount.objects.select_for_update().filter(pk=seller_account_id).first()
    if account is None:
        raise not_found(_("There is no such seller."))
    errors: dict[str, list[str]] = {}
    if status not in AccountStatus.values:
        errors["status"] = [_("Choose one of: %(choices)s.") % {"choices": ", ".join(AccountStatus.values)}]
    text = _text(
        reason,
        "reason",
        minimum=REASON_MIN,
        errors=errors,
        message=_("Tell the seller why, in at least %(n)d characters.") % {"n": REASON_MIN},
    )
    if errors:
        raise validation_error(errors)
    if status not in TRANSITIONS[account.status]:
        raise SellerdeskError(
            PerformanceError.INVALID_STATUS_CHANGE,
            _("An account that is %(from)s cannot become %(to)s.")
            % {"from": AccountStatus(account.status).label.lower(), "to": AccountStatus(status).label.lower()},
        )
    _set_status(account, to=status, actor=actor, reason=text)
    return account


# --- enforcement -----------------------------------------------------------------------------------


def _items(raw) -> tuple[list[dict], list[str]]:
    if not isinstance(raw, list):
        return [], [_("Give a list of items.")]
    items, problems = [], []
    for entry in raw[:50]:
        kind = entry.get("kind") if isinstance(entry, dict) else None
        ident = clean_text(str(entry.get("id") or "")) if isinstance(entry, dict) else ""
        if kind not in ItemKind.values or not ident or len(ident) > 64:
            problems.append(
                _("Each item needs a kind (%(kinds)s) and an id of up to 64 characters.")
                % {"kinds": ", ".join(ItemKind.values)}
            )
            continue
        items.append({"kind": kind, "id": ident})
    if len(raw) > 50:
        problems.append(_("Name at most 50 items per action."))
    return items, problems


@transaction.atomic
def take_action(
    *,
    actor: User,
    seller_account_id: int,
    kind: str,
    rule: str,
    items: list,
    evidence: str,
    source: str,
    detector: str = "",
    detector_confidence: float | None = None,
    complaint_id: int | None = None,
    amount_held: Decimal | str | None = None,
    currency: str = "",
    idempotency_key: str | None = None,
) -> EnforcementAction:
    """Takes an enforcement action against a seller and sends the notice. The notice is written from
    the facts; without a rule, the exact items and specific evidence it is refused. An action based
    on a complaint needs that complaint validated first; account-level actions change the status.

    A detector or a form that retries sends the same `idempotency_key` (unique per actor): the retry
    returns the action already taken instead of a second one on the seller, provided it names the
    same seller, kind and rule (otherwise `idempotency_key_reused`)."""
    require_capability_anywhere(actor, Capability.CHANGE_ACCOUNT_STATUS)
    account = SellerAccount.objects.select_for_update().filter(pk=seller_account_id).first()
    if account is None:
        raise not_found(_("There is no such seller."))
    errors: dict[str, list[str]] = {}
    if kind not in ActionKind.values:
        errors["kind"] = [_("Choose one of: %(choices)s.") % {"choices": ", ".join(ActionKind.values)}]
    rule_obj = PolicyRule.objects.filter(code=(rule or "").strip()).first() if rule else None
    if rule and rule_obj is None:
        errors["rule"] = [_("There is no policy rule with this code.")]
    item_list, item_problems = _items(items)
    if item_problems:
        errors["items"] = item_problems
    listing_kinds = (ItemKind.LISTING, ItemKind.ASIN, ItemKind.SKU)
    if (
        kind in (ActionKind.LISTING_REMOVED, ActionKind.LISTING_RESTRICTED)
        and item_list
        and not any(i["kind"] in listing_kinds for i in item_list)
    ):
        errors["items"] = [_("Name the listing (or its ASIN or SKU) this action applies to.")]
    evidence_text = clean_text(evidence or "")[:TEXT_MAX]
    detector_obj, complaint = None, None
    if source not in ActionSource.values:
        errors["source"] = [_("Choose one of: %(choices)s.") % {"choices": ", ".join(ActionSource.values)}]
    elif source == ActionSource.DETECTOR:
        detector_obj = Detector.objects.filter(name=(detector or "").strip()).first()
        if detector_obj is None:
            errors["detector"] = [_("Name a known detector.")]
        if detector_confidence is None or not 0 <= detector_confidence <= 1:
            errors["detector_confidence"] = [_("Give the detector's confidence, between 0 and 1.")]
    elif source == ActionSource.COMPLAINT:
        complaint = Complaint.objects.filter(pk=complaint_id or 0, seller_account=account).first()
        if complaint is None:
            errors["complaint_id"] = [_("Name a complaint filed against this seller.")]
    amount = None
    if kind == ActionKind.FUNDS_HELD:
        try:
            amount = Decimal(str(amount_held)) if amount_held not in (None, "") else None
        except InvalidOperation:
            amount = None
        if amount is None or not amount.is_finite() or amount <= 0 or amount >= Decimal("1e12"):
            errors["amount_held"] = [_("Give the amount held.")]
        if (currency or "").upper() not in settings.SELLERDESK["FX_TO_USD"]:
            errors["currency"] = [
                _("Choose one of: %(choices)s.") % {"choices": ", ".join(sorted(settings.SELLERDESK["FX_TO_USD"]))}
            ]
    if errors:
        raise validation_error(errors)
    missing = notices.missing_facts(rule=rule_obj, items=item_list, evidence=evidence_text)
    if missing:
        raise SellerdeskError(
            PerformanceError.NOTICE_REFUSED,
            _("A notice must name the rule broken, the exact items and the evidence; this one would not."),
            fields=missing,
        )
    if complaint is not None and complaint.status != ComplaintStatus.VALIDATED:
        raise SellerdeskError(
            PerformanceError.COMPLAINT_NOT_VALIDATED,
            _("This complaint has not been validated; an unvalidated complaint cannot lead to enforcement."),
        )
    if idempotency_key:
        # Retries for one seller queue on the account's row lock above, so a retry sees the first
        # request's action once it has committed.
        existing = EnforcementAction.objects.filter(created_by=actor, idempotency_key=idempotency_key).first()
        if existing is not None:
            if (existing.seller_account_id, existing.kind, existing.rule_id) != (account.pk, kind, rule_obj.pk):
                raise _action_key_reused()
            return existing
    action = EnforcementAction(
        seller_account=account,
        kind=kind,
        rule=rule_obj,
        items=item_list,
        evidence=evidence_text,
        source=source,
        detector=detector_obj,
        detector_version=detector_obj.version if detector_obj else "",
        detector_confidence=detector_confidence if detector_obj else None,
        complaint=complaint,
        created_by=actor,
        amount_held=amount.quantize(Decimal("0.01")) if amount is not None else None,
        currency=(currency or "").upper() if amount is not None else "",
        created_at=clock.now(),
        idempotency_key=idempotency_key or None,
    )
    new_status = STATUS_OF_ACTION.get(kind)
    if new_status:
        action.account_status_before = account.status
        action.account_status_after = new_status
    action.notice = notices.compose(action, language=account.primary_language)
    try:
        action.save()
    except IntegrityError:
        # The same key raced in for another seller at the same moment; the transaction rolls back.
        if not idempotency_key:
            raise
        raise _action_key_reused() from None
    record(
        account,
        actor=actor,
        kind=AccountEventKind.ACTION_TAKEN,
        data={"action_id": action.pk, "kind": kind, "rule": rule_obj.code, "items": item_list},
    )
    # A harsher status only: a restriction does not lift a suspension already in force.
    if new_status and SEVERITY[new_status] > SEVERITY[account.status]:
        _set_status(
            account,
            to=new_status,
            actor=actor,
            reason=_("%(action)s under rule %(code)s %(title)s.")
            % {"action": ActionKind(kind).label, "code": rule_obj.code, "title": rule_obj.title},
            action=action,
        )
    return action


def _action_key_reused() -> SellerdeskError:
    return SellerdeskError(
        CoreError.IDEMPOTENCY_KEY_REUSED,
        _("This Idempotency-Key was already used for another action; use a new key for a new action."),
    )


def _reverse(action: EnforcementAction, *, actor: User, reason: str) -> None:
    """Lifts an action: reinstates the listing or releases the funds, and gives the account back
    the status it had, unless another action still in force keeps it restricted or suspended."""
    action.status = ActionStatus.REVERSED
    action.reversed_at = clock.now()
    action.reversal_reason = reason
    action.save(update_fields=["status", "reversed_at", "reversal_reason"])
    account = SellerAccount.objects.select_for_update().get(pk=action.seller_account_id)
    record(
        account,
        actor=actor,
        kind=AccountEventKind.ACTION_REVERSED,
        data={"action_id": action.pk, "kind": action.kind, "rule": action.rule.code, "reason": reason},
    )
    if not action.account_status_after or account.status != action.account_status_after:
        return  # not an account-level action, or someone has changed the status since
    still = EnforcementAction.objects.filter(
        seller_account=account, status=ActionStatus.ACTIVE, kind__in=list(STATUS_OF_ACTION)
    ).values_list("kind", flat=True)
    kept = [STATUS_OF_ACTION[k] for k in still]
    restored = max(kept, key=SEVERITY.get) if kept else action.account_status_before or AccountStatus.ACTIVE
    if restored != account.status:
        _set_status(
            account,
            to=restored,
            actor=actor,
            reason=_("%(action)s under rule %(code)s was reversed: %(reason)s")
            % {"action": ActionKind(action.kind).label, "code": action.rule.code, "reason": reason},
            action=action,
        )


@transaction.atomic
def reverse_action(*, actor: User, action_id: int, reason: str) -> EnforcementAction:
    """Staff lift an action without an appeal (a detector's false positive found in a review)."""
    require_capability_anywhere(actor, Capability.CHANGE_ACCOUNT_STATUS)
    action = EnforcementAction.objects.select_for_update().filter(pk=action_id).select_related("rule").first()
    if action is None:
        raise not_found(_("There is no such enforcement action."))
    text = checked_reason(reason)
    if action.status != ActionStatus.ACTIVE:
        raise SellerdeskError(PerformanceError.ACTION_NOT_ACTIVE, _("This action is no longer in force."))
    _reverse(action, actor=actor, reason=text)
    return action


# --- complaints ------------------------------------------------------------------------------------

# Each signal's effect on a 0–100 credibility score (see docs/operator-guide.md).
PENALTIES = {
    "unverified_purchase": 35,
    "new_account": 35,  # complainant account younger than 7 days
    "young_account": 20,  # younger than 30 days
    "serial_competitor_complaints": 35,  # complaints against 3+ other sellers in the category, 90 days
    "competitor_complaints": 15,  # against 1–2 other sellers in the category
    "complainant_is_seller": 15,
    "duplicate": 30,
}


def credibility_signals(
    *,
    account: SellerAccount,
    complainant_kind: str,
    complainant_id: str,
    complainant_since: dt.date | None,
    verified_purchase: bool | None,
    listing_id: str,
    product_category: str,
    now: dt.datetime,
) -> tuple[dict, int]:
    """The facts that make a complaint more or less credible, and the resulting score."""
    signals: dict = {"penalties": []}
    recent = Complaint.objects.filter(complainant_id=complainant_id, created_at__gte=now - dt.timedelta(days=90))
    if complainant_kind == ComplainantKind.BUYER:
        signals["verified_purchase"] = bool(verified_purchase)
        if not verified_purchase:
            signals["penalties"].append("unverified_purchase")
    if complainant_since is not None:
        age = (now.date() - complainant_since).days
        signals["account_age_days"] = age
        if age < 7:
            signals["penalties"].append("new_account")
        elif age < 30:
            signals["penalties"].append("young_account")
    if product_category:
        others = (
            recent.filter(product_category=product_category)
            .exclude(seller_account=account)
            .values("seller_account")
            .distinct()
            .count()
        )
        signals["competitors_complained_about"] = others
        if others >= 3:
            signals["penalties"].append("serial_competitor_complaints")
        elif others >= 1:
            signals["penalties"].append("competitor_complaints")
    if complainant_kind == ComplainantKind.SELLER:
        signals["penalties"].append("complainant_is_seller")
    duplicate = (
        recent.filter(seller_account=account, listing_id=listing_id, created_at__gte=now - dt.timedelta(days=30))
        .order_by("created_at")
        .values_list("pk", flat=True)
        .first()
    )
    if duplicate:
        signals["duplicate_of"] = duplicate
        signals["penalties"].append("duplicate")
    score = max(0, 100 - sum(PENALTIES[p] for p in signals["penalties"]))
    return signals, score


def credibility_of(score: int) -> str:
    return Credibility.HIGH if score >= 70 else Credibility.MEDIUM if score >= 40 else Credibility.LOW


@transaction.atomic
def file_complaint(
    *,
    actor: User,
    seller: str,
    complainant_kind: str,
    complainant_id: str,
    description: str,
    listing_id: str = "",
    order_id: str = "",
    product_category: str = "",
    rule: str = "",
    complainant_since: dt.date | None = None,
    verified_purchase: bool | None = None,
    external_id: str | None = None,
) -> tuple[Complaint, bool]:
    """Records a complaint the marketplace received, with its credibility signals. It waits for
    validation before anything may be done about it. A repeated `external_id` returns the first."""
    permissions.require_operator(actor, "file complaints")
    if external_id:
        existing = Complaint.objects.filter(external_id=external_id).first()
        if existing is not None:
            return existing, False
    errors: dict[str, list[str]] = {}
    account = SellerAccount.objects.filter(marketplace_seller_id=(seller or "").strip()).first()
    if account is None:
        errors["seller"] = [_("There is no seller with this marketplace seller id.")]
    if complainant_kind not in ComplainantKind.values:
        errors["complainant_kind"] = [_("Choose one of: %(choices)s.") % {"choices": ", ".join(ComplainantKind.values)}]
    complainant_id = clean_text(complainant_id or "")[:64]
    if not complainant_id:
        errors["complainant_id"] = [_("Give the complainant's marketplace id.")]
    rule_obj = None
    if rule:
        rule_obj = PolicyRule.objects.filter(code=rule.strip()).first()
        if rule_obj is None:
            errors["rule"] = [_("There is no policy rule with this code.")]
    if complainant_since is not None and complainant_since > clock.now().date():
        errors["complainant_since"] = [_("This date is in the future.")]
    text = _text(description, "description", minimum=10, errors=errors, message=_("Describe the complaint."))
    if errors:
        raise validation_error(errors)
    now = clock.now()
    listing_id = clean_text(listing_id or "")[:64]
    product_category = clean_text(product_category or "")[:64].lower()
    signals, score = credibility_signals(
        account=account,
        complainant_kind=complainant_kind,
        complainant_id=complainant_id,
        complainant_since=complainant_since,
        verified_purchase=verified_purchase,
        listing_id=listing_id,
        product_category=product_category,
        now=now,
    )
    fields = {
        "external_id": external_id or None,
        "seller_account": account,
        "listing_id": listing_id,
        "order_id": clean_text(order_id or "")[:64],
        "product_category": product_category,
        "rule": rule_obj,
        "complainant_kind": complainant_kind,
        "complainant_id": complainant_id,
        "complainant_since": complainant_since,
        "verified_purchase": verified_purchase,
        "description": text,
        "signals": signals,
        "credibility": credibility_of(score),
        "credibility_score": score,
        "created_at": now,
    }
    try:
        with transaction.atomic():  # a savepoint: the same complaint sent twice at once
            complaint = Complaint.objects.create(**fields)
    except IntegrityError:
        return Complaint.objects.get(external_id=external_id), False
    record(
        account,
        actor=actor,
        kind=AccountEventKind.COMPLAINT_RECEIVED,
        public=False,
        data={"complaint_id": complaint.pk, "credibility": complaint.credibility, "score": score},
    )
    return complaint, True


@transaction.atomic
def decide_complaint(*, actor: User, complaint_id: int, valid: bool, reason: str) -> Complaint:
    """An agent validates a complaint (it may then lead to enforcement) or rejects it."""
    require_capability_anywhere(actor, Capability.CHANGE_ACCOUNT_STATUS)
    complaint = Complaint.objects.select_for_update().filter(pk=complaint_id).first()
    if complaint is None:
        raise not_found(_("There is no such complaint."))
    text = checked_reason(reason)
    if complaint.status != ComplaintStatus.RECEIVED:
        raise SellerdeskError(PerformanceError.COMPLAINT_ALREADY_DECIDED, _("This complaint has already been decided."))
    complaint.status = ComplaintStatus.VALIDATED if valid else ComplaintStatus.REJECTED
    complaint.decided_by = actor
    complaint.decided_at = clock.now()
    complaint.decision_reason = text
    complaint.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    record(
        complaint.seller_account,
        actor=actor,
        kind=AccountEventKind.COMPLAINT_DECIDED,
        public=False,
        data={"complaint_id": complaint.pk, "status": complaint.status, "reason": text},
    )
    return complaint


# --- appeals ---------------------------------------------------------------------------------------


def _plan(root_cause: str, corrective_actions: str, preventive_measures: str) -> tuple[dict, dict]:
    errors: dict[str, list[str]] = {}
    message = _("Write at least %(n)d characters.") % {"n": PLAN_MIN}
    plan = {
        "root_cause": _text(root_cause, "root_cause", minimum=PLAN_MIN, errors=errors, message=message),
        "corrective_actions": _text(
            corrective_actions, "corrective_actions", minimum=PLAN_MIN, errors=errors, message=message
        ),
        "preventive_measures": _text(
            preventive_measures, "preventive_measures", minimum=PLAN_MIN, errors=errors, message=message
        ),
    }
    return plan, errors


def _appeal_body(action: EnforcementAction, plan: dict) -> str:
    return "\n\n".join(
        [
            _("Appeal of: %(action)s, rule %(code)s %(title)s; %(items)s.")
            % {
                "action": action.get_kind_display(),
                "code": action.rule.code,
                "title": action.rule.title,
                "items": "; ".join(notices.describe_item(i) for i in action.items),
            },
            _("Root cause:") + "\n" + plan["root_cause"],
            _("Corrective actions taken:") + "\n" + plan["corrective_actions"],
            _("Preventive measures:") + "\n" + plan["preventive_measures"],
        ]
    )


def appeal_as(
    *,
    opener: User,
    account: SellerAccount,
    action_id: int,
    plan_fields: tuple[str, str, str],
    attachments: list[UploadedFile] | None,
    via_recovery: bool,
    channel: str,
) -> tuple[Appeal, bool]:
    """Files an appeal of one action of `account`, opened by `opener` (the seller, or the account's
    seller user for the recovery channel). Callers check who may; runs in their transaction."""
    action = (
        EnforcementAction.objects.select_for_update()
        .filter(pk=action_id, seller_account=account)
        .select_related("rule")
        .first()
    )
    if action is None:
        raise not_found(_("There is no such enforcement action on your account."))
    plan, errors = _plan(*plan_fields)
    if errors:
        raise validation_error(errors)
    open_appeal = Appeal.objects.filter(action=action, status__in=OPEN_APPEAL_STATUSES).first()
    if open_appeal is not None:
        if open_appeal.root_cause == plan["root_cause"] and open_appeal.filed_by_id == opener.pk:
            return open_appeal, False  # the same appeal sent twice (a retry or a double click)
        raise SellerdeskError(
            PerformanceError.APPEAL_ALREADY_OPEN, _("This action already has an appeal under review.")
        )
    if action.status != ActionStatus.ACTIVE:
        raise SellerdeskError(PerformanceError.ACTION_NOT_ACTIVE, _("This action is no longer in force."))
    case, _created = cases.open_case(
        opener=opener,
        subject=_("Appeal: %(action)s — %(code)s") % {"action": action.get_kind_display(), "code": action.rule.code},
        body=_appeal_body(action, plan),
        category=Category.APPEALS,
        channel=channel,
        urgent=account.status in (AccountStatus.SUSPENDED, AccountStatus.DEACTIVATED),
        attachments=attachments,
    )
    appeal = Appeal.objects.create(
        action=action,
        seller_account=account,
        case=case,
        filed_by=opener,
        via_recovery=via_recovery,
        created_at=clock.now(),
        **plan,
    )
    record(
        account,
        actor=opener,
        kind=AccountEventKind.APPEAL_FILED,
        data={"appeal_id": appeal.pk, "action_id": action.pk, "case": case.number, "via_recovery": via_recovery},
    )
    return appeal, True


@transaction.atomic
def file_appeal(
    *,
    actor: User,
    action_id: int,
    root_cause: str,
    corrective_actions: str,
    preventive_measures: str,
    attachments: list[UploadedFile] | None = None,
    channel: str = Channel.PORTAL,
) -> tuple[Appeal, bool]:
    """A seller appeals an action on their account with a plan of action and evidence files. The
    appeal becomes a case in the appeals category: the seller_performance queue, with an
    appeal-decision target. Sending the same appeal again returns the first (created=False)."""
    permissions.require_seller(actor, "appeal")
    return appeal_as(
        opener=actor,
        account=actor.seller_account,
        action_id=action_id,
        plan_fields=(root_cause, corrective_actions, preventive_measures),
        attachments=attachments,
        via_recovery=False,
        channel=channel,
    )


def _decision_is_specific(appeal: Appeal, text: str) -> bool:
    """A decision names the rule or one of the items it is about, so it cannot be boilerplate."""
    lowered = text.lower()
    names = [appeal.action.rule.code] + [i["id"] for i in appeal.action.items]
    return any(name.lower() in lowered for name in names)


@transaction.atomic
def decide_appeal(*, actor: User, appeal_id: int, decision: str, reason: str) -> Appeal:
    """An agent of the team that owns the appeal's case decides it. Approving reverses the action
    and restores the account's status; denying can be escalated once by the seller; asking for more
    information puts the case in the seller's court. Every decision carries a specific reason."""
    appeal = Appeal.objects.select_related("action", "action__rule").filter(pk=appeal_id).first()
    if appeal is None:
        raise not_found(_("There is no such appeal."))
    case = permissions.get_case_for(actor, appeal.case_id, for_update=True)  # another team's: 404
    permissions.require_case_worker(actor, case, "decide the appeal")
    require_capability(actor, case, Capability.DECIDE_APPEAL)
    appeal = Appeal.objects.select_for_update().select_related("action", "action__rule").get(pk=appeal_id)
    errors: dict[str, list[str]] = {}
    if decision not in AppealDecision.values:
        errors["decision"] = [_("Choose one of: %(choices)s.") % {"choices": ", ".join(AppealDecision.values)}]
    text = _text(
        reason,
        "reason",
        minimum=DECISION_MIN,
        errors=errors,
        message=_("Explain the decision to the seller in at least %(n)d characters.") % {"n": DECISION_MIN},
    )
    if "reason" not in errors and decision != AppealDecision.MORE_INFO and not _decision_is_specific(appeal, text):
        errors["reason"] = [
            _("Name the rule (%(code)s) or the item the decision is about, and say what you found.")
            % {"code": appeal.action.rule.code}
        ]
    if errors:
        raise validation_error(errors)
    if appeal.status not in OPEN_APPEAL_STATUSES:
        raise SellerdeskError(PerformanceError.APPEAL_NOT_OPEN, _("This appeal has already been decided."))
    now = clock.now()
    if decision == AppealDecision.MORE_INFO:
        appeal.status = AppealStatus.MORE_INFO
        heading = _("We need more information to decide your appeal:")
        next_status = Status.WAITING_ON_SELLER
    elif decision == AppealDecision.APPROVE:
        appeal.status = AppealStatus.APPROVED
        heading = _("Your appeal is approved and the action is reversed.")
        next_status = Status.RESOLVED
        if appeal.action.status == ActionStatus.ACTIVE:
            _reverse(appeal.action, actor=actor, reason=text)
    else:
        appeal.status = AppealStatus.DENIED
        heading = _("Your appeal is denied.")
        if appeal.escalated_at is None:
            heading += " " + _("You may ask once for a senior review of this decision from the appeal's page.")
        next_status = Status.RESOLVED
    if decision != AppealDecision.MORE_INFO:
        appeal.decided_by = actor
        appeal.decided_at = now
    appeal.decision_reason = text
    appeal.save()
    cases.post_message(actor=actor, case_id=case.pk, body=f"{heading}\n\n{text}")
    cases.change_status(actor=actor, case_id=case.pk, status=next_status, reason=f"appeal_{decision}")
    record(
        appeal.seller_account,
        actor=actor,
        kind=AccountEventKind.APPEAL_DECIDED,
        data={"appeal_id": appeal.pk, "action_id": appeal.action_id, "decision": decision, "reason": text},
    )
    return appeal


@transaction.atomic
def escalate_appeal(*, actor: User, appeal_id: int, reason: str) -> Appeal:
    """A seller asks, once, for a senior review of a denied appeal: the case is reopened and moves
    to the senior tier, where the appeal is decided again."""
    from sellerdesk.routing.services import escalate_case

    permissions.require_seller(actor, "appeal")
    appeal = Appeal.objects.select_for_update().filter(pk=appeal_id, seller_account_id=actor.seller_account_id).first()
    if appeal is None:
        raise not_found(_("There is no such appeal."))
    text = checked_reason(
        reason,
        minimum=PLAN_MIN,
        message=_("Tell the senior team what the decision missed, in at least %(n)d characters.") % {"n": PLAN_MIN},
    )
    if appeal.escalated_at is not None:
        raise SellerdeskError(
            PerformanceError.APPEAL_ALREADY_ESCALATED, _("This appeal has already had its senior review.")
        )
    if appeal.status != AppealStatus.DENIED:
        raise SellerdeskError(PerformanceError.APPEAL_NOT_DENIED, _("Only a denied appeal can be escalated."))
    case = cases.reopen_case(actor=actor, case_id=appeal.case_id, reason=text, any_time=True)
    cases.post_message(actor=actor, case_id=case.pk, body=_("Senior review requested:") + "\n" + text)
    case.refresh_from_db()
    escalate_case(case=case, reason=text, actor=actor, to_tier=Tier.SENIOR)
    case.save()
    appeal.status = AppealStatus.ESCALATED
    appeal.escalated_at = clock.now()
    appeal.escalation_reason = text
    appeal.save(update_fields=["status", "escalated_at", "escalation_reason"])
    record(
        appeal.seller_account,
        actor=actor,
        kind=AccountEventKind.APPEAL_ESCALATED,
        data={"appeal_id": appeal.pk, "action_id": appeal.action_id, "reason": text},
    )
    return appeal


def account_user(account: SellerAccount) -> User | None:
    """The seller user who speaks for an account in the recovery channel: its first seller user."""
    return User.objects.filter(seller_account=account, role=Role.SELLER, is_active=True).order_by("pk").first()
