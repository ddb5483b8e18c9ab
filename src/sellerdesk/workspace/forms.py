from django import forms
from django.utils.translation import gettext_lazy as _

from sellerdesk.cases.lifecycle import Status
from sellerdesk.cases.services import BODY_MAX
from sellerdesk.core.forms import MultipleFileField


class AgentReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply to the seller"), widget=forms.Textarea(attrs={"rows": 5}), max_length=BODY_MAX
    )
    then_status = forms.ChoiceField(
        label=_("Then set the status to"),
        choices=[
            ("", _("(keep as it is)")),
            (Status.WAITING_ON_SELLER, Status.WAITING_ON_SELLER.label),
            (Status.WAITING_ON_MARKETPLACE, Status.WAITING_ON_MARKETPLACE.label),
            (Status.RESOLVED, Status.RESOLVED.label),
        ],
        required=False,
    )
    attachments = MultipleFileField()


class InternalNoteForm(forms.Form):
    body = forms.CharField(
        label=_("Internal note (never shown to the seller)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=BODY_MAX,
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class AssignForm(forms.Form):
    assignee = forms.TypedChoiceField(label=_("Assign to"), coerce=int, choices=())

    def __init__(self, *args, agents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [(a.pk, a.display_name) for a in agents]
