"""Tiered support: playbooks and their forms, transfers with reason codes, escalation requests."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sellerdesk.accounts.capabilities import Capability
from sellerdesk.cases.categories import Category
from sellerdesk.core import clock


class FieldType(models.TextChoices):
    TEXT = "text", _("Text")
    TEXTAREA = "textarea", _("Long text")
    DATE = "date", _("Date")
    DATETIME = "datetime", _("Date and time")
    NUMBER = "number", _("Number")
    MONEY = "money", _("Amount")
    CHOICE = "choice", _("Choice")
    ORDER_ID = "order_id", _("Order id")
    LISTING_ID = "listing_id", _("Listing id")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    YES_NO = "yes_no", _("Yes / no")


class Playbook(models.Model):
    """What first line does for one kind of problem: ordered steps and the form to complete.

    `steps`: [{"key", "title", "help"}]; `fields`: [{"name", "label", "type", "required", "help"?,
    "choices"?, "max_length"?}] with `type` one of FieldType."""

    category = models.CharField(_("category"), max_length=32, choices=Category.choices)
    subtype = models.SlugField(
        _("sub-type"), max_length=60, blank=True, help_text=_("Empty for the category's general playbook.")
    )
    name = models.CharField(_("name"), max_length=120)
    summary = models.TextField(_("summary"), blank=True)
    resolution_capability = models.CharField(
        _("action that usually resolves it"), max_length=40, choices=Capability.choices, blank=True
    )
    steps = models.JSONField(_("steps"), default=list)
    fields = models.JSONField(_("form fields"), default=list)
    active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["category", "subtype"]
        constraints = [models.UniqueConstraint(fields=["category", "subtype"], name="one_playbook_per_kind")]

    def __str__(self) -> str:
        return self.name

    @property
    def required_fields(self) -> list[str]:
        return [f["name"] for f in self.fields if f.get("required")]


class CasePlaybook(models.Model):
    """The progress of one playbook on one case: the form values and the steps done."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="playbooks")
    playbook = models.ForeignKey(Playbook, on_delete=models.PROTECT, related_name="+")
    values = models.JSONField(default=dict, blank=True)
    completed_steps = models.JSONField(default=list, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=clock.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "playbook"], name="one_progress_per_case_playbook")]

    def __str__(self) -> str:
        return f"{self.playbook} on case {self.case_id}"


class TransferReason(models.Model):
    """The configured list of reasons an agent may give for a transfer."""

    NEEDS_CAPABILITY = "needs_capability"

    code = models.SlugField(_("code"), max_length=40, unique=True)
    label = models.CharField(_("label"), max_length=120)
    active = models.BooleanField(_("active"), default=True)
    note_required = models.BooleanField(_("a note is required"), default=False)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.label


class Transfer(models.Model):
    """A case moving from one team to another: by an agent (with a reason) or by an automatic
    escalation. A receiving team may bounce an avoidable transfer back to its sender."""

    class Kind(models.TextChoices):
        TRANSFER = "transfer", _("Transfer")
        ESCALATION = "escalation", _("Escalation")

    class Avoidable(models.TextChoices):
        NO = "", _("No")
        BOUNCED = "bounced", _("Bounced back by the receiving team")
        SENDER_CAPABLE = "sender_capable", _("The sending tier could have resolved it")

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="transfers")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.TRANSFER)
    from_team = models.ForeignKey("accounts.Team", null=True, on_delete=models.PROTECT, related_name="transfers_out")
    to_team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="transfers_in")
    from_agent = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    reason = models.ForeignKey(TransferReason, null=True, on_delete=models.PROTECT, related_name="+")
    capability = models.CharField(max_length=40, choices=Capability.choices, blank=True)
    note = models.TextField(blank=True)
    business_deadline = models.DateTimeField(null=True, blank=True)
    expected_reply_by = models.DateTimeField(null=True, blank=True)
    avoidable = models.CharField(max_length=20, choices=Avoidable.choices, blank=True, default=Avoidable.NO)
    created_at = models.DateTimeField(default=clock.now)
    bounced_at = models.DateTimeField(null=True, blank=True)
    bounced_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    bounce_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["from_team", "created_at"], name="transfer_from_team"),
            models.Index(fields=["to_team", "created_at"], name="transfer_to_team"),
            models.Index(fields=["from_agent", "created_at"], name="transfer_from_agent"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.from_team} → {self.to_team}"


class EscalationRequest(models.Model):
    """A seller asking for more: mark urgent, a supervisor, or a call-back. Each has its own target
    time and lands in the team lead's view."""

    class Kind(models.TextChoices):
        URGENT = "urgent", _("Mark urgent")
        SUPERVISOR = "supervisor", _("Ask for a supervisor")
        CALL_BACK = "call_back", _("Request a call-back")

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        HANDLED = "handled", _("Handled")

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="escalation_requests")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    reason = models.TextField()
    phone = models.CharField(max_length=32, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey("accounts.Team", null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=clock.now)
    target_at = models.DateTimeField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    handled_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(blank=True)
    # The lead's judgement that an "urgent" was not: feeds the urgent-abuse metric.
    judged_not_urgent = models.BooleanField(default=False)

    class Meta:
        ordering = ["target_at", "pk"]
        indexes = [models.Index(fields=["team", "state", "target_at"], name="escalation_lead_view")]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "kind"], condition=models.Q(state="open"), name="one_open_escalation_request_per_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on case {self.case_id}"
