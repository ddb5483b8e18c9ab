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
