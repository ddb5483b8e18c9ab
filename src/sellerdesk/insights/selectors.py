"""Read queries of insights: similar cases for an agent, spike alerts with their examples for
leads, incidents for sellers and staff. Each starts from the permission rules of
sellerdesk.accounts.permissions."""

import datetime as dt

from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from sellerdesk.accounts import permissions
from sellerdesk.accounts.models import User
from sellerdesk.cases.categories import Category
from sellerdesk.cases.models import Case, Message
from sellerdesk.core import clock
from sellerdesk.core.errors import not_found

from . import similar
from .incidents import active, active_for
from .models import Alert, AlertKind, Incident

SIMILAR_LIMIT = 5
ALERT_DAYS = 14
ENDED_INCIDENT_DAYS = 30


# --- similar cases ----------------------------------------------------------------------------------


def similar_cases(user: User, case_id: int, *, limit: int = SIMILAR_LIMIT) -> tuple[Case, list[dict]]:
    """The case (which the agent must be able to see) and the done cases most like it that the agent
    may see, best first, each with how it was resolved. For sellers the case is `not_found`: they
    never see similar cases."""
    if not (user.is_authenticated and user.is_agent):
        raise not_found(_("There is no case with this number."))
    case = permissions.get_case_for(user, case_id)
    scope = Case.objects.filter(permissions.case_scope(user))
    opening = (
        Message.objects.filter(case=case, internal=False)
        .order_by("created_at", "pk")
        .values_list("body", flat=True)
        .first()
    )
    query = similar.case_text(case.subject, opening)
    matches = similar.rank(query, case.category, similar.candidates(scope, case), limit)
    found = {c.pk: c for c in similar.with_resolution(scope.filter(pk__in=[m.case_id for m in matches]))}
    rows = []
    for match in matches:
        other = found.get(match.case_id)
        if other is None:
            continue
        rows.append(
            {
                "case": other,
                "score": match.score,
                "percent": round(match.score * 100),
                "same_category": match.same_category,
                "resolution": Truncator(other.resolution or "").chars(similar.RESOLUTION_CHARS),
                "done_at": other.done_at,
                "resolved_in": other.done_at - other.created_at if other.done_at else None,
            }
        )
    return case, rows


# --- spike alerts --------------------------------------------------------------------------------------


def alert_label(alert: Alert) -> str:
    """What the alert counts, as a phrase: "Actions by detector pesticide-claims"."""
    if alert.kind == AlertKind.CATEGORY:
        name = Category(alert.key).label if alert.key in Category.values else alert.key
        return _("Cases in %(category)s") % {"category": name}
    if alert.kind == AlertKind.RULE:
        return _("Actions under policy rule %(code)s") % {"code": alert.key}
    return _("Actions by detector %(name)s") % {"name": alert.key}


def alerts_for(user: User, *, include_acknowledged: bool = False, days: int = ALERT_DAYS) -> list[Alert]:
    """The alerts of the last `days` days (UTC), newest day and biggest count first; by default only
    those nobody acknowledged yet. Leads and admins only."""
    permissions.require_lead(user, "see alerts")
    since = clock.now().astimezone(dt.UTC).date() - dt.timedelta(days=days)
    qs = Alert.objects.select_related("acknowledged_by").filter(day__gte=since)
    if not include_acknowledged:
        qs = qs.filter(acknowledged_at__isnull=True)
    return list(qs.order_by("-day", "-count", "pk")[:200])


def open_alert_count(user: User) -> int:
    permissions.require_lead(user, "see alerts")
    since = clock.now().astimezone(dt.UTC).date() - dt.timedelta(days=ALERT_DAYS)
    return Alert.objects.filter(day__gte=since, acknowledged_at__isnull=True).count()


def get_alert_for(user: User, alert_id: int) -> Alert:
    permissions.require_lead(user, "see alerts")
    alert = Alert.objects.filter(pk=alert_id).first()
    if alert is None:
        raise not_found(_("There is no such alert."))
    return alert


def alert_examples(user: User, alerts: list[Alert]) -> dict[int, list[dict]]:
    """{alert id: [example]} for these alerts, in two queries. An example is a case (linked to the
    workspace case page when the viewer may see it) or an enforcement action (linked to the seller's
    performance page for the staff who may open it): {"type", "id", "text", "detail", "url"}."""
    from sellerdesk.performance.models import EnforcementAction
    from sellerdesk.performance.selectors import is_enforcement_staff

    case_ids = {i for a in alerts if a.kind == AlertKind.CATEGORY for i in a.examples}
    action_ids = {i for a in alerts if a.kind != AlertKind.CATEGORY for i in a.examples}
    cases = {c.pk: c for c in Case.objects.filter(permissions.case_scope(user), pk__in=case_ids)} if case_ids else {}
    actions = (
        {a.pk: a for a in EnforcementAction.objects.filter(pk__in=action_ids).select_related("seller_account", "rule")}
        if action_ids
        else {}
    )
    # Seller accounts are for enforcement staff; others see what was done, not to whom.
    seller_page = bool(action_ids) and is_enforcement_staff(user)
    examples: dict[int, list[dict]] = {}
    for alert in alerts:
        rows = []
        for pk in alert.examples:
            if alert.kind == AlertKind.CATEGORY:
                case = cases.get(pk)
                rows.append(
                    {
                        "type": "case",
                        "id": pk,
                        "text": f"SD-{pk:06d}",
                        "detail": case.subject if case else _("a case of another team"),
                        "url": reverse("workspace:case", args=[pk]) if case else None,
                    }
                )
            else:
                action = actions.get(pk)
                if action is None:
                    continue
                items = ", ".join(str(item.get("id", "")) for item in (action.items or [])[:3])
                detail = f"{action.get_kind_display()} · {action.rule.code}"
                rows.append(
                    {
                        "type": "action",
                        "id": pk,
                        "text": action.seller_account.name if seller_page else _("a seller"),
                        "detail": f"{detail} · {items}" if items else detail,
                        "url": _seller_page_url(action.seller_account_id) if seller_page else None,
                    }
                )
        examples[alert.pk] = rows
    return examples


def _seller_page_url(account_id: int) -> str | None:
    try:
        return reverse("workspace:performance_seller", args=[account_id])
    except NoReverseMatch:
        return None


def incident_prefill(alert: Alert) -> dict:
    """A banner for this alert, ready to post: title and message in English (and in Spanish when
    the catalogue has them), and what is affected."""
    texts = {}
    for language, suffix in (("en", ""), ("es", "_es")):
        with translation.override(language):
            texts[f"title{suffix}"], texts[f"message{suffix}"] = _prefill_texts(alert)
    if (texts["title_es"], texts["message_es"]) == (texts["title"], texts["message"]):
        texts["title_es"] = texts["message_es"] = ""
    affected = {
        AlertKind.CATEGORY: "categories",
        AlertKind.RULE: "rule_codes",
        AlertKind.DETECTOR: "detector_names",
    }[alert.kind]
    return {**texts, "categories": [], "rule_codes": [], "detector_names": [], "countries": [], affected: [alert.key]}


def _prefill_texts(alert: Alert) -> tuple[str, str]:
    if alert.kind == AlertKind.DETECTOR:
        values = {"name": alert.key}
        return (
            _("Many listings removed by detector %(name)s today") % values,
            _(
                "We are reviewing the listings that the automated check %(name)s removed today. There is no need "
                "to appeal them one by one: if a removal was a mistake, we restore the listing and tell you."
            )
            % values,
        )
    if alert.kind == AlertKind.RULE:
        values = {"code": alert.key}
        return (
            _("Many actions under policy %(code)s today") % values,
            _(
                "We are reviewing today's enforcement actions under policy %(code)s. There is no need to appeal "
                "them one by one: if an action was a mistake, we reverse it and tell you."
            )
            % values,
        )
    values = {"category": Category(alert.key).label if alert.key in Category.values else alert.key}
    return (
        _("Known problem: %(category)s") % values,
        _(
            "Many sellers are reporting problems with %(category)s today. We know about it and are working on it: "
            "there is no need to open a new case. We will update this message when it is solved."
        )
        % values,
    )


# --- incidents ---------------------------------------------------------------------------------------


def incidents_for(user: User) -> list[Incident]:
    """Sellers: the active incidents that concern their account. Agents: every active incident."""
    if not (user.is_authenticated and user.is_active):
        return []
    if user.is_seller:
        return active_for(user.seller_account) if user.seller_account_id else []
    return list(active().select_related("created_by"))


def incidents_page(user: User) -> dict:
    """The operators' list: the active incidents, those planned to start, and those ended lately."""
    permissions.require_lead(user, "post incidents")
    now = clock.now()
    live = list(active(now).select_related("created_by", "alert"))
    planned = list(
        Incident.objects.filter(ended_at__isnull=True, starts_at__gt=now)
        .select_related("created_by")
        .order_by("starts_at")
    )
    live_ids = {i.pk for i in live} | {i.pk for i in planned}
    since = now - dt.timedelta(days=ENDED_INCIDENT_DAYS)
    ended = [
        i
        for i in Incident.objects.filter(created_at__gte=since)
        .exclude(pk__in=live_ids)
        .select_related("created_by", "ended_by")
        .order_by("-created_at")[:50]
    ]
    return {"active": live, "planned": planned, "ended": ended}
