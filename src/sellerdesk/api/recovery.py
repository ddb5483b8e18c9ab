"""API: account recovery for sellers who cannot sign in (suspended, deactivated or taken over).

No bearer token: identity is proven with a one-time code sent to the account's registered e-mail
address or phone (`POST /recovery/code`, then `POST /recovery/verify`), which returns a session
value to send as the `X-Recovery-Session` header. Nothing about an account is returned before that;
a request whose details match no account gets the same answer as one that matches.
"""

from datetime import datetime
from typing import Literal

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Header, Router
from ninja import Status as HttpStatus
from ninja.files import UploadedFile
from pydantic import Field

from sellerdesk.cases import selectors as case_selectors
from sellerdesk.cases.services import BODY_MAX, SUBJECT_MAX
from sellerdesk.performance import recovery, selectors
from sellerdesk.performance.models import RecoveryReason
from sellerdesk.performance.services import TEXT_MAX

from .cases import CaseOut, EventOut, case_out, event_out
from .schemas import ErrorOut, IdempotencyKey, Out, StrictSchema

router = Router(tags=["Account recovery (locked-out sellers)"], auth=None)

RECOVERY_ERRORS = {
    400: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    410: ErrorOut,
    413: ErrorOut,
    422: ErrorOut,
    429: ErrorOut,
}
ReasonName = Literal[tuple(RecoveryReason.values)]  # type: ignore[valid-type]
Session = Header(..., alias="X-Recovery-Session", max_length=200, description="From POST /recovery/verify.")


def _client(request: HttpRequest) -> str:
    return recovery.client_address(request.META)


class CodeIn(StrictSchema):
    seller: str = Field(min_length=1, max_length=64, description="The marketplace seller id.")
    method: Literal["email", "phone"]
    destination: str = Field(
        min_length=3, max_length=254, description="The registered e-mail address or phone number (with country code)."
    )
    reason: ReasonName


class RequestOut(Out):
    token: str
    message: str
    review_due_at: datetime | None = Field(
        None, description="Identity documents: when the review is due at the latest (null for a code request)."
    )


@router.post("/recovery/code", response={202: RequestOut, **RECOVERY_ERRORS})
def request_code(request: HttpRequest, payload: CodeIn):
    """Asks for a one-time code. If the seller id and the registered e-mail address or phone match,
    the code is sent there; the answer is the same either way. Rate-limited per seller id and per
    client (429 `too_many_requests`)."""
    made = recovery.request_code(
        seller_id=payload.seller,
        method=payload.method,
        destination=payload.destination,
        reason=payload.reason,
        client=_client(request),
    )
    return HttpStatus(
        202,
        {
            "token": str(made.token),
            "message": _("If the details match the account, a code is on its way. Send it to POST /recovery/verify."),
        },
    )


@router.post("/recovery/documents", response={202: RequestOut, **RECOVERY_ERRORS})
def request_review(
    request: HttpRequest,
    seller: Form[str],
    contact_email: Form[str],
    reason: Form[ReasonName],
    documents: File[list[UploadedFile]],
):
    """For a seller who no longer has the registered e-mail or phone: identity documents (multipart
    form) for an agent to review; once accepted, a code is e-mailed to `contact_email`."""
    made = recovery.request_review(
        seller_id=seller, contact_email=contact_email, reason=reason, documents=documents, client=_client(request)
    )
    return HttpStatus(
        202,
        {
            "token": str(made.token),
            "message": _(
                "Documents received. We review them within %(hours)d hours; once they are accepted, a code "
                "is e-mailed to the contact address."
            )
            % {"hours": settings.SELLERDESK["RECOVERY"]["REVIEW_HOURS"]},
            "review_due_at": made.review_due_at,
        },
    )


class VerifyIn(StrictSchema):
    token: str = Field(min_length=1, max_length=64)
    code: str = Field(min_length=1, max_length=12)


class SessionOut(Out):
    session: str = Field(description="Send it as the X-Recovery-Session header.")
    expires_at: datetime


@router.post("/recovery/verify", response={200: SessionOut, **RECOVERY_ERRORS})
def verify(request: HttpRequest, payload: VerifyIn):
    """Checks the code (422 `recovery_code_invalid` with the tries left; 410 `recovery_code_expired`
    after too many tries or once expired) and opens a recovery session."""
    made, secret = recovery.verify(token=payload.token, code=payload.code, client=_client(request))
    return {"session": recovery.session_value(made, secret), "expires_at": made.session_until}


class RecoveryActionOut(Out):
    id: int
    kind: str
    rule: str
    rule_title: str
    items: list[dict]
    evidence: str
    source: str
    status: str
    notice: str
    created_at: datetime
    open_appeal: dict | None


class RecoveryCaseRef(Out):
    id: int
    number: str
    subject: str
    category: str
    status: str


class RecoveryAccountOut(Out):
    marketplace_seller_id: str
    name: str
    status: str
    status_reason: str | None
    actions: list[RecoveryActionOut]
    cases: list[RecoveryCaseRef]
    session_expires_at: datetime


@router.get("/recovery/account", response={200: RecoveryAccountOut, **RECOVERY_ERRORS})
def account(request: HttpRequest, session: str = Session):
    """The account as a verified recovery session sees it: status and why, enforcement actions with
    their notices, and the appeal and account-access cases."""
    found = recovery.session(session)
    seen = selectors.recovery_overview(found.seller_account)
    overview = seen["overview"]
    return {
        "marketplace_seller_id": overview.account.marketplace_seller_id,
        "name": overview.account.name,
        "status": overview.status,
        "status_reason": overview.reason or None,
        "actions": [
            {
                "id": view.action.pk,
                "kind": view.action.kind,
                "rule": view.action.rule.code,
                "rule_title": view.action.rule.title,
                "items": view.action.items,
                "evidence": view.action.evidence,
                "source": view.action.source,
                "status": view.action.status,
                "notice": view.action.notice,
                "created_at": view.action.created_at,
                "open_appeal": {
                    "id": view.open_appeal.pk,
                    "status": view.open_appeal.status,
                    "case_id": view.open_appeal.case_id,
                }
                if view.open_appeal
                else None,
            }
            for view in overview.actions
        ],
        "cases": [
            {"id": c.pk, "number": c.number, "subject": c.subject, "category": c.category, "status": c.status}
            for c in seen["cases"]
        ],
        "session_expires_at": found.session_until,
    }


class RecoveryAppealIn(StrictSchema):
    action_id: int = Field(ge=1)
    root_cause: str = Field(min_length=1, max_length=TEXT_MAX)
    corrective_actions: str = Field(min_length=1, max_length=TEXT_MAX)
    preventive_measures: str = Field(min_length=1, max_length=TEXT_MAX)


class RecoveryAppealOut(Out):
    id: int
    action_id: int
    status: str
    case: CaseOut


@router.post("/recovery/appeals", response={200: RecoveryAppealOut, 201: RecoveryAppealOut, **RECOVERY_ERRORS})
def appeal(request: HttpRequest, payload: RecoveryAppealIn, session: str = Session):
    """Appeals an enforcement action from the recovery session (201; the same appeal sent again
    answers 200). Evidence files are attached from the recovery web pages (/recovery/)."""
    found = recovery.session(session)
    made, created = recovery.file_appeal(
        recovery=found,
        action_id=payload.action_id,
        root_cause=payload.root_cause,
        corrective_actions=payload.corrective_actions,
        preventive_measures=payload.preventive_measures,
    )
    body = {"id": made.pk, "action_id": made.action_id, "status": made.status, "case": case_out(made.case)}
    return HttpStatus(201 if created else 200, body)


class RecoveryCaseIn(StrictSchema):
    subject: str = Field(min_length=1, max_length=SUBJECT_MAX)
    body: str = Field(min_length=1, max_length=BODY_MAX)


@router.post("/recovery/cases", response={201: CaseOut, **RECOVERY_ERRORS})
def open_case(
    request: HttpRequest, payload: RecoveryCaseIn, session: str = Session, idempotency_key: str | None = IdempotencyKey
):
    """Opens an urgent account-access case from the recovery session. With an `Idempotency-Key`
    header a retry returns the case already opened."""
    found = recovery.session(session)
    opened = recovery.open_case(
        recovery=found, subject=payload.subject, body=payload.body, idempotency_key=idempotency_key
    )
    return HttpStatus(201, case_out(opened))


class RecoveryCaseOut(Out):
    case: CaseOut
    events: list[EventOut]


@router.get("/recovery/cases/{int:case_id}", response={200: RecoveryCaseOut, **RECOVERY_ERRORS})
def case(request: HttpRequest, case_id: int, session: str = Session):
    """One of the account's appeal or account-access cases, with its public timeline."""
    found = recovery.session(session)
    shown = recovery.case_for(found, case_id)
    events = case_selectors.timeline(recovery.speaker(found), shown)
    return {"case": case_out(shown), "events": [event_out(e, internal=False) for e in events]}


class ReplyIn(StrictSchema):
    body: str = Field(min_length=1, max_length=BODY_MAX)


@router.post("/recovery/cases/{int:case_id}/messages", response={201: RecoveryCaseOut, **RECOVERY_ERRORS})
def reply(
    request: HttpRequest,
    case_id: int,
    payload: ReplyIn,
    session: str = Session,
    idempotency_key: str | None = IdempotencyKey,
):
    """Replies on one of the account's appeal or account-access cases. With an `Idempotency-Key`
    header a retry writes nothing more."""
    found = recovery.session(session)
    recovery.reply(recovery=found, case_id=case_id, body=payload.body, idempotency_key=idempotency_key)
    return HttpStatus(201, case(request, case_id, session))


@router.post("/recovery/sign-out", response={204: None, **RECOVERY_ERRORS})
def sign_out(request: HttpRequest, session: str = Session):
    """Ends the recovery session."""
    recovery.end_session(recovery.session(session))
    return HttpStatus(204, None)
