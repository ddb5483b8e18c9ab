"""Every state change of a case. Each function is one transaction that checks permissions, writes,
appends the audit event and schedules side effects (notifications) for after the commit."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sellerdesk.accounts import capabilities, permissions
from sellerdesk.accounts.capabilities import Capability
from sellerdesk.accounts.models import AccountStatus, User
from sellerdesk.core import clock
from sellerdesk.core.bulk import insert_linked
from sellerdesk.core.errors import CoreError, SellerdeskError, validation_error
from sellerdesk.core.jobs import enqueue_with_transaction
from sellerdesk.core.text import clean_text
from sellerdesk.routing.selectors import team_for_new_case
from sellerdesk.sla import services as sla

from .attachments import check_uploads, safe_filename
from .audit import record_event
from .categories import Category
from .errors import CasesError
from .events import EventType
from .lifecycle import ACTIVE_STATUSES, DONE_STATUSES, Status, check_transition, reopen_deadline
from .models import Attachment, Case, CaseEvent, Channel, Message, Priority

SUBJECT_MAX = 200
BODY_MAX = 20_000
REFERENCE_MAX = 64


def _clean_body(body: str) -> str:
    text = clean_text(body or "")
    if not text:
        raise validation_error({"body": [_("Write a message.")]})
    if len(text) > BODY_MAX:
        raise validation_error({"body": [_("A message may be at most %(max)d characters.") % {"max": BODY_MAX}]})
    return text


def _clean_reference(name: str, value: str) -> str:
    text = clean_text(value or "")
    if len(text) > REFERENCE_MAX or any(c.isspace() for c in text):
        raise validation_error({name: [_("Use at most %(max)d characters without spaces.") % {"max": REFERENCE_MAX}]})
    return text


def _save_attachments(case: Case, message: Message, uploads: list[UploadedFile]) -> None:
    content_types = check_uploads(uploads)
    for upload, content_type in zip(uploads, content_types, strict=True):
        name = safe_filename(upload.name or "file")
        attachment = Attachment(case=case, message=message, filename=name, content_type=content_type, size=upload.size)
        attachment.file.save(name, upload, save=False)
        attachment.save()


def _initial_priority(*, urgent: bool, account_status: str) -> str:
    # A seller who cannot sell is critical whatever they asked about; the SLA engine refines this.
    if account_status in (AccountStatus.SUSPENDED, AccountStatus.DEACTIVATED):
        return Priority.CRITICAL
    if urgent or account_status in (AccountStatus.RESTRICTED, AccountStatus.UNDER_REVIEW):
        return Priority.HIGH
    return Priority.NORMAL


def open_case(
    *,
    opener: User,
    subject: str,
    body: str,
    category: str | None = None,
    order_id: str = "",
    listing_id: str = "",
    urgent: bool = False,
    channel: str = Channel.PORTAL,
    language: str | None = None,
    idempotency_key: str | None = None,
    attachments: list[UploadedFile] | None = None,
    business_deadline: dt.datetime | None = None,
    revenue_at_stake: Decimal | None = None,
    revenue_currency: str = "",
    orders_affected: int | None = None,
) -> tuple[Case, bool]:
    """A seller user opens a case for their own account. The case is routed to a team at once, so
    it always has an owner, and gets its SLA targets. A `business_deadline` (an order's cut-off),
    money at stake and the number of orders affected raise its priority. A repeated
    `idempotency_key` returns the first case (created=False)."""
    permissions.require_seller(opener, "open cases")
    subject_text = clean_text(subject or "")
    fields: dict[str, list[str]] = {}
    if not subject_text:
        fields["subject"] = [_("Give the case a subject.")]
    elif len(subject_text) > SUBJECT_MAX:
        fields["subject"] = [_("A subject may be at most %(max)d characters.") % {"max": SUBJECT_MAX}]
    category_given = bool(category)  # "other" chosen on purpose is kept too
    category = category or Category.OTHER
    if category not in Category.values:
        fields["category"] = [_("Choose one of: %(choices)s.") % {"choices": ", ".join(Category.values)}]
    if channel not in Channel.values:
        fields["channel"] = [_("Unknown channel.")]
    deadline_error = _deadline_error(business_deadline)
    if deadline_error:
        fields["business_deadline"] = [deadline_error]
    revenue_currency = (revenue_currency or "").strip().upper()
    fields.update(impact_errors(revenue_at_stake, revenue_currency, orders_affected))
    if fields:
        raise validation_error(fields)
    body_text = _clean_body(body)
    order_id = _clean_reference("order_id", order_id)
    listing_id = _clean_reference("listing_id", listing_id)

    if idempotency_key:
        existing = Case.objects.filter(opened_by=opener, idempotency_key=idempotency_key).first()
        if existing is not None:
            return _same_request(existing, subject_text), False
    try:
        with transaction.atomic():
            case, created = _create_case(
                opener=opener,
                subject=subject_text,
                body=body_text,
                category=category,
                order_id=order_id,
                listing_id=listing_id,
                urgent=bool(urgent),
                channel=channel,
                language=language,
                idempotency_key=idempotency_key,
                attachments=attachments or [],
                business_deadline=business_deadline,
                revenue_at_stake=revenue_at_stake.quantize(Decimal("0.01")) if revenue_at_stake is not None else None,
                revenue_currency=revenue_currency if revenue_at_stake is not None else "",
                orders_affected=orders_affected,
            )
            if created and settings.SELLERDESK["AUTO_TRIAGE"] and not clock.is_importing_history():
                from sellerdesk.assistant.tasks import triage_new_case

                enqueue_with_transaction(triage_new_case, case.pk, category_given)
    except IntegrityError:
        # Two retries raced; the other one won and its case is the answer.
        if not idempotency_key:
            raise
        existing = Case.objects.get(opened_by=opener, idempotency_key=idempotency_key)
        return _same_request(existing, subject_text), False
    return case, created


def impact_errors(revenue: Decimal | None, currency: str, orders: int | None) -> dict[str, list[str]]:
    """Field errors for the business impact a seller or agent states."""
    fields = {}
    if revenue is not None:
        if not revenue.is_finite() or revenue <= 0 or revenue >= Decimal("1e12"):
            fields["revenue_at_stake"] = [_("Give a positive amount.")]
        if currency not in settings.SELLERDESK["FX_TO_USD"]:
            choices = ", ".join(sorted(settings.SELLERDESK["FX_TO_USD"]))
            fields["revenue_currency"] = [_("Choose one of: %(choices)s.") % {"choices": choices}]
    if orders is not None and not 0 <= orders <= 1_000_000:
        fields["orders_affected"] = [_("Give a number between 0 and 1,000,000.")]
    return fields


def _deadline_error(deadline: dt.datetime | None) -> str | None:
    if deadline is None:
        return None
    if timezone.is_naive(deadline):
        return _("Give the deadline with its time zone.")
    if deadline <= clock.now():
        return _("This deadline has already passed.")
    if deadline > clock.now() + dt.timedelta(days=366):
        return _("A business deadline must be within a year.")
    return None


@transaction.atomic
def set_business_deadline(*, actor: User, case_id: int, deadline: dt.datetime | None) -> Case:
    """Agents record (or clear) a business deadline such as an order cut-off found while working
    the case; the queue then shows the case ahead of others until the deadline."""
    case = permissions.get_case_for(actor, case_id, for_update=True)
    permissions.require_case_worker(actor, case, "set a deadline")
    error = _deadline_error(deadline)
    if error:
        raise validation_error({"business_deadline": [error]})
    if case.business_deadline == deadline:
        return case
    case.business_deadline = deadline
    case.updated_at = clock.now()
    sla.refresh_case(case)
    case.save()
    record_event(
        case,
        actor=actor,
        kind=EventType.DEADLINE_SET,
        public=True,
        data={"business_deadline": deadline.isoformat() if deadline else None},
    )
    return case


def _same_request(existing: Case, subject: str) -> Case:
    if existing.subject != subject:
        raise SellerdeskError(
            CoreError.IDEMPOTENCY_KEY_REUSED,
            _("This Idempotency-Key was already used for a different case; use a new key for a new case."),
        )
    return existing


def _create_case(
    *,
    opener: User,
    subject: str,
    body: str,
    category: str,
    order_id: str,
    listing_id: str,
    urgent: bool,
    channel: str,
    language: str | None,
    idempotency_key: str | None,
    attachments: list[UploadedFile],
    business_deadline: dt.datetime | None,
    revenue_at_stake: Decimal | None,
    revenue_currency: str,
    orders_affected: int | None,
) -> tuple[Case, bool]:
    account = opener.seller_account
    language = language or account.primary_language
    team = team_for_new_case(category=category, language=language)
    now = clock.now()
    case = Case(
        seller_account=account,
        opened_by=opener,
        subject=subject,
        category=category,
        language=language,
        channel=channel,
        priority=_initial_priority(urgent=urgent, account_status=account.status),
        urgent=urgent,
        order_id=order_id,
        listing_id=listing_id,
        team=team,
        idempotency_key=idempotency_key,
        business_deadline=business_deadline,
        revenue_at_stake=revenue_at_stake,
        revenue_currency=revenue_currency,
        orders_affected=orders_affected,
        created_at=now,
        updated_at=now,
    )
    targets = sla.plan_new_case(case, now)
    message = Message(case=case, author=opener, author_role=Message.AuthorRole.SELLER, body=body, created_at=now)
    event = CaseEvent(
        case=case,
        actor=opener,
        kind=EventType.CASE_OPENED,
        public=True,
        message=message,
        data={
            "subject": subject,
            "category": category,
            "team": team.name if team else None,
            "team_id": team.pk if team else None,
            "urgent": urgent,
            "business_deadline": business_deadline.isoformat() if business_deadline else None,
        },
        created_at=now,
    )
    # The hottest write of the product: one round trip on PostgreSQL for the case, its targets, its
    # first message and its event. Nobody is e-mailed: the seller has just written it and no agent
    # is assigned yet (`record_event` would queue a notification that finds no recipient).
    insert_linked([case, *targets, message, event])
    _save_attachments(case, message, attachments)
    return case, True


@transaction.atomic
def post_message(
    *,
    actor: User,
    case_id: int,
    body: str,
    internal: bool = False,
    attachments: list[UploadedFile] | None = None,
    idempotency_key: str | None = None,
) -> Message:
    """A public reply (seller or agent) or an internal note (agents of the owning team only).

    An agent's first public reply records the first response and opens a new case; a seller's
    reply to a case waiting on them puts it back in the agents' court. Nobody writes publicly on a
    resolved or closed case: it must be reopened first."""
    case = permissions.get_case_for(actor, case_id, for_update=True)
    if actor.is_agent:
        permissions.require_case_worker(actor, case, "write")
        capabilities.require_capability(actor, case, Capability.INTERNAL_NOTE if internal else Capability.REPLY)
    elif internal:
        raise SellerdeskError(CoreError.PERMISSION_DENIED, _("Only support agents may write internal notes."))
    text = _clean_body(body)
    if idempotency_key:
        # Keys are unique per author: a retry of the same message returns it; the same key on another
        # case or with other words is a different message and is refused rather than silently dropped.
        existing = Message.objects.filter(author=actor, idempotency_key=idempotency_key).first()
        if existing is not None:
            if existing.case_id != case.pk or existing.body != text or existing.internal != internal:
                raise SellerdeskError(
                    CoreError.IDEMPOTENCY_KEY_REUSED,
                    _("This Idempotency-Key was already used for another message; use a new key for a new message."),
                )
            return existing
    if not internal and case.status in DONE_STATUSES:
        raise SellerdeskError(
            CasesError.CASE_CLOSED, _("This case is resolved. Reopen it to continue the conversation.")
        )
    now = clock.now()
    role = Message.AuthorRole.AGENT if actor.is_agent else Message.AuthorRole.SELLER
    message = Message.objects.create(
        case=case,
        author=actor,
        author_role=role,
        body=text,
        internal=internal,
        idempotency_key=idempotency_key,
        created_at=now,
    )
    _save_attachments(case, message, attachments or [])
    kind = EventType.INTERNAL_NOTE_ADDED if internal else EventType.MESSAGE_POSTED
    record_event(case, actor=actor, kind=kind, public=not internal, message=message)

    # A status change caused by a reply is told by the reply's own e-mail, not by a second one.
    if not internal:
        if role == Message.AuthorRole.AGENT:
            if case.first_response_at is None:
                case.first_response_at = now
            if case.status == Status.NEW:
                _set_status(case, actor=actor, status=Status.OPEN, reason="agent_replied", notify=False)
        elif case.status == Status.WAITING_ON_SELLER:
            _set_status(case, actor=actor, status=Status.OPEN, reason="seller_replied", notify=False)
        sla.on_public_message(case, by_agent=role == Message.AuthorRole.AGENT, now=now)
    case.updated_at = now
    case.save()
    return message


def _set_status(case: Case, *, actor: User, status: str, reason: str = "", notify: bool = True) -> None:
    previous = case.status
    now = clock.now()
    case.status = status
    if status == Status.RESOLVED:
        case.resolved_at = now
    elif status == Status.CLOSED:
        case.closed_at = now
        case.resolved_at = case.resolved_at or now
    record_event(
        case,
        actor=actor,
        kind=EventType.STATUS_CHANGED,
        public=True,
        data={"from": previous, "to": status, "reason": reason},
        notify=notify,
    )
    sla.on_status_change(case, previous=previous, now=now)


@transaction.atomic
def change_status(*, actor: User, case_id: int, status: str, reason: str = "") -> Case:
    """Moves a case along the lifecycle. Agents of the owning team may make any allowed move; a
    seller may only mark their own case resolved. Asking for the current status changes nothing."""
    if status not in Status.values:
        raise validation_error({"status": [_("Choose one of: %(choices)s.") % {"choices": ", ".join(Status.values)}]})
    case = permissions.get_case_for(actor, case_id, for_update=True)
    if actor.is_agent:
        permissions.require_case_worker(actor, case, "change the status")
        capabilities.require_capability(actor, case, Capability.CHANGE_STATUS)
    elif status != Status.RESOLVED:
        raise SellerdeskError(
            CoreError.PERMISSION_DENIED, _("Sellers can mark a case resolved or reopen it; agents set other statuses.")
        )
    if case.status == status:
        return case
    check_transition(case.status, status)
    _set_status(case, actor=actor, status=status, reason=clean_text(reason)[:500])
    case.updated_at = clock.now()
    case.save()
    return case


@transaction.atomic
def reopen_case(*, actor: User, case_id: int, reason: str = "", any_time: bool = False) -> Case:
    """A resolved or closed case comes back to `open` with its owning team, if the seller (or an
    agent of the team) asks within the reopen window. Reopening an open case changes nothing.
    `any_time` is for a right that does not expire with the window (an appeal's senior review)."""
    case = permissions.get_case_for(actor, case_id, for_update=True)
    if actor.is_agent:
        permissions.require_case_worker(actor, case, "reopen")
        capabilities.require_capability(actor, case, Capability.CHANGE_STATUS)
    if case.status in ACTIVE_STATUSES:
        return case
    now = clock.now()
    if not any_time and now > reopen_deadline(case):
        raise SellerdeskError(
            CasesError.REOPEN_WINDOW_EXPIRED,
            ngettext(
                "Cases can be reopened for %(days)d day after they are resolved. "
                "Please open a new case and mention this one.",
                "Cases can be reopened for %(days)d days after they are resolved. "
                "Please open a new case and mention this one.",
                settings.SELLERDESK["REOPEN_WINDOW_DAYS"],
            )
            % {"days": settings.SELLERDESK["REOPEN_WINDOW_DAYS"]},
        )
    previous = case.status
    case.status = Status.OPEN
    case.resolved_at = None
    case.closed_at = None
    case.updated_at = now
    sla.on_reopen(case, by_seller=not actor.is_agent, now=now)
    case.save()
    record_event(
        case,
        actor=actor,
        kind=EventType.REOPENED,
        public=True,
        data={"from": previous, "to": Status.OPEN, "reason": clean_text(reason)[:500]},
    )
    return case


@transaction.atomic
def assign_case(*, actor: User, case_id: int, assignee_id: int | None = None) -> Case:
    """Gives a case to one agent of its team. Agents take cases for themselves; team leads and
    admins may also assign to others. The seller sees who owns their case now."""
    case = permissions.get_case_for(actor, case_id, for_update=True)
    permissions.require_case_worker(actor, case, "assign")
    capabilities.require_capability(actor, case, Capability.ASSIGN)
    if assignee_id is None or assignee_id == actor.pk:
        assignee = actor
    else:
        if not permissions.can_assign_others(actor, case):
            raise SellerdeskError(CoreError.PERMISSION_DENIED, _("Only the team's leads may assign cases to others."))
        assignee = User.objects.filter(pk=assignee_id).first()
        if assignee is None:
            raise validation_error({"assignee": [_("No such agent.")]})
    if case.assignee_id == assignee.pk:
        return case
    if not permissions.may_be_assigned(assignee, case):
        if case.team is not None:
            message = _("%(name)s is not an agent of %(team)s.") % {"name": assignee.display_name, "team": case.team}
        else:
            message = _("%(name)s is not an agent of this team.") % {"name": assignee.display_name}
        raise SellerdeskError(CasesError.ASSIGNEE_NOT_ELIGIBLE, message)
    case.assignee = assignee
    case.updated_at = clock.now()
    case.save()
    record_event(
        case,
        actor=actor,
        kind=EventType.ASSIGNED,
        public=True,
        data={
            "assignee_id": assignee.pk,
            "assignee": assignee.first_name or assignee.username,
            "team": case.team.name if case.team else None,
        },
    )
    return case
