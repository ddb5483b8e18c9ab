"""Helpers shared by the portal and workspace forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .errors import SellerdeskError


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; the limits themselves are checked by the cases service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Attachments"))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


def show_error(form: forms.Form, error: SellerdeskError) -> None:
    """Puts a service's refusal on the form: per field where it names fields, else at the top."""
    placed = False
    for name, messages in (error.fields or {}).items():
        if name in form.fields:
            for message in messages:
                form.add_error(name, message)
            placed = True
    if not placed:
        form.add_error(None, error.message)
