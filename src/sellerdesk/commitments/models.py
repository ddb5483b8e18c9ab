"""The commitments ledger: every promise made to a seller is a record with an owner and a due time."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sellerdesk.core import clock


class Kind(models.TextChoices):
    REIMBURSEMENT = "reimbursement", _("Reimbursement")
    CALL_BACK = "call_back", _("Call-back")
    FOLLOW_UP = "follow_up", _("Follow-up")
    FIX = "fix", _("Fix")
    OTHER = "other", _("Other")


class State(models.TextChoices):
    OPEN = "open", _("Open")
    FULFILLED = "fulfilled", _("Kept")
    CANCELLED = "cancelled", _("Cancelled")
    BROKEN = "broken", _("Broken (overdue)")


class Commitment(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="commitments")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    description = models.TextField(_("what exactly"))
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="commitments")
    team = models.ForeignKey("accounts.Team", null=True, on_delete=models.PROTECT, related_name="commitments")
    due_at = models.DateTimeField(_("due"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    # Call-backs: where and when to call.
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    window_start = models.DateTimeField(null=True, blank=True)
    window_end = models.DateTimeField(null=True, blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    cancel_reason = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=clock.now)
    fulfilled_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    broken_at = models.DateTimeField(null=True, blank=True)
    # Set when the owner and leads were told a promise broke, so a retried job never tells twice.
    broken_notified_at = models.DateTimeField(null=True, blank=True)
    # A client's key for the request that made the promise: a retry with it returns this one.
    idempotency_key = models.CharField(max_length=128, null=True, blank=True)

    class Meta:
        ordering = ["due_at", "pk"]
        indexes = [
            # The overdue sweep reads exactly this: open commitments by due time.
            models.Index(fields=["due_at"], condition=models.Q(state="open"), name="commitment_open_due"),
            models.Index(fields=["case", "created_at"], name="commitment_case"),
            models.Index(fields=["owner", "state"], name="commitment_owner"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | ~models.Q(currency=""), name="commitment_amount_has_currency"
            ),
            models.UniqueConstraint(
                fields=["created_by", "idempotency_key"],
                condition=models.Q(idempotency_key__isnull=False),
                name="commitment_idempotency_key_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description[:60]}"

    @property
    def kept_on_time(self) -> bool | None:
        if self.state == State.FULFILLED and self.fulfilled_at is not None:
            return self.fulfilled_at <= self.due_at
        return None
