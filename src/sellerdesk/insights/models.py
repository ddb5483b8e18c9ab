"""Insights: spike alerts on daily counts (per case category, policy rule and detector), the e-mails
that told team leads about them, and the incident banners operators post for affected sellers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sellerdesk.core import clock


class AlertKind(models.TextChoices):
    CATEGORY = "category", _("Case category")
    RULE = "rule", _("Policy rule")
    DETECTOR = "detector", _("Detector")


class Alert(models.Model):
    """One key (a category, a rule code or a detector name) whose count on one day (UTC) stood out
    from the 28 days before it. Written by the spike sweep, which updates the count when it runs
    again the same day; acknowledged by a lead."""

    kind = models.CharField(_("kind"), max_length=10, choices=AlertKind.choices)
    key = models.CharField(_("key"), max_length=80)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("count"))
    baseline_mean = models.FloatField(_("baseline mean"))
    baseline_std = models.FloatField(_("baseline standard deviation"))
    threshold = models.FloatField(_("threshold"))
    # Ids of up to five cases (category) or enforcement actions (rule, detector) of that day.
    examples = models.JSONField(_("examples"), default=list, blank=True)
    created_at = models.DateTimeField(default=clock.now)
    updated_at = models.DateTimeField(default=clock.now)
    # When the team leads were e-mailed (once per alert, by insights.tasks.notify_alert).
    notified_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-day", "-count", "pk"]
        constraints = [models.UniqueConstraint(fields=["kind", "key", "day"], name="one_alert_per_key_and_day")]
        indexes = [models.Index(fields=["-day", "acknowledged_at"], name="alert_recent")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key} {self.day} ({self.count})"


class AlertNotification(models.Model):
    """One e-mail about one alert to one lead: lets the task be retried without sending twice."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="notifications")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    email = models.EmailField()
    sent_at = models.DateTimeField(default=clock.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["alert", "recipient"], name="one_alert_notification_per_recipient")
        ]


class KeptQuerySet(models.QuerySet):
    def delete(self):
        raise TypeError("Incidents are kept as the record of what sellers were told: they are ended, not deleted.")


class Incident(models.Model):
    """A banner that tells affected sellers about a known problem. With no affected categories,
    rules, detectors or countries it concerns everyone (see insights.incidents.active_for).
    Never deleted: who posted it, and who ended it when, is its audit trail."""

    title = models.CharField(_("title"), max_length=200)
    message = models.TextField(_("message"))
    # Optional Spanish text, shown to sellers reading the portal in Spanish.
    title_es = models.CharField(_("title in Spanish"), max_length=200, blank=True)
    message_es = models.TextField(_("message in Spanish"), blank=True)
    categories = models.JSONField(_("affected case categories"), default=list, blank=True)
    rule_codes = models.JSONField(_("affected policy rules"), default=list, blank=True)
    detector_names = models.JSONField(_("affected detectors"), default=list, blank=True)
    countries = models.JSONField(_("affected countries"), default=list, blank=True)
    starts_at = models.DateTimeField(_("starts"), default=clock.now)
    # A planned end: after it the banner is no longer shown, even if nobody ends the incident.
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    alert = models.ForeignKey(Alert, null=True, blank=True, on_delete=models.PROTECT, related_name="incidents")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=clock.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = KeptQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        indexes = [models.Index(fields=["ended_at", "starts_at"], name="incident_live")]

    def __str__(self) -> str:
        return self.title

    def delete(self, *args, **kwargs):
        raise TypeError("Incidents are kept as the record of what sellers were told: they are ended, not deleted.")

    @property
    def for_everyone(self) -> bool:
        return not (self.categories or self.rule_codes or self.detector_names or self.countries)

    def is_active_at(self, now) -> bool:
        return self.ended_at is None and self.starts_at <= now and (self.ends_at is None or self.ends_at > now)

    def title_in(self, language: str) -> str:
        return self.title_es if language.startswith("es") and self.title_es else self.title

    def message_in(self, language: str) -> str:
        return self.message_es if language.startswith("es") and self.message_es else self.message
