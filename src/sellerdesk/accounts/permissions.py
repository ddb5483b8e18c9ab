"""Who may see and do what. Every service and selector asks here; no view filters by hand.

The rules:
- A seller user sees only the cases of their own seller account. Another account's case does not
  exist for them (404, never 403, so existence does not leak).
- An agent or team lead sees the cases owned by the teams they belong to, and cases assigned to
  them personally. An admin sees every case.
- Internal notes, and events marked internal, are for agents only.
"""

from django.db.models import Q

from sellerdesk.core.errors import CoreError, SellerdeskError, not_found

from .models import Role, User


def case_scope(user: User) -> Q:
    """A filter on Case selecting exactly the cases this user may see."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.role == Role.ADMIN:
        return Q()
    if user.role == Role.SELLER:
        return Q(seller_account_id=user.seller_account_id) if user.seller_account_id else Q(pk__in=[])
    return Q(team_id__in=team_ids(user)) | Q(assignee_id=user.pk)


def team_ids(user: User) -> list[int]:
    """The ids of the teams an agent belongs to (cached on the user object for the request)."""
    cached = getattr(user, "_team_ids", None)
    if cached is None:
        cached = list(user.memberships.values_list("team_id", flat=True))
        user._team_ids = cached
    return cached


def lead_team_ids(user: User) -> list[int]:
    return list(user.memberships.filter(is_lead=True).values_list("team_id", flat=True))


def get_case_for(user: User, case_id: int, *, for_update: bool = False):
    """The case with this id if the user may see it; otherwise a `not_found` error."""
    from sellerdesk.cases.models import Case

    qs = Case.objects.filter(case_scope(user), pk=case_id)
    if for_update:
        # Lock only the case row: PostgreSQL refuses FOR UPDATE on the nullable side of the outer
        # joins that select_related adds for team and assignee.
        qs = qs.select_for_update(of=("self",))
    case = qs.select_related("seller_account", "team", "assignee").first()
    if case is None:
        raise not_found("There is no case with this number.")
    return case


def can_see_internal(user: User) -> bool:
    return user.is_authenticated and user.is_agent


def require_agent(user: User, action: str) -> None:
    if not (user.is_authenticated and user.is_agent):
        raise SellerdeskError(CoreError.PERMISSION_DENIED, f"Only support agents may {action}.")


def require_seller(user: User, action: str) -> None:
    if not (user.is_authenticated and user.role == Role.SELLER and user.seller_account_id):
        raise SellerdeskError(CoreError.PERMISSION_DENIED, f"Only seller users may {action}.")


def can_work_case(user: User, case) -> bool:
    """Agents act on cases of their teams (or assigned to them); admins on all."""
    if not (user.is_authenticated and user.is_agent):
        return False
    if user.role == Role.ADMIN:
        return True
    return case.team_id in team_ids(user) or case.assignee_id == user.pk


def require_case_worker(user: User, case, action: str) -> None:
    if not can_work_case(user, case):
        raise SellerdeskError(CoreError.PERMISSION_DENIED, f"Only agents of the owning team may {action} on this case.")


def can_assign_others(user: User, case) -> bool:
    """Admins, and the leads of the case's team, give cases to agents; everyone else takes them."""
    if not (user.is_authenticated and user.is_agent):
        return False
    return user.role == Role.ADMIN or (case.team_id is not None and case.team_id in lead_team_ids(user))


def may_be_assigned(agent: User, case) -> bool:
    """A case can be assigned to an active agent of its team (or to any admin)."""
    if not (agent.is_active and agent.is_agent):
        return False
    return agent.role == Role.ADMIN or (case.team_id is not None and case.team_id in team_ids(agent))
