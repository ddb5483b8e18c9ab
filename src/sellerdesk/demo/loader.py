"""Demo data for the fictional marketplace "Mercado Nimbus": teams for every tier, sellers in six
countries, agents speaking English and Spanish, and a few hundred cases with real conversations.

Every case is written through the same services that the portal and workspace use, so the
timeline, audit trail and timestamps are exactly what real use would produce."""

import datetime as dt
import functools
import random
import re

from django.contrib.auth.hashers import make_password
from django.db import transaction

from sellerdesk.accounts.models import AccountStatus, Role, Segment, SellerAccount, Team, TeamMembership, Tier, User
from sellerdesk.assistant.services import import_flows, triage_untriaged
from sellerdesk.cases import services
from sellerdesk.cases.categories import Category
from sellerdesk.cases.lifecycle import Status
from sellerdesk.cases.models import Case, Channel
from sellerdesk.core import clock
from sellerdesk.knowledge import services as knowledge_services
from sellerdesk.sla import services as sla
from sellerdesk.sla.models import BusinessCalendar

from . import performance, tiered
from .content import CONVERSATIONS

PASSWORD = "demo"  # noqa: S105 - the documented demo password

ALL = list(Category.values)
# First line takes most categories; API and feed errors go straight to the tier-2 tool specialists.
FIRST_LINE = [c for c in ALL if c not in ("appeals", "payments", "technical")]

TEAMS = [
    ("Tier 1 — English", Tier.TIER1, ["en"], FIRST_LINE),
    ("Tier 1 — Español", Tier.TIER1, ["es"], FIRST_LINE),
    (
        "Tier 2 specialists",
        Tier.TIER2,
        ["en", "es"],
        ["order_fulfillment", "inventory_logistics", "listing", "technical", "advertising", "reimbursement"],
    ),
    ("Seller performance", Tier.SELLER_PERFORMANCE, ["en", "es"], ["account_health", "policy_compliance", "appeals"]),
    ("Payments specialists", Tier.PAYMENTS, ["en", "es"], ["payments", "reimbursement"]),
    ("Senior escalations", Tier.SENIOR, ["en", "es"], ALL),
]

# (business name, seller id, country, zone, languages, segment, status)
SELLERS = [
    (
        "Ana's Kitchen Goods LLC",
        "MN-A1K9X2Q7",
        "US",
        "America/Chicago",
        ["en", "es"],
        Segment.HIGH_VOLUME,
        AccountStatus.ACTIVE,
    ),
    ("Ben's Outdoor Supply Ltd", "MN-B7T3R8W1", "GB", "Europe/London", ["en"], Segment.STANDARD, AccountStatus.ACTIVE),
    ("Cerámica Triana S.L.", "MN-C4E2M9S5", "ES", "Europe/Madrid", ["es"], Segment.STANDARD, AccountStatus.ACTIVE),
    (
        "Textiles Oaxaqueños",
        "MN-T8X1O6Q3",
        "MX",
        "America/Mexico_City",
        ["es"],
        Segment.STANDARD,
        AccountStatus.ACTIVE,
    ),
    (
        "Shenzhen BrightLite Electronics",
        "MN-S2Z5B7L4",
        "CN",
        "Asia/Shanghai",
        ["en", "zh"],
        Segment.STRATEGIC,
        AccountStatus.ACTIVE,
    ),
    (
        "Berliner Kaffeewerk GmbH",
        "MN-K6W3F1D8",
        "DE",
        "Europe/Berlin",
        ["en", "de"],
        Segment.STANDARD,
        AccountStatus.ACTIVE,
    ),
    ("Belfast Bikes & Bits", "MN-F9B2E4N6", "GB", "Europe/London", ["en"], Segment.STANDARD, AccountStatus.ACTIVE),
    ("Maple Leaf Pet Co.", "MN-P3M7L2C9", "CA", "America/Toronto", ["en"], Segment.HIGH_VOLUME, AccountStatus.ACTIVE),
]

# username, first name, last name, seller id
SELLER_USERS = [
    ("seller-ana", "Ana", "García", "MN-A1K9X2Q7"),
    ("seller-carlos", "Carlos", "García", "MN-A1K9X2Q7"),
    ("seller-ben", "Ben", "Walker", "MN-B7T3R8W1"),
    ("seller-lucia", "Lucía", "Romero", "MN-C4E2M9S5"),
    ("seller-mateo", "Mateo", "Hernández", "MN-T8X1O6Q3"),
    ("seller-wei", "Wei", "Zhang", "MN-S2Z5B7L4"),
    ("seller-jonas", "Jonas", "Becker", "MN-K6W3F1D8"),
    ("seller-ciaran", "Ciarán", "O'Neill", "MN-F9B2E4N6"),
    ("seller-emma", "Emma", "Tremblay", "MN-P3M7L2C9"),
]

# username, first, last, role, zone, languages, teams (name, is_lead)
AGENTS = [
    (
        "agent-t1",
        "Tom",
        "Reyes",
        Role.AGENT,
        "America/New_York",
        ["en", "es"],
        [("Tier 1 — English", False), ("Tier 1 — Español", False)],
    ),
    ("agent-priya", "Priya", "Nair", Role.AGENT, "Asia/Kolkata", ["en"], [("Tier 1 — English", False)]),
    ("agent-sofia", "Sofía", "Martín", Role.AGENT, "Europe/Madrid", ["es", "en"], [("Tier 1 — Español", False)]),
    ("agent-t2", "Grace", "Okafor", Role.AGENT, "Europe/Dublin", ["en", "es"], [("Tier 2 specialists", False)]),
    ("agent-perf", "Daniel", "Kim", Role.AGENT, "America/Los_Angeles", ["en", "es"], [("Seller performance", False)]),
    ("agent-pay", "Marta", "Silva", Role.AGENT, "Europe/Lisbon", ["en", "es"], [("Payments specialists", False)]),
    ("agent-senior", "Robert", "Hughes", Role.AGENT, "Europe/London", ["en"], [("Senior escalations", False)]),
    (
        "lead",
        "Laura",
        "Chen",
        Role.LEAD,
        "America/New_York",
        ["en", "es"],
        [("Tier 1 — English", True), ("Tier 1 — Español", True), ("Tier 2 specialists", True)],
    ),
]

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
# (name, time zone, hours, public holidays of, region, teams that work on it); other teams are 24/7.
CALENDARS = [
    (
        "Americas support hours",
        "America/New_York",
        {**{d: [["08:00", "20:00"]] for d in WEEKDAYS}, "sat": [["09:00", "13:00"]]},
        "US",
        "",
        ["Tier 1 — English", "Tier 2 specialists"],
    ),
    (
        "Madrid office",
        "Europe/Madrid",
        {d: [["09:00", "14:00"], ["15:00", "19:00"]] for d in WEEKDAYS},
        "ES",
        "MD",
        ["Tier 1 — Español", "Seller performance"],
    ),
]

ORDER_ID = re.compile(r"\b\d{3}-\d{7}-\d{7}\b")


def is_loaded() -> bool:
    return SellerAccount.objects.exists()


@transaction.atomic
def load(*, cases: int = 320, seed: int = 7, now: dt.datetime | None = None) -> dict:
    """Creates the demo marketplace. Deterministic for a given seed."""
    rng = random.Random(seed)
    now = now or clock.now()
    teams = {
        name: Team.objects.create(name=name, tier=tier, languages=langs, categories=cats)
        for name, tier, langs, cats in TEAMS
    }
    for name, zone, hours, country, region, team_names in CALENDARS:
        calendar = BusinessCalendar.objects.create(
            name=name, timezone=zone, hours=hours, holiday_country=country, holiday_subdivision=region
        )
        Team.objects.filter(name__in=team_names).update(calendar=calendar)
    accounts = {}
    for name, seller_id, country, zone, langs, segment, status in SELLERS:
        accounts[seller_id] = SellerAccount.objects.create(
            name=name,
            marketplace_seller_id=seller_id,
            country=country,
            timezone=zone,
            languages=langs,
            segment=segment,
            status=status,
            created_at=now - dt.timedelta(days=rng.randint(200, 1500)),
        )
    sellers = [
        _user(username, first, last, role=Role.SELLER, seller_account=accounts[seller_id])
        for username, first, last, seller_id in SELLER_USERS
    ]
    agents = []
    for username, first, last, role, zone, langs, memberships in AGENTS:
        agent = _user(username, first, last, role=role, timezone=zone, languages=langs)
        for team_name, is_lead in memberships:
            TeamMembership.objects.create(team=teams[team_name], user=agent, is_lead=is_lead)
        agents.append(agent)
    _user(
        "admin",
        "Alex",
        "Admin",
        role=Role.ADMIN,
        timezone="UTC",
        languages=["en", "es"],
        is_staff=True,
        is_superuser=True,
    )

    playbooks = tiered.load_playbooks()
    with clock.importing_history():
        for index in range(cases):
            _replay_case(rng, sellers, now, index)
        extra = tiered.enrich(rng, now)
        # Account health, enforcement, complaints and appeals; statuses other than active come from
        # here, each with its reason.
        extra.update(performance.load(rng, now))
        extra["articles"] = knowledge_services.import_articles()  # the help centre's articles
        extra["flows"] = import_flows()  # the assistant's guided troubleshooting flows
        # What the background worker does for each new case: the local model's triage.
        triaged = triage_untriaged()
        # The scheduler's first sweep, done now: at-risk marks, breaches and the ladder's steps.
        sla_steps = sla.sweep(now=now)
    return {
        "teams": len(teams),
        "sellers": len(accounts),
        "users": User.objects.count(),
        "cases": Case.objects.count(),
        "playbooks": playbooks,
        "sla_steps": sla_steps,
        "triaged": triaged,
        **extra,
    }


@functools.cache
def _password_hash() -> str:
    return make_password(PASSWORD)  # hashed once: the same slow hash for every demo user


def _user(username: str, first: str, last: str, **fields) -> User:
    user = User(username=username, first_name=first, last_name=last, email=f"{username}@nimbus.example", **fields)
    user.password = _password_hash()
    user.save()
    return user


def _replay_case(rng: random.Random, sellers: list[User], now: dt.datetime, index: int) -> None:
    seller = sellers[index % len(sellers)]
    account = seller.seller_account
    category = ALL[index % len(ALL)] if index < 2 * len(ALL) else rng.choice(ALL)
    wanted = "es" if account.primary_language == "es" else "en"
    pool = [c for c in CONVERSATIONS[category] if c["lang"] == wanted] or CONVERSATIONS[category]
    story = rng.choice(pool)
    new_order = f"{rng.randint(111, 114)}-{rng.randint(1000000, 9999999)}-{rng.randint(1000000, 9999999)}"

    def fresh(text: str) -> str:
        return ORDER_ID.sub(new_order, text) if story["order_id"] else text

    # Recent days are busier; a few cases are only minutes old. A case still waiting for support's
    # answer is recent (a team that keeps its targets has no weeks-old backlog).
    awaiting_support = len(story["turns"]) == 1 or story["turns"][-1][0] == "seller"
    if index % 17 == 0:
        age = dt.timedelta(minutes=rng.randint(5, 90))
    elif awaiting_support:
        age = dt.timedelta(hours=rng.uniform(0.5, 30))
    else:
        age = dt.timedelta(hours=min(rng.expovariate(1 / 200), 24 * 75))
    moment = now - age
    turns = story["turns"]
    with clock.frozen_at(moment):
        case, _created = services.open_case(
            opener=seller,
            subject=fresh(story["subject"])[:200],
            body=fresh(turns[0][1]),
            category=category,
            order_id=new_order if story["order_id"] else "",
            listing_id=story["listing_id"] or "",
            urgent=story["urgent"],
            channel=rng.choice([Channel.PORTAL] * 5 + [Channel.EMAIL, Channel.API]),
            language=story["lang"],
        )
    agent = case.team.members.order_by("?").first() if case.team else None
    step = _steps(rng, age, len(turns))
    for role, text in turns[1:]:
        moment += step
        with clock.frozen_at(moment):
            if role == "seller":
                services.post_message(actor=seller, case_id=case.pk, body=fresh(text))
            elif agent is not None:
                if case.assignee_id is None:
                    case = services.assign_case(actor=agent, case_id=case.pk)
                services.post_message(actor=agent, case_id=case.pk, body=fresh(text), internal=role == "note")
    if agent is None or len(turns) == 1:
        return
    _settle(rng, case, agent, seller, turns[-1][0], moment + step, now)


def _steps(rng: random.Random, age: dt.timedelta, count: int) -> dt.timedelta:
    # Spread the conversation over part of the case's age, so later turns are still in the past.
    return (age * rng.uniform(0.3, 0.8)) / max(count, 1)


def _settle(
    rng: random.Random, case: Case, agent: User, seller: User, last_role: str, moment: dt.datetime, now: dt.datetime
) -> None:
    """Leaves the case in a realistic final state, through the lifecycle."""
    moment = min(moment, now)
    roll = rng.random()
    with clock.frozen_at(moment):
        if last_role == "seller":
            return  # the seller spoke last: the case is open, waiting for support
        if roll < 0.30:
            services.change_status(actor=agent, case_id=case.pk, status=Status.WAITING_ON_SELLER)
        elif roll < 0.42:
            services.change_status(
                actor=agent,
                case_id=case.pk,
                status=Status.WAITING_ON_MARKETPLACE,
                reason="Waiting for the carrier investigation",
            )
        elif roll < 0.80:
            services.change_status(actor=agent, case_id=case.pk, status=Status.RESOLVED)
        else:
            services.change_status(actor=agent, case_id=case.pk, status=Status.RESOLVED)
            services.change_status(actor=agent, case_id=case.pk, status=Status.CLOSED)
    if 0.42 <= roll < 0.80 and rng.random() < 0.1 and moment + dt.timedelta(hours=2) < now:
        with clock.frozen_at(moment + dt.timedelta(hours=2)):
            services.reopen_case(actor=seller, case_id=case.pk, reason="The problem came back this morning.")
