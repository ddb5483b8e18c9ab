"""Helpers shared by the portal and workspace forms."""

import secrets

from django import forms
from django.utils.translation import gettext_lazy as _

from .errors import CoreError, SellerdeskError


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


def show_error(form: forms.Form, error: SellerdeskError, **aliases: str) -> None:
    """Puts a service's refusal on its form: each field's message beside the field (named as the
    service names it, or by its alias), any other at the top, and the refusal's own sentence at the
    top unless it only says that some fields are not valid. A `not_found` refusal is raised again:
    what a person may not see does not exist for them, so the view answers 404."""
    if error.code == CoreError.NOT_FOUND:
        raise error
    for name, texts in (error.fields or {}).items():
        target = aliases.get(name, name)
        for text in texts:
            form.add_error(target if target in form.fields else None, text)
    if error.code != CoreError.VALIDATION_ERROR or not error.fields:
        form.add_error(None, error.message)


def show_resent(form: forms.Form, message: str) -> str:
    """A form sent again with other details (the browser's back button) is refused with
    `idempotency_key_reused`, and nothing was written. Says so at the top of the form, in the
    words of `message`, and returns a new key for it, so that sending it again writes a new row."""
    form.add_error(None, message)
    return secrets.token_urlsafe(16)
