"""The agent workspace: queues, the case view with the seller's context, and the agent's actions."""

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sellerdesk.accounts import capabilities, permissions
from sellerdesk.accounts.capabilities import BASIC, Capability
from sellerdesk.accounts.models import Tier
from sellerdesk.accounts.selectors import assignable_agents, teams_of
from sellerdesk.assistant import selectors as assistant_selectors
from sellerdesk.assistant import services as assistant_services
from sellerdesk.cases import selectors, services
from sellerdesk.cases.categories import Category
from sellerdesk.cases.lifecycle import ACTIVE_STATUSES, Status, allowed_targets
from sellerdesk.cases.models import Priority
from sellerdesk.commitments import selectors as commitment_selectors
from sellerdesk.commitments import services as commitment_services
from sellerdesk.commitments.models import Kind as CommitmentKind
from sellerdesk.commitments.models import State as CommitmentState
from sellerdesk.core import clock
from sellerdesk.core.errors import CoreError, SellerdeskError
from sellerdesk.core.forms import show_error
from sellerdesk.core.templatetags.sellerdesk import TRIAGE_FIELDS, triage_value
from sellerdesk.core.text import id_param
from sellerdesk.core.views import flash_error, form_key, paginate, posted_key, query_without_page, role_required
from sellerdesk.routing import selectors as routing_selectors
from sellerdesk.routing import services as routing_services
from sellerdesk.routing.models import EscalationRequest
from sellerdesk.sla import priority as sla_priority
from sellerdesk.sla import selectors as sla_selectors
from sellerdesk.sla import services as sla_services
from sellerdesk.sla.models import CaseTarget, SlaState

from .appeal_views import appeal_card
from .forms import (
    ActionForm,
    AgentReplyForm,
    AssignForm,
    BounceForm,
    CallOutcomeForm,
    CancelCommitmentForm,
    CommitmentForm,
    DeadlineForm,
    HandleEscalationForm,
    InternalNoteForm,
    KeepCommitmentForm,
    PlaybookForm,
    StatusForm,
    TransferForm,
    TriageReviewForm,
)
from .timing import span, time_left

agent_only = role_required(lambda user: user.is_agent)
# Team leads see their teams' escalation requests, promises and metrics; admins see every team's.
lead_only = role_required(permissions.is_lead)

# The metrics of the lead view cover this many days.
LEAD_METRICS_DAYS = 30

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
    page = paginate(request, qs)
    now = clock.now()
    escalated = routing_selectors.escalated_case_ids(case.pk for case in page.object_list)
    # One query for the page: the cases whose reading by the model an agent should confirm.
    check_triage = assistant_selectors.needs_review_ids(case.pk for case in page.object_list)
    rows = [
        {
            "case": case,
            "deadline": time_left(case.business_deadline, now),
            "escalated": case.pk in escalated,
            "check_triage": case.pk in check_triage,
            **_sla_row(case, now),
        }
        for case in page.object_list
    ]
    return render(
        request,
        "workspace/queue.html",
        {
            "page": page,
            "rows": rows,
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


def _priority(case, now: dt.datetime) -> dict | None:
    """The priority score (0–100), its level (low … critical, for the badge's colour) and why;
    None for a resolved or closed case, which nobody has to work."""
    if case.status not in ACTIVE_STATUSES:
        return None
    score, reason = sla_selectors.priority_of(case, now)
    level = sla_priority.level(score)
    return {"score": score, "level": level, "level_label": Priority(level).label, "reason": reason}


def _sla_row(case, now: dt.datetime) -> dict:
    """What a queue row shows of the SLA: the priority, the reply owed and the live state (a due
    time passed since the last sweep already counts as breached)."""
    state = sla_selectors.live_state(case, now)
    paused = state == SlaState.PAUSED or (case.response_due is None and case.status == Status.WAITING_ON_SELLER)
    return {
        "priority": _priority(case, now),
        "sla_state": state,
        "reply_paused": paused,
        "reply_due": None if paused else time_left(case.response_due, now),
    }


@agent_only
@require_POST
def next_case(request: HttpRequest) -> HttpResponse:
    """Gives the agent the most pressing unassigned case they can work and opens it."""
    try:
        case = sla_services.take_next_case(actor=request.user)
    except SellerdeskError as error:
        flash_error(request, error)
        return redirect("workspace:queue")
    if case is None:
        messages.info(
            request,
            _(
                "No case is waiting for you right now: every case you can work is taken or needs another "
                "language or team."
            ),
        )
        return redirect("workspace:queue")
    _score, reason = sla_selectors.priority_of(case, clock.now())
    messages.success(request, _("%(number)s is yours: %(reason)s") % {"number": case.number, "reason": reason})
    return redirect("workspace:case", case_id=case.pk)


def _sla_targets(case, now: dt.datetime) -> dict:
    """Each SLA target as the case page shows it: the running and paused ones (`live`), then those
    met or no longer needed (`done`)."""
    live, done = [], []
    for view in sla_selectors.targets_of(case, now):
        target = view.target
        row = {
            "kind": target.get_kind_display(),
            "policy": target.policy.name if target.policy else sla_services.FALLBACK_POLICY.name,
            "phase": target.phase,
            "due": time_left(target.due_at, now) if target.phase == CaseTarget.Phase.RUNNING else None,
            "used": span(dt.timedelta(seconds=target.used_seconds)),
            "total": span(dt.timedelta(seconds=target.target_seconds)),
            "met_at": target.met_at,
            "ceiling_at": target.ceiling_at,
            "ceiling_reached": target.ceiling_reached_at is not None,
        }
        if target.phase == CaseTarget.Phase.MET:
            # Late even when no sweep ran between the due time and the reply: more time used than allowed.
            late = bool(target.breached_at or target.ceiling_reached_at) or target.used_seconds > target.target_seconds
            row["state"], row["state_label"] = ("met_late", _("Met late")) if late else ("met", _("Met"))
        elif target.phase == CaseTarget.Phase.STOPPED:
            row["state"], row["state_label"] = "stopped", target.get_phase_display()
        else:
            row["state"], row["state_label"] = view.state, SlaState(view.state).label
        (live if target.live else done).append(row)
    return {"live": live, "done": done}


def _case_context(request: HttpRequest, case, **forms) -> dict:
    user = request.user
    may_work = permissions.can_work_case(user, case)
    can_assign_others = permissions.can_assign_others(user, case)
    now = clock.now()
    return {
        "case": case,
        "sla_priority": _priority(case, now),
        "sla_targets": _sla_targets(case, now),
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
        **_triage_context(user, case, may_work=may_work, forms=forms),
        **appeal_card(user, case, forms),
        **_tiered_context(request, case, may_work=may_work, forms=forms),
    }


# The references the model found in the text, in the order the triage card lists them.
REFERENCE_LABELS = [
    ("order_ids", gettext_lazy("Orders")),
    ("asins", gettext_lazy("ASINs")),
    ("skus", gettext_lazy("SKUs")),
    ("shipment_ids", gettext_lazy("Shipments")),
    ("amounts", gettext_lazy("Amounts")),
    ("dates", gettext_lazy("Dates")),
]


def _triage_context(user, case, *, may_work: bool, forms: dict) -> dict:
    """The triage card: the model's reading with its confidences, what an agent changed, the
    references found, and (for agents who work the case) the review form."""
    reading = assistant_selectors.reading_for(user, case)
    if reading is None:
        return {"triage": None}
    sure = settings.SELLERDESK["TRIAGE_CONFIDENCE"]
    current = assistant_selectors.values_in_effect(case, reading)
    predictions = []
    for name in TriageReviewForm.FIELDS:
        value, confidence = getattr(reading, name), getattr(reading, f"{name}_confidence")
        predictions.append(
            {
                "name": name,
                "title": TriageReviewForm.base_fields[name].label,
                "label": triage_value(name, value),
                "percent": round(confidence * 100),
                "unsure": confidence < sure,
                "now": triage_value(name, current[name]) if current[name] != value else None,
            }
        )
    found = reading.references or {}
    references = []
    for key, title in REFERENCE_LABELS:
        items = [item["text"] if isinstance(item, dict) else item for item in found.get(key) or []]
        if items:
            references.append({"key": key, "title": title, "items": items})
    form = forms.get("triage_form") if may_work else None
    if may_work and form is None:
        form = TriageReviewForm(initial=current)
    return {
        "triage": {
            "reading": reading,
            "predictions": predictions,
            "references": references,
            # Not yet reviewed, and the case's category is not the model's: confirming changes it.
            "category_differs": reading.reviewed_at is None and case.category != reading.category,
            "case_category": case.get_category_display(),
            "model_category": triage_value("category", reading.category),
        },
        "triage_form": form,
    }


def _tiered_context(request: HttpRequest, case, *, may_work: bool, forms: dict) -> dict:
    """The case page's tiered-support panels: playbook, actions, transfers, deadline, commitments.
    A refused form comes back in `forms`, bound and carrying its error, to be shown in place."""
    user = request.user
    now = clock.now()
    is_first_line = case.team is not None and case.team.tier == Tier.TIER1

    panel = routing_selectors.playbook_panel(case)
    posted = forms.get("playbook_post")  # (the posted data, the service's refusal)
    playbook_form = None
    if panel is not None:
        playbook_form = PlaybookForm(posted[0] if posted else None, panel=panel)
        if posted:
            playbook_form.show_error(posted[1])

    allowed = capabilities.capabilities_for(user, case) if may_work else set()
    actions = [(c.value, c.label) for c in Capability if c in allowed and c not in BASIC]

    history = routing_selectors.transfer_history(case)
    team_tier = case.team.tier if case.team else None
    tier_has = {capability for tier, capability in capabilities.matrix() if tier == team_tier}
    transfer_form = forms.get("transfer_form") or TransferForm()
    if may_work:
        transfer_form.offer(
            teams=routing_selectors.transfer_targets(case),
            reasons=routing_selectors.transfer_reasons(),
            lacking=[(c.value, c.label) for c in Capability if c not in BASIC and c not in tier_has],
        )

    failed = forms.get("commitment_failed")  # (what, commitment id, bound form)
    commitment_rows = []
    for commitment in commitment_selectors.commitments_for(user, case=case):
        can_keep = may_work and commitment.state in (CommitmentState.OPEN, CommitmentState.BROKEN)
        row = {
            "c": commitment,
            "due": time_left(commitment.due_at, now) if commitment.state == CommitmentState.OPEN else None,
            "can_keep": can_keep,
            "can_cancel": may_work and commitment.state == CommitmentState.OPEN,
            "can_log_call": can_keep and commitment.kind == CommitmentKind.CALL_BACK,
            "keep_form": KeepCommitmentForm(prefix=f"keep-{commitment.pk}"),
            "cancel_form": CancelCommitmentForm(prefix=f"cancel-{commitment.pk}"),
            "call_form": CallOutcomeForm(prefix=f"call-{commitment.pk}"),
            "failed": None,
        }
        if failed and failed[1] == commitment.pk:
            what, form = failed[0], failed[2]
            row[f"{what}_form"] = form
            row["failed"] = what
            # A refusal because the commitment moved on (kept or cancelled meanwhile): its form is
            # gone from the page, so the refusal is shown on the commitment itself.
            shown = {"keep": row["can_keep"], "cancel": row["can_cancel"], "call": row["can_log_call"]}[what]
            row["orphan_form"] = None if shown else form
        commitment_rows.append(row)

    open_commitments = sum(1 for row in commitment_rows if row["c"].state == CommitmentState.OPEN)
    return {
        "deadline": time_left(case.business_deadline, now),
        "escalated": case.pk in routing_selectors.escalated_case_ids([case.pk]),
        "is_first_line": is_first_line,
        "panel": panel,
        "playbook_form": playbook_form,
        "playbook_refusal": posted[1].message if posted and panel is None else None,
        "action_form": (forms.get("action_form") or ActionForm()).offer(actions),
        "has_actions": bool(actions),
        "transfer_form": transfer_form,
        "transfers": history["transfers"],
        "bounceable": history["bounceable"] if may_work else None,
        "bounce_form": forms.get("bounce_form") or BounceForm(),
        # A bounce refused because the transfer cannot be bounced (any more): no form to show it on.
        "bounce_refused": forms.get("bounce_form") if history["bounceable"] is None else None,
        "deadline_form": forms.get("deadline_form") or DeadlineForm(initial={"deadline": case.business_deadline}),
        "commitment_form": forms.get("commitment_form") or CommitmentForm(),
        "commitment_rows": commitment_rows,
        "open_commitments": open_commitments,
        # Which collapsible sections start open: the ones a refusal is shown in, and the ones the
        # agent most likely needs (first line works from the playbook).
        "open_sections": {
            "playbook": is_first_line or "playbook_post" in forms,
            "actions": may_work,
            "transfer": "transfer_form" in forms or "bounce_form" in forms or history["bounceable"] is not None,
            "deadline": "deadline_form" in forms,
            "commitments": open_commitments > 0 or "commitment_form" in forms or failed is not None,
        },
    }


@agent_only
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = permissions.get_case_for(request.user, case_id)
    return render(request, "workspace/case_detail.html", _case_context(request, case))


def _back(case_id: int, anchor: str = "latest") -> HttpResponse:
    return redirect(reverse("workspace:case", args=[case_id]) + f"#{anchor}")


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
                idempotency_key=posted_key(request),
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
                idempotency_key=posted_key(request),
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
        flash_error(request, error)
    else:
        messages.success(request, _("Assignment updated."))
    return _back(case_id)


@agent_only
@require_POST
def case_reopen(request: HttpRequest, case_id: int) -> HttpResponse:
    try:
        services.reopen_case(actor=request.user, case_id=case_id, reason=request.POST.get("reason", ""))
    except SellerdeskError as error:
        flash_error(request, error)
    else:
        messages.success(request, _("The case is open again."))
    return _back(case_id)


# --- the model's triage of the case ------------------------------------------------------------------


@agent_only
@require_POST
def case_triage_review(request: HttpRequest, case_id: int) -> HttpResponse:
    """The agent's review of the model's reading: the form holds what the case is now; what the
    agent changes (or what differs from the model) is kept as a correction."""
    form = TriageReviewForm(request.POST)
    if form.is_valid():
        posted = {name: form.cleaned_data[name] for name in TriageReviewForm.FIELDS}
        case = permissions.get_case_for(request.user, case_id)
        reading = assistant_selectors.reading_for(request.user, case)
        current = assistant_selectors.values_in_effect(case, reading) if reading is not None else {}
        changes = [name for name, value in posted.items() if value != current.get(name)]
        try:
            assistant_services.review_triage(actor=request.user, case_id=case_id, **posted)
        except SellerdeskError as error:
            show_error(form, error)
        else:
            if changes:
                names = ", ".join(str(TRIAGE_FIELDS[name]) for name in changes)
                messages.success(request, _("Triage corrected: %(fields)s.") % {"fields": names})
            else:
                messages.success(request, _("Triage confirmed."))
            return _back(case_id, "triage")
    return _refused(request, case_id, triage_form=form)


# --- tiered support: playbook, actions, transfers, deadline, commitments ------------------------------


@agent_only
@require_POST
def case_playbook(request: HttpRequest, case_id: int) -> HttpResponse:
    """Saves the playbook's form and ticked steps; with only `switch`, changes to another playbook of
    the category (its progress is kept, and it becomes the one in use)."""
    args = PlaybookForm.parse(request.POST)
    switching = "switch" in request.POST
    try:
        progress = routing_services.save_playbook(
            actor=request.user,
            case_id=case_id,
            values={} if switching else args["values"],
            completed_steps=[] if switching else args["completed_steps"],
            playbook_id=args["playbook_id"],
        )
    except SellerdeskError as error:
        if switching:
            messages.error(
                request, " ".join(t for texts in (error.fields or {}).values() for t in texts) or error.message
            )
            return _back(case_id, "playbook")
        return _refused(request, case_id, playbook_post=(request.POST, error))
    if switching:
        messages.success(request, _("Now using the playbook “%(name)s”.") % {"name": progress.playbook.name})
    elif progress.completed_at is not None:
        messages.success(request, _("Playbook progress saved. The playbook is completed."))
    else:
        messages.success(request, _("Playbook progress saved."))
    return _back(case_id, "playbook")


@agent_only
@require_POST
def case_action(request: HttpRequest, case_id: int) -> HttpResponse:
    form = ActionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            routing_services.take_action(
                actor=request.user,
                case_id=case_id,
                capability=data["capability"],
                note=data["note"],
                amount=data["amount"],
                currency=data["currency"],
                reference=data["reference"],
                idempotency_key=posted_key(request),
            )
        except SellerdeskError as error:
            if error.code == CoreError.IDEMPOTENCY_KEY_REUSED:
                # As for commitments: the form shown now carries a new key ("-action" added).
                form.add_error(
                    None,
                    _(
                        "This form was already sent and took an action (see the timeline). "
                        "Send it again to take another action with these details."
                    ),
                )
            else:
                show_error(form, error)
        else:
            label = Capability(data["capability"]).label
            messages.success(request, _("Done: %(action)s. The seller sees it on the case.") % {"action": label})
            return _back(case_id)
    return _refused(request, case_id, action_form=form)


@agent_only
@require_POST
def case_transfer(request: HttpRequest, case_id: int) -> HttpResponse:
    """After a transfer the case belongs to another team: the agent goes back to the queue."""
    form = TransferForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            transfer = routing_services.transfer_case(
                actor=request.user,
                case_id=case_id,
                team_id=data["team"] or 0,
                reason_code=data["reason_code"],
                note=data["note"],
                capability=data["capability"],
            )
        except SellerdeskError as error:
            show_error(form, error)
        else:
            messages.success(
                request,
                _("%(case)s is now with %(team)s.") % {"case": transfer.case.number, "team": transfer.to_team.name},
            )
            return redirect("workspace:queue")
    return _refused(request, case_id, transfer_form=form)


@agent_only
@require_POST
def transfer_bounce(request: HttpRequest, case_id: int, transfer_id: int) -> HttpResponse:
    """The receiving team sends an avoidable transfer back; the case leaves the team's queue."""
    form = BounceForm(request.POST)
    if form.is_valid():
        try:
            transfer = routing_services.bounce_transfer(
                actor=request.user, transfer_id=transfer_id, reason=form.cleaned_data["reason"]
            )
        except SellerdeskError as error:
            show_error(form, error)
        else:
            messages.success(
                request,
                _("%(case)s went back to %(team)s.") % {"case": transfer.case.number, "team": transfer.from_team.name},
            )
            return redirect("workspace:queue")
    return _refused(request, case_id, bounce_form=form)


@agent_only
@require_POST
def case_deadline(request: HttpRequest, case_id: int) -> HttpResponse:
    """Sets the business deadline (typed in the agent's time zone) or, with `clear`, removes it."""
    form = DeadlineForm(request.POST)
    clear = "clear" in request.POST
    if form.is_valid():
        deadline = None if clear else form.cleaned_data["deadline"]
        if deadline is None and not clear:
            form.add_error("deadline", _("Give the date and time, or clear the deadline."))
        else:
            try:
                services.set_business_deadline(actor=request.user, case_id=case_id, deadline=deadline)
            except SellerdeskError as error:
                show_error(form, error, business_deadline="deadline")
            else:
                if clear:
                    messages.success(request, _("Business deadline cleared."))
                    return _back(case_id, "deadline")
                messages.success(request, _("Business deadline saved."))
                return _back(case_id, "deadline-banner")
    return _refused(request, case_id, deadline_form=form)


@agent_only
@require_POST
def case_commitment(request: HttpRequest, case_id: int) -> HttpResponse:
    form = CommitmentForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            commitment_services.make_commitment(
                actor=request.user,
                case_id=case_id,
                kind=data["kind"],
                description=data["description"],
                due_at=data["due_at"],
                amount=data["amount"],
                currency=data["currency"],
                phone=data["phone"],
                window_start=data["window_start"],
                window_end=data["window_end"],
                idempotency_key=posted_key(request),
            )
        except SellerdeskError as error:
            if error.code == CoreError.IDEMPOTENCY_KEY_REUSED:
                # The page was sent before with other details (the back button). The form shown now
                # carries a new key (the posted one with "-commitment" added), so sending it again
                # makes another promise.
                form.add_error(
                    None,
                    _(
                        "This form was already sent and made a promise (see Commitments). "
                        "Send it again to make another promise with these details."
                    ),
                )
            else:
                show_error(form, error)
        else:
            messages.success(request, _("Commitment recorded. The seller sees it on their case."))
            return _back(case_id, "commitments")
    return _refused(request, case_id, commitment_form=form)


# One form per open commitment and per action on it: (form class, the text field, service, done message).
COMMITMENT_ACTIONS = {
    "keep": (
        KeepCommitmentForm,
        "evidence",
        lambda actor, pk, text: commitment_services.fulfil_commitment(actor=actor, commitment_id=pk, evidence=text),
        gettext_lazy("Commitment marked kept."),
    ),
    "cancel": (
        CancelCommitmentForm,
        "reason",
        lambda actor, pk, text: commitment_services.cancel_commitment(actor=actor, commitment_id=pk, reason=text),
        gettext_lazy("Commitment cancelled."),
    ),
    "call": (
        CallOutcomeForm,
        "summary",
        lambda actor, pk, text: commitment_services.log_call_outcome(actor=actor, commitment_id=pk, summary=text),
        gettext_lazy("Call summary sent to the seller; the call-back is kept."),
    ),
}


def _update_commitment(request: HttpRequest, case_id: int, commitment_id: int, what: str) -> HttpResponse:
    form_class, field, service, done = COMMITMENT_ACTIONS[what]
    form = form_class(request.POST, prefix=f"{what}-{commitment_id}")
    if form.is_valid():
        try:
            service(request.user, commitment_id, form.cleaned_data[field])
        except SellerdeskError as error:
            show_error(form, error)
        else:
            messages.success(request, done)
            return _back(case_id, "commitments")
    return _refused(request, case_id, commitment_failed=(what, commitment_id, form))


@agent_only
@require_POST
def commitment_keep(request: HttpRequest, case_id: int, commitment_id: int) -> HttpResponse:
    return _update_commitment(request, case_id, commitment_id, "keep")


@agent_only
@require_POST
def commitment_cancel(request: HttpRequest, case_id: int, commitment_id: int) -> HttpResponse:
    return _update_commitment(request, case_id, commitment_id, "cancel")


@agent_only
@require_POST
def commitment_call(request: HttpRequest, case_id: int, commitment_id: int) -> HttpResponse:
    return _update_commitment(request, case_id, commitment_id, "call")


# --- the lead view ----------------------------------------------------------------------------------


def _lead_context(request: HttpRequest, failed: tuple | None = None) -> dict:
    """A lead's teams (every team for an admin): open escalation requests, promises not kept, and
    the tiered-support metrics of the last days. `failed` is (request id, bound form with its error)."""
    user = request.user
    team_ids = permissions.led_team_ids(user)
    now = clock.now()
    since = now - dt.timedelta(days=LEAD_METRICS_DAYS)
    requests = []
    for escalation in routing_selectors.open_escalation_requests(team_ids)[:200]:
        form = HandleEscalationForm(prefix=f"esc-{escalation.pk}")
        if failed and failed[0] == escalation.pk:
            form = failed[1]
        requests.append(
            {
                "r": escalation,
                "left": time_left(escalation.target_at, now),
                "is_urgent": escalation.kind == EscalationRequest.Kind.URGENT,
                "form": form,
            }
        )
    promises = [
        {"c": c, "due": time_left(c.due_at, now) if c.state == CommitmentState.OPEN else None}
        for c in commitment_selectors.team_commitments(
            user, team_ids=team_ids, states=[CommitmentState.OPEN, CommitmentState.BROKEN]
        )
    ]
    return {
        "all_teams": team_ids is None,
        "lead_teams": teams_of(user) if team_ids is None else [t for t in teams_of(user) if t.pk in team_ids],
        "requests": requests,
        "promises": promises,
        "days": LEAD_METRICS_DAYS,
        "transfer_metrics": routing_selectors.transfer_metrics(since=since, team_ids=team_ids),
        "promises_kept": commitment_selectors.promises_kept(since=since, team_ids=team_ids),
        "urgent_abuse": routing_selectors.urgent_abuse(since=since, team_ids=team_ids),
    }


@lead_only
def lead(request: HttpRequest) -> HttpResponse:
    return render(request, "workspace/lead.html", _lead_context(request))


@lead_only
@require_POST
def escalation_handle(request: HttpRequest, request_id: int) -> HttpResponse:
    form = HandleEscalationForm(request.POST, prefix=f"esc-{request_id}")
    if form.is_valid():
        try:
            routing_services.handle_escalation_request(
                actor=request.user,
                request_id=request_id,
                outcome=form.cleaned_data["outcome"],
                judged_not_urgent=form.cleaned_data["not_urgent"],
            )
        except SellerdeskError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Escalation request answered. The seller reads the outcome on the case."))
            return redirect("workspace:lead")
    return render(request, "workspace/lead.html", _lead_context(request, failed=(request_id, form)), status=400)
