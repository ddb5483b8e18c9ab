"""The seller's account page: the status, why, what they can do, the enforcement actions with their
notices, and the appeals (filing one with a plan of action, following it, asking for a senior
review)."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sellerdesk.cases.attachments import limits as attachment_limits
from sellerdesk.cases.models import Channel
from sellerdesk.core.errors import SellerdeskError
from sellerdesk.core.forms import MultipleFileField, show_error
from sellerdesk.core.views import paginate, role_required
from sellerdesk.performance import selectors, services
from sellerdesk.performance.models import AppealStatus

seller_only = role_required(lambda user: user.is_seller)


def _plan_field(label) -> forms.CharField:
    return forms.CharField(
        label=label,
        min_length=services.PLAN_MIN,
        max_length=services.TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": gettext_lazy("This part of the plan of action is required."),
            "min_length": gettext_lazy("Write at least %(limit_value)d characters."),
        },
    )


class AppealForm(forms.Form):
    """The plan of action and the evidence files; the service checks the length of each part and
    the files (the same limits as a case's attachments)."""

    root_cause = _plan_field(gettext_lazy("Root cause"))
    corrective_actions = _plan_field(gettext_lazy("Corrective actions taken"))
    preventive_measures = _plan_field(gettext_lazy("Preventive measures"))
    attachments = MultipleFileField(label=gettext_lazy("Evidence files"))

    HELP = {
        "root_cause": gettext_lazy("What caused the problem: what went wrong, and why."),
        "corrective_actions": gettext_lazy("What you have already changed to fix it, for the items the notice names."),
        "preventive_measures": gettext_lazy("What you do from now on so that it does not happen again."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Set here, so that the number goes into the sentence in the language of the request.
        minimum = _("At least %(n)d characters.") % {"n": services.PLAN_MIN}
        for name, text in self.HELP.items():
            self.fields[name].help_text = f"{text} {minimum}"


class EscalationForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("What did the decision miss?"),
        max_length=services.TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].help_text = _(
            "A senior reviewer decides the appeal again, once. At least %(n)d characters."
        ) % {"n": services.PLAN_MIN}


@seller_only
def account(request: HttpRequest) -> HttpResponse:
    overview = selectors.account_overview(request.user)
    history = paginate(request, selectors.account_history(request.user))
    return render(
        request,
        "portal/account.html",
        {
            "overview": overview,
            "history": history,
            "entries": [(event, selectors.describe_account_event(event)) for event in history.object_list],
            "page": history,
            "page_query": "",
        },
    )


@seller_only
def appeal_new(request: HttpRequest, action_id: int) -> HttpResponse:
    """The appeal form of one action. Sending it twice gives the same appeal."""
    view = selectors.action_for_seller(request.user, action_id)
    form = AppealForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            appeal, created = services.file_appeal(
                actor=request.user,
                action_id=view.action.pk,
                root_cause=data["root_cause"],
                corrective_actions=data["corrective_actions"],
                preventive_measures=data["preventive_measures"],
                attachments=data["attachments"],
                channel=Channel.PORTAL,
            )
        except SellerdeskError as error:
            show_error(form, error)
        else:
            if created:
                messages.success(
                    request,
                    _("Your appeal is filed (case %(number)s). A person on the seller performance team reviews it.")
                    % {"number": appeal.case.number},
                )
            return redirect("portal:account_appeal", appeal_id=appeal.pk)
    return render(
        request,
        "portal/appeal_new.html",
        {"view": view, "action": view.action, "form": form, "attachment_limits": attachment_limits()},
        status=400 if form.errors else 200,
    )


def _appeal_context(request: HttpRequest, appeal, escalation_form=None) -> dict:
    target = selectors.decision_target(appeal)
    may_escalate = appeal.status == AppealStatus.DENIED and appeal.escalated_at is None
    action_view = selectors.action_for_seller(request.user, appeal.action_id)
    return {
        "appeal": appeal,
        "action": appeal.action,
        "evidence": selectors.appeal_evidence(request.user, appeal),
        "decision_due": target.due_at if target is not None and target.phase == target.Phase.RUNNING else None,
        # Denied, and the action still in force with no other appeal under review: a new plan may be sent.
        "may_appeal_again": appeal.status == AppealStatus.DENIED and action_view.can_appeal,
        "escalation_form": (escalation_form or EscalationForm()) if may_escalate else None,
        # A request refused because the appeal can no longer be escalated: its form is gone, say why.
        "escalation_refused": None if may_escalate else escalation_form,
    }


@seller_only
def appeal_detail(request: HttpRequest, appeal_id: int) -> HttpResponse:
    appeal = selectors.appeal_for(request.user, appeal_id)
    return render(request, "portal/appeal_detail.html", _appeal_context(request, appeal))


@seller_only
@require_POST
def appeal_escalate(request: HttpRequest, appeal_id: int) -> HttpResponse:
    """Asks once for a senior review of a denied appeal."""
    appeal = selectors.appeal_for(request.user, appeal_id)
    form = EscalationForm(request.POST)
    if form.is_valid():
        try:
            services.escalate_appeal(actor=request.user, appeal_id=appeal.pk, reason=form.cleaned_data["reason"])
        except SellerdeskError as error:
            show_error(form, error)
        else:
            messages.success(request, _("A senior reviewer will decide your appeal again. Follow it here."))
            return redirect("portal:account_appeal", appeal_id=appeal.pk)
    appeal = selectors.appeal_for(request.user, appeal_id)
    context = _appeal_context(request, appeal, escalation_form=form)
    return render(request, "portal/appeal_detail.html", context, status=400)
