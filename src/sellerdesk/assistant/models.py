"""What the local triage model said about each case, and the agents' corrections (kept as
training data for the next model)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sellerdesk.core import clock

from .labels import TIERS, URGENCIES


class Urgency(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    CRITICAL = "critical", _("Critical")


assert tuple(Urgency.values) == URGENCIES
TIER_CHOICES = [(t, t) for t in TIERS]


class CaseTriage(models.Model):
    """The model's reading of a new case: each prediction with its calibrated confidence, the
    references found in the text, and whether an agent should confirm it."""

    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="triage")
    model_version = models.CharField(max_length=64)
    language = models.CharField(max_length=8)
    language_confidence = models.FloatField()
    category = models.CharField(max_length=32)
    category_confidence = models.FloatField()
    urgency = models.CharField(max_length=10, choices=Urgency.choices)
    urgency_confidence = models.FloatField()
    tier = models.CharField(max_length=20, choices=TIER_CHOICES)
    tier_confidence = models.FloatField()
    references = models.JSONField(default=dict, blank=True)
    # The seller left the category open and the model was sure enough: the case took its category.
    category_applied = models.BooleanField(default=False)
    # A prediction the product relies on is below the confidence threshold: an agent confirms it.
    needs_review = models.BooleanField(default=False)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        indexes = [
            models.Index(fields=["case"], name="triage_review", condition=models.Q(needs_review=True)),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.category} / {self.urgency}"


class TriageCorrection(models.Model):
    """An agent's correction of one prediction, with the text it was about: the training data of
    the next model (`sellerdesk train-triage --with-db-corrections`)."""

    class Field(models.TextChoices):
        CATEGORY = "category", _("Category")
        URGENCY = "urgency", _("Urgency")
        TIER = "tier", _("Suggested tier")
        LANGUAGE = "language", _("Language")

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="triage_corrections")
    field = models.CharField(max_length=10, choices=Field.choices)
    predicted = models.CharField(max_length=32)
    corrected = models.CharField(max_length=32)
    corrected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    subject = models.CharField(max_length=200)
    text = models.TextField()
    model_version = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.field}: {self.predicted} → {self.corrected}"


# ------------------------------------------------------------------------------------------------ the virtual assistant


class Flow(models.Model):
    """A guided troubleshooting flow of one category: a decision tree of questions, articles, a case
    form to fill and ends (the format is checked by `assistant.flows.validate_flow`). Imported from
    the shipped files and editable by operators in the admin; every change bumps the version."""

    slug = models.SlugField(max_length=80, unique=True)
    category = models.CharField(max_length=32)
    title = models.JSONField(default=dict)
    definition = models.JSONField()
    version = models.PositiveIntegerField(default=1)
    active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(default=clock.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["category", "slug"]

    def __str__(self) -> str:
        return self.slug

    def title_in(self, language: str) -> str:
        return self.title.get(language) or self.title.get("en") or self.slug


class Conversation(models.Model):
    """A seller's conversation with the virtual assistant. `state` is where the seller is: the flow
    and its node, the form values given, the latest triage reading and the options offered."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        SOLVED = "solved", _("Solved")
        HANDED_OVER = "handed_over", _("Handed over to a person")
        ABANDONED = "abandoned", _("Abandoned")

    seller = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="conversations")
    seller_account = models.ForeignKey("accounts.SellerAccount", on_delete=models.PROTECT, related_name="+")
    language = models.CharField(max_length=8)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    state = models.JSONField(default=dict, blank=True)
    case = models.ForeignKey("cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=clock.now)
    updated_at = models.DateTimeField(default=clock.now)

    class Meta:
        indexes = [
            models.Index(fields=["seller", "-updated_at"], name="conversation_seller"),
            models.Index(fields=["created_at"], name="conversation_created"),
        ]

    def __str__(self) -> str:
        return f"{self.pk} ({self.status})"


class Turn(models.Model):
    """One turn of a conversation, the seller's or the assistant's (append-only). `data` holds what
    the turn carried: the articles shown, the options offered, a choice made, form values."""

    class Role(models.TextChoices):
        SELLER = "seller", _("Seller")
        ASSISTANT = "assistant", _("Assistant")

    conversation = models.ForeignKey(Conversation, on_delete=models.PROTECT, related_name="turns")
    role = models.CharField(max_length=10, choices=Role.choices)
    text = models.TextField()
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.conversation_id} {self.role}: {self.text[:40]}"
