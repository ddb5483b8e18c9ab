"""Account recovery pages, for sellers who cannot sign in: ask for a one-time code (or send identity
documents), enter it, then see the account, appeal and talk to support. Nothing about an account is
shown before the code is verified; the session lives in a cookie that holds the session secret."""

import contextlib

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sellerdesk.cases import selectors as case_selectors
from sellerdesk.cases.attachments import limits as attachment_limits
from sellerdesk.cases.lifecycle import ACTIVE_STATUSES
from sellerdesk.core.errors import CoreError, SellerdeskError
from sellerdesk.core.forms import show_error, show_resent
from sellerdesk.core.views import form_key, posted_key
from sellerdesk.performance import recovery, selectors
from sellerdesk.performance.errors import PerformanceError
from sellerdesk.performance.models import RecoveryMethod, RecoveryRequest

from .account_views import AppealForm
from .recovery_forms import (
    CodeRequestForm,
    DocumentsForm,
    RecoveryCaseForm,
    RecoveryReplyForm,
    VerifyForm,
)

COOKIE = "sellerdesk_recovery"


def client_of(request: HttpRequest) -> str:
    return recovery.client_address(request.META)


def start(request: HttpRequest) -> HttpResponse:
    code_form, documents_form = CodeRequestForm(prefix="code"), DocumentsForm(prefix="docs")
    status = 200
    if request.method == "POST":
        try:
            if "docs-seller" in request.POST:
                documents_form = DocumentsForm(request.POST, request.FILES, prefix="docs")
                if documents_form.is_valid():
                    data = documents_form.cleaned_data
                    made = recovery.request_review(
                        seller_id=data["seller"],
                        contact_email=data["contact_email"],
                        reason=data["reason"],
                        documents=data["documents"],
                        client=client_of(request),
                    )
                    return redirect("recovery:verify", token=made.token)
            else:
                code_form = CodeRequestForm(request.POST, prefix="code")
                if code_form.is_valid():
                    data = code_form.cleaned_data
                    made = recovery.request_code(
                        seller_id=data["seller"],
                        method=data["method"],
                        destination=data["destination"],
                        reason=data["reason"],
                        client=client_of(request),
                    )
                    return redirect("recovery:verify", token=made.token)
        except SellerdeskError as error:
            show_error(documents_form if "docs-seller" in request.POST else code_form, error, seller="seller")
            if error.code == PerformanceError.TOO_MANY_REQUESTS:
                status = 429
        status = status if status != 200 else 400
    return render(
        request,
        "recovery/start.html",
        {"code_form": code_form, "documents_form": documents_form, "attachment_limits": attachment_limits()},
        status=status,
    )


def verify(request: HttpRequest, token: str) -> HttpResponse:
    made = RecoveryRequest.objects.filter(token=token).only("token", "method", "review", "expires_at").first()
    if made is None:
        raise Http404
    form = VerifyForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                verified, secret = recovery.verify(
                    token=str(made.token), code=form.cleaned_data["code"], client=client_of(request)
                )
            except SellerdeskError as error:
                show_error(form, error)
                status = 410 if error.code == PerformanceError.RECOVERY_CODE_EXPIRED else 400
            else:
                response = redirect("recovery:account")
                response.set_cookie(
                    COOKIE,
                    recovery.session_value(verified, secret),
                    max_age=settings.SELLERDESK["RECOVERY"]["SESSION_MINUTES"] * 60,
                    path="/recovery/",
                    secure=request.is_secure(),
                    httponly=True,
                    samesite="Lax",
                )
                return response
    return render(
        request,
        "recovery/verify.html",
        {
            "made": made,
            "form": form,
            "documents": made.method == RecoveryMethod.DOCUMENTS,
            "minutes": settings.SELLERDESK["RECOVERY"]["CODE_MINUTES"],
            "hours": settings.SELLERDESK["RECOVERY"]["REVIEW_HOURS"],
        },
        status=status,
    )


def _session_or_start(view):
    """Runs the view with the verified recovery request, or sends the visitor to the start page."""

    def wrapped(request: HttpRequest, *args, **kwargs):
        try:
            found = recovery.session(request.COOKIES.get(COOKIE))
        except SellerdeskError as error:
            messages.info(request, error.message)
            return redirect("recovery:start")
        try:
            return view(request, found, *args, **kwargs)
        except SellerdeskError as error:
            if error.code == CoreError.NOT_FOUND:
                raise Http404 from error
            if error.code == PerformanceError.RECOVERY_NOT_VERIFIED:  # e.g. no seller user to act as
                messages.error(request, error.message)
                return redirect("recovery:start")
            raise

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _overview(request: HttpRequest, found: RecoveryRequest, **forms) -> dict:
    return {
        "found": found,
        "recovery": selectors.recovery_overview(found.seller_account),
        "case_form": forms.get("case_form") or RecoveryCaseForm(),
        "case_key": forms.get("case_key") or form_key(request),  # a double click opens one case
        "attachment_limits": attachment_limits(),
    }


@_session_or_start
def account(request: HttpRequest, found: RecoveryRequest) -> HttpResponse:
    return render(request, "recovery/account.html", _overview(request, found))


@_session_or_start
def case_new(request: HttpRequest, found: RecoveryRequest) -> HttpResponse:
    if request.method != "POST":
        return redirect("recovery:account")
    form = RecoveryCaseForm(request.POST, request.FILES)
    fresh_key = None
    if form.is_valid():
        try:
            case = recovery.open_case(
                recovery=found,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                attachments=form.cleaned_data["attachments"],
                idempotency_key=posted_key(request),
            )
        except SellerdeskError as error:
            if error.code == CoreError.IDEMPOTENCY_KEY_REUSED:
                fresh_key = show_resent(
                    form,
                    _(
                        "This form was already sent and opened a case (listed above). "
                        "Send it again to open another case with these details."
                    ),
                )
            else:
                show_error(form, error)
        else:
            messages.success(
                request, _("Case %(number)s is open. Support answers here and by e-mail.") % {"number": case.number}
            )
            return redirect("recovery:case", case_id=case.pk)
    return render(
        request, "recovery/account.html", _overview(request, found, case_form=form, case_key=fresh_key), status=400
    )


@_session_or_start
def appeal(request: HttpRequest, found: RecoveryRequest, action_id: int) -> HttpResponse:
    view = selectors.action_view_of(found.seller_account, action_id)
    form = AppealForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                made, _created = recovery.file_appeal(recovery=found, action_id=view.action.pk, **form.cleaned_data)
            except SellerdeskError as error:
                show_error(form, error)
            else:
                messages.success(
                    request, _("Your appeal is filed. A person on the seller performance team reviews it.")
                )
                return redirect("recovery:case", case_id=made.case_id)
    return render(
        request,
        "recovery/appeal.html",
        {"found": found, "view": view, "action": view.action, "form": form, "attachment_limits": attachment_limits()},
        status=status,
    )


@_session_or_start
def case(request: HttpRequest, found: RecoveryRequest, case_id: int) -> HttpResponse:
    shown = recovery.case_for(found, case_id)
    form = RecoveryReplyForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                recovery.reply(
                    recovery=found, case_id=shown.pk, idempotency_key=posted_key(request), **form.cleaned_data
                )
            except SellerdeskError as error:
                show_error(form, error)
            else:
                messages.success(request, _("Reply sent."))
                return redirect(reverse("recovery:case", args=[shown.pk]) + "#latest")
    speaker = recovery.speaker(found)
    return render(
        request,
        "recovery/case.html",
        {
            "found": found,
            "case": shown,
            "events": case_selectors.timeline(speaker, shown),
            "can_reply": shown.status in ACTIVE_STATUSES,
            "form": form,
            "reply_key": form_key(request),  # a double click sends one reply
            "attachment_limits": attachment_limits(),
        },
        status=status,
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    with contextlib.suppress(SellerdeskError):
        recovery.end_session(recovery.session(request.COOKIES.get(COOKIE)))
    response = redirect("recovery:start")
    response.delete_cookie(COOKIE, path="/recovery/")
    messages.info(request, _("You have left the recovery session."))
    return response
