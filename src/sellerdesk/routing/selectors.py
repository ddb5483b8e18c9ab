"""Which team owns a new case."""

from sellerdesk.accounts.models import Team, Tier

# Lower is preferred: a new case goes to the first line that serves it before specialists.
TIER_ORDER = {Tier.TIER1: 0, Tier.SELLER_PERFORMANCE: 1, Tier.PAYMENTS: 1, Tier.TIER2: 2, Tier.SENIOR: 3}


def team_for_new_case(*, category: str, language: str) -> Team | None:
    """The team that serves this category, preferring one that speaks the seller's language,
    then the lowest tier; a team serving every category (empty list) comes next."""
    teams = list(Team.objects.only("id", "name", "tier", "languages", "categories"))
    if not teams:
        return None

    def rank(team: Team) -> tuple:
        serves = category in (team.categories or [])
        catch_all = not team.categories
        speaks = language in (team.languages or [])
        return (not serves, not catch_all, not speaks, TIER_ORDER.get(team.tier, 9), team.name)

    # Every case has an owner: with no team for the category, the best-speaking first line takes it.
    return min(teams, key=rank)
