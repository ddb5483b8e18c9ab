"""The workspace's seller performance pages, for staff who may change a seller account's status
(the seller_performance and senior tiers, and admins): the sellers with their status and open
items; one seller's overview (status and why, health, actions with their notices, complaints,
appeals) with the forms that change the status, take and reverse actions; the complaint queue with
its credibility signals in words and the validation forms; the detectors and their overturn rates.

Views only parse, call a selector or a service and render; a refusal is shown next to its field.
Other agents get a 403 page; sellers a 404 (the workspace does not exist for them)."""

import datetime as dt
from functools import wraps

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from sellerdesk.accounts.models import AccountStatus
from sellerdesk.core import clock
from sellerdesk.core.errors import CoreError, SellerdeskError
from sellerdesk.core.forms import show_error, show_resent
from sellerdesk.core.text import id_param
from sellerdesk.core.views import form_key, paginate, posted_key, query_without_page, role_required
from sellerdesk.performance import selectors, services
from sellerdesk.performance.models import (
    AccountEventKind,
    ActionKind,
    ActionSource,
    ActionStatus,
    ComplaintStatus,
    Credibility,
    Detector,
    HealthState,
    ItemKind,
    PolicyRule,
)

# Detectors whose overturn rate is above this share are highlighted for operators.
OVERTURN_ALERT = 0.20
# The windows the detectors page offers, in days (None: since the beginning).
DETECTOR_WINDOWS = [30, 90, 365, None]
MAX_ITEM_LINES = 51  # one more than the service takes, so that it says how many it takes


def enforcement_staff(view):
    """Agents who may change account status, and admins. Other agents get a 403 page that says who
    can; for sellers the workspace does not exist (404)."""

    @role_required(lambda user: user.is_agent)
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not selectors.is_enforcement_staff(request.user):
            return render(request, "workspace/performance/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped


# --- forms ------------------------------------------------------------------------------------------
#
# They collect what the agent typed; the services decide what is valid (a refusal is put back on the
# form with `show_error`, each message next to its field).


class ServiceChecked:
    """A field the service requires (so the page does not call it optional) and checks itself: an
    empty value is passed on, and the service's refusal names what is missing next to the field."""

    def validate(self, value):
        if value in self.empty_values:
            return
        super().validate(value)


class FactText(ServiceChecked, forms.CharField):
    pass


class FactChoice(ServiceChecked, forms.ChoiceField):
    pass


class FactTypedChoice(ServiceChecked, forms.TypedChoiceField):
    pass


class FactFloat(ServiceChecked, forms.FloatField):
    pass


class FactDecimal(ServiceChecked, forms.DecimalField):
    pass


def _currencies() -> list[tuple[str, str]]:
    return [("", "—"), *((code, code) for code in settings.SELLERDESK["FX_TO_USD"])]


class AccountStatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("New status"), choices=AccountStatus.choices)
    reason = FactText(
        label=gettext_lazy("Reason (the seller reads it)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=services.TEXT_MAX,
    )

    def offer(self, current: str) -> "AccountStatusForm":
        """Lists the statuses that may follow the current one (the service checks it again)."""
        allowed = services.TRANSITIONS.get(current, set())
        self.fields["status"].widget.choices = [(v, label) for v, label in AccountStatus.choices if v in allowed]
        return self


class TakeActionForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Action"), choices=ActionKind.choices)
    rule = FactChoice(label=gettext_lazy("Policy rule broken"), choices=())
    items = FactText(
        label=gettext_lazy("Items concerned"),
        widget=forms.Textarea(
            attrs={"rows": 3, "spellcheck": "false", "placeholder": "listing L-4471\nasin B08XK2L9QZ"}
        ),
        help_text=gettext_lazy(
            "One per line: the kind (listing, order, asin or sku) and the id, e.g. “listing L-4471”."
        ),
    )
    evidence = FactText(
        label=gettext_lazy("Evidence"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=services.TEXT_MAX,
        help_text=gettext_lazy("What was found, where and when. The seller reads it in the notice."),
    )
    source = forms.ChoiceField(label=gettext_lazy("Found by"), choices=ActionSource.choices)
    detector = FactChoice(label=gettext_lazy("Detector"), choices=())
    detector_confidence = FactFloat(
        label=gettext_lazy("Detector's confidence (0 to 1)"),
        widget=forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "1"}),
    )
    complaint = FactTypedChoice(label=gettext_lazy("Complaint"), coerce=int, empty_value=None, choices=())
    amount_held = FactDecimal(
        label=gettext_lazy("Amount held"),
        max_digits=14,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.01", "min": "0", "inputmode": "decimal"}),
    )
    currency = FactChoice(label=gettext_lazy("Currency"), choices=_currencies)

    def offer(self, *, rules, detectors, complaints) -> "TakeActionForm":
        self.fields["rule"].choices = [("", _("Choose the rule…")), *((r.code, f"{r.code} {r.title}") for r in rules)]
        self.fields["detector"].choices = [("", "—"), *((d.name, f"{d.name} v{d.version}") for d in detectors)]
        self.fields["complaint"].choices = [
            ("", "—"),
            *(
                (
                    c.pk,
                    _("#%(id)d · %(kind)s · %(status)s")
                    % {"id": c.pk, "kind": c.get_complainant_kind_display(), "status": c.get_status_display()},
                )
                for c in complaints
            ),
        ]
        return self

    def items_list(self) -> list[dict]:
        """The items lines as the service takes them; a line it cannot read is passed on as it is,
        so that the service says what is wrong with it."""
        items = []
        for line in (self.cleaned_data.get("items") or "").splitlines()[: MAX_ITEM_LINES * 2]:
            line = line.strip()
            if not line:
                continue
            kind, _sep, ident = line.replace(":", " ", 1).partition(" ")
            items.append({"kind": kind.strip().lower(), "id": ident.strip()})
        return items[:MAX_ITEM_LINES]


class ReasonForm(forms.Form):
    reason = FactText(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=services.TEXT_MAX,
    )


class ComplaintDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("validate", gettext_lazy("Validate")), ("reject", gettext_lazy("Reject"))],
        error_messages={"required": gettext_lazy("Choose whether to validate or reject the complaint.")},
    )
    reason = FactText(
        label=gettext_lazy("Why (kept on the seller's record for staff)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=services.TEXT_MAX,
    )


# --- what the pages say -----------------------------------------------------------------------------

# The same names as on the seller's health page.
HEALTH_METRICS = {
    "dissatisfaction_rate": gettext_lazy("Customer service dissatisfaction rate"),
    "response_time_compliance": gettext_lazy("Response-time compliance"),
}


def signal_sentences(complaint) -> list[dict]:
    """A complaint's credibility signals in words, each marked when it lowers the credibility:
    "complainant account 3 days old", "complained about 4 other sellers in 'toys' in 90 days",
    "duplicate of complaint #12"."""
    signals = complaint.signals or {}
    penalties = set(signals.get("penalties") or [])
    lines = []
    if "verified_purchase" in signals:
        if signals["verified_purchase"]:
            lines.append({"text": _("verified purchase"), "against": False})
        else:
            lines.append({"text": _("no verified purchase"), "against": True})
    if "account_age_days" in signals:
        days = int(signals["account_age_days"])
        lines.append(
            {
                "text": ngettext("complainant account %(days)d day old", "complainant account %(days)d days old", days)
                % {"days": days},
                "against": bool({"new_account", "young_account"} & penalties),
            }
        )
    if "competitors_complained_about" in signals:
        others = int(signals["competitors_complained_about"])
        category = complaint.product_category
        if others:
            text = ngettext(
                "complained about %(n)d other seller in “%(category)s” in 90 days",
                "complained about %(n)d other sellers in “%(category)s” in 90 days",
                others,
            ) % {"n": others, "category": category}
        else:
            text = _("no complaints about other sellers in “%(category)s” in 90 days") % {"category": category}
        lines.append({"text": text, "against": others > 0})
    if "complainant_is_seller" in penalties:
        lines.append({"text": _("the complainant is another seller, possibly a competitor"), "against": True})
    if signals.get("duplicate_of"):
        lines.append({"text": _("duplicate of complaint #%(id)s") % {"id": signals["duplicate_of"]}, "against": True})
    return lines


def _status_label(value: str) -> str:
    return str(AccountStatus(value).label) if value in AccountStatus.values else value


def event_line(event) -> dict:
    """One entry of the account's audit trail in words: a headline and, when there is one, the reason."""
    data = event.data or {}
    kind = event.kind
    headline = event.get_kind_display()
    detail = data.get("reason", "")
    if kind == AccountEventKind.STATUS_CHANGED:
        headline = _("Status: %(from)s → %(to)s") % {
            "from": _status_label(data.get("from", "")),
            "to": _status_label(data.get("to", "")),
        }
    elif kind in (AccountEventKind.ACTION_TAKEN, AccountEventKind.ACTION_REVERSED):
        label = ActionKind(data["kind"]).label if data.get("kind") in ActionKind.values else data.get("kind", "")
        sentence = (
            _("%(action)s under rule %(rule)s (action #%(id)s)")
            if kind == AccountEventKind.ACTION_TAKEN
            else _("Reversed: %(action)s under rule %(rule)s (action #%(id)s)")
        )
        headline = sentence % {"action": label, "rule": data.get("rule", ""), "id": data.get("action_id", "")}
    elif kind == AccountEventKind.COMPLAINT_RECEIVED:
        credibility = data.get("credibility", "")
        headline = _("Complaint #%(id)s received (credibility %(credibility)s, %(score)s of 100)") % {
            "id": data.get("complaint_id", ""),
            "credibility": str(Credibility(credibility).label).lower() if credibility in Credibility.values else "",
            "score": data.get("score", ""),
        }
    elif kind == AccountEventKind.COMPLAINT_DECIDED:
        sentence = (
            _("Complaint #%(id)s validated")
            if data.get("status") == ComplaintStatus.VALIDATED
            else _("Complaint #%(id)s rejected")
        )
        headline = sentence % {"id": data.get("complaint_id", "")}
    elif kind == AccountEventKind.APPEAL_DECIDED:
        decision = data.get("decision", "")
        headline = {
            "approve": _("Appeal #%(id)s approved"),
            "deny": _("Appeal #%(id)s denied"),
            "more_info": _("More information asked for appeal #%(id)s"),
        }.get(decision, _("Appeal #%(id)s decided")) % {"id": data.get("appeal_id", "")}
    elif kind in (AccountEventKind.APPEAL_FILED, AccountEventKind.APPEAL_ESCALATED):
        headline = _("%(event)s: appeal #%(id)s of action #%(action)s") % {
            "event": event.get_kind_display(),
            "id": data.get("appeal_id", ""),
            "action": data.get("action_id", ""),
        }
    return {"event": event, "headline": headline, "detail": detail}


def _health(account) -> dict:
    """The seller's account health over the window the seller is judged on, as staff read it."""
    report = selectors.health_report(account)
    metrics = []
    for key, metric in (report.get("metrics") or {}).items():
        state = metric.get("state", "")
        metrics.append(
            {
                "key": key,
                "label": HEALTH_METRICS.get(key, key),
                "value": metric.get("value"),
                "state": state,
                "state_label": HealthState(state).label if state in HealthState.values else state,
                "numerator": metric.get("numerator"),
                "denominator": metric.get("denominator"),
            }
        )
    overall = report.get("overall", "")
    return {
        "window_days": report.get("window_days"),
        "overall": overall,
        "overall_label": HealthState(overall).label if overall in HealthState.values else overall,
        "metrics": metrics,
    }


# --- the sellers -------------------------------------------------------------------------------------


def _tabs(active: str) -> dict:
    return {"tab": active, "complaints_waiting": selectors.complaint_queue().count()}


@enforcement_staff
def sellers(request: HttpRequest) -> HttpResponse:
    """Every seller with their status and open items; search by name or marketplace seller id."""
    query = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status") or ""
    status = status if status in AccountStatus.values else ""
    attention = request.GET.get("attention") == "1"
    page = paginate(request, selectors.staff_sellers(query=query, status=status or None, needs_attention=attention))
    return render(
        request,
        "workspace/performance/sellers.html",
        {
            **_tabs("sellers"),
            "page": page,
            "q": query,
            "status": status,
            "attention": attention,
            "statuses": AccountStatus.choices,
            "page_query": query_without_page(request),
        },
    )


def _seller_context(request: HttpRequest, account, **forms_in) -> dict:
    overview = selectors.seller_overview(account)
    failed_reverse = forms_in.get("reverse_failed")  # (action id, bound form)
    action_rows = []
    for action in overview["actions"]:
        form = ReasonForm(prefix=f"reverse-{action.pk}")
        if failed_reverse and failed_reverse[0] == action.pk:
            form = failed_reverse[1]
        action_rows.append({"action": action, "reverse_form": form, "open": bool(failed_reverse) and form.is_bound})
    action_form = forms_in.get("action_form") or TakeActionForm(prefix="act")
    action_form.offer(
        rules=PolicyRule.objects.order_by("code"),
        detectors=Detector.objects.filter(active=True).order_by("name"),
        complaints=overview["complaints"],
    )
    status_form = forms_in.get("status_form") or AccountStatusForm(prefix="st")
    status_form.offer(account.status)
    last = overview["last_status_change"]
    return {
        **_tabs("sellers"),
        **overview,
        "health": _health(account),
        "last_reason": (last.data or {}).get("reason", "") if last else "",
        "event_lines": [event_line(e) for e in overview["events"]],
        "earlier_status_lines": [event_line(e) for e in overview["status_history"][1:]],
        "action_rows": action_rows,
        "action_form": action_form,
        # A double click or a resubmit takes the action once; a refused key is replaced.
        "action_key": forms_in.get("action_key") or form_key(request),
        "status_form": status_form,
        "item_kinds": ItemKind.values,
        "open_forms": {
            "status": "status_form" in forms_in,
            "action": "action_form" in forms_in,
        },
    }


def _seller_page(request: HttpRequest, account, *, status: int = 200, **forms_in) -> HttpResponse:
    return render(
        request, "workspace/performance/seller.html", _seller_context(request, account, **forms_in), status=status
    )


def _back_to_seller(account_id: int, anchor: str) -> HttpResponse:
    return redirect(reverse("workspace:performance_seller", args=[account_id]) + f"#{anchor}")


@enforcement_staff
def seller(request: HttpRequest, account_id: int) -> HttpResponse:
    return _seller_page(request, selectors.staff_account(pk=account_id))


@enforcement_staff
@require_POST
def seller_status(request: HttpRequest, account_id: int) -> HttpResponse:
    account = selectors.staff_account(pk=account_id)
    form = AccountStatusForm(request.POST, prefix="st")
    if form.is_valid():
        try:
            account = services.change_account_status(
                actor=request.user,
                seller_account_id=account.pk,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        except SellerdeskError as error:
            show_error(form, error)
        else:
            messages.success(
                request,
                _("%(seller)s is now %(status)s. The seller has been told why.")
                % {"seller": account.name, "status": _status_label(account.status).lower()},
            )
            return _back_to_seller(account.pk, "status")
    account.refresh_from_db()
    return _seller_page(request, account, status=400, status_form=form)


@enforcement_staff
@require_POST
def seller_action(request: HttpRequest, account_id: int) -> HttpResponse:
    account = selectors.staff_account(pk=account_id)
    form = TakeActionForm(request.POST, prefix="act")
    # The choices are needed to validate the posted rule, detector and complaint.
    form.offer(
        rules=PolicyRule.objects.order_by("code"),
        detectors=Detector.objects.filter(active=True).order_by("name"),
        complaints=selectors.complaint_queue(status=None, seller_account=account),
    )
    fresh_key = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            action = services.take_action(
                actor=request.user,
                seller_account_id=account.pk,
                kind=data["kind"],
                rule=data["rule"],
                items=form.items_list(),
                evidence=data["evidence"],
                source=data["source"],
                detector=data["detector"] if data["source"] == ActionSource.DETECTOR else "",
                detector_confidence=data["detector_confidence"] if data["source"] == ActionSource.DETECTOR else None,
                complaint_id=data["complaint"] if data["source"] == ActionSource.COMPLAINT else None,
                amount_held=data["amount_held"] if data["kind"] == ActionKind.FUNDS_HELD else None,
                currency=data["currency"] if data["kind"] == ActionKind.FUNDS_HELD else "",
                idempotency_key=posted_key(request),
            )
        except SellerdeskError as error:
            if error.code == CoreError.IDEMPOTENCY_KEY_REUSED:
                fresh_key = show_resent(
                    form,
                    _(
                        "This form was already sent and took an action (see Enforcement actions). "
                        "Send it again to take another action with these facts."
                    ),
                )
            else:
                show_error(form, error, complaint_id="complaint")
        else:
            messages.success(
                request,
                _("%(action)s taken under rule %(rule)s. The notice has been sent to the seller.")
                % {"action": action.get_kind_display(), "rule": action.rule.code},
            )
            return _back_to_seller(account.pk, f"action-{action.pk}")
    account.refresh_from_db()
    return _seller_page(request, account, status=400, action_form=form, action_key=fresh_key)


@enforcement_staff
@require_POST
def action_reverse(request: HttpRequest, action_id: int) -> HttpResponse:
    action = selectors.enforcement_action_for(request.user, action_id)
    form = ReasonForm(request.POST, prefix=f"reverse-{action_id}")
    if form.is_valid():
        try:
            services.reverse_action(actor=request.user, action_id=action_id, reason=form.cleaned_data["reason"])
        except SellerdeskError as error:
            show_error(form, error)
        else:
            messages.success(
                request,
                _("%(action)s under rule %(rule)s reversed. The seller has been told.")
                % {"action": action.get_kind_display(), "rule": action.rule.code},
            )
            return _back_to_seller(action.seller_account_id, f"action-{action_id}")
    account = selectors.staff_account(pk=action.seller_account_id)
    return _seller_page(request, account, status=400, reverse_failed=(action_id, form))


# --- complaints --------------------------------------------------------------------------------------

COMPLAINT_TABS = [
    (ComplaintStatus.RECEIVED, gettext_lazy("Awaiting validation")),
    (ComplaintStatus.VALIDATED, gettext_lazy("Validated")),
    (ComplaintStatus.REJECTED, gettext_lazy("Rejected")),
    ("all", gettext_lazy("All")),
]


def _complaints_context(request: HttpRequest, failed: tuple | None = None) -> dict:
    status = request.GET.get("status") or ComplaintStatus.RECEIVED
    status = status if status in {*ComplaintStatus.values, "all"} else ComplaintStatus.RECEIVED
    seller_id = id_param(request.GET.get("seller", ""))
    account = selectors.staff_account(pk=seller_id) if seller_id else None
    page = paginate(
        request, selectors.complaint_queue(status=None if status == "all" else status, seller_account=account)
    )
    rows = []
    for complaint in page.object_list:
        form = ComplaintDecisionForm(prefix=f"c-{complaint.pk}")
        if failed and failed[0] == complaint.pk:
            form = failed[1]
        rows.append(
            {
                "complaint": complaint,
                "signals": signal_sentences(complaint),
                "form": form,
                "decidable": complaint.status == ComplaintStatus.RECEIVED,
            }
        )
    return {
        **_tabs("complaints"),
        "status": status,
        "status_tabs": COMPLAINT_TABS,
        "seller": account,
        "page": page,
        "rows": rows,
        "page_query": query_without_page(request),
        # The decision's refusal when its complaint is no longer on this page (decided meanwhile).
        "orphan_form": failed[1] if failed and not any(r["complaint"].pk == failed[0] for r in rows) else None,
    }


@enforcement_staff
def complaints(request: HttpRequest) -> HttpResponse:
    return render(request, "workspace/performance/complaints.html", _complaints_context(request))


@enforcement_staff
@require_POST
def complaint_decide(request: HttpRequest, complaint_id: int) -> HttpResponse:
    form = ComplaintDecisionForm(request.POST, prefix=f"c-{complaint_id}")
    if form.is_valid():
        valid = form.cleaned_data["decision"] == "validate"
        try:
            complaint = services.decide_complaint(
                actor=request.user, complaint_id=complaint_id, valid=valid, reason=form.cleaned_data["reason"]
            )
        except SellerdeskError as error:
            show_error(form, error)
        else:
            text = (
                _("Complaint #%(id)d validated: it may now lead to an enforcement action.")
                if valid
                else _("Complaint #%(id)d rejected: it cannot lead to enforcement.")
            )
            messages.success(request, text % {"id": complaint.pk})
            query = query_without_page(request)
            return redirect(reverse("workspace:performance_complaints") + (f"?{query}" if query else ""))
    return render(
        request,
        "workspace/performance/complaints.html",
        _complaints_context(request, failed=(complaint_id, form)),
        status=400,
    )


# --- detectors ---------------------------------------------------------------------------------------


@enforcement_staff
def detectors(request: HttpRequest) -> HttpResponse:
    """Per detector: actions, appeals, overturn rate; rates above OVERTURN_ALERT are highlighted."""
    days = id_param(request.GET.get("days", ""))
    days = days if days in DETECTOR_WINDOWS else None
    since = clock.now() - dt.timedelta(days=days) if days else None
    rows = [
        {
            **row,
            "percent": round(row["overturn_rate"] * 100, 1) if row["overturn_rate"] is not None else None,
            "alert": row["overturn_rate"] is not None and row["overturn_rate"] > OVERTURN_ALERT,
        }
        for row in selectors.detector_stats(since=since)
    ]
    return render(
        request,
        "workspace/performance/detectors.html",
        {
            **_tabs("detectors"),
            "rows": rows,
            "days": days,
            "windows": DETECTOR_WINDOWS,
            "alert_percent": round(OVERTURN_ALERT * 100),
            "active_status": ActionStatus.ACTIVE,
        },
    )
