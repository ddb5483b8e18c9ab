"""The seller portal: a seller's own cases, opening one, the timeline, replying, reopening, asking
for more (escalation requests) and the promises made to the seller."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sellerdesk.accounts import permissions
from sellerdesk.cases import selectors, services
from sellerdesk.cases.attachments import limits as attachment_limits
from sellerdesk.cases.categories import Category
from sellerdesk.cases.lifecycle import ACTIVE_STATUSES, DONE_STATUSES, reopen_deadline
from sellerdesk.cases.models import Channel
from sellerdesk.commitments import selectors as commitment_selectors
from sellerdesk.commitments.models import State as CommitmentState
from sellerdesk.core import clock
from sellerdesk.core.errors import CoreError, SellerdeskError
from sellerdesk.core.forms import show_error, show_resent
from sellerdesk.core.views import flash_error, form_key, paginate, posted_key, query_without_page, role_required
from sellerdesk.routing import selectors as routing_selectors
from sellerdesk.routing import services as routing_services
from sellerdesk.routing.models import EscalationRequest
from sellerdesk.sla import selectors as sla_selectors

from .forms import EscalationRequestForm, NewCaseForm, ReopenForm, ReplyForm

seller_only = role_required(lambda user: user.is_seller)

TABS = {"active": "active", "resolved": "resolved", "closed": "closed", "all": None}

# The filter tabs of "My promises": every state, and all of them.
PROMISE_TABS = [
    ("", gettext_lazy("All")),
    (CommitmentState.OPEN, gettext_lazy("Open")),
    (CommitmentState.FULFILLED, gettext_lazy("Kept")),
    (CommitmentState.BROKEN, gettext_lazy("Not kept on time")),
    (CommitmentState.CANCELLED, gettext_lazy("Cancelled")),
]

TIME_FORMAT = "j M Y, H:i T"


@seller_only
def case_list(request: HttpRequest) -> HttpResponse:
    tab = request.GET.get("tab", "active")
    status = TABS.get(tab, "active")
    query = request.GET.get("q", "").strip()[:200]
    page = paginate(request, selectors.cases_for(request.user, status=status, query=query or None))
    now = clock.now()
    return render(
        request,
        "portal/case_list.html",
        {
            "page": page,
            "rows": [{"case": case, "reply": sla_selectors.reply_outlook(case, now)} for case in page.object_list],
            "tab": tab if tab in TABS else "active",
            "q": query,
            "tabs": TABS,
            "page_query": query_without_page(request),
        },
    )


@seller_only
def case_new(request: HttpRequest) -> HttpResponse:
    # A help article's "Open a case" link names its category: ?category=payments.
    category = request.GET.get("category", "")
    initial = {"category": category} if category in Category.values else {}
    form = NewCaseForm(request.POST or None, request.FILES or None, initial=initial)
    key = form_key(request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case, _created = services.open_case(
                opener=request.user,
                subject=data["subject"],
                body=data["body"],
                category=data["category"] or None,
                order_id=data["order_id"],
                listing_id=data["listing_id"],
                urgent=data["urgent"],
                business_deadline=data["business_deadline"],
                revenue_at_stake=data["revenue_at_stake"],
                revenue_currency=data["revenue_currency"],
                orders_affected=data["orders_affected"],
                channel=Channel.PORTAL,
                attachments=data["attachments"],
                idempotency_key=posted_key(request),
            )
        except SellerdeskError as error:
            if error.code == CoreError.IDEMPOTENCY_KEY_REUSED:
                key = show_resent(
                    form,
                    _(
                        "This form was already sent and opened a case (see My cases). "
                        "Send it again to open another case with these details."
                    ),
                )
            else:
                show_error(form, error)
        else:
            messages.success(request, _("Case %(number)s is open. We will answer here.") % {"number": case.number})
            return redirect("portal:case", case_id=case.pk)
    context = {"form": form, "idempotency_key": key, "attachment_limits": attachment_limits()}
    return render(request, "portal/case_new.html", context)


def _escalation_options(request: HttpRequest, case, forms: dict) -> list[dict]:
    """Each way to ask for more: its form (or the one being re-shown with errors), its answer time,
    and the request already open for it, if any."""
    open_requests = {
        r.kind: r
        for r in routing_selectors.escalation_requests_for(request.user, case=case, state=EscalationRequest.State.OPEN)
    }
    return [
        {
            "kind": kind,
            "title": title,
            "hours": routing_services.ESCALATION_TARGET_HOURS[kind],
            "form": forms.get(kind) or EscalationRequestForm(kind=kind),
            "open_request": open_requests.get(kind),
        }
        for kind, title in EscalationRequest.Kind.choices
    ]


def _live_context(request: HttpRequest, case) -> dict:
    """What the live part of the case page shows: the timeline, the facts and the promises."""
    return {
        "case": case,
        "reply": sla_selectors.reply_outlook(case, clock.now(), check_escalation=True),
        "events": selectors.timeline(request.user, case),
        "commitments": commitment_selectors.commitments_for(request.user, case=case),
    }


def _detail_context(request: HttpRequest, case, **forms) -> dict:
    deadline = reopen_deadline(case)
    escalation_forms = forms.get("escalation_forms") or {}
    return {
        **_live_context(request, case),
        "escalation_options": _escalation_options(request, case, escalation_forms),
        "escalation_failed": bool(escalation_forms),
        "is_active": case.status in ACTIVE_STATUSES,
        "can_reopen": case.status in DONE_STATUSES and deadline is not None and clock.now() <= deadline,
        "reopen_deadline": deadline,
        "reply_form": forms.get("reply_form") or ReplyForm(),
        "reopen_form": forms.get("reopen_form") or ReopenForm(),
        "timeline_url": reverse("portal:timeline", args=[case.pk]),
        "idempotency_key": form_key(request),
    }


@seller_only
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = permissions.get_case_for(request.user, case_id)
    return render(request, "portal/case_detail.html", _detail_context(request, case))


@seller_only
def case_timeline(request: HttpRequest, case_id: int) -> HttpResponse:
    """The timeline alone: the case page polls it so agents' replies appear without reloading."""
    case = permissions.get_case_for(request.user, case_id)
    return render(request, "portal/_live.html", {**_live_context(request, case), "oob": True})


@seller_only
@require_POST
def case_reply(request: HttpRequest, case_id: int) -> HttpResponse:
    form = ReplyForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.post_message(
                actor=request.user,
                case_id=case_id,
                body=form.cleaned_data["body"],
                attachments=form.cleaned_data["attachments"],
                idempotency_key=posted_key(request),
            )
        except SellerdeskError as error:
            show_error(form, error)
        else:
            return redirect(reverse("portal:case", args=[case_id]) + "#latest")
    case = permissions.get_case_for(request.user, case_id)
    return render(request, "portal/case_detail.html", _detail_context(request, case, reply_form=form), status=400)


@seller_only
@require_POST
def case_resolve(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        services.change_status(actor=request.user, case_id=case_id, status="resolved", reason="seller_solved")
        messages.success(request, _("Marked as resolved. You can reopen it if the problem comes back."))
    except SellerdeskError as error:
        flash_error(request, error)
    return redirect("portal:case", case_id=case_id)


@seller_only
@require_POST
def case_reopen(request: HttpRequest, case_id: int) -> HttpResponse:
    form = ReopenForm(request.POST)
    if form.is_valid():
        try:
            services.reopen_case(actor=request.user, case_id=case_id, reason=form.cleaned_data["reason"])
        except SellerdeskError as error:
            show_error(form, error)
        else:
            messages.success(request, _("The case is open again and back with its team."))
            return redirect("portal:case", case_id=case_id)
    case = permissions.get_case_for(request.user, case_id)
    return render(request, "portal/case_detail.html", _detail_context(request, case, reopen_form=form), status=400)


@seller_only
@require_POST
def case_escalate(request: HttpRequest, case_id: int, kind: str) -> HttpResponse:
    """Mark urgent, ask for a supervisor or request a call-back. Asking again while a request of the
    same kind is open shows that one's answer time."""
    if kind not in EscalationRequest.Kind.values:
        raise Http404
    form = EscalationRequestForm(request.POST, kind=kind)
    if form.is_valid():
        try:
            escalation = routing_services.request_escalation(
                actor=request.user,
                case_id=case_id,
                kind=kind,
                reason=form.cleaned_data["reason"],
                phone=form.cleaned_data.get("phone", ""),
            )
        except SellerdeskError as error:
            show_error(form, error)
        else:
            when = formats.date_format(timezone.localtime(escalation.target_at), TIME_FORMAT)
            messages.success(request, _("We have your request. We will answer by %(when)s.") % {"when": when})
            return redirect(reverse("portal:case", args=[case_id]) + "#escalate")
    case = permissions.get_case_for(request.user, case_id)
    context = _detail_context(request, case, escalation_forms={kind: form})
    return render(request, "portal/case_detail.html", context, status=400)


@seller_only
def commitment_list(request: HttpRequest) -> HttpResponse:
    """Every promise made to the seller's account, on any case, filtered by state."""
    state = request.GET.get("state", "")
    state = state if state in CommitmentState.values else ""
    page = paginate(request, commitment_selectors.commitments_for(request.user, state=state or None))
    return render(
        request,
        "portal/commitments.html",
        {"page": page, "state": state, "tabs": PROMISE_TABS, "page_query": query_without_page(request)},
    )
