"""The notice a seller receives about an enforcement action, written from the action's facts.

There is no generic template to fall back on: `missing_facts` lists what a notice would lack, and
the enforcement service refuses an action whose notice would not name the rule broken, the exact
items and the evidence. The notice is written in the seller's language.
"""

from django.utils import translation
from django.utils.translation import gettext as _

from sellerdesk.core.text import clean_text

from .models import ActionKind, ActionSource, ItemKind

EVIDENCE_MIN = 20

# Phrases that say nothing about what was found; evidence made only of one of them is refused.
_EMPTY_EVIDENCE = {
    "policy violation",
    "violation of our policies",
    "violated our policies",
    "your account violated our policies",
    "your listing violated our policies",
    "see policy",
    "automated detection",
    "flagged by our systems",
    "n/a",
}


def missing_facts(*, rule, items: list[dict], evidence: str) -> dict[str, list[str]]:
    """What a notice would lack, per field (empty when it can be written)."""
    fields: dict[str, list[str]] = {}
    if rule is None:
        fields["rule"] = [_("Name the policy rule that was broken.")]
    if not items:
        fields["items"] = [_("Name the exact listing, order, ASIN or SKU concerned.")]
    text = clean_text(evidence or "")
    if len(text) < EVIDENCE_MIN or text.lower().strip(" .!") in _EMPTY_EVIDENCE:
        fields["evidence"] = [
            _("Describe the evidence: what was found, where and when (at least %(n)d characters).")
            % {"n": EVIDENCE_MIN}
        ]
    return fields


def describe_item(item: dict) -> str:
    return f"{ItemKind(item['kind']).label} {item['id']}"


def compose(action, *, language: str) -> str:
    """The notice text for an action (rule, items, evidence, source, what the seller can do)."""
    with translation.override(language):
        lines = [
            _("%(action)s on your account %(seller)s.")
            % {"action": ActionKind(action.kind).label, "seller": action.seller_account.marketplace_seller_id},
            "",
            _("Rule: %(code)s %(title)s. %(summary)s")
            % {"code": action.rule.code, "title": action.rule.title, "summary": action.rule.summary},
            _("Concerned: %(items)s.") % {"items": "; ".join(describe_item(i) for i in action.items)},
            _("Evidence: %(evidence)s") % {"evidence": action.evidence},
            _("How it was found: %(source)s") % {"source": _source_sentence(action)},
        ]
        if action.kind == ActionKind.FUNDS_HELD:
            lines.append(
                _("Amount held: %(amount)s %(currency)s.") % {"amount": action.amount_held, "currency": action.currency}
            )
        if action.rule.how_to_comply:
            lines += ["", _("How to comply: %(text)s") % {"text": action.rule.how_to_comply}]
        lines += [
            "",
            _(
                "If you think this is wrong, appeal it from the My account page of the seller portal with a "
                "plan of action: what caused it, what you have corrected, and how you will prevent it. A person "
                "on the seller performance team reviews every appeal. If you cannot sign in, use the account "
                "recovery page."
            ),
        ]
        return "\n".join(lines)


def _source_sentence(action) -> str:
    if action.source == ActionSource.DETECTOR:
        return _("an automated detector, %(name)s version %(version)s, with %(confidence)d%% confidence.") % {
            "name": action.detector.name,
            "version": action.detector_version,
            "confidence": round((action.detector_confidence or 0) * 100),
        }
    if action.source == ActionSource.COMPLAINT:
        complaint = action.complaint
        return _("a complaint from a %(kind)s, checked and validated by our team on %(date)s.") % {
            "kind": complaint.get_complainant_kind_display().lower(),
            "date": f"{complaint.decided_at:%Y-%m-%d}" if complaint.decided_at else "",
        }
    return _("a review of your account by our team.")
