from django import forms
from django.utils.translation import gettext_lazy as _

from sellerdesk.cases.categories import Category
from sellerdesk.cases.services import BODY_MAX, REFERENCE_MAX, SUBJECT_MAX
from sellerdesk.core.forms import MultipleFileField


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
    body = forms.CharField(
        label=_("Describe the problem"), widget=forms.Textarea(attrs={"rows": 8}), max_length=BODY_MAX
    )
    attachments = MultipleFileField()


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 4}), max_length=BODY_MAX)
    attachments = MultipleFileField()


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you reopening it?"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
