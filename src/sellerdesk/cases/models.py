"""Cases, their messages and attachments, and the append-only audit trail."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sellerdesk.core import clock
from sellerdesk.core.append_only import AppendOnlyModel
from sellerdesk.core.text import id_param

from .categories import Category
from .events import EventType
from .lifecycle import Status


class Channel(models.TextChoices):
    PORTAL = "portal", _("Seller portal")
    EMAIL = "email", _("E-mail")
    API = "api", _("API")
    CHAT = "chat", _("Chat")
    PHONE = "phone", _("Phone")


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    CRITICAL = "critical", _("Critical")


PRIORITY_RANK = {Priority.LOW: 0, Priority.NORMAL: 1, Priority.HIGH: 2, Priority.CRITICAL: 3}


class Case(models.Model):
    # The foreign keys that lead a composite index below get no index of their own: every row
    # written would update both, and the composite one serves the same lookups.
    seller_account = models.ForeignKey(
        "accounts.SellerAccount", on_delete=models.PROTECT, related_name="cases", db_index=False
    )
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    subject = models.CharField(_("subject"), max_length=200)
    category = models.CharField(_("category"), max_length=32, choices=Category.choices, default=Category.OTHER)
    language = models.CharField(_("language"), max_length=8, default="en")
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.PORTAL)
    status = models.CharField(_("status"), max_length=24, choices=Status.choices, default=Status.NEW)
    priority = models.CharField(_("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL)
    urgent = models.BooleanField(_("urgent"), default=False)
    # A business deadline such as an order's cut-off: the case is time-critical until then.
    business_deadline = models.DateTimeField(_("business deadline"), null=True, blank=True)
    order_id = models.CharField(_("order id"), max_length=64, blank=True)
    listing_id = models.CharField(_("listing id"), max_length=64, blank=True)
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="cases", db_index=False
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_cases",
        db_index=False,
    )
    idempotency_key = models.CharField(max_length=128, null=True, blank=True)
    created_at = models.DateTimeField(default=clock.now)
    updated_at = models.DateTimeField(default=clock.now)
    first_response_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Business impact, told by the seller or found by the agent: feeds the priority.
    revenue_at_stake = models.DecimalField(
        _("revenue at stake"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    revenue_currency = models.CharField(_("currency"), max_length=3, blank=True)
    orders_affected = models.PositiveIntegerField(_("orders affected"), null=True, blank=True)
    # How urgent the case reads (low/normal/high/critical): the triage model's estimate, or an
    # agent's correction of it; empty until triaged. Feeds the priority.
    assessed_urgency = models.CharField(_("assessed urgency"), max_length=10, blank=True)
    # Kept by the SLA engine (sla.services) from the case's targets; read by queues and the API.
    sla_state = models.CharField(_("SLA state"), max_length=10, default="ok")
    first_response_due = models.DateTimeField(null=True, blank=True)
    response_due = models.DateTimeField(null=True, blank=True)
    resolution_due = models.DateTimeField(null=True, blank=True)
    # The instant the case is "due" once urgency and impact are counted: queues sort by it, and the
    # priority score is the time left until it (see sla.priority).
    priority_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["team", "status", "-updated_at"], name="case_team_queue"),
            models.Index(fields=["team", "-updated_at", "-id"], name="case_team_recent"),
            # Daily counts (insights.spikes) read the last weeks of cases by creation time.
            models.Index(fields=["created_at"], name="case_created"),
            models.Index(fields=["assignee", "status", "-updated_at"], name="case_assignee_queue"),
            models.Index(fields=["seller_account", "-updated_at"], name="case_seller_list"),
            models.Index(fields=["status", "-updated_at"], name="case_status"),
            models.Index(fields=["team", "priority_at", "id"], name="case_team_priority"),
            # "Next case": the unassigned, workable cases of a team, most pressing first.
            models.Index(
                fields=["team", "priority_at", "id"],
                name="case_next_pool",
                condition=models.Q(assignee__isnull=True, status__in=["new", "open", "waiting_on_marketplace"]),
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["opened_by", "idempotency_key"],
                condition=models.Q(idempotency_key__isnull=False),
                name="case_idempotency_key_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.subject}"

    @property
    def number(self) -> str:
        """The number people quote: SD-000123."""
        return f"SD-{self.pk:06d}" if self.pk else ""

    @staticmethod
    def pk_from_number(value: str) -> int | None:
        return id_param(value.strip().upper().removeprefix("SD-"))


class Message(models.Model):
    class AuthorRole(models.TextChoices):
        SELLER = "seller", _("Seller")
        AGENT = "agent", _("Agent")
        SYSTEM = "system", _("System")

    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="messages", db_index=False
    )  # message_case_time
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    author_role = models.CharField(max_length=10, choices=AuthorRole.choices)
    body = models.TextField()
    internal = models.BooleanField(default=False, help_text=_("Internal notes are never shown to sellers."))
    idempotency_key = models.CharField(max_length=128, null=True, blank=True)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["case", "created_at"], name="message_case_time")]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "idempotency_key"],
                condition=models.Q(idempotency_key__isnull=False),
                name="message_idempotency_key_unique",
            ),
        ]


def attachment_path(instance: "Attachment", filename: str) -> str:
    return f"attachments/{instance.case_id}/{clock.now():%Y%m%d%H%M%S}-{filename}"


class Attachment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="attachments")
    message = models.ForeignKey(Message, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=300)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=clock.now)

    def __str__(self) -> str:
        return self.filename


class CaseEvent(AppendOnlyModel):
    """One change to a case: who, when, what. Written in the same transaction as the change."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events", db_index=False)  # event_case_time
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=40, choices=EventType.choices)
    public = models.BooleanField(help_text=_("Public events form the seller's timeline."))
    message = models.ForeignKey(Message, null=True, on_delete=models.PROTECT, related_name="+")
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["case", "created_at"], name="event_case_time")]


class Notification(models.Model):
    """One e-mail sent about one event to one person; lets the notification task be retried without
    sending twice, and lets support see what a seller was told."""

    event = models.ForeignKey(CaseEvent, on_delete=models.PROTECT, related_name="notifications")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    email = models.EmailField()
    sent_at = models.DateTimeField(default=clock.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "recipient"], name="one_notification_per_event_recipient"),
        ]
