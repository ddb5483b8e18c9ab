"""The appeal card of an appeal's case in the workspace: the action appealed, the plan of action,
the evidence files, the earlier appeals of the same action, and the decision."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sellerdesk.accounts import capabilities, permissions
from sellerdesk.accounts.capabilities import Capability
from sellerdesk.core.errors import SellerdeskError
from sellerdesk.core.forms import show_error
from sellerdesk.core.views import role_required
from sellerdesk.performance import selectors, services
from sellerdesk.performance.models import OPEN_APPEAL_STATUSES, AppealDecision, AppealStatus

agent_only = role_required(lambda user: user.is_agent)

DECISION_MESSAGES = {
    AppealDecision.APPROVE: gettext_lazy("Appeal approved: the action is reversed and the seller is told why."),
    AppealDecision.DENY: gettext_lazy("Appeal denied: the seller is told why and may ask once for a senior review."),
    AppealDecision.MORE_INFO: gettext_lazy("The seller is asked for more information; the case waits for them."),
}


class AppealDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"), choices=AppealDecision.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason (the seller reads it)"),
        max_length=services.TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, rule_code: str = "", **kwargs):
        super().__init__(*args, prefix="appeal", **kwargs)
        self.fields["reason"].help_text = _(
            "Name the rule (%(code)s) or the item the decision is about, and say what you found. "
            "At least %(n)d characters."
        ) % {"code": rule_code, "n": services.DECISION_MIN}


def may_decide(user, case, appeal) -> bool:
    """Agents of the owning team whose tier may decide appeals, while the appeal is open."""
    return (
        appeal.status in OPEN_APPEAL_STATUSES
        and permissions.can_work_case(user, case)
        and capabilities.may(user, case, Capability.DECIDE_APPEAL)
    )


def appeal_card(user, case, forms: dict) -> dict:
    """The context of the appeal card on a case page (nothing when the case is not an appeal's)."""
    appeal = selectors.appeal_for_case(case)
    if appeal is None:
        return {"appeal": None}
    deciding = may_decide(user, case, appeal)
    form = forms.get("appeal_form")
    if deciding and form is None:
        form = AppealDecisionForm(rule_code=appeal.action.rule.code)
    return {
        "appeal": appeal,
        "appeal_action": appeal.action,
        "appeal_evidence": selectors.appeal_evidence(user, appeal),
        "earlier_appeals": selectors.earlier_appeals(appeal),
        "appeal_target": selectors.decision_target(appeal),
        "may_decide_appeal": deciding,
        # A refusal because the appeal was decided meanwhile is still shown, above the read-only card.
        "appeal_form": form,
        "appeal_escalated": appeal.status == AppealStatus.ESCALATED,
    }


@agent_only
@require_POST
def appeal_decide(request: HttpRequest, case_id: int) -> HttpResponse:
    """Approve, deny or ask for more information, with a reason that names the rule or an item."""
    from . import views  # the case page's context; views imports this module for the appeal card

    case = permissions.get_case_for(request.user, case_id)
    appeal = selectors.appeal_for_case(case)
    if appeal is None:
        raise Http404
    form = AppealDecisionForm(request.POST, rule_code=appeal.action.rule.code)
    if form.is_valid():
        decision = form.cleaned_data["decision"]
        try:
            services.decide_appeal(
                actor=request.user, appeal_id=appeal.pk, decision=decision, reason=form.cleaned_data["reason"]
            )
        except SellerdeskError as error:
            show_error(form, error)
        else:
            messages.success(request, DECISION_MESSAGES[decision])
            return redirect(reverse("workspace:case", args=[case_id]) + "#appeal")
    return views._refused(request, case_id, appeal_form=form)
