"""What each tier may do: the capability matrix.

The matrix lives in the database (`TierCapability`, editable in the admin) and starts from the
seed migration accounts/0003. Services call `require_capability`; pages call `capabilities_for` to show only the
actions a person may take. A refusal names the tiers that can do it, so an agent knows where to go.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sellerdesk.core.errors import SellerdeskError

from .errors import AccountsError


class Capability(models.TextChoices):
    REPLY = "reply", _("Reply to the seller")
    INTERNAL_NOTE = "internal_note", _("Write internal notes")
    CHANGE_STATUS = "change_status", _("Change the case status")
    ASSIGN = "assign", _("Assign cases")
    TRANSFER = "transfer", _("Transfer to another team")
    MAKE_COMMITMENT = "make_commitment", _("Make a commitment to the seller")
    REQUEST_CARRIER_REPICKUP = "request_carrier_repickup", _("Request a carrier re-pickup")
    OPEN_INVESTIGATION = "open_investigation", _("Open a warehouse or carrier investigation")
    ISSUE_REIMBURSEMENT = "issue_reimbursement", _("Issue a reimbursement")
    REINSTATE_LISTING = "reinstate_listing", _("Reinstate a listing")
    CHANGE_ACCOUNT_STATUS = "change_account_status", _("Change a seller account's status")
    DECIDE_APPEAL = "decide_appeal", _("Decide an appeal")
    RELEASE_FUNDS = "release_funds", _("Release held funds")
    RESET_ACCOUNT_ACCESS = "reset_account_access", _("Reset account access (2FA, e-mail)")


# Actions every tier has: working a case at all.
BASIC = [
    Capability.REPLY,
    Capability.INTERNAL_NOTE,
    Capability.CHANGE_STATUS,
    Capability.ASSIGN,
    Capability.TRANSFER,
    Capability.MAKE_COMMITMENT,
]

# The starting matrix is seeded by migration accounts/0003_seed_capability_matrix and then
# edited in the admin (Accounts › Capability matrix).


def to_usd(amount: Decimal, currency: str) -> Decimal:
    """Limits are kept in USD; other currencies convert at the operator's configured rates."""
    rates = settings.SELLERDESK["FX_TO_USD"]
    rate = rates.get((currency or "USD").upper())
    if rate is None:
        raise SellerdeskError(
            AccountsError.UNSUPPORTED_CURRENCY,
            gettext("Amounts in %(currency)s are not supported.") % {"currency": currency},
            fields={"currency": [gettext("Unsupported currency.")]},
        )
    return (Decimal(amount) * Decimal(str(rate))).quantize(Decimal("0.01"))


def tiers_with(capability: str, *, amount_usd: Decimal | None = None) -> list[str]:
    from .models import Tier, TierCapability

    rows = TierCapability.objects.filter(capability=capability)
    tiers = [r.tier for r in rows if amount_usd is None or r.max_amount_usd is None or r.max_amount_usd >= amount_usd]
    return [str(Tier(t).label) for t in Tier.values if t in tiers]


def tier_allows(tier: str | None, capability: str, *, amount_usd: Decimal | None = None) -> bool:
    from .models import TierCapability

    if tier is None:
        return False
    row = TierCapability.objects.filter(tier=tier, capability=capability).first()
    if row is None:
        return False
    return amount_usd is None or row.max_amount_usd is None or amount_usd <= row.max_amount_usd


def acting_tier(user, case) -> str | None:
    """The tier someone acts in on this case: the tier of the case's team when they are in it."""
    from . import permissions

    if case.team_id is not None and case.team_id in permissions.team_ids(user):
        return case.team.tier
    return None


def may(user, case, capability: str, *, amount_usd: Decimal | None = None) -> bool:
    from .models import Role

    if user.role == Role.ADMIN:
        return True
    return tier_allows(acting_tier(user, case), capability, amount_usd=amount_usd)


def require_capability(user, case, capability: str, *, amount_usd: Decimal | None = None) -> None:
    """Refuses, naming who can, when the user's tier on this case may not take this action."""
    if may(user, case, capability, amount_usd=amount_usd):
        return
    label = Capability(capability).label
    able = tiers_with(capability, amount_usd=amount_usd)
    who = ", ".join(able) if able else gettext("no tier (ask an admin to configure it)")
    if amount_usd is not None and tier_allows(acting_tier(user, case), capability):
        raise SellerdeskError(
            AccountsError.OVER_LIMIT,
            gettext("%(action)s for %(amount)s USD is above your tier's limit. Tiers that can: %(who)s.")
            % {"action": label, "amount": amount_usd, "who": who},
        )
    raise SellerdeskError(
        AccountsError.MISSING_CAPABILITY,
        gettext("Your tier may not take this action: “%(action)s”. Tiers that can: %(who)s.")
        % {"action": label, "who": who},
    )


def may_anywhere(user, capability: str) -> bool:
    """For work on a seller account rather than a case: an admin, or a member of a team whose tier
    has this capability."""
    from . import permissions
    from .models import Role, Team, TierCapability

    if not (user.is_authenticated and user.is_active and user.is_agent):
        return False
    if user.role == Role.ADMIN:
        return True
    tiers = Team.objects.filter(pk__in=permissions.team_ids(user)).values_list("tier", flat=True)
    return TierCapability.objects.filter(tier__in=list(tiers), capability=capability).exists()


def require_capability_anywhere(user, capability: str) -> None:
    if may_anywhere(user, capability):
        return
    able = tiers_with(capability)
    who = ", ".join(able) if able else gettext("no tier (ask an admin to configure it)")
    raise SellerdeskError(
        AccountsError.MISSING_CAPABILITY,
        gettext("Your tier may not take this action: “%(action)s”. Tiers that can: %(who)s.")
        % {"action": Capability(capability).label, "who": who},
    )


def capabilities_for(user, case) -> set[str]:
    """Every capability this user has on this case (for showing only allowed actions)."""
    from .models import Role, TierCapability

    if user.role == Role.ADMIN:
        return set(Capability.values)
    tier = acting_tier(user, case)
    if tier is None:
        return set()
    return set(TierCapability.objects.filter(tier=tier).values_list("capability", flat=True))


def matrix() -> list[tuple[str, str]]:
    """Every (tier, capability) pair of the configured matrix."""
    from .models import TierCapability

    return list(TierCapability.objects.order_by("tier", "capability").values_list("tier", "capability"))
