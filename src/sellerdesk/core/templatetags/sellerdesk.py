import datetime as dt

from django import template
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sellerdesk.accounts import permissions
from sellerdesk.accounts.capabilities import Capability, may_anywhere
from sellerdesk.cases.categories import Category
from sellerdesk.cases.lifecycle import Status

register = template.Library()


@register.filter
def status_label(value: str) -> str:
    return Status(value).label if value in Status.values else value


@register.filter
def category_label(value: str) -> str:
    return Category(value).label if value in Category.values else value


@register.filter
def from_iso(value) -> dt.datetime | None:
    """An ISO 8601 time from event data as an aware datetime, so that `|date` shows it in the
    viewer's time zone. A time written without a zone is UTC (how the services store times);
    anything that is not a time gives None, which `|date` shows as nothing."""
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, str) and value:
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    else:
        return None
    return timezone.make_aware(parsed, dt.UTC) if timezone.is_naive(parsed) else parsed


# Which main-navigation entry a page belongs to, by its URL name (the first prefix that matches).
_NAV_SECTIONS = {
    "workspace": [
        ("performance", "performance"),
        ("knowledge", "knowledge"),
        ("assistant", "assistant"),
        ("lead", "lead"),
        ("alert", "lead"),
        ("incident", "lead"),
        ("handle_escalation", "lead"),
    ],
    "portal": [
        ("new", "new"),
        ("assistant", "assistant"),
        ("help", "help"),
        ("commitments", "commitments"),
        ("health", "health"),
        ("account", "account"),
    ],
}
_NAV_DEFAULT = {"workspace": "workspace", "portal": "cases"}


@register.filter
def nav_section(request) -> str:
    """The navigation entry to highlight for this request's page ("" outside the portal and workspace)."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.namespace not in _NAV_SECTIONS:
        return ""
    name = match.url_name or ""
    for prefix, section in _NAV_SECTIONS[match.namespace]:
        if name.startswith(prefix):
            return section
    return _NAV_DEFAULT[match.namespace]


@register.filter
def is_lead(user) -> bool:
    """Whether the viewer has the lead view (asks the permissions module)."""
    return permissions.is_lead(user)


@register.filter
def works_seller_accounts(user) -> bool:
    """Whether the viewer has the seller performance pages: admins, and agents of a tier that may
    change a seller account's status (asks the capability matrix)."""
    return may_anywhere(user, Capability.CHANGE_ACCOUNT_STATUS)


@register.filter
def sees_internal(user) -> bool:
    """Whether this viewer may see what is for agents only (asks the one permissions module)."""
    return permissions.can_see_internal(user)


# What the seller reads when support took an action for them: one whole sentence per action, so it
# translates as a whole. An action missing here is named by its capability label.
ACTION_SENTENCES = {
    Capability.REQUEST_CARRIER_REPICKUP: _("Support requested a carrier re-pickup"),
    Capability.OPEN_INVESTIGATION: _("Support opened a warehouse or carrier investigation"),
    Capability.ISSUE_REIMBURSEMENT: _("Support issued a reimbursement"),
    Capability.REINSTATE_LISTING: _("Support reinstated a listing"),
    Capability.CHANGE_ACCOUNT_STATUS: _("Support changed the account's status"),
    Capability.DECIDE_APPEAL: _("Support decided an appeal"),
    Capability.RELEASE_FUNDS: _("Support released held funds"),
    Capability.RESET_ACCOUNT_ACCESS: _("Support reset the account's access"),
}


@register.filter
def action_sentence(value: str) -> str:
    if value in ACTION_SENTENCES:
        return ACTION_SENTENCES[value]
    label = Capability(value).label if value in Capability.values else value
    return gettext("Support took an action: %(action)s") % {"action": label}


# A seller's escalation request as it reads on the timeline (what they did), and as a short name.
ESCALATION_SENTENCES = {
    "urgent": _("Marked the case urgent"),
    "supervisor": _("Asked for a supervisor"),
    "call_back": _("Requested a call-back"),
}
# One whole sentence per request kind, so each translates as a whole.
ESCALATION_ANSWERS = {
    "urgent": _("Answer to the request to treat the case as urgent: %(outcome)s"),
    "supervisor": _("Answer to the request for a supervisor: %(outcome)s"),
    "call_back": _("Answer to the call-back request: %(outcome)s"),
}
# Why the status changed by itself, for reasons recorded as codes.
AUTOMATIC_REASONS = {
    "agent_replied": _("after support replied"),
    "seller_replied": _("after the seller replied"),
    "seller_solved": _("the seller said the problem is solved"),
}


@register.filter
def escalation_sentence(value: str) -> str:
    return ESCALATION_SENTENCES.get(value, value)


@register.filter
def escalation_answer(data: dict) -> str:
    sentence = ESCALATION_ANSWERS.get((data or {}).get("kind"), _("Answer to the request: %(outcome)s"))
    return sentence % {"outcome": (data or {}).get("outcome", "")}


@register.filter
def status_reason(value: str) -> str:
    """A status change's reason: the automatic ones are codes shown in the viewer's language."""
    return AUTOMATIC_REASONS.get(value, value)


@register.filter
def commitment_kind_label(value: str) -> str:
    from sellerdesk.commitments.models import Kind

    return Kind(value).label if value in Kind.values else value


# What an SLA ladder step did, as agents read it on the timeline. Whole phrases, so each translates.
SLA_STEP_ACTIONS = {
    "warn_owner": _("owner warned"),
    "notify_lead": _("lead notified"),
    "reassign": _("reassigned"),
    "escalate_senior": _("escalated to the senior tier"),
    "ceiling": _("leads and administrators notified"),
}
# Why a case was assigned, for reasons recorded as codes (agents only).
ASSIGNMENT_REASONS = {
    "sla_reassigned": _("Reassigned by the SLA ladder: the target was breached."),
    "next_case": _("Taken with “Next case”."),
}


@register.filter
def sla_step_text(data: dict) -> str:
    """An `sla_step` event in words: "SLA: first response at risk (75%) — owner warned",
    "SLA: resolution breached — reassigned, lead notified", "SLA: hard ceiling reached"."""
    from sellerdesk.sla.models import TargetKind

    data = data or {}
    kind = data.get("target", "")
    target = (TargetKind(kind).label if kind in TargetKind.values else kind).lower()
    percent = data.get("percent")
    actions = [str(SLA_STEP_ACTIONS.get(a, a)) for a in data.get("actions") or []]
    if data.get("ceiling") or percent is None:
        headline = gettext("SLA: hard ceiling reached (%(target)s)") % {"target": target}
    elif percent > 100:
        headline = gettext("SLA: %(target)s breached (%(percent)d%%)") % {"target": target, "percent": percent}
    elif percent == 100 or data.get("breached"):
        headline = gettext("SLA: %(target)s breached") % {"target": target}
    else:
        headline = gettext("SLA: %(target)s at risk (%(percent)d%%)") % {"target": target, "percent": percent}
    if not actions:
        return headline
    return gettext("%(step)s — %(actions)s") % {"step": headline, "actions": ", ".join(actions)}


@register.filter
def assignment_reason(value: str) -> str:
    return ASSIGNMENT_REASONS.get(value, "")


# --- the triage model's reading of a case, and its review by an agent (agents only) -----------------

# The languages the triage model tells apart, by name.
LANGUAGE_NAMES = {
    "en": _("English"),
    "es": _("Spanish"),
    "zh": _("Chinese"),
    "ja": _("Japanese"),
    "de": _("German"),
    "fr": _("French"),
    "it": _("Italian"),
}
TRIAGE_FIELDS = {
    "category": _("category"),
    "urgency": _("urgency"),
    "tier": _("suggested tier"),
    "language": _("language"),
}


@register.filter
def language_name(code: str) -> str:
    return str(LANGUAGE_NAMES.get(code, code))


def _percent(confidence) -> str:
    try:
        return gettext("%(percent)d%%") % {"percent": round(float(confidence) * 100)}
    except (TypeError, ValueError):
        return "?"


def triage_value(field: str, value: str) -> str:
    """A predicted or corrected value as agents read it: the category's, urgency's or tier's label."""
    from sellerdesk.accounts.models import Tier
    from sellerdesk.assistant.models import Urgency

    if field == "category":
        return str(category_label(value))
    if field == "urgency":
        return str(Urgency(value).label).lower() if value in Urgency.values else value
    if field == "tier":
        return str(Tier(value).label) if value in Tier.values else value
    if field == "language":
        return language_name(value)
    return value


@register.filter
def triage_text(data: dict) -> str:
    """A `triaged` event in words: "Triaged by the model: Payments (76%), urgency high (94%) · suggested
    tier: Payments · language: English"."""
    data = data or {}
    return gettext(
        "Triaged by the model: %(category)s (%(category_confidence)s), urgency %(urgency)s (%(urgency_confidence)s)"
        " · suggested tier: %(tier)s · language: %(language)s"
    ) % {
        "category": triage_value("category", data.get("category", "")),
        "category_confidence": _percent(data.get("category_confidence")),
        "urgency": triage_value("urgency", data.get("urgency", "")),
        "urgency_confidence": _percent(data.get("urgency_confidence")),
        "tier": triage_value("tier", data.get("tier", "")),
        "language": triage_value("language", data.get("language", "")),
    }


@register.filter
def triage_applied(data: dict) -> str:
    """What a `triaged` event changed on the case ("" when nothing): "Applied to the case: category
    Payments, now with Payments specialists, urgency high"."""
    applied = (data or {}).get("applied") or {}
    parts = []
    if "category" in applied:
        parts.append(gettext("category %(category)s") % {"category": triage_value("category", applied["category"])})
    if "team" in applied:
        parts.append(gettext("now with %(team)s") % {"team": applied["team"]})
    if "assessed_urgency" in applied:
        parts.append(gettext("urgency %(urgency)s") % {"urgency": triage_value("urgency", applied["assessed_urgency"])})
    if "language" in applied:
        parts.append(gettext("language %(language)s") % {"language": triage_value("language", applied["language"])})
    if not parts:
        return ""
    return gettext("Applied to the case: %(changes)s") % {"changes": ", ".join(parts)}


@register.filter
def triage_corrections(data: dict) -> str:
    """A `triage_reviewed` event's corrections in words ("" when the agent confirmed the reading):
    "category Listing → Payments, urgency normal → high"."""
    corrected = (data or {}).get("corrected") or {}
    parts = [
        gettext("%(field)s %(from)s → %(to)s")
        % {
            "field": TRIAGE_FIELDS.get(field, field),
            "from": triage_value(field, (change or {}).get("from", "")),
            "to": triage_value(field, (change or {}).get("to", "")),
        }
        # In the card's order: PostgreSQL's jsonb does not keep the order the keys were written in.
        for field, change in sorted(corrected.items(), key=lambda item: list(TRIAGE_FIELDS).index(item[0]))
        if field in TRIAGE_FIELDS
    ]
    return ", ".join(parts)
