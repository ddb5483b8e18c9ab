""" "Next case": an agent is given the most pressing unassigned case they may and can work — of
their teams, a category the team serves, a language they speak — and two agents asking at once
never get the same one."""

import datetime as dt

import pytest

from sellerdesk.cases import services as cases
from sellerdesk.cases.events import EventType
from sellerdesk.cases.models import Case, CaseEvent
from sellerdesk.core import clock
from sellerdesk.sla import services as sla
from tests.concurrency import at_once, needs_postgresql
from tests.factories import AgentFactory, CaseFactory, SellerFactory, TeamFactory

T0 = dt.datetime(2030, 5, 6, 9, 0, tzinfo=dt.UTC)


def at(hours: float) -> dt.datetime:
    return T0 + dt.timedelta(hours=hours)


def opened(open_case_as, seller, when=T0, **fields):
    with clock.frozen_at(when):
        case = open_case_as(seller, **fields)
    case.refresh_from_db()
    return case


def take(actor, when=T0):
    with clock.frozen_at(when):
        return sla.take_next_case(actor=actor)


@pytest.fixture
def english_agent(agent):
    agent.languages = ["en"]
    agent.save()
    return agent


@pytest.mark.django_db
def test_the_agent_gets_the_most_pressing_case_first_and_it_is_assigned_to_them(ana, ben, english_agent, open_case_as):
    old = opened(open_case_as, ben, at(-5), subject="Old question")  # reply due at T0+19h
    urgent = opened(open_case_as, ana, at(-1), urgent=True)  # due T0+3h, less 8 hours
    fresh = opened(open_case_as, ana, T0)  # due T0+24h
    assert urgent.priority_at < old.priority_at < fresh.priority_at

    taken = take(english_agent, at(0.5))
    assert taken == urgent
    urgent.refresh_from_db()
    assert urgent.assignee == english_agent
    event = CaseEvent.objects.filter(case=urgent, kind=EventType.ASSIGNED).get()
    assert (event.actor, event.created_at, event.data["assignee_id"], event.data["reason"]) == (
        english_agent,
        at(0.5),
        english_agent.pk,
        "next_case",
    )

    assert [take(english_agent), take(english_agent)] == [old, fresh]
    assert take(english_agent) is None
    assert set(Case.objects.values_list("assignee", flat=True)) == {english_agent.pk}


@pytest.mark.django_db
def test_cases_of_other_teams_unserved_categories_or_unspoken_languages_are_never_given(
    ana, english_agent, tier1, tier2_team, payments_team, open_case_as
):
    from sellerdesk.accounts.models import TeamMembership

    TeamMembership.objects.create(team=payments_team, user=english_agent)
    mine = opened(open_case_as, ana, at(-1))
    # More pressing, but not for this agent:
    opened(open_case_as, ana, at(-20), language="es")  # Tier 1's, in Spanish
    opened(open_case_as, ana, at(-20), category="listing")  # Tier 2's
    CaseFactory(team=payments_team, category="other", priority_at=at(-50))  # a category Payments does not serve
    other_agent = AgentFactory(teams=[tier1])
    taken_by_other = opened(open_case_as, ana, at(-30))
    with clock.frozen_at(T0):
        cases.assign_case(actor=other_agent, case_id=taken_by_other.pk)
    waiting = opened(open_case_as, ana, at(-30))
    with clock.frozen_at(T0):
        cases.change_status(actor=english_agent, case_id=waiting.pk, status="waiting_on_seller")
    payments = CaseFactory(team=payments_team, category="payments", priority_at=at(100))

    assert take(english_agent) == mine
    assert take(english_agent) == payments
    assert take(english_agent) is None


@pytest.mark.django_db
def test_an_agent_with_no_languages_listed_takes_any_language(ana, agent, open_case_as):
    spanish = opened(open_case_as, ana, language="es")
    assert agent.languages == []
    assert take(agent) == spanish


@pytest.mark.django_db
def test_a_seller_may_not_take_cases(ana, tier1, open_case_as, refused):
    case = opened(open_case_as, ana)
    with refused("permission_denied"):
        sla.take_next_case(actor=ana)
    case.refresh_from_db()
    assert case.assignee is None


# --- agents asking at once ---------------------------------------------------------------------------------


def _take_concurrently(agents):
    def take_until_none(agent):
        taken = []
        while (case := sla.take_next_case(actor=agent)) is not None:
            taken.append(case.pk)
        return taken

    return dict(zip([a.pk for a in agents], at_once(take_until_none, agents), strict=True))


@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("agent_count", [2, 4])
def test_agents_asking_at_once_never_get_the_same_case(agent_count):
    team = TeamFactory(tier="tier1", languages=["en"])
    agents = [AgentFactory(username=f"racer{n}", teams=[team]) for n in range(agent_count)]
    seller = SellerFactory()
    opened_ids = []
    for n in range(16):
        with clock.frozen_at(at(-n)):
            opened_ids.append(cases.open_case(opener=seller, subject=f"Case {n}", body="Please help.")[0].pk)

    taken = _take_concurrently(agents)

    everything = [pk for pks in taken.values() for pk in pks]
    assert sorted(everything) == sorted(opened_ids), taken  # each case given once, none left behind
    for agent in agents:
        assert set(Case.objects.filter(assignee=agent).values_list("pk", flat=True)) == set(taken[agent.pk])
    assert CaseEvent.objects.filter(kind=EventType.ASSIGNED, data__reason="next_case").count() == 16
