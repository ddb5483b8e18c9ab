"""Seller performance: buyer contacts and the account health computed from them, the account's
audit trail, policy rules and detectors, enforcement actions with their notices, complaints,
appeals, and the recovery channel for sellers who are locked out."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sellerdesk.accounts.models import AccountStatus
from sellerdesk.core import clock
from sellerdesk.core.append_only import AppendOnlyModel

# --- buyer contacts and account health ------------------------------------------------------------


class SurveyAnswer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")


class BuyerContact(models.Model):
    """One buyer→seller contact as the marketplace reports it. `external_id` is the marketplace's
    own id: sending the same contact again updates it instead of counting it twice."""

    # Indexed by contact_seller_counts below (its first column), not on its own.
    seller_account = models.ForeignKey(
        "accounts.SellerAccount", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    external_id = models.CharField(max_length=128, unique=True)
    received_at = models.DateTimeField()
    responded_at = models.DateTimeField(null=True, blank=True)
    # Seconds from receipt to the seller's first response (kept so the SQL compares integers).
    response_seconds = models.BigIntegerField(null=True, blank=True)
    # "Did this solve your problem?" — empty when the buyer did not answer.
    survey_answer = models.CharField(max_length=3, choices=SurveyAnswer.choices, blank=True)
    updated_at = models.DateTimeField(default=clock.now)

    class Meta:
        # The health recompute counts a seller's contacts of a window from this index alone (an
        # index-only scan on PostgreSQL: the counted columns are included; SQLite ignores `include`).
        indexes = [
            models.Index(
                fields=["seller_account", "received_at"],
                include=["survey_answer", "response_seconds"],
                name="contact_seller_counts",
            )
        ]


class HealthState(models.TextChoices):
    GREEN = "green", _("Meets the target")
    YELLOW = "yellow", _("Close to the limit")
    RED = "red", _("Fails the target")
    NO_DATA = "no_data", _("Not enough data")


class AccountHealth(models.Model):
    """The counts behind a seller's metrics over one rolling window, and the states they give.
    Written only by `performance.health` (set-based SQL); read by the health page and the API."""

    seller_account = models.ForeignKey("accounts.SellerAccount", on_delete=models.CASCADE, related_name="+")
    window_days = models.PositiveSmallIntegerField()
    survey_no = models.IntegerField(default=0)
    survey_answers = models.IntegerField(default=0)
    contacts = models.IntegerField(default=0)
    # Contacts whose response time can be judged: answered, or unanswered for longer than the limit.
    contacts_due = models.IntegerField(default=0)
    on_time = models.IntegerField(default=0)
    dissatisfaction_state = models.CharField(max_length=8, choices=HealthState.choices, default=HealthState.NO_DATA)
    response_state = models.CharField(max_length=8, choices=HealthState.choices, default=HealthState.NO_DATA)
    overall = models.CharField(max_length=8, choices=HealthState.choices, default=HealthState.NO_DATA)
    computed_at = models.DateTimeField(default=clock.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["seller_account", "window_days"], name="one_health_row_per_window")
        ]
        indexes = [models.Index(fields=["window_days", "overall"], name="health_state")]


# --- the account's audit trail --------------------------------------------------------------------


class AccountEventKind(models.TextChoices):
    STATUS_CHANGED = "status_changed", _("Account status changed")
    ACTION_TAKEN = "action_taken", _("Enforcement action")
    ACTION_REVERSED = "action_reversed", _("Enforcement action reversed")
    COMPLAINT_RECEIVED = "complaint_received", _("Complaint received")
    COMPLAINT_DECIDED = "complaint_decided", _("Complaint validated or rejected")
    APPEAL_FILED = "appeal_filed", _("Appeal filed")
    APPEAL_DECIDED = "appeal_decided", _("Appeal decided")
    APPEAL_ESCALATED = "appeal_escalated", _("Appeal escalated")
    RECOVERY_VERIFIED = "recovery_verified", _("Identity verified through the recovery channel")
    RECOVERY_REVIEWED = "recovery_reviewed", _("Identity documents reviewed")


class AccountEvent(AppendOnlyModel):
    """Append-only: who changed what on a seller account, when and why. Public events are the
    seller's account history; the others (complaints received, for instance) are for staff."""

    seller_account = models.ForeignKey("accounts.SellerAccount", on_delete=models.PROTECT, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=24, choices=AccountEventKind.choices)
    public = models.BooleanField(default=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["seller_account", "-created_at"], name="account_event_time")]


class AccountNotification(models.Model):
    """One e-mail sent about one account event to one seller user (lets the task be retried)."""

    event = models.ForeignKey(AccountEvent, on_delete=models.PROTECT, related_name="notifications")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    email = models.EmailField()
    sent_at = models.DateTimeField(default=clock.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "recipient"], name="one_account_notification_per_recipient")
        ]


# --- rules, detectors, enforcement ------------------------------------------------------------------


class PolicyRule(models.Model):
    """A marketplace policy a seller can break. Every enforcement action names one."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("what the rule requires"))
    how_to_comply = models.TextField(_("how to comply"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("policy rule")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Detector(models.Model):
    """An automated system that flags listings or accounts; its overturn rate is watched."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    version = models.CharField(_("current version"), max_length=32)
    description = models.TextField(_("what it looks for"), blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("detector")

    def __str__(self) -> str:
        return f"{self.name} v{self.version}"


class ActionKind(models.TextChoices):
    WARNING = "warning", _("Warning")
    LISTING_REMOVED = "listing_removed", _("Listing removed")
    LISTING_RESTRICTED = "listing_restricted", _("Listing restricted")
    ACCOUNT_RESTRICTED = "account_restricted", _("Account restricted")
    ACCOUNT_SUSPENDED = "account_suspended", _("Account suspended")
    FUNDS_HELD = "funds_held", _("Funds held")


# The account status an action puts the account in (other kinds leave the status alone).
STATUS_OF_ACTION = {
    ActionKind.ACCOUNT_RESTRICTED: AccountStatus.RESTRICTED,
    ActionKind.ACCOUNT_SUSPENDED: AccountStatus.SUSPENDED,
}


class ItemKind(models.TextChoices):
    LISTING = "listing", _("Listing")
    ORDER = "order", _("Order")
    ASIN = "asin", _("ASIN")
    SKU = "sku", _("SKU")


class ActionSource(models.TextChoices):
    DETECTOR = "detector", _("Automated detector")
    COMPLAINT = "complaint", _("Complaint")
    REVIEWER = "reviewer", _("Reviewer")


class ActionStatus(models.TextChoices):
    ACTIVE = "active", _("In force")
    REVERSED = "reversed", _("Reversed")


class EnforcementAction(models.Model):
    seller_account = models.ForeignKey("accounts.SellerAccount", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("action"), max_length=24, choices=ActionKind.choices)
    rule = models.ForeignKey(PolicyRule, on_delete=models.PROTECT, related_name="actions", verbose_name=_("rule"))
    # [{"kind": "listing"|"order"|"asin"|"sku", "id": "..."}], at least one.
    items = models.JSONField(_("items"), default=list)
    evidence = models.TextField(_("evidence"))
    source = models.CharField(_("source"), max_length=12, choices=ActionSource.choices)
    detector = models.ForeignKey(Detector, null=True, blank=True, on_delete=models.PROTECT, related_name="actions")
    detector_version = models.CharField(max_length=32, blank=True)
    detector_confidence = models.FloatField(null=True, blank=True)
    complaint = models.ForeignKey(
        "performance.Complaint", null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    amount_held = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    status = models.CharField(max_length=10, choices=ActionStatus.choices, default=ActionStatus.ACTIVE)
    # For account-level actions: the status before and the one the action set.
    account_status_before = models.CharField(max_length=20, choices=AccountStatus.choices, blank=True)
    account_status_after = models.CharField(max_length=20, choices=AccountStatus.choices, blank=True)
    # The notice the seller received, written from the facts above (performance.notices).
    notice = models.TextField()
    created_at = models.DateTimeField(default=clock.now)
    reversed_at = models.DateTimeField(null=True, blank=True)
    reversal_reason = models.TextField(blank=True)
    # A client's key for the request that took the action: a retry with it returns this action.
    idempotency_key = models.CharField(max_length=128, null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["seller_account", "-created_at"], name="action_seller_time"),
            models.Index(fields=["detector", "created_at"], name="action_detector_time"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["created_by", "idempotency_key"],
                condition=models.Q(idempotency_key__isnull=False),
                name="action_idempotency_key_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.rule.code}"


# --- complaints ----------------------------------------------------------------------------------


class ComplainantKind(models.TextChoices):
    BUYER = "buyer", _("Buyer")
    RIGHTS_OWNER = "rights_owner", _("Rights owner")
    SELLER = "seller", _("Another seller")


class ComplaintStatus(models.TextChoices):
    RECEIVED = "received", _("Awaiting validation")
    VALIDATED = "validated", _("Validated")
    REJECTED = "rejected", _("Rejected")


class Credibility(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class Complaint(models.Model):
    """A complaint against a seller or one of their listings. Only a validated complaint may lead
    to enforcement; the credibility signals help the validating agent decide."""

    external_id = models.CharField(max_length=128, null=True, blank=True, unique=True)
    seller_account = models.ForeignKey("accounts.SellerAccount", on_delete=models.PROTECT, related_name="+")
    listing_id = models.CharField(_("listing"), max_length=64, blank=True)
    order_id = models.CharField(_("order"), max_length=64, blank=True)
    product_category = models.CharField(_("product category"), max_length=64, blank=True)
    rule = models.ForeignKey(PolicyRule, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    complainant_kind = models.CharField(_("complainant"), max_length=14, choices=ComplainantKind.choices)
    complainant_id = models.CharField(_("complainant's marketplace id"), max_length=64)
    complainant_since = models.DateField(_("complainant's account opened"), null=True, blank=True)
    verified_purchase = models.BooleanField(_("verified purchase"), null=True, blank=True)
    description = models.TextField(_("complaint"))
    signals = models.JSONField(default=dict, blank=True)
    credibility = models.CharField(max_length=8, choices=Credibility.choices)
    credibility_score = models.SmallIntegerField(default=0)
    status = models.CharField(max_length=10, choices=ComplaintStatus.choices, default=ComplaintStatus.RECEIVED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["complainant_id", "created_at"], name="complaint_by_complainant"),
            models.Index(fields=["status", "-created_at"], name="complaint_status"),
        ]


# --- appeals -------------------------------------------------------------------------------------


class AppealStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Under review")
    MORE_INFO = "more_info", _("More information needed")
    APPROVED = "approved", _("Approved")
    DENIED = "denied", _("Denied")
    ESCALATED = "escalated", _("Escalated to senior review")


class AppealDecision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    DENY = "deny", _("Deny")
    MORE_INFO = "more_info", _("Ask for more information")


OPEN_APPEAL_STATUSES = [AppealStatus.SUBMITTED, AppealStatus.MORE_INFO, AppealStatus.ESCALATED]


class Appeal(models.Model):
    """A seller's appeal of one enforcement action, with a structured plan of action. It is worked
    as a case in the appeals category (the seller_performance queue, with an appeal-decision SLA)."""

    action = models.ForeignKey(EnforcementAction, on_delete=models.PROTECT, related_name="appeals")
    seller_account = models.ForeignKey("accounts.SellerAccount", on_delete=models.PROTECT, related_name="+")
    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="appeal")
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    via_recovery = models.BooleanField(default=False)
    root_cause = models.TextField(_("root cause"))
    corrective_actions = models.TextField(_("corrective actions taken"))
    preventive_measures = models.TextField(_("preventive measures"))
    status = models.CharField(max_length=10, choices=AppealStatus.choices, default=AppealStatus.SUBMITTED)
    decision_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    escalation_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["action"],
                condition=models.Q(status__in=["submitted", "more_info", "escalated"]),
                name="one_open_appeal_per_action",
            )
        ]


# --- recovery channel ----------------------------------------------------------------------------


class RecoveryMethod(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone (text message)")
    DOCUMENTS = "documents", _("Identity documents reviewed by an agent")


class RecoveryReason(models.TextChoices):
    SUSPENDED = "suspended", _("My account is suspended or deactivated")
    COMPROMISED = "compromised", _("Someone else has taken over my account")
    NO_ACCESS = "no_access", _("I cannot sign in")


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Not accepted")


class RecoveryRequest(models.Model):
    """One attempt to prove who you are without signing in. A request is stored even when the
    details match no account (so the answer and the rate limits are the same either way); only its
    one-time code's hash is kept."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    seller_account = models.ForeignKey(
        "accounts.SellerAccount", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    method = models.CharField(max_length=9, choices=RecoveryMethod.choices)
    reason = models.CharField(max_length=12, choices=RecoveryReason.choices)
    # Hashes only: the seller id as typed and the client's address, for the rate limits.
    subject_hash = models.CharField(max_length=64, db_index=True)
    client_hash = models.CharField(max_length=64, db_index=True)
    code_hash = models.CharField(max_length=64)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=clock.now)
    expires_at = models.DateTimeField()
    verified_at = models.DateTimeField(null=True, blank=True)
    # Documents: the address the code goes to once an agent has accepted the documents, and the
    # agent's review (staff only; the documents never appear in the seller portal).
    contact_email = models.EmailField(blank=True)
    review = models.CharField(max_length=8, choices=ReviewStatus.choices, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_reason = models.TextField(blank=True)
    # The review's deadline (RECOVERY["REVIEW_HOURS"] after the documents arrived), and when the
    # reviewing staff were told it had passed.
    review_due_at = models.DateTimeField(null=True, blank=True)
    overdue_notified_at = models.DateTimeField(null=True, blank=True)
    # A verified request opens a recovery session until this instant; the browser holds the secret,
    # we keep its hash.
    session_hash = models.CharField(max_length=64, blank=True)
    session_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            # The identity review queue and its overdue sweep read exactly this.
            models.Index(
                fields=["review_due_at"], condition=models.Q(review="pending"), name="recovery_review_pending_due"
            ),
        ]

    @property
    def review_overdue(self) -> bool:
        return (
            self.review == ReviewStatus.PENDING and self.review_due_at is not None and self.review_due_at <= clock.now()
        )


def recovery_document_path(instance: "RecoveryDocument", filename: str) -> str:
    return f"recovery/{instance.request_id}/{clock.now():%Y%m%d%H%M%S}-{filename}"


class RecoveryDocument(models.Model):
    """An identity document sent through the recovery channel, for an agent to review."""

    request = models.ForeignKey(RecoveryRequest, on_delete=models.PROTECT, related_name="documents")
    file = models.FileField(upload_to=recovery_document_path, max_length=300)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=clock.now)
