"""The workspace's insights: similar cases on the case page (loaded after the page, so that it
never slows the page down), spike alerts for team leads and admins, and the incident banners they
post for affected sellers and end again.

Views only parse, call a selector or a service and render; a refusal is shown next to its field.
Sellers get 404 everywhere here; agents who lead no team get 404 on the lead pages."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sellerdesk.accounts import permissions
from sellerdesk.cases.categories import Category
from sellerdesk.core.durations import span
from sellerdesk.core.errors import SellerdeskError
from sellerdesk.core.forms import show_error
from sellerdesk.core.text import id_param
from sellerdesk.core.views import flash_error, role_required
from sellerdesk.insights import selectors, services
from sellerdesk.insights.incidents import active
from sellerdesk.performance.models import Detector, PolicyRule

from .forms import _datetime_field

agent_only = role_required(lambda user: user.is_agent)
lead_only = role_required(permissions.is_lead)


# --- similar cases -----------------------------------------------------------------------------------


@agent_only
@require_GET
def case_similar(request: HttpRequest, case_id: int) -> HttpResponse:
    """The similar cases card's content (htmx), or the same list as a page of its own."""
    case, rows = selectors.similar_cases(request.user, case_id)
    for row in rows:
        row["resolved_in_text"] = span(row["resolved_in"]) if row["resolved_in"] else None
    context = {"case": case, "similar": rows}
    if request.htmx:
        return render(request, "workspace/_similar_results.html", context)
    return render(request, "workspace/similar.html", context)


# --- alerts ---------------------------------------------------------------------------------------------


@lead_only
@require_GET
def alerts(request: HttpRequest) -> HttpResponse:
    """`status=open` (default): alerts nobody acknowledged yet; `status=all`: with the acknowledged."""
    status = "all" if request.GET.get("status") == "all" else "open"
    found = selectors.alerts_for(request.user, include_acknowledged=status == "all")
    examples = selectors.alert_examples(request.user, found)
    rows = [
        {
            "alert": alert,
            "label": selectors.alert_label(alert),
            "examples": examples.get(alert.pk, []),
            "times": round(alert.count / alert.baseline_mean, 1) if alert.baseline_mean else None,
        }
        for alert in found
    ]
    context = {"rows": rows, "status": status, "days": selectors.ALERT_DAYS, "rule": settings.SELLERDESK["ALERTS"]}
    return render(request, "workspace/alerts.html", context)


@lead_only
@require_POST
def alert_acknowledge(request: HttpRequest, alert_id: int) -> HttpResponse:
    try:
        alert = services.acknowledge_alert(actor=request.user, alert_id=alert_id)
    except SellerdeskError as error:
        flash_error(request, error)
    else:
        messages.success(request, _("Alert acknowledged: %(what)s.") % {"what": selectors.alert_label(alert)})
    return redirect("workspace:alerts")


@lead_only
@require_GET
def lead_summary(request: HttpRequest) -> HttpResponse:
    """The lead view's insights card (htmx): open alerts and active incidents at a glance."""
    return render(
        request,
        "workspace/_insights_summary.html",
        {
            "open_alerts": selectors.alerts_for(request.user)[:5],
            "open_alert_count": selectors.open_alert_count(request.user),
            "active_incidents": list(active()[:5]),
        },
    )


# --- incidents -----------------------------------------------------------------------------------------


def _list_field(value: str) -> list[str]:
    return [part.strip() for part in (value or "").replace(";", ",").split(",") if part.strip()]


class IncidentForm(forms.Form):
    """What the lead typed; `insights.services.create_incident` decides what is valid."""

    title = forms.CharField(label=gettext_lazy("Title"), max_length=services.TITLE_MAX)
    message = forms.CharField(
        label=gettext_lazy("Message to sellers"),
        max_length=services.MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("What is going on, what we are doing, and what sellers should (not) do."),
    )
    title_es = forms.CharField(label=gettext_lazy("Title in Spanish"), max_length=services.TITLE_MAX, required=False)
    message_es = forms.CharField(
        label=gettext_lazy("Message in Spanish"),
        max_length=services.MESSAGE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Shown to sellers who read the portal in Spanish; empty: they read the text above."),
    )
    categories = forms.MultipleChoiceField(
        label=gettext_lazy("Sellers with a recent case in"),
        choices=Category.choices,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    rule_codes = forms.MultipleChoiceField(
        label=gettext_lazy("Sellers with a recent action under"),
        choices=(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    detector_names = forms.MultipleChoiceField(
        label=gettext_lazy("Sellers with a recent action by"),
        choices=(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    countries = forms.CharField(
        label=gettext_lazy("Countries"),
        required=False,
        max_length=300,
        help_text=gettext_lazy("Two-letter codes separated by commas, e.g. ES, MX. Empty: every country."),
    )
    ends_at = _datetime_field(
        gettext_lazy("Take it down at"),
        help_text=gettext_lazy("In your time zone. Empty: until someone ends it."),
    )
    alert = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1, max_value=2**63 - 1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule_codes"].choices = [(r.code, f"{r.code} {r.title}") for r in PolicyRule.objects.all()]
        self.fields["detector_names"].choices = [(d.name, d.name) for d in Detector.objects.all()]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "message": data["message"],
            "title_es": data["title_es"],
            "message_es": data["message_es"],
            "categories": data["categories"],
            "rule_codes": data["rule_codes"],
            "detector_names": data["detector_names"],
            "countries": _list_field(data["countries"]),
            "ends_at": data["ends_at"],
            "alert_id": data["alert"],
        }


def _prefilled_form(request: HttpRequest) -> IncidentForm:
    alert_id = id_param(request.GET.get("alert", ""))
    if alert_id is None:
        return IncidentForm()
    try:
        alert = selectors.get_alert_for(request.user, alert_id)
    except SellerdeskError:
        messages.error(request, _("That alert does not exist any more: write the banner yourself."))
        return IncidentForm()
    draft = selectors.incident_prefill(alert)
    return IncidentForm(initial={**draft, "countries": ", ".join(draft["countries"]), "alert": alert.pk})


@lead_only
@require_http_methods(["GET", "POST"])
def incidents(request: HttpRequest) -> HttpResponse:
    """The banners: post one (prefilled from a spike alert with `?alert=<id>`), see the active and
    the recently ended ones, end one."""
    if request.method == "POST":
        form = IncidentForm(request.POST)
        if form.is_valid():
            try:
                incident = services.create_incident(actor=request.user, **form.service_arguments())
            except SellerdeskError as error:
                show_error(form, error, alert_id="alert")
            else:
                messages.success(
                    request, _("Banner posted: “%(title)s”. Affected sellers see it now.") % {"title": incident.title}
                )
                return redirect("workspace:incidents")
        status = 400
    else:
        form, status = _prefilled_form(request), 200
    context = {**selectors.incidents_page(request.user), "form": form, "categories": dict(Category.choices)}
    return render(request, "workspace/incidents.html", context, status=status)


@lead_only
@require_POST
def incident_end(request: HttpRequest, incident_id: int) -> HttpResponse:
    try:
        incident = services.end_incident(actor=request.user, incident_id=incident_id)
    except SellerdeskError as error:
        flash_error(request, error)
    else:
        messages.success(request, _("Banner taken down: “%(title)s”.") % {"title": incident.title})
    return redirect("workspace:incidents")
