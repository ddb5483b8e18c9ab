"""The recovery channel: how a seller who cannot sign in (account suspended or deactivated, taken
over by someone else, password lost) still reaches support and appeals.

Identity is proven out of band before anything about the account is shown:

1. `request_code` — the seller types their seller id and the registered e-mail address or phone
   number. If they match, a one-time code is sent there (by the background worker). The answer is
   the same whether or not they match, and the same rate limits apply either way.
   `request_review` — or the seller sends identity documents and an address to write to; an agent
   reviews them (`review_documents`) and, if they are accepted, the code goes to that address.
2. `verify` — the code, at most MAX_ATTEMPTS tries before it expires, opens a recovery session for
   SESSION_MINUTES. The browser (or API client) holds the session secret; only its hash is stored.
3. With the session (`session`), the seller sees the account's status and enforcement actions,
   appeals (`file_appeal`), opens an account-access case (`open_case`) and follows and answers the
   appeal and account-access cases (`reply`) — acting as the account's seller user.

Only hashes of the code, the session secret, the seller id typed and the client's address are kept.
"""

import datetime as dt
import hashlib
import hmac
import logging
import re
import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from sellerdesk.accounts.capabilities import Capability, require_capability_anywhere
from sellerdesk.accounts.models import SellerAccount, User
from sellerdesk.cases import services as cases
from sellerdesk.cases.attachments import check_uploads, safe_filename
from sellerdesk.cases.categories import Category
from sellerdesk.cases.models import Case, Channel
from sellerdesk.core import clock
from sellerdesk.core.errors import SellerdeskError, not_found, validation_error
from sellerdesk.core.jobs import enqueue_with_transaction
from sellerdesk.core.text import clean_text

from . import services, tasks
from .errors import PerformanceError
from .models import (
    AccountEventKind,
    Appeal,
    RecoveryDocument,
    RecoveryMethod,
    RecoveryReason,
    RecoveryRequest,
    ReviewStatus,
)

logger = logging.getLogger("sellerdesk.recovery")

# The cases a recovery session may follow and answer: appeals and account-access cases.
RECOVERY_CATEGORIES = (Category.APPEALS, Category.ACCOUNT_ACCESS)


def _conf() -> dict:
    return settings.SELLERDESK["RECOVERY"]


def _digest(*parts: str) -> str:
    message = "\x1f".join(parts).encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def client_address(meta: dict) -> str:
    """The visitor's address for the per-client rate limit (see RECOVERY["CLIENT_ADDRESS_HEADER"])."""
    header = _conf().get("CLIENT_ADDRESS_HEADER")
    forwarded = meta.get(header, "") if header else ""
    return forwarded.split(",")[-1].strip() if forwarded else meta.get("REMOTE_ADDR", "")


def normalise_phone(value: str) -> str:
    """'+34 612-345-678' and '0034612345678' are the same number: '+34612345678'."""
    value = (value or "").strip()
    digits = re.sub(r"\D", "", value)
    if value.startswith("00"):
        digits = digits[2:]
    elif not value.startswith("+"):
        return digits
    return "+" + digits


def _seller_id(value: str, errors: dict) -> str:
    seller_id = clean_text(value or "").strip()
    if not seller_id or len(seller_id) > 64:
        errors["seller"] = [_("Give your marketplace seller id (it is on your invoices and payouts).")]
    return seller_id


def _email(value: str, field: str, errors: dict) -> str:
    email = (value or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        errors[field] = [_("Give a valid e-mail address.")]
    return email


def _rate_limit(subject_hash: str, client_hash: str, now: dt.datetime) -> None:
    """The same limits whether the details match an account or not."""
    conf = _conf()
    hour_ago = now - dt.timedelta(hours=1)
    recent = RecoveryRequest.objects.filter(created_at__gt=hour_ago)
    if (
        recent.filter(subject_hash=subject_hash).count() >= conf["CODES_PER_HOUR"]
        or recent.filter(client_hash=client_hash).count() >= conf["REQUESTS_PER_HOUR_PER_CLIENT"]
    ):
        raise SellerdeskError(
            PerformanceError.TOO_MANY_REQUESTS,
            _("Too many recovery requests. Wait an hour and try again, or use the code you already received."),
        )


def _matching_account(seller_id: str, method: str, destination: str) -> SellerAccount | None:
    account = SellerAccount.objects.filter(marketplace_seller_id__iexact=seller_id).first()
    if account is None:
        return None
    if method == RecoveryMethod.EMAIL:
        matches = bool(account.registered_email) and account.registered_email.strip().lower() == destination
    else:
        matches = bool(account.registered_phone) and normalise_phone(account.registered_phone) == destination
    return account if matches else None


def _new_request(*, account, method, reason, seller_id, client, now, **fields) -> RecoveryRequest:
    request = RecoveryRequest.objects.create(
        seller_account=account,
        method=method,
        reason=reason,
        subject_hash=_digest("subject", seller_id.lower()),
        client_hash=_digest("client", client or "-"),
        code_hash="",
        created_at=now,
        expires_at=now + dt.timedelta(minutes=_conf()["CODE_MINUTES"]),
        **fields,
    )
    # Always enqueued, so a request that matches nothing takes the same time to answer.
    enqueue_with_transaction(tasks.send_recovery_code, request.pk)
    return request


@transaction.atomic
def request_code(*, seller_id: str, method: str, destination: str, reason: str, client: str) -> RecoveryRequest:
    """Sends a one-time code to the account's registered e-mail address or phone, if the details
    match. The caller shows the same answer either way: 'if the details match, a code is on its
    way'. Raises `too_many_requests` past the limits, whatever the details."""
    errors: dict[str, list[str]] = {}
    seller_id = _seller_id(seller_id, errors)
    if method not in (RecoveryMethod.EMAIL, RecoveryMethod.PHONE):
        errors["method"] = [_("Choose e-mail or phone.")]
    elif method == RecoveryMethod.EMAIL:
        destination = _email(destination, "destination", errors)
    else:
        destination = normalise_phone(destination)
        if not re.fullmatch(r"\+?\d{7,15}", destination):
            errors["destination"] = [_("Give the phone number with its country code, e.g. +34 612 345 678.")]
    if reason not in RecoveryReason.values:
        errors["reason"] = [_("Choose one of: %(choices)s.") % {"choices": ", ".join(RecoveryReason.values)}]
    if errors:
        raise validation_error(errors)
    now = clock.now()
    subject_hash = _digest("subject", seller_id.lower())
    _rate_limit(subject_hash, _digest("client", client or "-"), now)
    return _new_request(
        account=_matching_account(seller_id, method, destination),
        method=method,
        reason=reason,
        seller_id=seller_id,
        client=client,
        now=now,
    )


@transaction.atomic
def request_review(
    *, seller_id: str, contact_email: str, reason: str, documents: list[UploadedFile], client: str
) -> RecoveryRequest:
    """For a seller who no longer has the registered e-mail or phone (often after a takeover): their
    identity documents go to an agent; once accepted, the code goes to `contact_email`."""
    errors: dict[str, list[str]] = {}
    seller_id = _seller_id(seller_id, errors)
    contact_email = _email(contact_email, "contact_email", errors)
    if reason not in RecoveryReason.values:
        errors["reason"] = [_("Choose one of: %(choices)s.") % {"choices": ", ".join(RecoveryReason.values)}]
    documents = list(documents or [])
    if not documents:
        errors["documents"] = [_("Attach an identity document, e.g. a passport or a company registration.")]
    if errors:
        raise validation_error(errors)
    content_types = check_uploads(documents)
    now = clock.now()
    _rate_limit(_digest("subject", seller_id.lower()), _digest("client", client or "-"), now)
    account = SellerAccount.objects.filter(marketplace_seller_id__iexact=seller_id).first()
    request = RecoveryRequest.objects.create(
        seller_account=account,
        method=RecoveryMethod.DOCUMENTS,
        reason=reason,
        subject_hash=_digest("subject", seller_id.lower()),
        client_hash=_digest("client", client or "-"),
        code_hash="",
        contact_email=contact_email,
        review=ReviewStatus.PENDING,
        review_due_at=now + dt.timedelta(hours=_conf()["REVIEW_HOURS"]),
        created_at=now,
        # The code is sent after the review; until then the request cannot be verified.
        expires_at=now,
    )
    for upload, content_type in zip(documents, content_types, strict=True):
        name = safe_filename(upload.name or "document")
        RecoveryDocument.objects.create(
            request=request, file=upload, filename=name, content_type=content_type, size=upload.size, created_at=now
        )
    return request


@transaction.atomic
def review_documents(*, actor: User, request_id: int, accept: bool, reason: str) -> RecoveryRequest:
    """An agent who may change account statuses accepts the documents (a code goes to the contact
    address the seller gave) or does not (the seller is told why at that address)."""
    require_capability_anywhere(actor, Capability.CHANGE_ACCOUNT_STATUS)
    request = (
        RecoveryRequest.objects.select_for_update(of=("self",))
        .filter(pk=request_id, method=RecoveryMethod.DOCUMENTS)
        .select_related("seller_account")
        .first()
    )
    if request is None:
        raise not_found(_("There is no such identity review."))
    text = services.checked_reason(reason)
    if request.review != ReviewStatus.PENDING:
        raise SellerdeskError(
            PerformanceError.RECOVERY_ALREADY_REVIEWED, _("These documents have already been reviewed.")
        )
    if accept and request.seller_account is None:
        raise validation_error(
            {"accept": [_("No seller account has this seller id: the documents cannot be accepted.")]}
        )
    now = clock.now()
    request.review = ReviewStatus.ACCEPTED if accept else ReviewStatus.REJECTED
    request.reviewed_by = actor
    request.reviewed_at = now
    request.review_reason = text
    request.attempts = 0
    request.expires_at = now + dt.timedelta(minutes=_conf()["CODE_MINUTES"])
    request.save(update_fields=["review", "reviewed_by", "reviewed_at", "review_reason", "attempts", "expires_at"])
    if request.seller_account is not None:
        services.record(
            request.seller_account,
            actor=actor,
            kind=AccountEventKind.RECOVERY_REVIEWED,
            public=False,
            data={"request_id": request.pk, "review": request.review, "reason": text},
        )
    enqueue_with_transaction(tasks.send_recovery_code, request.pk)
    return request


def alert_overdue_identity_reviews(*, now: dt.datetime | None = None, batch_size: int = 500) -> int:
    """The sweep: identity reviews still waiting past their deadline are claimed (a row lock that
    skips rows another sweeper holds, then `overdue_notified_at`), and the staff who review them
    are e-mailed once per request. Running it again changes nothing more."""
    now = now or clock.now()
    total = 0
    while True:
        with transaction.atomic():
            ids = list(
                RecoveryRequest.objects.select_for_update(skip_locked=True)
                .filter(review=ReviewStatus.PENDING, review_due_at__lte=now, overdue_notified_at__isnull=True)
                .order_by("review_due_at", "pk")
                .values_list("pk", flat=True)[:batch_size]
            )
            if not ids:
                return total
            RecoveryRequest.objects.filter(pk__in=ids).update(overdue_notified_at=now)
            enqueue_with_transaction(tasks.notify_overdue_identity_reviews, ids)
            total += len(ids)
        if len(ids) < batch_size:
            return total


def issue_code(request_id: int) -> tuple[RecoveryRequest, str] | None:
    """Called by the worker: a fresh code for a request that may receive one (its hash is stored),
    or None when the details matched nothing or the request is already used or not yet accepted."""
    with transaction.atomic():
        request = (
            RecoveryRequest.objects.select_for_update(of=("self",))
            .filter(pk=request_id, seller_account__isnull=False, verified_at__isnull=True)
            .select_related("seller_account")
            .first()
        )
        if request is None or request.code_hash or clock.now() >= request.expires_at:
            return None
        if request.method == RecoveryMethod.DOCUMENTS and request.review != ReviewStatus.ACCEPTED:
            return None
        code = f"{secrets.randbelow(10**6):06d}"
        request.code_hash = _digest("code", str(request.token), code)
        request.save(update_fields=["code_hash"])
    return request, code


def log_sms(phone: str, text: str) -> None:
    """The default text-message sender: writes the message to the log (configure SMS_SENDER with a
    real gateway in production)."""
    logger.warning("Text message to %s: %s", phone, text)


def verify(*, token: str, code: str, client: str) -> tuple[RecoveryRequest, str]:
    """Checks a one-time code. Right: opens a recovery session and returns (request, secret). Wrong:
    counts the try (kept even though the call fails) and raises `recovery_code_invalid`; after
    MAX_ATTEMPTS tries, or once expired, `recovery_code_expired`."""
    code = re.sub(r"\s", "", code or "")
    failure = None
    with transaction.atomic():
        request = RecoveryRequest.objects.select_for_update().filter(token=_uuid(token)).first()
        if request is None:
            raise not_found(_("This recovery request does not exist. Start again."))
        now = clock.now()
        if request.verified_at is not None or now >= request.expires_at or request.attempts >= _conf()["MAX_ATTEMPTS"]:
            failure = SellerdeskError(
                PerformanceError.RECOVERY_CODE_EXPIRED,
                _("This code can no longer be used. Ask for a new one."),
            )
        else:
            request.attempts += 1
            expected = request.code_hash
            given = _digest("code", str(request.token), code)
            if not (expected and re.fullmatch(r"\d{6}", code) and hmac.compare_digest(expected, given)):
                request.save(update_fields=["attempts"])
                left = _conf()["MAX_ATTEMPTS"] - request.attempts
                failure = SellerdeskError(
                    PerformanceError.RECOVERY_CODE_INVALID,
                    _("That code is not right."),
                    fields={"code": [_("The code is not right; %(n)d tries left.") % {"n": left}]},
                )
            else:
                secret = secrets.token_urlsafe(32)
                request.verified_at = now
                request.session_hash = _digest("session", secret)
                request.session_until = now + dt.timedelta(minutes=_conf()["SESSION_MINUTES"])
                request.save(update_fields=["attempts", "verified_at", "session_hash", "session_until"])
                services.record(
                    request.seller_account,
                    actor=None,
                    kind=AccountEventKind.RECOVERY_VERIFIED,
                    data={"request_id": request.pk, "method": request.method, "reason": request.reason},
                )
    if failure is not None:
        raise failure
    return request, secret


def _uuid(token: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(token))
    except ValueError:
        return None


def session_value(request: RecoveryRequest, secret: str) -> str:
    """What the browser's cookie or the API client's X-Recovery-Session header carries."""
    return f"{request.token}:{secret}"


def session(value: str | None) -> RecoveryRequest:
    """The verified recovery request of a session value, or `recovery_not_verified`."""
    token, _sep, secret = (value or "").partition(":")
    request = None
    if token and secret:
        request = (
            RecoveryRequest.objects.filter(token=_uuid(token), verified_at__isnull=False)
            .select_related("seller_account")
            .first()
        )
    if (
        request is None
        or request.seller_account is None
        or not hmac.compare_digest(request.session_hash, _digest("session", secret))
        or request.session_until is None
        or clock.now() >= request.session_until
    ):
        raise SellerdeskError(
            PerformanceError.RECOVERY_NOT_VERIFIED,
            _("Prove who you are first: ask for a one-time code on the account recovery page."),
        )
    return request


def end_session(recovery: RecoveryRequest) -> None:
    RecoveryRequest.objects.filter(pk=recovery.pk).update(session_until=clock.now())


def speaker(recovery: RecoveryRequest) -> User:
    user = services.account_user(recovery.seller_account)
    if user is None:
        raise SellerdeskError(
            PerformanceError.RECOVERY_NOT_VERIFIED,
            _("This account has no seller user; call the marketplace's seller support line."),
        )
    return user


@transaction.atomic
def file_appeal(
    *,
    recovery: RecoveryRequest,
    action_id: int,
    root_cause: str,
    corrective_actions: str,
    preventive_measures: str,
    attachments: list[UploadedFile] | None = None,
) -> tuple[Appeal, bool]:
    """An appeal filed from a verified recovery session, on behalf of the account's seller user."""
    return services.appeal_as(
        opener=speaker(recovery),
        account=recovery.seller_account,
        action_id=action_id,
        plan_fields=(root_cause, corrective_actions, preventive_measures),
        attachments=attachments,
        via_recovery=True,
        channel=Channel.PORTAL,
    )


def open_case(
    *,
    recovery: RecoveryRequest,
    subject: str,
    body: str,
    attachments: list[UploadedFile] | None = None,
    idempotency_key: str | None = None,
) -> Case:
    """An urgent account-access case from a verified recovery session. A retry with the same
    `idempotency_key` returns the case already opened (see `cases.services.open_case`)."""
    reason = RecoveryReason(recovery.reason).label
    case, _created = cases.open_case(
        opener=speaker(recovery),
        subject=subject,
        body=f"{body}\n\n— " + _("Sent through the account recovery channel (%(reason)s).") % {"reason": reason},
        category=Category.ACCOUNT_ACCESS,
        urgent=True,
        attachments=attachments,
        idempotency_key=idempotency_key,
    )
    return case


def case_for(recovery: RecoveryRequest, case_id: int) -> Case:
    """One of the account's appeal or account-access cases; any other is not found."""
    case = Case.objects.filter(
        pk=case_id, seller_account=recovery.seller_account, category__in=RECOVERY_CATEGORIES
    ).first()
    if case is None:
        raise not_found(_("There is no such case."))
    return case


def reply(
    *,
    recovery: RecoveryRequest,
    case_id: int,
    body: str,
    attachments: list[UploadedFile] | None = None,
    idempotency_key: str | None = None,
) -> None:
    case = case_for(recovery, case_id)
    cases.post_message(
        actor=speaker(recovery), case_id=case.pk, body=body, attachments=attachments, idempotency_key=idempotency_key
    )
