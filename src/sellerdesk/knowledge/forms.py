from django import forms
from django.utils.translation import gettext_lazy as _

from .models import COMMENT_MAX


class FeedbackForm(forms.Form):
    """ "Did this help?": yes or no (the two submit buttons), an optional comment."""

    helpful = forms.ChoiceField(
        label=_("Did this help?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        error_messages={"required": _("Choose Yes or No.")},
    )
    comment = forms.CharField(
        label=_("What was missing or unclear?"),
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    language = forms.CharField(widget=forms.HiddenInput, max_length=8)
