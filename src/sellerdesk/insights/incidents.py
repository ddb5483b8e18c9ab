"""Which incidents concern which seller: the portal's banner and the assistant read `active_for`.

An incident is active from `starts_at` until it is ended (or until its planned `ends_at`). It
concerns a seller account when:
- it names nothing affected: everyone;
- it names countries: only accounts in one of them (with nothing else named, all of them);
- it names case categories, policy rules or detectors: accounts that, in the last 14 days, had a
  case in one of those categories, or an enforcement action under one of those rules or by one of
  those detectors (any one of them is enough). Countries, when named too, narrow this down.
"""

import datetime as dt

from django.db.models import Q, QuerySet

from sellerdesk.core import clock

from .models import Incident

# How far back a seller's cases and enforcement actions count as "affected".
CONCERN_DAYS = 14
# More active incidents than this at once is a mistake; the banner shows the newest.
MAX_ACTIVE = 20


def active(now: dt.datetime | None = None) -> QuerySet[Incident]:
    """Every incident shown now, newest first."""
    now = now or clock.now()
    return (
        Incident.objects.filter(ended_at__isnull=True, starts_at__lte=now)
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        .order_by("-starts_at", "-pk")
    )


def active_for(account) -> list[Incident]:
    """The active incidents that concern this seller account (see the module's rules), newest
    first. At most three queries: the incidents, then (only if one names affected activity) the
    account's recent case categories and its recent actions' rules and detectors."""
    if account is None:
        return []
    now = clock.now()
    incidents = list(active(now)[:MAX_ACTIVE])
    if not incidents:
        return []
    activity = _recent_activity(account, now) if any(_names_activity(i) for i in incidents) else None
    return [incident for incident in incidents if _concerns(incident, account, activity)]


def _names_activity(incident: Incident) -> bool:
    return bool(incident.categories or incident.rule_codes or incident.detector_names)


def _recent_activity(account, now: dt.datetime) -> dict[str, set[str]]:
    from sellerdesk.cases.models import Case
    from sellerdesk.performance.models import EnforcementAction

    since = now - dt.timedelta(days=CONCERN_DAYS)
    categories = set(
        Case.objects.filter(seller_account=account, updated_at__gte=since)
        .order_by()
        .values_list("category", flat=True)
        .distinct()
    )
    rules, detectors = set(), set()
    actions = (
        EnforcementAction.objects.filter(seller_account=account, created_at__gte=since)
        .order_by()
        .values_list("rule__code", "detector__name")
        .distinct()
    )
    for rule_code, detector_name in actions:
        rules.add(rule_code)
        if detector_name:
            detectors.add(detector_name)
    return {"categories": categories, "rules": rules, "detectors": detectors}


def _concerns(incident: Incident, account, activity: dict[str, set[str]] | None) -> bool:
    if incident.countries and account.country.upper() not in incident.countries:
        return False
    if not _names_activity(incident):
        return True
    activity = activity or {"categories": set(), "rules": set(), "detectors": set()}
    return bool(
        activity["categories"] & set(incident.categories)
        or activity["rules"] & set(incident.rule_codes)
        or activity["detectors"] & set(incident.detector_names)
    )
