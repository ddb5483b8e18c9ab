"""The agent workspace: queues, the case view with the seller's context, and the agent's actions."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sellerdesk.accounts import permissions
from sellerdesk.accounts.selectors import assignable_agents, teams_of
from sellerdesk.cases import selectors, services
from sellerdesk.cases.categories import Category
from sellerdesk.cases.lifecycle import ACTIVE_STATUSES, Status, allowed_targets
from sellerdesk.core.errors import CoreError, SellerdeskError
from sellerdesk.core.forms import show_error
from sellerdesk.core.text import id_param
from sellerdesk.core.views import form_key, paginate, query_without_page, role_required

from .forms import AgentReplyForm, AssignForm, InternalNoteForm, StatusForm

agent_only = role_required(lambda user: user.is_agent)

# Lazy: built at import time, translated when the queue page is rendered in the viewer's language.
SORT_CHOICES = [
    ("priority", gettext_lazy("Priority first")),
    ("oldest", gettext_lazy("Oldest first")),
    ("updated", gettext_lazy("Recently updated")),
    ("newest", gettext_lazy("Newest first")),
]


@agent_only
def queue(request: HttpRequest) -> HttpResponse:
    """`view=mine` (default): my active cases; `view=team`: my teams' queues, with filters."""
    view = request.GET.get("view", "mine")
    status = request.GET.get("status") or "active"
    status = status if status in {"active", "all", *Status.values} else "active"
    category = request.GET.get("category") or None
    category = category if category in Category.values else None
    team_id = id_param(request.GET.get("team", ""))
    assignee = request.GET.get("assignee") or None
    if assignee not in (None, "me", "none"):
        agent_id = id_param(assignee)
        assignee = str(agent_id) if agent_id else None
    sort = request.GET.get("sort") or "priority"
    query = request.GET.get("q", "").strip()[:200] or None
    if view == "mine":
        assignee, team_id = "me", None
    qs = selectors.cases_for(
        request.user,
        status=None if status == "all" else status,
        category=category,
        team_id=team_id,
        assignee=assignee,
        query=query,
        sort=sort,
    )
    return render(
        request,
        "workspace/queue.html",
        {
            "page": paginate(request, qs),
            "view": view,
            "status": status,
            "category": category,
            "team_id": team_id,
            "assignee": assignee,
            "sort": sort,
            "q": query or "",
            "teams": selectors.queue_summary(request.user),
            "mine_count": selectors.cases_for(request.user, status="active", assignee="me").count(),
            "statuses": Status.choices,
            "categories": Category.choices,
            "sorts": SORT_CHOICES,
            "page_query": query_without_page(request),
        },
    )


def _case_context(request: HttpRequest, case, **forms) -> dict:
    user = request.user
    may_work = permissions.can_work_case(user, case)
    can_assign_others = permissions.can_assign_others(user, case)
    return {
        "case": case,
        "events": selectors.timeline(user, case),
        "other_cases": selectors.other_open_cases(user, case),
        "may_work": may_work,
        "is_active": case.status in ACTIVE_STATUSES,
        "reply_form": forms.get("reply_form") or AgentReplyForm(),
        "note_form": forms.get("note_form") or InternalNoteForm(prefix="note"),
        "status_form": forms.get("status_form") or StatusForm(initial={"status": case.status}),
        "status_targets": [(s, Status(s).label) for s in allowed_targets(case.status)],
        "assign_form": (forms.get("assign_form") or AssignForm(agents=assignable_agents(case.team)))
        if can_assign_others
        else None,
        "my_teams": teams_of(user),
        "idempotency_key": form_key(request),
    }


@agent_only
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = permissions.get_case_for(request.user, case_id)
    return render(request, "workspace/case_detail.html", _case_context(request, case))


def _back(case_id: int) -> HttpResponse:
    return redirect(reverse("workspace:case", args=[case_id]) + "#latest")


def _refused(request: HttpRequest, case_id: int, **forms) -> HttpResponse:
    case = permissions.get_case_for(request.user, case_id)
    return render(request, "workspace/case_detail.html", _case_context(request, case, **forms), status=400)


@agent_only
@require_POST
def case_reply(request: HttpRequest, case_id: int) -> HttpResponse:
    form = AgentReplyForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.post_message(
                actor=request.user,
                case_id=case_id,
                body=data["body"],
                attachments=data["attachments"],
                idempotency_key=request.POST.get("idempotency_key") or None,
            )
            if data["then_status"]:
                services.change_status(actor=request.user, case_id=case_id, status=data["then_status"])
        except SellerdeskError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Reply sent to the seller."))
            return _back(case_id)
    return _refused(request, case_id, reply_form=form)


@agent_only
@require_POST
def case_note(request: HttpRequest, case_id: int) -> HttpResponse:
    form = InternalNoteForm(request.POST, prefix="note")
    if form.is_valid():
        try:
            services.post_message(
                actor=request.user,
                case_id=case_id,
                body=form.cleaned_data["body"],
                internal=True,
                idempotency_key=request.POST.get("idempotency_key") or None,
            )
        except SellerdeskError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Internal note added."))
            return _back(case_id)
    return _refused(request, case_id, note_form=form)


@agent_only
@require_POST
def case_status(request: HttpRequest, case_id: int) -> HttpResponse:
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.change_status(
                actor=request.user,
                case_id=case_id,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        except SellerdeskError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Status updated."))
            return _back(case_id)
    return _refused(request, case_id, status_form=form)


@agent_only
@require_POST
def case_assign(request: HttpRequest, case_id: int) -> HttpResponse:
    """Without an `assignee`, the agent takes the case; leads may pick an agent of the team."""
    raw = request.POST.get("assignee", "").strip()
    # Text that is no id names nobody (0 matches no user): the service refuses it as an unknown agent,
    # after its own visibility and role checks, instead of quietly giving the case to the sender.
    assignee_id = (id_param(raw) or 0) if raw else None
    try:
        services.assign_case(actor=request.user, case_id=case_id, assignee_id=assignee_id)
    except SellerdeskError as error:
        if error.code == CoreError.NOT_FOUND:
            raise  # a case outside the agent's teams does not exist for them: 404, and nothing flashed
        details = [text for texts in (error.fields or {}).values() for text in texts]
        messages.error(request, " ".join(details) or error.message)
    else:
        messages.success(request, _("Assignment updated."))
    return _back(case_id)


@agent_only
@require_POST
def case_reopen(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        services.reopen_case(actor=request.user, case_id=case_id, reason=request.POST.get("reason", ""))
    except SellerdeskError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The case is open again."))
    return _back(case_id)
