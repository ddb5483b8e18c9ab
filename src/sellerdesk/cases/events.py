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


# Kinds a seller never sees on their timeline, whatever the event's own flag says.
INTERNAL_KINDS = {EventType.INTERNAL_NOTE_ADDED}
