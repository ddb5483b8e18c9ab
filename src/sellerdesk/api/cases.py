"""Cases, their timeline, messages, status and reopen."""

from datetime import datetime
from decimal import Decimal
from typing import Literal

from django.http import FileResponse, HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router
from ninja import Status as HttpStatus
from ninja.files import UploadedFile
from pydantic import Field

from sellerdesk.accounts import permissions
from sellerdesk.cases import selectors, services
from sellerdesk.cases.categories import Category
from sellerdesk.cases.events import seller_data
from sellerdesk.cases.lifecycle import Status
from sellerdesk.cases.models import Case, CaseEvent, Channel
from sellerdesk.core import clock
from sellerdesk.core.errors import not_found, validation_error
from sellerdesk.sla import selectors as sla
from sellerdesk.sla import services as sla_services

from .schemas import (
    ERRORS,
    IdempotencyKey,
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

router = Router(tags=["cases"])

CategoryName = Literal[tuple(Category.values)]  # type: ignore[valid-type]
StatusName = Literal[tuple(Status.values)]  # type: ignore[valid-type]
# One Literal, not a union of two: a union would name the field "status.literal[...]" in errors.
StatusFilter = Literal[(*Status.values, "active")]  # type: ignore[valid-type]


class CaseIn(StrictSchema):
    subject: str = Field(min_length=1, max_length=200)
    body: str = Field(min_length=1, max_length=services.BODY_MAX)
    category: CategoryName | None = None
    order_id: str = Field("", max_length=services.REFERENCE_MAX)
    listing_id: str = Field("", max_length=services.REFERENCE_MAX)
    urgent: bool = False
    business_deadline: datetime | None = Field(
        None, description="ISO 8601 with a time zone, e.g. an order's cut-off: the case is time-critical until then."
    )
    revenue_at_stake: Decimal | None = Field(
        None, gt=0, max_digits=14, decimal_places=2, description="Sales or funds at risk; needs revenue_currency."
    )
    revenue_currency: str = Field("", max_length=3, description="ISO 4217 code, e.g. USD, EUR.")
    orders_affected: int | None = Field(None, ge=0, le=1_000_000)


class CaseOut(Out):
    id: int
    number: str
    subject: str
    status: str
    category: str
    language: str
    channel: str
    priority: str
    urgent: bool
    order_id: str
    listing_id: str
    business_deadline: datetime | None
    seller: SellerRef
    team: TeamRef | None
    assignee: PersonRef | None
    created_at: datetime
    updated_at: datetime
    first_response_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    revenue_at_stake: Decimal | None
    revenue_currency: str
    orders_affected: int | None
    first_response_due: datetime | None = Field(description="When the first reply is (or was) due.")
    reply_due: datetime | None = Field(description="When the reply support owes now is due; null when none is owed.")
    resolution_due: datetime | None
    sla_state: Literal["ok", "warning", "breached", "paused"]
    priority_score: int = Field(description="0–100: 100 is due now or overdue, 50 has 8 hours left.")
    priority_reason: str


class CaseList(Page):
    items: list[CaseOut]


class CaseFilters(StrictSchema):
    status: StatusFilter | None = None
    category: CategoryName | None = None
    # At most the largest bigint: a related-id lookup beyond it is a database error, not "no match".
    team: int | None = Field(None, ge=1, le=2**63 - 1)
    assignee: Literal["me", "none"] | None = None
    q: str | None = Field(None, max_length=200)
    sort: Literal["updated", "oldest", "newest", "priority"] = "updated"
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(25, ge=1, le=100)


class AttachmentOut(Out):
    id: int
    filename: str
    content_type: str
    size: int
    url: str


class MessageOut(Out):
    id: int
    body: str
    internal: bool
    author_role: str
    attachments: list[AttachmentOut]


class EventOut(Out):
    id: int
    kind: str
    public: bool
    created_at: datetime
    actor: PersonRef | None
    data: dict
    message: MessageOut | None


class MessageIn(StrictSchema):
    body: str = Field(min_length=1, max_length=services.BODY_MAX)
    internal: bool = False


class StatusIn(StrictSchema):
    status: StatusName
    reason: str = Field("", max_length=500)


class ReopenIn(StrictSchema):
    reason: str = Field("", max_length=500)


class AssignIn(StrictSchema):
    assignee: int | None = Field(None, ge=1, description="An agent id; omit to take the case yourself.")


def case_out(case: Case) -> dict:
    now = clock.now()
    score, reason = sla.priority_of(case, now)
    return {
        "id": case.pk,
        "number": case.number,
        "subject": case.subject,
        "status": case.status,
        "category": case.category,
        "language": case.language,
        "channel": case.channel,
        "priority": case.priority,
        "urgent": case.urgent,
        "order_id": case.order_id,
        "listing_id": case.listing_id,
        "business_deadline": case.business_deadline,
        "seller": seller_ref(case.seller_account),
        "team": team_ref(case.team),
        "assignee": person(case.assignee),
        "created_at": case.created_at,
        "updated_at": case.updated_at,
        "first_response_at": case.first_response_at,
        "resolved_at": case.resolved_at,
        "closed_at": case.closed_at,
        "revenue_at_stake": case.revenue_at_stake,
        "revenue_currency": case.revenue_currency,
        "orders_affected": case.orders_affected,
        "first_response_due": case.first_response_due,
        "reply_due": case.response_due,
        "resolution_due": case.resolution_due,
        "sla_state": sla.live_state(case, now),
        "priority_score": score,
        "priority_reason": reason,
    }


def event_out(event: CaseEvent, *, internal: bool) -> dict:
    """An event as JSON; for sellers (`internal=False`) only the seller-safe part of its data."""
    message = event.message
    return {
        "id": event.pk,
        "kind": event.kind,
        "public": event.public,
        "created_at": event.created_at,
        "actor": person(event.actor),
        "data": event.data if internal else seller_data(event.kind, event.data),
        "message": None
        if message is None
        else {
            "id": message.pk,
            "body": message.body,
            "internal": message.internal,
            "author_role": message.author_role,
            "attachments": [
                {
                    "id": a.pk,
                    "filename": a.filename,
                    "content_type": a.content_type,
                    "size": a.size,
                    "url": f"/api/v1/attachments/{a.pk}",
                }
                for a in message.attachments.all()
            ],
        },
    }


def _reloaded(request: HttpRequest, case_id: int) -> dict:
    return case_out(permissions.get_case_for(request.auth, case_id))


@router.post("/cases", response={200: CaseOut, 201: CaseOut, **ERRORS})
def create_case(request: HttpRequest, payload: CaseIn, idempotency_key: str | None = IdempotencyKey):
    """Open a case (sellers). With an `Idempotency-Key` header a retry returns the same case (200)."""
    case, created = services.open_case(
        opener=request.auth,
        subject=payload.subject,
        body=payload.body,
        category=payload.category,
        order_id=payload.order_id,
        listing_id=payload.listing_id,
        urgent=payload.urgent,
        business_deadline=payload.business_deadline,
        revenue_at_stake=payload.revenue_at_stake,
        revenue_currency=payload.revenue_currency,
        orders_affected=payload.orders_affected,
        channel=Channel.API,
        idempotency_key=idempotency_key,
    )
    # The service returns the case with its seller account and team loaded: no second read.
    return HttpStatus(201 if created else 200, case_out(case))


@router.post("/queue/next", response={200: CaseOut, 204: None, **ERRORS}, tags=["queue"])
def next_case(request: HttpRequest):
    """Agents: take the most pressing unassigned case you may and can work (your teams, the
    categories they serve, your languages). It is assigned to you at once; two agents never get the
    same case. 204 when there is none."""
    case = sla_services.take_next_case(actor=request.auth)
    if case is None:
        return HttpStatus(204, None)
    return case_out(case)


@router.get("/cases", response={200: CaseList, **ERRORS})
def list_cases(request: HttpRequest, filters: Query[CaseFilters]):
    """Sellers: their account's cases. Agents: the cases of their teams' queues and their own."""
    qs = selectors.cases_for(
        request.auth,
        status=filters.status,
        category=filters.category,
        team_id=filters.team,
        assignee=filters.assignee,
        query=filters.q,
        sort=filters.sort,
    )
    return page_of(qs, filters, case_out)


@router.get("/cases/{int:case_id}", response={200: CaseOut, **ERRORS})
def get_case(request: HttpRequest, case_id: int):
    return _reloaded(request, case_id)


@router.get("/cases/{int:case_id}/events", response={200: list[EventOut], **ERRORS})
def case_events(request: HttpRequest, case_id: int):
    """The timeline: every public step; agents also get internal notes and internal events."""
    case = permissions.get_case_for(request.auth, case_id)
    internal = permissions.can_see_internal(request.auth)
    return [event_out(e, internal=internal) for e in selectors.timeline(request.auth, case)]


@router.post("/cases/{int:case_id}/messages", response={201: EventOut, **ERRORS})
def post_message(request: HttpRequest, case_id: int, payload: MessageIn, idempotency_key: str | None = IdempotencyKey):
    """A public reply, or (agents) an internal note the seller never sees. To send files, use
    POST /cases/{case_id}/attachments."""
    message = services.post_message(
        actor=request.auth,
        case_id=case_id,
        body=payload.body,
        internal=payload.internal,
        idempotency_key=idempotency_key,
    )
    return HttpStatus(201, _message_event(request, message))


@router.post("/cases/{int:case_id}/attachments", response={201: EventOut, **ERRORS})
def post_attachments(
    request: HttpRequest,
    case_id: int,
    files: File[list[UploadedFile]],
    body: str = Form(..., min_length=1, max_length=services.BODY_MAX),
    internal: bool = Form(False),
    idempotency_key: str | None = IdempotencyKey,
):
    """A message with files, as a multipart form, not JSON: `body` says what the files show, and
    `files` holds one to five files under the attachment rules. Sellers add evidence to an appeal
    this way (on the appeal's case); agents may make it an internal note with `internal=true`."""
    # Like the JSON inputs, a form refuses fields it does not know, so a typo is not ignored.
    unknown = (set(request.POST) - {"body", "internal"}) | (set(request.FILES) - {"files"})
    if unknown:
        raise validation_error({name: [_("Unknown field.")] for name in sorted(unknown)})
    message = services.post_message(
        actor=request.auth,
        case_id=case_id,
        body=body,
        internal=internal,
        attachments=files,
        idempotency_key=idempotency_key,
    )
    return HttpStatus(201, _message_event(request, message))


def _message_event(request: HttpRequest, message) -> dict:
    event = selectors.timeline(request.auth, message.case).filter(message=message).first()
    return event_out(event, internal=permissions.can_see_internal(request.auth))


@router.post("/cases/{int:case_id}/status", response={200: CaseOut, **ERRORS})
def change_status(request: HttpRequest, case_id: int, payload: StatusIn):
    services.change_status(actor=request.auth, case_id=case_id, status=payload.status, reason=payload.reason)
    return _reloaded(request, case_id)


@router.post("/cases/{int:case_id}/reopen", response={200: CaseOut, **ERRORS})
def reopen(request: HttpRequest, case_id: int, payload: ReopenIn | None = None):
    services.reopen_case(actor=request.auth, case_id=case_id, reason=payload.reason if payload else "")
    return _reloaded(request, case_id)


@router.post("/cases/{int:case_id}/assign", response={200: CaseOut, **ERRORS})
def assign(request: HttpRequest, case_id: int, payload: AssignIn | None = None):
    """Agents take a case; team leads may give it to an agent of the team."""
    services.assign_case(actor=request.auth, case_id=case_id, assignee_id=payload.assignee if payload else None)
    return _reloaded(request, case_id)


@router.get("/attachments/{int:attachment_id}", response={200: None, **ERRORS})
def download_attachment(request: HttpRequest, attachment_id: int):
    attachment = selectors.attachment_for(request.auth, attachment_id)
    if attachment is None:
        raise not_found(_("There is no such attachment."))
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.filename,
        content_type=attachment.content_type,
    )


class DeadlineIn(StrictSchema):
    business_deadline: datetime | None = Field(description="ISO 8601 with a time zone, or null to clear it.")


@router.post("/cases/{int:case_id}/deadline", response={200: CaseOut, **ERRORS})
def set_deadline(request: HttpRequest, case_id: int, payload: DeadlineIn):
    """Agents record a business deadline (an order cut-off, a listing removal date) or clear it."""
    services.set_business_deadline(actor=request.auth, case_id=case_id, deadline=payload.business_deadline)
    return _reloaded(request, case_id)
