"""The typed audit trail of a case: every change is one CaseEvent of one of these kinds."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    CASE_OPENED = "case_opened", _("Case opened")
    MESSAGE_POSTED = "message_posted", _("Reply")
    INTERNAL_NOTE_ADDED = "internal_note_added", _("Internal note")
    STATUS_CHANGED = "status_changed", _("Status changed")
    ASSIGNED = "assigned", _("Assigned")
    REOPENED = "reopened", _("Reopened")
    DEADLINE_SET = "deadline_set", _("Business deadline set")
    # Tiered support (routing)
    TRANSFERRED = "transferred", _("Transferred")
    TRANSFER_BOUNCED = "transfer_bounced", _("Transfer bounced back")
    ESCALATED = "escalated", _("Escalated")
    PLAYBOOK_STEP_COMPLETED = "playbook_step_completed", _("Playbook step completed")
    PLAYBOOK_COMPLETED = "playbook_completed", _("Playbook completed")
    ACTION_TAKEN = "action_taken", _("Action taken")
    ESCALATION_REQUESTED = "escalation_requested", _("Escalation requested")
    ESCALATION_HANDLED = "escalation_handled", _("Escalation request handled")
    # Commitments
    COMMITMENT_MADE = "commitment_made", _("Commitment made")
    COMMITMENT_FULFILLED = "commitment_fulfilled", _("Commitment kept")
    COMMITMENT_CANCELLED = "commitment_cancelled", _("Commitment cancelled")
    COMMITMENT_BROKEN = "commitment_broken", _("Commitment broken")
    # SLA engine
    SLA_STEP = "sla_step", _("SLA step")
    # Assistant
    TRIAGED = "triaged", _("Triaged")
    TRIAGE_REVIEWED = "triage_reviewed", _("Triage reviewed")


# Kinds a seller never sees on their timeline, whatever the event's own flag says.
INTERNAL_KINDS = {
    EventType.INTERNAL_NOTE_ADDED,
    EventType.PLAYBOOK_STEP_COMPLETED,
    EventType.PLAYBOOK_COMPLETED,
    EventType.SLA_STEP,
    EventType.TRIAGED,
    EventType.TRIAGE_REVIEWED,
}

_COMMITMENT_KEYS = {"commitment_id", "kind", "description", "amount", "currency", "due_at", "owner"}
_HAND_OVER_KEYS = {"team", "team_id", "expected_reply_by", "top_level"}

# The part of each public event's data a seller may read. Anything else an event records (reasons
# agents typed for themselves, transfer ids, internal escalation reasons) is for agents only.
SELLER_DATA_KEYS: dict[str, set[str]] = {
    EventType.CASE_OPENED: {"subject", "category", "team", "urgent", "business_deadline"},
    EventType.MESSAGE_POSTED: set(),
    EventType.STATUS_CHANGED: {"from", "to"},
    EventType.ASSIGNED: {"assignee", "team"},
    EventType.REOPENED: {"from", "to", "reason"},
    EventType.DEADLINE_SET: {"business_deadline"},
    EventType.TRANSFERRED: _HAND_OVER_KEYS,
    EventType.TRANSFER_BOUNCED: _HAND_OVER_KEYS,
    EventType.ESCALATED: _HAND_OVER_KEYS,
    EventType.ACTION_TAKEN: {"action", "label", "note", "amount", "currency", "reference"},
    EventType.ESCALATION_REQUESTED: {"kind", "request_id", "target_at", "reason"},
    EventType.ESCALATION_HANDLED: {"kind", "request_id", "outcome"},
    EventType.COMMITMENT_MADE: _COMMITMENT_KEYS,
    EventType.COMMITMENT_FULFILLED: _COMMITMENT_KEYS | {"evidence", "on_time"},
    EventType.COMMITMENT_CANCELLED: _COMMITMENT_KEYS | {"reason"},
    EventType.COMMITMENT_BROKEN: _COMMITMENT_KEYS | {"escalated"},
}


def seller_data(kind: str, data: dict) -> dict:
    """The seller-safe part of an event's data (nothing for kinds sellers never see)."""
    keys = SELLER_DATA_KEYS.get(kind, set())
    return {k: v for k, v in (data or {}).items() if k in keys}
