"""Who sees which case: the one permission module every service and selector asks."""

import pytest
from django.contrib.auth.models import AnonymousUser

from sellerdesk.accounts import permissions
from sellerdesk.cases.models import Case
from tests.factories import AgentFactory, CaseFactory, LeadFactory, SellerFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(ana, ben, tier1, payments_team):
    """Cases of two sellers across two teams, one assigned across teams, one with no team."""
    return {
        "ana_tier1": CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=tier1),
        "ana_payments": CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=payments_team),
        "ben_tier1": CaseFactory(seller_account=ben.seller_account, opened_by=ben, team=tier1),
        "ben_payments": CaseFactory(seller_account=ben.seller_account, opened_by=ben, team=payments_team),
        "ben_no_team": CaseFactory(seller_account=ben.seller_account, opened_by=ben, team=None),
    }


def visible(user, world) -> set[str]:
    ids = set(Case.objects.filter(permissions.case_scope(user)).values_list("pk", flat=True))
    return {name for name, case in world.items() if case.pk in ids}


def test_seller_sees_exactly_their_accounts_cases(ana, ben, world):
    assert visible(ana, world) == {"ana_tier1", "ana_payments"}
    assert visible(ben, world) == {"ben_tier1", "ben_payments", "ben_no_team"}


def test_seller_sees_cases_a_colleague_of_the_same_account_opened(ana, world):
    colleague = SellerFactory(seller_account=ana.seller_account)
    assert visible(colleague, world) == {"ana_tier1", "ana_payments"}


def test_agent_sees_the_cases_of_their_teams_only(agent, outsider_agent, world):
    assert visible(agent, world) == {"ana_tier1", "ben_tier1"}
    assert visible(outsider_agent, world) == {"ana_payments", "ben_payments"}


def test_agent_in_two_teams_sees_both_queues(tier1, payments_team, world):
    both = AgentFactory(teams=[tier1, payments_team])
    assert visible(both, world) == {"ana_tier1", "ana_payments", "ben_tier1", "ben_payments"}


def test_agent_no_longer_sees_a_case_assigned_to_them_once_it_is_outside_their_teams(agent, world):
    world["ben_payments"].assignee = agent
    world["ben_payments"].save()
    assert visible(agent, world) == {"ana_tier1", "ben_tier1"}


def test_agent_without_a_team_sees_nothing(world):
    assert visible(AgentFactory(), world) == set()


def test_lead_sees_the_cases_of_their_teams_not_everything(lead, world):
    assert visible(lead, world) == {"ana_tier1", "ben_tier1"}


def test_admin_sees_every_case_including_unrouted_ones(support_admin, world):
    assert visible(support_admin, world) == set(world)


def test_inactive_and_anonymous_users_see_nothing(ana, agent, support_admin, world):
    for user in (ana, agent, support_admin):
        user.is_active = False
    assert visible(ana, world) == set()
    assert visible(agent, world) == set()
    assert visible(support_admin, world) == set()
    assert visible(AnonymousUser(), world) == set()


@pytest.mark.parametrize("user_name", ["ana", "agent", "support_admin"])
def test_get_case_for_returns_a_visible_case(request, world, user_name):
    user = request.getfixturevalue(user_name)
    case = permissions.get_case_for(user, world["ana_tier1"].pk)
    assert case.pk == world["ana_tier1"].pk


def test_get_case_for_can_lock_the_row(agent, world):
    case = permissions.get_case_for(agent, world["ana_tier1"].pk, for_update=True)
    assert case.pk == world["ana_tier1"].pk
    assert case.team.name == "Tier 1"  # joined rows still come along


def test_get_case_for_another_sellers_case_is_not_found(ana, world, refused):
    for name in ("ben_tier1", "ben_payments", "ben_no_team"):
        with refused("not_found") as info:
            permissions.get_case_for(ana, world[name].pk)
        assert info.value.http_status == 404


def test_get_case_for_an_agent_outside_the_team_is_not_found(outsider_agent, lead, world, refused):
    for user, name in ((outsider_agent, "ana_tier1"), (lead, "ana_payments"), (lead, "ben_no_team")):
        with refused("not_found"):
            permissions.get_case_for(user, world[name].pk, for_update=True)


def test_get_case_for_a_missing_case_is_the_same_not_found(ana, world, refused):
    with refused("not_found") as missing:
        permissions.get_case_for(ana, 10_000_000)
    with refused("not_found") as foreign:
        permissions.get_case_for(ana, world["ben_tier1"].pk)
    # Nothing tells "exists but not yours" apart from "does not exist".
    assert missing.value.as_dict() == foreign.value.as_dict()


def test_only_agents_see_internal_notes(ana, agent, lead, support_admin):
    assert permissions.can_see_internal(ana) is False
    assert permissions.can_see_internal(AnonymousUser()) is False
    assert all(permissions.can_see_internal(u) for u in (agent, lead, support_admin))


def test_only_agents_of_the_owning_team_work_a_case(ana, agent, outsider_agent, support_admin, world):
    case = world["ana_tier1"]
    assert permissions.can_work_case(agent, case) is True
    assert permissions.can_work_case(support_admin, case) is True
    assert permissions.can_work_case(outsider_agent, case) is False
    assert permissions.can_work_case(ana, case) is False
    case.assignee = outsider_agent  # e.g. an agent who has since left the team
    assert permissions.can_work_case(outsider_agent, case) is False


def test_a_case_may_be_assigned_to_active_agents_of_its_team_or_admins(
    ana, agent, outsider_agent, support_admin, world
):
    case = world["ana_tier1"]
    assert permissions.may_be_assigned(agent, case) is True
    assert permissions.may_be_assigned(support_admin, case) is True
    assert permissions.may_be_assigned(outsider_agent, case) is False
    assert permissions.may_be_assigned(ana, case) is False
    agent.is_active = False
    assert permissions.may_be_assigned(agent, case) is False
    assert permissions.may_be_assigned(support_admin, world["ben_no_team"]) is True


def test_require_seller_and_require_agent_refuse_the_other_side(ana, agent, refused):
    permissions.require_seller(ana, "open cases")
    permissions.require_agent(agent, "work cases")
    with refused("permission_denied"):
        permissions.require_seller(agent, "open cases")
    with refused("permission_denied"):
        permissions.require_agent(ana, "work cases")
    with refused("permission_denied"):
        permissions.require_seller(AnonymousUser(), "open cases")


def test_lead_team_ids_lists_only_teams_they_lead(tier1, payments_team):
    lead = LeadFactory(teams=[tier1])
    other = TeamFactory()
    lead.memberships.create(team=other, is_lead=False)
    assert permissions.lead_team_ids(lead) == [tier1.pk]
    assert sorted(permissions.team_ids(lead)) == sorted([tier1.pk, other.pk])


def test_get_case_for_an_id_beyond_any_database_integer_is_not_found(ana, world, refused):
    with refused("not_found"):
        permissions.get_case_for(ana, 10**25)
    with refused("not_found"):
        permissions.get_case_for(ana, 10**25, for_update=True)


def test_a_checked_token_is_remembered_briefly_and_never_past_its_expiry(settings, ana):
    import datetime as dt

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sellerdesk.accounts import services
    from sellerdesk.core import clock

    settings.SELLERDESK = {**settings.SELLERDESK, "API_AUTH_CACHE_SECONDS": 30}
    services._recent_tokens.clear()
    raw = services.issue_api_token(username="ana", password="pw")
    assert services.user_for_token(raw) == ana
    with CaptureQueriesContext(connection) as queries:
        assert services.user_for_token(raw) == ana
    assert len(queries) == 0
    with clock.frozen_at(clock.now() + dt.timedelta(days=365)):
        assert services.user_for_token(raw) is None  # expired: the remembered entry does not outlive it
    assert services.user_for_token("sd_unknown") is None
    services._recent_tokens.clear()
