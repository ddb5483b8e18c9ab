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


# Kinds a seller never sees on their timeline, whatever the event's own flag says.
INTERNAL_KINDS = {EventType.INTERNAL_NOTE_ADDED, EventType.PLAYBOOK_STEP_COMPLETED, EventType.PLAYBOOK_COMPLETED}
