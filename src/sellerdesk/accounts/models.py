"""People and organisations: seller accounts and their users, agents, teams and their tiers."""

import zoneinfo

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from sellerdesk.cases.categories import Category
from sellerdesk.core import clock

from .capabilities import Capability


def validate_timezone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value}) from exc


def validate_categories(value: list) -> None:
    unknown = set(value or []) - set(Category.values)
    if unknown:
        raise ValidationError(_("Unknown categories: %(names)s"), params={"names": ", ".join(sorted(unknown))})


class Role(models.TextChoices):
    SELLER = "seller", _("Seller")
    AGENT = "agent", _("Agent")
    LEAD = "lead", _("Team lead")
    ADMIN = "admin", _("Admin")


class Tier(models.TextChoices):
    TIER1 = "tier1", _("Tier 1")
    TIER2 = "tier2", _("Tier 2")
    SELLER_PERFORMANCE = "seller_performance", _("Seller performance")
    PAYMENTS = "payments", _("Payments")
    SENIOR = "senior", _("Senior escalations")


class Segment(models.TextChoices):
    STANDARD = "standard", _("Standard")
    HIGH_VOLUME = "high_volume", _("High volume")
    STRATEGIC = "strategic", _("Strategic")


class AccountStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    UNDER_REVIEW = "under_review", _("Under review")
    RESTRICTED = "restricted", _("Restricted")
    SUSPENDED = "suspended", _("Suspended")
    DEACTIVATED = "deactivated", _("Deactivated")


class SellerAccount(models.Model):
    name = models.CharField(_("business name"), max_length=200)
    marketplace_seller_id = models.CharField(_("marketplace seller id"), max_length=64, unique=True)
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166-1 alpha-2 code"))
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC", validators=[validate_timezone])
    languages = models.JSONField(_("languages"), default=list, blank=True, help_text=_('e.g. ["en", "es"]'))
    segment = models.CharField(_("segment"), max_length=20, choices=Segment.choices, default=Segment.STANDARD)
    status = models.CharField(
        _("account status"), max_length=20, choices=AccountStatus.choices, default=AccountStatus.ACTIVE
    )
    # Where the recovery channel sends one-time codes when the seller cannot sign in.
    registered_email = models.EmailField(_("registered e-mail address"), blank=True)
    registered_phone = models.CharField(
        _("registered phone"), max_length=20, blank=True, help_text=_("International format, e.g. +34600111222")
    )
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("seller account")

    def __str__(self) -> str:
        return f"{self.name} ({self.marketplace_seller_id})"

    @property
    def primary_language(self) -> str:
        return (self.languages or ["en"])[0]


class SellerdeskUserManager(UserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        # `sellerdesk createsuperuser` makes an admin, not a seller without an account.
        extra_fields.setdefault("role", Role.ADMIN)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """Anyone who signs in. A seller user belongs to one seller account; agents belong to teams."""

    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.SELLER)
    seller_account = models.ForeignKey(
        SellerAccount,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        verbose_name=_("seller account"),
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_timezone],
        help_text=_("Times are shown in this zone; empty means the account's zone."),
    )
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)

    objects = SellerdeskUserManager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="seller") | models.Q(seller_account__isnull=False),
                name="seller_user_has_account",
            ),
        ]

    @property
    def is_seller(self) -> bool:
        return self.role == Role.SELLER

    @property
    def is_agent(self) -> bool:
        """Agents, team leads and admins all work cases in the workspace."""
        return self.role in (Role.AGENT, Role.LEAD, Role.ADMIN)

    @property
    def effective_timezone(self) -> str:
        if self.timezone:
            return self.timezone
        if self.seller_account_id:
            return self.seller_account.timezone
        return "UTC"

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class Team(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    tier = models.CharField(_("tier"), max_length=20, choices=Tier.choices)
    languages = models.JSONField(_("languages"), default=list, blank=True, help_text=_('e.g. ["en", "es"]'))
    categories = models.JSONField(_("categories served"), default=list, blank=True, validators=[validate_categories])
    members = models.ManyToManyField(User, through="TeamMembership", related_name="teams")
    calendar = models.ForeignKey(
        "sla.BusinessCalendar",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="teams",
        verbose_name=_("business calendar"),
        help_text=_("When the team works; empty means around the clock."),
    )

    class Meta:
        ordering = ["tier", "name"]

    def __str__(self) -> str:
        return self.name


class TeamMembership(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    is_lead = models.BooleanField(_("team lead"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="one_membership_per_team")]

    def __str__(self) -> str:
        return _("%(user)s in %(team)s") % {"user": self.user, "team": self.team}


class ApiToken(models.Model):
    """A bearer token for the REST API. Only its SHA-256 is stored; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=clock.now)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return _("token of %(user)s (expires %(date)s)") % {"user": self.user, "date": f"{self.expires_at:%Y-%m-%d}"}


class TierCapability(models.Model):
    """One row of the capability matrix: this tier may take this action (up to an amount)."""

    tier = models.CharField(_("tier"), max_length=20, choices=Tier.choices)
    capability = models.CharField(_("capability"), max_length=40, choices=Capability.choices)
    max_amount_usd = models.DecimalField(
        _("limit (USD)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("For money actions: the most this tier may issue, in USD. Empty means no limit."),
    )

    class Meta:
        ordering = ["tier", "capability"]
        verbose_name = _("tier capability")
        verbose_name_plural = _("capability matrix")
        constraints = [models.UniqueConstraint(fields=["tier", "capability"], name="one_row_per_tier_capability")]

    def __str__(self) -> str:
        return f"{self.get_tier_display()}: {self.capability}"
