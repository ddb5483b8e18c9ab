"""Business calendars: when a team works. SLA targets count only open time on the owning team's
calendar (the SLA policies themselves come with the SLA engine)."""

import datetime as dt
import functools
import zoneinfo

import holidays
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from sellerdesk.accounts.models import validate_timezone

from .business_time import Schedule

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def validate_hours(value) -> None:
    """`{"mon": [["09:00", "17:00"]], ...}`: per weekday, ordered non-overlapping local periods;
    "24:00" closes at midnight."""
    if not isinstance(value, dict) or set(value) - set(WEEKDAYS):
        raise ValidationError(_("Use the weekday keys mon, tue, wed, thu, fri, sat, sun."))
    for day, periods in value.items():
        try:
            parsed = [(_parse(a), _parse(b)) for a, b in periods]
        except (TypeError, ValueError) as exc:
            raise ValidationError(_('%(day)s: give periods as ["09:00", "17:00"].') % {"day": day}) from exc
        for (start, end), following in zip(parsed, [*parsed[1:], None], strict=True):
            if end <= start or (following is not None and following[0] < end):
                raise ValidationError(_("%(day)s: periods must be in order and must not overlap.") % {"day": day})


def _parse(text: str) -> dt.time:
    return dt.time.max if text == "24:00" else dt.time.fromisoformat(text)


class BusinessCalendar(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC", validators=[validate_timezone])
    always_open = models.BooleanField(_("open around the clock (24/7)"), default=False)
    hours = models.JSONField(
        _("working hours"),
        default=dict,
        blank=True,
        validators=[validate_hours],
        help_text=_('Per weekday, e.g. {"mon": [["09:00", "17:00"]], "sat": []}. "24:00" closes at midnight.'),
    )
    holiday_country = models.CharField(
        _("public holidays of"), max_length=2, blank=True, help_text=_("ISO country code, e.g. ES; empty for none.")
    )
    holiday_subdivision = models.CharField(_("region"), max_length=10, blank=True, help_text=_("e.g. MD, CA"))

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.holiday_country:
            try:
                holidays.country_holidays(self.holiday_country.upper(), subdiv=self.holiday_subdivision or None)
            except (NotImplementedError, KeyError) as exc:
                raise ValidationError(
                    {"holiday_country": _("No public holidays are known for this country/region.")}
                ) from exc
        if not self.always_open and not any(self.hours.get(day) for day in WEEKDAYS):
            raise ValidationError({"hours": _("Give working hours, or mark the calendar as open 24/7.")})

    def schedule(self) -> Schedule:
        """The calendar as the business-time maths uses it (holidays and closures included)."""
        closures = set(self.closures.values_list("date", flat=True))
        public = _public_holidays(self.holiday_country.upper(), self.holiday_subdivision or None)
        return Schedule(
            zone=zoneinfo.ZoneInfo(self.timezone),
            hours={i: [(_parse(a), _parse(b)) for a, b in self.hours.get(day, [])] for i, day in enumerate(WEEKDAYS)},
            is_closed=lambda day: day in closures or (public is not None and day in public),
            always_open=self.always_open,
        )


@functools.cache
def _public_holidays(country: str, subdivision: str | None):
    # The holidays object fills in years on demand; one per country and region per process.
    return holidays.country_holidays(country, subdiv=subdivision) if country else None


class CalendarClosure(models.Model):
    """A custom closed day (a team offsite, a local holiday the package does not know)."""

    calendar = models.ForeignKey(BusinessCalendar, on_delete=models.CASCADE, related_name="closures")
    date = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["calendar", "date"], name="one_closure_per_day")]

    def __str__(self) -> str:
        return f"{self.calendar}: {self.date}"


# --- SLA policies, their escalation ladders and the targets of each case ---------------------------


class TargetKind(models.TextChoices):
    FIRST_RESPONSE = "first_response", _("First response")
    NEXT_RESPONSE = "next_response", _("Next response")
    RESOLUTION = "resolution", _("Resolution")
    CALL_BACK = "call_back", _("Call-back")
    APPEAL_DECISION = "appeal_decision", _("Appeal decision")


RESPONSE_KINDS = (TargetKind.FIRST_RESPONSE, TargetKind.NEXT_RESPONSE)


class SlaState(models.TextChoices):
    OK = "ok", _("On time")
    WARNING = "warning", _("At risk")
    BREACHED = "breached", _("Breached")
    PAUSED = "paused", _("Paused")


@deconstructible
class ChoiceListValidator:
    """A JSON list whose items are all among `choices`."""

    def __init__(self, choices):
        self.choices = list(choices)

    def __call__(self, value) -> None:
        if not isinstance(value, list) or any(v not in self.choices for v in value):
            raise ValidationError(_("Use a list of: %(choices)s.") % {"choices": ", ".join(self.choices)})

    def __eq__(self, other) -> bool:
        return isinstance(other, ChoiceListValidator) and other.choices == self.choices


class SlaPolicy(models.Model):
    """Targets for the cases it matches. Policies are tried in `position` order; the first whose
    conditions all hold applies (an empty condition matches everything). Targets count open time on
    the owning team's calendar."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    position = models.PositiveIntegerField(_("position"), default=100, help_text=_("Lower positions are tried first."))
    active = models.BooleanField(_("active"), default=True)
    categories = models.JSONField(_("categories"), default=list, blank=True)
    priorities = models.JSONField(_("priorities"), default=list, blank=True)
    urgent = models.BooleanField(_("urgent"), null=True, blank=True, help_text=_("Empty matches both."))
    segments = models.JSONField(_("seller segments"), default=list, blank=True)
    channels = models.JSONField(_("channels"), default=list, blank=True)
    team_tiers = models.JSONField(
        _("owning team's tiers"), default=list, blank=True, help_text=_('e.g. ["senior"] for executive escalations')
    )
    first_response_minutes = models.PositiveIntegerField(_("first response (business minutes)"), default=24 * 60)
    next_response_minutes = models.PositiveIntegerField(_("next response (business minutes)"), default=24 * 60)
    resolution_minutes = models.PositiveIntegerField(
        _("resolution (business minutes)"), null=True, blank=True, help_text=_("Empty: no resolution target.")
    )
    call_back_minutes = models.PositiveIntegerField(_("call-back (business minutes)"), default=48 * 60)
    appeal_decision_minutes = models.PositiveIntegerField(
        _("appeal decision (business minutes)"), default=72 * 60, help_text=_("For cases in the appeals category.")
    )
    warning_percent = models.PositiveSmallIntegerField(
        _("at risk from (% of the target)"), default=75, help_text=_("The target shows as at risk from here.")
    )
    ceiling_hours = models.PositiveIntegerField(
        _("hard ceiling (hours)"),
        null=True,
        blank=True,
        help_text=_(
            "Clock hours from the case's opening that no pause extends: when reached, the leads and the "
            "administrators are told. Meant for executive escalations."
        ),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("SLA policy")
        verbose_name_plural = _("SLA policies")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from sellerdesk.accounts.models import Segment, Tier
        from sellerdesk.cases.categories import Category
        from sellerdesk.cases.models import Channel, Priority

        errors = {}
        for field, choices in (
            ("categories", Category.values),
            ("priorities", Priority.values),
            ("segments", Segment.values),
            ("channels", Channel.values),
            ("team_tiers", Tier.values),
        ):
            try:
                ChoiceListValidator(choices)(getattr(self, field))
            except ValidationError as exc:
                errors[field] = exc.messages
        if not 1 <= self.warning_percent < 100:
            errors["warning_percent"] = [_("Choose a percentage between 1 and 99.")]
        for field in (
            "first_response_minutes",
            "next_response_minutes",
            "call_back_minutes",
            "appeal_decision_minutes",
        ):
            if not getattr(self, field):
                errors[field] = [_("A target must be at least one minute.")]
        if errors:
            raise ValidationError(errors)

    def matches(self, *, category: str, priority: str, urgent: bool, segment: str, channel: str, tier: str) -> bool:
        return (
            (not self.categories or category in self.categories)
            and (not self.priorities or priority in self.priorities)
            and (self.urgent is None or self.urgent == urgent)
            and (not self.segments or segment in self.segments)
            and (not self.channels or channel in self.channels)
            and (not self.team_tiers or tier in self.team_tiers)
        )

    def minutes_for(self, kind: str) -> int | None:
        return getattr(self, f"{kind}_minutes")


class LadderAction(models.TextChoices):
    WARN_OWNER = "warn_owner", _("Warn the owner")
    NOTIFY_LEAD = "notify_lead", _("Notify the team's leads")
    REASSIGN = "reassign", _("Reassign within the team")
    ESCALATE_SENIOR = "escalate_senior", _("Escalate to the senior tier")


class LadderStep(models.Model):
    """One rung of a policy's escalation ladder: at `percent` of a target (of the listed kinds, or
    any), do `action`. Each step fires once per target, whatever the number of sweeps."""

    policy = models.ForeignKey(SlaPolicy, on_delete=models.CASCADE, related_name="steps")
    percent = models.PositiveSmallIntegerField(_("at % of the target"), help_text=_("100 is the breach; 200 is 2×."))
    action = models.CharField(_("action"), max_length=20, choices=LadderAction.choices)
    kinds = models.JSONField(
        _("for targets"),
        default=list,
        blank=True,
        validators=[ChoiceListValidator(TargetKind.values)],
        help_text=_('e.g. ["first_response", "next_response"]; empty for every target.'),
    )

    class Meta:
        ordering = ["percent", "pk"]
        constraints = [models.UniqueConstraint(fields=["policy", "percent", "action"], name="one_ladder_step_each")]

    def __str__(self) -> str:
        return f"{self.percent}%: {self.get_action_display()}"

    def applies_to(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds

    def clean(self) -> None:
        if not 1 <= (self.percent or 0) <= 1000:
            raise ValidationError({"percent": _("Choose a percentage between 1 and 1000.")})


class CaseTarget(models.Model):
    """One measured promise on one case. Time counts only while `running_since` is set (the case is
    not waiting on the seller), on the owning team's calendar; `used_seconds` is the open time
    already spent before the current run, so a pause never loses or resets it."""

    class Phase(models.TextChoices):
        RUNNING = "running", _("Running")
        PAUSED = "paused", _("Paused")
        MET = "met", _("Met")
        STOPPED = "stopped", _("No longer needed")

    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="sla_targets", db_index=False
    )  # sla_target_case
    kind = models.CharField(max_length=20, choices=TargetKind.choices)
    policy = models.ForeignKey(SlaPolicy, null=True, on_delete=models.SET_NULL, related_name="+")
    phase = models.CharField(max_length=10, choices=Phase.choices, default=Phase.RUNNING)
    target_seconds = models.PositiveIntegerField()
    used_seconds = models.FloatField(default=0)
    started_at = models.DateTimeField()
    running_since = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True)
    # When the sweep next has something to do for this target (a ladder step, the warning, the
    # breach or the ceiling); null when nothing is pending or the target does not run.
    next_step_at = models.DateTimeField(null=True, blank=True)
    fired_percent = models.PositiveSmallIntegerField(default=0)
    warned_at = models.DateTimeField(null=True, blank=True)
    breached_at = models.DateTimeField(null=True, blank=True)
    met_at = models.DateTimeField(null=True, blank=True)
    ceiling_at = models.DateTimeField(null=True, blank=True)
    ceiling_reached_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["started_at", "pk"]
        indexes = [
            models.Index(
                fields=["next_step_at"], name="sla_target_pending", condition=models.Q(next_step_at__isnull=False)
            ),
            models.Index(fields=["case", "kind"], name="sla_target_case"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "kind"],
                condition=models.Q(phase__in=["running", "paused"]),
                name="one_live_target_per_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.get_kind_display()} ({self.phase})"

    @property
    def live(self) -> bool:
        return self.phase in (self.Phase.RUNNING, self.Phase.PAUSED)
