"""Reads for routing: which team owns a case, which playbook applies, and the tiered-support
metrics (transfer rates, avoidable transfers, escalation requests)."""

import datetime as dt
import time

from django.conf import settings
from django.db.models import Count, Q

from sellerdesk.accounts.models import Team, Tier

# Lower is preferred: a new case goes to the first line that serves it before specialists.
TIER_ORDER = {Tier.TIER1: 0, Tier.SELLER_PERFORMANCE: 1, Tier.PAYMENTS: 1, Tier.TIER2: 2, Tier.SENIOR: 3}


def _rank(team: Team, *, category: str, language: str) -> tuple:
    serves = category in (team.categories or [])
    catch_all = not team.categories
    speaks = language in (team.languages or [])
    return (not serves, not catch_all, not speaks, TIER_ORDER.get(team.tier, 9), team.name)


_teams_cache: tuple[float, list[Team]] = (0.0, [])


def _all_teams() -> list[Team]:
    """Every team, remembered per process for ROUTING_CACHE_SECONDS (teams change rarely; a new
    team starts receiving cases at most that long after it is created)."""
    global _teams_cache
    remember_for = settings.SELLERDESK["ROUTING_CACHE_SECONDS"]
    if remember_for > 0 and _teams_cache[0] > time.monotonic():
        return _teams_cache[1]
    teams = list(Team.objects.only("id", "name", "tier", "languages", "categories"))
    if remember_for > 0:
        _teams_cache = (time.monotonic() + remember_for, teams)
    return teams


def team_for_new_case(*, category: str, language: str) -> Team | None:
    """The team that serves this category, preferring one that speaks the seller's language,
    then the lowest tier; a team serving every category (empty list) comes next."""
    teams = _all_teams()
    # Every case has an owner: with no team for the category, the best-speaking first line takes it.
    return min(teams, key=lambda t: _rank(t, category=category, language=language)) if teams else None


def best_team_of_tier(tier: str, case) -> Team | None:
    """The team of a tier that best serves this case (category, then language)."""
    teams = list(Team.objects.filter(tier=tier))
    return min(teams, key=lambda t: _rank(t, category=case.category, language=case.language)) if teams else None


def playbook_for_case(case):
    """The playbook in use on a case (the one last worked on), or the category's general one."""
    from .models import CasePlaybook, Playbook

    progress = CasePlaybook.objects.filter(case=case).select_related("playbook").order_by("-updated_at").first()
    if progress is not None:
        return progress.playbook
    return Playbook.objects.filter(category=case.category, subtype="", active=True).first()


def playbook_panel(case) -> dict | None:
    """What the case view shows beside the conversation: the playbook, its progress, the other
    playbooks of the category that an agent may switch to, and what is missing to complete it."""
    from .models import CasePlaybook, Playbook
    from .playbooks import missing_for_completion

    playbook = playbook_for_case(case)
    if playbook is None:
        return None
    progress = CasePlaybook.objects.filter(case=case, playbook=playbook).first()
    values = progress.values if progress else {}
    done = progress.completed_steps if progress else []
    return {
        "playbook": playbook,
        "progress": progress,
        "values": values,
        "steps": [{**s, "done": s["key"] in done} for s in playbook.steps],
        "fields": [{**f, "value": values.get(f["name"], "")} for f in playbook.fields],
        "missing": missing_for_completion(playbook, values, done),
        "alternatives": list(Playbook.objects.filter(category=case.category, active=True).exclude(pk=playbook.pk)),
    }


def transfer_reasons():
    from .models import TransferReason

    return list(TransferReason.objects.filter(active=True))


def transfer_metrics(*, since: dt.datetime, team_ids: list[int] | None = None) -> dict:
    """Per team and per agent since a time: cases received, transfers out, avoidable transfers.

    A team's transfer rate is its transfers out ÷ the cases it received (opened to it or
    transferred in); an agent's is their transfers ÷ the cases assigned to them. A transfer is
    avoidable when the receiving team bounced it or the sending tier could have resolved it."""
    from sellerdesk.cases.events import EventType
    from sellerdesk.cases.models import CaseEvent

    from .models import Transfer

    transfers = Transfer.objects.filter(created_at__gte=since, kind=Transfer.Kind.TRANSFER)
    opened = CaseEvent.objects.filter(kind=EventType.CASE_OPENED, created_at__gte=since)
    assigned = CaseEvent.objects.filter(kind=EventType.ASSIGNED, created_at__gte=since)
    avoidable = ~Q(avoidable="")
    if team_ids is not None:
        transfers_out = transfers.filter(from_team_id__in=team_ids)
        transfers_in = transfers.filter(to_team_id__in=team_ids)
    else:
        transfers_out = transfers_in = transfers
    out_by_team = {
        r["from_team"]: r
        for r in transfers_out.values("from_team").annotate(n=Count("id"), avoidable=Count("id", filter=avoidable))
    }
    in_by_team = dict(transfers_in.values_list("to_team").annotate(n=Count("id")))
    opened_by_team = {
        int(k): n for k, n in opened.values_list("data__team_id").annotate(n=Count("id")) if k is not None
    }
    teams = Team.objects.filter(pk__in=team_ids) if team_ids is not None else Team.objects.all()
    team_rows = []
    for team in teams.order_by("tier", "name"):
        received = opened_by_team.get(team.pk, 0) + in_by_team.get(team.pk, 0)
        out = out_by_team.get(team.pk, {"n": 0, "avoidable": 0})
        team_rows.append(_rates(name=team.name, id=team.pk, handled=received, out=out["n"], avoidable=out["avoidable"]))

    by_agent = {
        r["from_agent"]: r
        for r in transfers_out.exclude(from_agent=None)
        .values("from_agent", "from_agent__first_name", "from_agent__username")
        .annotate(n=Count("id"), avoidable=Count("id", filter=avoidable))
    }
    assigned_by_agent = {
        int(k): n
        for k, n in assigned.values_list("data__assignee_id").annotate(n=Count("case_id", distinct=True))
        if k is not None
    }
    from sellerdesk.accounts.models import User

    agent_ids = set(by_agent) | set(assigned_by_agent)
    if team_ids is not None:
        members = set(User.objects.filter(memberships__team_id__in=team_ids).values_list("pk", flat=True))
        agent_ids &= members
    names = {u.pk: u.first_name or u.username for u in User.objects.filter(pk__in=agent_ids)}
    agent_rows = [
        _rates(
            name=names.get(pk, "?"),
            id=pk,
            handled=assigned_by_agent.get(pk, 0),
            out=by_agent.get(pk, {}).get("n", 0),
            avoidable=by_agent.get(pk, {}).get("avoidable", 0),
        )
        for pk in sorted(agent_ids, key=lambda p: names.get(p, ""))
    ]
    return {"teams": team_rows, "agents": agent_rows}


def _rates(*, name: str, id: int, handled: int, out: int, avoidable: int) -> dict:
    return {
        "id": id,
        "name": name,
        "handled": handled,
        "transfers": out,
        "avoidable": avoidable,
        "transfer_rate": round(100 * out / handled, 1) if handled else None,
        "avoidable_rate": round(100 * avoidable / out, 1) if out else None,
    }


def open_escalation_requests(team_ids: list[int] | None):
    """Sellers' open escalation requests for these teams (all teams for None), soonest target first."""
    from .models import EscalationRequest

    qs = EscalationRequest.objects.filter(state=EscalationRequest.State.OPEN).select_related(
        "case", "case__seller_account", "team", "requested_by"
    )
    if team_ids is not None:
        # The case's current team answers: a request follows its case through transfers.
        qs = qs.filter(case__team_id__in=team_ids)
    return qs.order_by("target_at", "pk")


def urgent_abuse(*, since: dt.datetime, team_ids: list[int] | None = None) -> list[dict]:
    """Per seller account: how often they marked cases urgent, and how often a lead judged it was not
    (over requests that landed with these teams; all teams for None)."""
    from .models import EscalationRequest

    qs = EscalationRequest.objects.filter(kind=EscalationRequest.Kind.URGENT, created_at__gte=since)
    if team_ids is not None:
        qs = qs.filter(team_id__in=team_ids)
    return list(
        qs.values("case__seller_account_id", "case__seller_account__name")
        .annotate(requests=Count("id"), not_urgent=Count("id", filter=Q(judged_not_urgent=True)))
        .order_by("-not_urgent", "-requests")
    )


# --- the agent workspace's case page ---------------------------------------------------------------


def transfer_targets(case) -> list[Team]:
    """The teams a case can be transferred to: every team but the one that has it."""
    return list(Team.objects.exclude(pk=case.team_id).order_by("tier", "name"))


def transfer_history(case) -> dict:
    """The transfers and escalations of a case, oldest first, and the one the owning team may bounce
    back: the latest transfer, if it was an agent's transfer into the team that has the case now and
    has not been bounced yet (the rule `services.bounce_transfer` enforces)."""
    from .models import Transfer

    transfers = list(
        Transfer.objects.filter(case=case)
        .select_related("from_team", "to_team", "from_agent", "reason", "bounced_by")
        .order_by("created_at", "pk")
    )
    latest = transfers[-1] if transfers else None
    bounceable = (
        latest
        if latest is not None
        and latest.kind == Transfer.Kind.TRANSFER
        and latest.bounced_at is None
        and latest.from_team_id is not None
        and latest.to_team_id == case.team_id
        else None
    )
    return {"transfers": transfers, "bounceable": bounceable}


def escalated_case_ids(case_ids) -> set[int]:
    """Which of these cases have been escalated (one level up, or at the top level) or have a seller's
    escalation request still open: the queue marks them."""
    from sellerdesk.cases.events import EventType
    from sellerdesk.cases.models import CaseEvent

    from .models import EscalationRequest

    case_ids = list(case_ids)
    if not case_ids:
        return set()
    escalated = CaseEvent.objects.filter(case_id__in=case_ids, kind=EventType.ESCALATED)
    # An open "urgent" request shows as the case's own urgent flag; the others are escalations.
    requested = EscalationRequest.objects.filter(case_id__in=case_ids, state=EscalationRequest.State.OPEN).exclude(
        kind=EscalationRequest.Kind.URGENT
    )
    return set(escalated.values_list("case_id", flat=True)) | set(requested.values_list("case_id", flat=True))


def escalation_requests_for(user, *, case, state: str | None = None):
    """A case's escalation requests, if the user may see the case (the seller's own "we will answer
    by …"), soonest target first."""
    from sellerdesk.accounts import permissions
    from sellerdesk.cases.models import Case

    from .models import EscalationRequest

    qs = EscalationRequest.objects.filter(case__in=Case.objects.filter(permissions.case_scope(user)), case=case)
    if state:
        qs = qs.filter(state=state)
    return qs.order_by("target_at", "pk")
