"""Who may see and do what. Every service and selector asks here; no view filters by hand.

The rules:
- A seller user sees only the cases of their own seller account. Another account's case does not
  exist for them (404, never 403, so existence does not leak).
- An agent or team lead sees the cases owned by the teams they belong to (a case's assignee is
  always a member of its team). An admin sees every case.
- Internal notes, and events marked internal, are for agents only.
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
    # Only team membership: an assignee is always a member of the case's team (transfers unassign),
    # so an agent who leaves a team stops seeing its cases — and the queue query stays index-friendly.
    return Q(team_id__in=team_ids(user))


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
        raise not_found(_("There is no case with this number."))
    return case


def is_lead(user: User) -> bool:
    """Admins, and agents marked team lead on at least one team's membership: the lead view and the
    tiered-support metrics are theirs (for an agent, over the teams they lead)."""
    if not (user.is_authenticated and user.is_agent):
        return False
    return user.role == Role.ADMIN or bool(lead_team_ids(user))


# What only team leads and admins may do, each refusal a whole sentence.
LEAD_ONLY = {
    "see alerts": gettext_lazy("Only team leads and admins see spike alerts."),
    "acknowledge alerts": gettext_lazy("Only team leads and admins may acknowledge spike alerts."),
    "post incidents": gettext_lazy("Only team leads and admins may post incident banners."),
    "end incidents": gettext_lazy("Only team leads and admins may end incident banners."),
}


def require_lead(user: User, action: str) -> None:
    """Leads (of at least one team) and admins watch alerts and post incidents."""
    if not is_lead(user):
        message = LEAD_ONLY.get(action) or _("Only team leads and admins may do this.")
        raise SellerdeskError(CoreError.PERMISSION_DENIED, message)


def led_team_ids(user: User) -> list[int] | None:
    """The teams whose lead view and metrics this user sees: None (all) for admins."""
    return None if user.role == Role.ADMIN else lead_team_ids(user)


def can_see_internal(user: User) -> bool:
    return user.is_authenticated and user.is_agent


# The refusal for each `action` a service names, each a whole sentence so that it translates as a
# whole: a translated verb cannot be slotted into another language's sentence. `action` is a plain
# key — pass "transfer", not _("transfer"). An action missing here gets the general sentence of its
# rule; add the new action's sentence beside the others.
AGENT_ONLY = {
    "work cases": gettext_lazy("Only support agents may work cases."),
    "use this endpoint": gettext_lazy("Only support agents may use this endpoint."),
}
SELLER_ONLY = {
    "open cases": gettext_lazy("Only seller users may open cases."),
    "request an escalation": gettext_lazy("Only seller users may request an escalation."),
    "appeal": gettext_lazy("Only seller users may appeal an enforcement action."),
    "use the assistant": gettext_lazy("Only seller users may use the assistant."),
}
CASE_WORKER_ONLY = {
    "write": gettext_lazy("Only agents of the owning team may write on this case."),
    "change the status": gettext_lazy("Only agents of the owning team may change the status of this case."),
    "reopen": gettext_lazy("Only agents of the owning team may reopen this case."),
    "assign": gettext_lazy("Only agents of the owning team may assign this case."),
    "set a deadline": gettext_lazy("Only agents of the owning team may set a deadline on this case."),
    "work the playbook": gettext_lazy("Only agents of the owning team may work the playbook of this case."),
    "transfer": gettext_lazy("Only agents of the owning team may transfer this case."),
    "bounce a transfer": gettext_lazy("Only agents of the owning team may bounce a transfer of this case."),
    "take actions": gettext_lazy("Only agents of the owning team may take actions on this case."),
    "make commitments": gettext_lazy("Only agents of the owning team may make commitments on this case."),
    "update commitments": gettext_lazy("Only agents of the owning team may update commitments on this case."),
    "review the triage": gettext_lazy("Only agents of the owning team may review the triage of this case."),
    "decide the appeal": gettext_lazy("Only agents of the owning team may decide the appeal of this case."),
}


def require_agent(user: User, action: str) -> None:
    if not (user.is_authenticated and user.is_agent):
        message = AGENT_ONLY.get(action) or _("Only support agents may do this.")
        raise SellerdeskError(CoreError.PERMISSION_DENIED, message)


OPERATOR_ONLY = {
    "send performance data": gettext_lazy("Only operators (admin users and integrations) may send performance data."),
    "file complaints": gettext_lazy("Only operators (admin users and integrations) may file complaints."),
    "edit articles": gettext_lazy("Only operators (admin users) may edit knowledge-base articles."),
    "edit flows": gettext_lazy("Only operators (admin users) may edit troubleshooting flows."),
}


def is_operator(user: User) -> bool:
    """Operators run the marketplace's side: admin users, including the service users that
    integrations sign in as."""
    return user.is_authenticated and user.is_active and user.role == Role.ADMIN


def require_operator(user: User, action: str) -> None:
    if not is_operator(user):
        message = OPERATOR_ONLY.get(action) or _("Only operators may do this.")
        raise SellerdeskError(CoreError.PERMISSION_DENIED, message)


def seller_account_for(user: User, marketplace_seller_id: str | None):
    """The seller account whose performance data this user may read: a seller's own account (the
    id, if given, must be theirs), or for agents any account by its marketplace seller id. Anything
    else is `not_found`, so a seller cannot learn whether another seller id exists."""
    from .models import SellerAccount

    if not (user.is_authenticated and user.is_active):
        raise not_found(_("There is no such seller."))
    if user.role == Role.SELLER:
        account = user.seller_account
        if account is None or (marketplace_seller_id and marketplace_seller_id != account.marketplace_seller_id):
            raise not_found(_("There is no such seller."))
        return account
    if not marketplace_seller_id:
        raise SellerdeskError(
            CoreError.VALIDATION_ERROR,
            _("Name the seller."),
            fields={"seller": [_("Give the seller's marketplace seller id.")]},
        )
    account = SellerAccount.objects.filter(marketplace_seller_id=marketplace_seller_id).first()
    if account is None:
        raise not_found(_("There is no such seller."))
    return account


def require_seller(user: User, action: str) -> None:
    if not (user.is_authenticated and user.role == Role.SELLER and user.seller_account_id):
        message = SELLER_ONLY.get(action) or _("Only seller users may do this.")
        raise SellerdeskError(CoreError.PERMISSION_DENIED, message)


def can_work_case(user: User, case) -> bool:
    """Agents act on cases of their teams; admins on all."""
    if not (user.is_authenticated and user.is_agent):
        return False
    if user.role == Role.ADMIN:
        return True
    return case.team_id in team_ids(user)


def require_case_worker(user: User, case, action: str) -> None:
    if not can_work_case(user, case):
        message = CASE_WORKER_ONLY.get(action) or _("Only agents of the owning team may do this on this case.")
        raise SellerdeskError(CoreError.PERMISSION_DENIED, message)


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
