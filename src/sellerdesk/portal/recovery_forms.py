"""Forms of the account recovery pages (no sign-in)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sellerdesk.cases.services import BODY_MAX, SUBJECT_MAX
from sellerdesk.core.forms import MultipleFileField
from sellerdesk.performance.models import RecoveryMethod, RecoveryReason


class CodeRequestForm(forms.Form):
    seller = forms.CharField(
        label=_("Marketplace seller id"), max_length=64, help_text=_("It is on your invoices and payout statements.")
    )
    reason = forms.ChoiceField(label=_("What happened?"), choices=RecoveryReason.choices, widget=forms.RadioSelect)
    method = forms.ChoiceField(
        label=_("Send the code to"),
        choices=[
            (RecoveryMethod.EMAIL, RecoveryMethod.EMAIL.label),
            (RecoveryMethod.PHONE, RecoveryMethod.PHONE.label),
        ],
        widget=forms.RadioSelect,
        initial=RecoveryMethod.EMAIL,
    )
    destination = forms.CharField(
        label=_("The e-mail address or phone number registered on the account"),
        max_length=254,
        help_text=_("Phone numbers with their country code, e.g. +34 612 345 678."),
    )


class DocumentsForm(forms.Form):
    seller = forms.CharField(label=_("Marketplace seller id"), max_length=64)
    reason = forms.ChoiceField(label=_("What happened?"), choices=RecoveryReason.choices, widget=forms.RadioSelect)
    contact_email = forms.EmailField(
        label=_("An e-mail address we can write to"),
        help_text=_("Where the code goes once an agent has checked your documents. It may be a new address."),
    )
    documents = MultipleFileField(
        label=_("Identity documents"),
        required=True,
        help_text=_(
            "A passport or ID card of the account holder, and the company registration if you sell as a company."
        ),
    )


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("One-time code"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
    )


class RecoveryCaseForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_MAX)
    body = forms.CharField(label=_("What do you need?"), widget=forms.Textarea(attrs={"rows": 6}), max_length=BODY_MAX)
    attachments = MultipleFileField()


class RecoveryReplyForm(forms.Form):
    body = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 4}), max_length=BODY_MAX)
    attachments = MultipleFileField()
