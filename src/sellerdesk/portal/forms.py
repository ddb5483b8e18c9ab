from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sellerdesk.cases.categories import Category
from sellerdesk.cases.services import BODY_MAX, REFERENCE_MAX, SUBJECT_MAX
from sellerdesk.core.forms import MultipleFileField
from sellerdesk.routing.models import EscalationRequest
from sellerdesk.routing.services import NOTE_MAX


class NewCaseForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_MAX)
    category = forms.ChoiceField(
        label=_("What is it about?"),
        choices=[("", _("I'm not sure — let support decide")), *Category.choices],
        required=False,
    )
    order_id = forms.CharField(label=_("Order id"), max_length=REFERENCE_MAX, required=False)
    listing_id = forms.CharField(label=_("Listing id"), max_length=REFERENCE_MAX, required=False)
    urgent = forms.BooleanField(
        label=_("This is urgent: my business is stopped or an order deadline is close"), required=False
    )
    # A `datetime-local` value has no zone: Django reads it in the active zone, the seller's own.
    business_deadline = forms.DateTimeField(
        label=_("Deadline"),
        required=False,
        help_text=_("e.g. the order's ship-by cut-off"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    body = forms.CharField(
        label=_("Describe the problem"), widget=forms.Textarea(attrs={"rows": 8}), max_length=BODY_MAX
    )
    attachments = MultipleFileField()
    # Business impact: optional, it helps support see what the problem costs. The cases service
    # checks the values (a positive amount, a configured currency, a sensible number of orders).
    revenue_at_stake = forms.DecimalField(
        label=_("Revenue at stake"),
        required=False,
        max_digits=14,
        decimal_places=2,
        help_text=_("Roughly how much in sales or payouts this problem is holding up."),
        widget=forms.NumberInput(attrs={"step": "0.01", "min": "0", "inputmode": "decimal"}),
    )
    revenue_currency = forms.ChoiceField(label=_("Currency"), required=False, choices=())
    orders_affected = forms.IntegerField(
        label=_("Orders affected"),
        required=False,
        help_text=_("How many of your orders this problem affects."),
        widget=forms.NumberInput(attrs={"min": "0", "step": "1", "inputmode": "numeric"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revenue_currency"].choices = [
            ("", "—"),
            *((code, code) for code in settings.SELLERDESK["FX_TO_USD"]),
        ]


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 4}), max_length=BODY_MAX)
    attachments = MultipleFileField()


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you reopening it?"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class EscalationRequestForm(forms.Form):
    """One of the seller's ways to ask for more: mark urgent, a supervisor, a call-back. Each kind is
    its own small form on the case page (prefixed by its kind); only a call-back asks for a phone."""

    REASON_LABELS = {
        EscalationRequest.Kind.URGENT: _("Why is it urgent?"),
        EscalationRequest.Kind.SUPERVISOR: _("What should the supervisor look at?"),
        EscalationRequest.Kind.CALL_BACK: _("What should we call you about?"),
    }

    reason = forms.CharField(max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 2}))
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=32,
        help_text=_("With the country code, e.g. +1 312 555 0147"),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, prefix=kind, **kwargs)
        self.kind = kind
        self.fields["reason"].label = self.REASON_LABELS[kind]
        if kind != EscalationRequest.Kind.CALL_BACK:
            del self.fields["phone"]
