"""Playbook form validation: each field type's rule, in one place."""

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from sellerdesk.core.text import clean_text

from .models import FieldType

ORDER_ID = re.compile(r"^\d{3}-\d{7}-\d{7}$")
LISTING_ID = re.compile(r"^NB-[A-Z0-9]{10}$")
PHONE = re.compile(r"^\+?[0-9 ()\-.]{6,24}$")
TEXT_MAX = 500
TEXTAREA_MAX = 5000


def clean_value(field: dict, raw) -> str:
    """The stored (string) form of one value, or a ValidationError saying what is wrong.
    An empty value is returned as "" (allowed while the playbook is in progress)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return ""
    kind = field.get("type", FieldType.TEXT)
    if kind == FieldType.YES_NO:
        if isinstance(raw, bool):
            return "yes" if raw else "no"
        value = str(raw).strip().lower()
        if value not in ("yes", "no"):
            raise ValidationError(_("Answer yes or no."))
        return value
    if not isinstance(raw, (str, int, float, Decimal)) or isinstance(raw, bool):
        raise ValidationError(_("Enter text, not a list or an object."))
    value = clean_text(str(raw))
    limit = TEXTAREA_MAX if kind == FieldType.TEXTAREA else int(field.get("max_length") or TEXT_MAX)
    if len(value) > limit:
        raise ValidationError(_("Use at most %(n)s characters.") % {"n": limit})
    if kind == FieldType.DATE:
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise ValidationError(_("Enter a date as YYYY-MM-DD.")) from None
    if kind == FieldType.DATETIME:
        try:
            return dt.datetime.fromisoformat(value).isoformat(timespec="minutes")
        except ValueError:
            raise ValidationError(_("Enter a date and time as YYYY-MM-DDTHH:MM.")) from None
    if kind in (FieldType.NUMBER, FieldType.MONEY):
        try:
            number = Decimal(value.replace(",", ""))
        except InvalidOperation:
            raise ValidationError(_("Enter a number.")) from None
        if not number.is_finite() or (kind == FieldType.MONEY and (number < 0 or number.as_tuple().exponent < -2)):
            raise ValidationError(_("Enter an amount of zero or more with at most two decimals."))
        return str(number)
    if kind == FieldType.CHOICE:
        if value not in field.get("choices", []):
            raise ValidationError(_("Choose one of: %(choices)s.") % {"choices": ", ".join(field.get("choices", []))})
        return value
    if kind == FieldType.ORDER_ID and not ORDER_ID.match(value):
        raise ValidationError(_("An order id looks like 112-1234567-1234567."))
    if kind == FieldType.LISTING_ID and not LISTING_ID.match(value.upper()):
        raise ValidationError(_("A listing id looks like NB-B08XK2L9QZ."))
    if kind == FieldType.LISTING_ID:
        return value.upper()
    if kind == FieldType.EMAIL:
        validate_email(value)
    if kind == FieldType.PHONE and not PHONE.match(value):
        raise ValidationError(_("Enter a phone number with its country code, e.g. +44 28 9024 5133."))
    return value


def clean_values(playbook, raw_values: dict) -> tuple[dict, dict[str, list[str]]]:
    """Cleans submitted values against the playbook's fields: (cleaned, errors by field name)."""
    by_name = {f["name"]: f for f in playbook.fields}
    cleaned: dict[str, str] = {}
    errors: dict[str, list[str]] = {}
    for name, raw in (raw_values or {}).items():
        field = by_name.get(name)
        if field is None:
            errors.setdefault(name, []).append(_("This playbook has no such field."))
            continue
        try:
            cleaned[name] = clean_value(field, raw)
        except ValidationError as exc:
            errors.setdefault(name, []).extend(str(m) for m in exc.messages)
    return cleaned, errors


def missing_for_completion(playbook, values: dict, completed_steps: list[str]) -> dict[str, list[str]]:
    """What still stands between this progress and a completed playbook."""
    missing: dict[str, list[str]] = {}
    for name in playbook.required_fields:
        if not values.get(name):
            missing[name] = [_("Required to complete the playbook.")]
    open_steps = [s["key"] for s in playbook.steps if s["key"] not in completed_steps]
    if open_steps:
        missing["completed_steps"] = [_("Steps not done yet: %(steps)s.") % {"steps": ", ".join(open_steps)}]
    return missing


def definition_errors(steps, fields) -> dict[str, list[str]]:
    """What is wrong with a playbook's steps and fields as an operator wrote them (admin form)."""
    errors: dict[str, list[str]] = {}
    if not isinstance(steps, list) or not steps:
        errors["steps"] = [_('Give at least one step: a list of {"key", "title", "help"} objects.')]
    else:
        keys = [s.get("key") if isinstance(s, dict) else None for s in steps]
        if not all(isinstance(s, dict) and s.get("key") and s.get("title") for s in steps):
            errors["steps"] = [_('Every step needs a "key" and a "title".')]
        elif len(set(keys)) != len(keys):
            errors["steps"] = [_("Step keys must be unique.")]
    if not isinstance(fields, list):
        errors["fields"] = [_("Fields must be a list of objects.")]
        return errors
    names = []
    for field in fields:
        if not isinstance(field, dict) or not field.get("name") or not field.get("label"):
            errors["fields"] = [_('Every field needs a "name" and a "label".')]
            break
        names.append(field["name"])
        if field.get("type", FieldType.TEXT) not in FieldType.values:
            errors["fields"] = [
                _("Unknown field type %(type)s. Use one of: %(types)s.")
                % {"type": field.get("type"), "types": ", ".join(FieldType.values)}
            ]
            break
        if field.get("type") == FieldType.CHOICE and not field.get("choices"):
            errors["fields"] = [_("The choice field %(name)s needs a list of choices.") % {"name": field["name"]}]
            break
    if "fields" not in errors and len(set(names)) != len(names):
        errors["fields"] = [_("Field names must be unique.")]
    return errors
