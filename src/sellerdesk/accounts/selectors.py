from sellerdesk.accounts import permissions

from .models import Team, User


def teams_of(user: User) -> list[Team]:
    return list(Team.objects.filter(pk__in=permissions.team_ids(user)).order_by("tier", "name"))


def assignable_agents(team: Team | None) -> list[User]:
    """Active agents of a team, for a lead's assign menu."""
    if team is None:
        return []
    return list(team.members.filter(is_active=True).order_by("first_name", "username"))
