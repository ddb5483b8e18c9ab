"""The only writers of insights: the spike sweep, acknowledging an alert, posting and ending an
incident banner. Each runs in one transaction and checks who may do it."""

import datetime as dt
import re

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sellerdesk.accounts import permissions
from sellerdesk.accounts.models import User
from sellerdesk.cases.categories import Category
from sellerdesk.core import clock
from sellerdesk.core.errors import not_found, validation_error
from sellerdesk.core.jobs import enqueue_with_transaction
from sellerdesk.core.text import clean_text

from . import spikes, tasks
from .models import Alert, Incident

TITLE_MAX = 200
MESSAGE_MAX = 2000
COUNTRY = re.compile(r"^[A-Z]{2}$")


# --- spike alerts -------------------------------------------------------------------------------------


def sweep_spike_alerts(now: dt.datetime | None = None) -> int:
    """The sweep `insights: spike alerts`: finds the spikes of today and yesterday (UTC; yesterday
    so that the last hour before midnight is not missed), creates one alert per kind, key and day,
    or raises its count when the spike has grown since the last run, and has the leads e-mailed
    once per alert. Safe to run twice at once: the (kind, key, day) row is unique and a count is
    only ever raised. Returns how many alerts were created or updated."""
    now = now or clock.now()
    today = now.astimezone(dt.UTC).date()
    written = 0
    for spike in spikes.find_spikes([today - dt.timedelta(days=1), today]):
        fields = {
            "count": spike.count,
            "baseline_mean": round(spike.mean, 3),
            "baseline_std": round(spike.std, 3),
            "threshold": round(spike.threshold, 3),
            "examples": spikes.example_ids(spike.kind, spike.key, spike.day),
            "updated_at": now,
        }
        with transaction.atomic():
            alert = Alert.objects.filter(kind=spike.kind, key=spike.key, day=spike.day).first()
            if alert is None:
                try:
                    with transaction.atomic():
                        alert = Alert.objects.create(
                            kind=spike.kind, key=spike.key, day=spike.day, created_at=now, **fields
                        )
                    written += 1
                except IntegrityError:  # another sweep created it a moment ago
                    alert = Alert.objects.get(kind=spike.kind, key=spike.key, day=spike.day)
                    written += Alert.objects.filter(pk=alert.pk, count__lt=spike.count).update(**fields)
            else:
                written += Alert.objects.filter(pk=alert.pk, count__lt=spike.count).update(**fields)
            if alert.notified_at is None:
                enqueue_with_transaction(tasks.notify_alert, alert.pk)
    return written


def acknowledge_alert(*, actor: User, alert_id: int) -> Alert:
    """A lead or admin marks an alert seen. Acknowledging it again changes nothing (the first
    acknowledgement, with its author and time, is kept)."""
    permissions.require_lead(actor, "acknowledge alerts")
    with transaction.atomic():
        Alert.objects.filter(pk=alert_id, acknowledged_at__isnull=True).update(
            acknowledged_by=actor, acknowledged_at=clock.now()
        )
        alert = Alert.objects.select_related("acknowledged_by").filter(pk=alert_id).first()
    if alert is None:
        raise not_found(_("There is no such alert."))
    return alert


# --- incidents ---------------------------------------------------------------------------------------


def create_incident(
    *,
    actor: User,
    title: str,
    message: str,
    title_es: str = "",
    message_es: str = "",
    categories: list[str] | None = None,
    rule_codes: list[str] | None = None,
    detector_names: list[str] | None = None,
    countries: list[str] | None = None,
    starts_at: dt.datetime | None = None,
    ends_at: dt.datetime | None = None,
    alert_id: int | None = None,
) -> Incident:
    """A lead or admin posts an incident banner. The texts are sanitised; every category, rule code,
    detector and country named must exist; a planned end lies after the start and in the future.
    Nothing named affected means every seller sees it."""
    from sellerdesk.performance.models import Detector, PolicyRule

    permissions.require_lead(actor, "post incidents")
    now = clock.now()
    texts = {
        "title": clean_text(title or "")[:TITLE_MAX],
        "message": clean_text(message or "")[:MESSAGE_MAX],
        "title_es": clean_text(title_es or "")[:TITLE_MAX],
        "message_es": clean_text(message_es or "")[:MESSAGE_MAX],
    }
    categories = _unique(categories)
    rule_codes = _unique(code.upper() for code in rule_codes or [])
    detector_names = _unique(detector_names)
    countries = _unique(code.upper() for code in countries or [])
    errors: dict[str, list[str]] = {}
    if not texts["title"]:
        errors["title"] = [_("Give the banner a title.")]
    if not texts["message"]:
        errors["message"] = [_("Write what sellers should know and do.")]
    if texts["message_es"] and not texts["title_es"]:
        texts["title_es"] = texts["title"]
    unknown = [c for c in categories if c not in Category.values]
    if unknown:
        errors["categories"] = [_("Unknown categories: %(names)s.") % {"names": ", ".join(unknown)}]
    known_rules = set(PolicyRule.objects.filter(code__in=rule_codes).values_list("code", flat=True))
    if set(rule_codes) - known_rules:
        names = ", ".join(c for c in rule_codes if c not in known_rules)
        errors["rule_codes"] = [_("There is no policy rule %(codes)s.") % {"codes": names}]
    known_detectors = set(Detector.objects.filter(name__in=detector_names).values_list("name", flat=True))
    if set(detector_names) - known_detectors:
        names = ", ".join(n for n in detector_names if n not in known_detectors)
        errors["detector_names"] = [_("There is no detector %(names)s.") % {"names": names}]
    if any(not COUNTRY.match(code) for code in countries):
        errors["countries"] = [_("Give countries as two-letter codes, such as ES or US.")]
    if starts_at is not None and timezone.is_naive(starts_at):
        errors["starts_at"] = [_("Give the time with its time zone.")]
        starts_at = None
    starts_at = starts_at or now
    if ends_at is not None and timezone.is_naive(ends_at):
        errors["ends_at"] = [_("Give the time with its time zone.")]
    elif ends_at is not None and (ends_at <= starts_at or ends_at <= now):
        errors["ends_at"] = [_("The planned end must come after the start, and in the future.")]
    alert = None
    if alert_id is not None:
        alert = Alert.objects.filter(pk=alert_id).first()
        if alert is None:
            errors["alert_id"] = [_("There is no such alert.")]
    if errors:
        raise validation_error(errors)
    return Incident.objects.create(
        **texts,
        categories=categories,
        rule_codes=rule_codes,
        detector_names=detector_names,
        countries=countries,
        starts_at=starts_at,
        ends_at=ends_at,
        alert=alert,
        created_by=actor,
        created_at=now,
    )


def end_incident(*, actor: User, incident_id: int) -> Incident:
    """A lead or admin takes a banner down. It stays on record with who ended it and when; ending
    an ended incident changes nothing."""
    permissions.require_lead(actor, "end incidents")
    with transaction.atomic():
        Incident.objects.filter(pk=incident_id, ended_at__isnull=True).update(ended_at=clock.now(), ended_by=actor)
        incident = Incident.objects.select_related("created_by", "ended_by").filter(pk=incident_id).first()
    if incident is None:
        raise not_found(_("There is no such incident."))
    return incident


def _unique(values) -> list[str]:
    """Trimmed, non-empty, each once, in the order given."""
    seen: list[str] = []
    for value in values or []:
        value = str(value).strip()
        if value and value not in seen:
            seen.append(value)
    return seen
