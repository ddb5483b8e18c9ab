import contextlib

import pytest
from django.test import Client

from sellerdesk.cases import services
from sellerdesk.core.errors import SellerdeskError
from tests.factories import AdminFactory, AgentFactory, LeadFactory, SellerAccountFactory, SellerFactory, TeamFactory


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Tests change users, tokens and teams between requests: no per-process remembering.
    # Triage of new cases is tested in tests/assistant (it loads the model: off elsewhere for speed).
    settings.SELLERDESK = {
        **settings.SELLERDESK,
        "API_AUTH_CACHE_SECONDS": 0,
        "ROUTING_CACHE_SECONDS": 0,
        "AUTO_TRIAGE": False,
    }


@pytest.fixture
def tier1(db):
    return TeamFactory(name="Tier 1", tier="tier1", languages=["en", "es"], categories=[])


@pytest.fixture
def payments_team(db):
    return TeamFactory(name="Payments specialists", tier="payments", languages=["en"], categories=["payments"])


@pytest.fixture
def ana(db):
    return SellerFactory(username="ana", seller_account=SellerAccountFactory(name="Ana's Crafts"))


@pytest.fixture
def ben(db):
    return SellerFactory(username="ben", seller_account=SellerAccountFactory(name="Ben's Gadgets"))


@pytest.fixture
def agent(tier1):
    return AgentFactory(username="agent1", teams=[tier1])


@pytest.fixture
def outsider_agent(payments_team):
    return AgentFactory(username="agent-pay", teams=[payments_team])


@pytest.fixture
def lead(tier1):
    return LeadFactory(username="lead1", teams=[tier1])


@pytest.fixture
def support_admin(db):
    return AdminFactory(username="admin1")


@pytest.fixture
def open_case_as():
    """Opens a case through the service, as a seller would: `open_case_as(ana, subject=...)`."""

    def _open(seller, **overrides):
        fields = {"subject": "Payout missing", "body": "My payout did not arrive.", "category": "other", **overrides}
        case, _created = services.open_case(opener=seller, **fields)
        return case

    return _open


@contextlib.contextmanager
def _refused(code, *fields):
    with pytest.raises(SellerdeskError) as info:
        yield info
    assert info.value.code == code, info.value.as_dict()
    for name in fields:
        assert name in (info.value.fields or {}), info.value.as_dict()


@pytest.fixture
def refused():
    """`with refused("invalid_transition"):` expects a SellerdeskError with this code (and fields)."""
    return _refused


class ApiClient:
    """Talks JSON to /api/v1 as one user, through the real token endpoint."""

    def __init__(self, user=None):
        self.client = Client()
        self.headers = {}
        if user is not None:
            response = self.client.post(
                "/api/v1/auth/token", {"username": user.username, "password": "pw"}, content_type="application/json"
            )
            assert response.status_code == 200, response.content
            self.headers["Authorization"] = f"Bearer {response.json()['token']}"

    def get(self, path, **params):
        return self.client.get(path, params, headers=self.headers)

    def post(self, path, data=None, headers=None, raw=None):
        body = raw if raw is not None else data
        return self.client.post(
            path,
            body if body is not None else {},
            content_type="application/json",
            headers={**self.headers, **(headers or {})},
        )

    def post_form(self, path, data, headers=None):
        """A multipart form, as `curl -F` sends it (file fields are open files or uploaded files)."""
        return self.client.post(path, data, headers={**self.headers, **(headers or {})})


@pytest.fixture
def api_as():
    return ApiClient


@pytest.fixture
def client_as():
    """A Django test Client signed in as this user through the session: `client_as(ana).get(url)`."""

    def _client(user):
        client = Client()
        client.force_login(user)
        return client

    return _client


# --- tiered support: teams of every tier, a first-line playbook, a case that needs it ---------------


@pytest.fixture
def tier2_team(db):
    return TeamFactory(name="Tier 2", tier="tier2", languages=["en"], categories=["listing", "account_access"])


@pytest.fixture
def senior_team(db):
    return TeamFactory(name="Senior escalations", tier="senior", languages=["en"], categories=[])


@pytest.fixture
def tier2_agent(tier2_team):
    return AgentFactory(username="agent2", teams=[tier2_team])


@pytest.fixture
def tier2_lead(tier2_team):
    return LeadFactory(username="lead2", teams=[tier2_team])


@pytest.fixture
def pickup_playbook(db):
    """The general "order not picked up" playbook of order fulfilment (see tests.factories.PICKUP_*)."""
    from tests.factories import PlaybookFactory

    return PlaybookFactory(name="Order not picked up", resolution_capability="")


@pytest.fixture
def pickup_case(ana, tier1, tier2_team, open_case_as):
    """Ana's order that the carrier never collected: opened through the service, so it is with Tier 1."""
    case = open_case_as(
        ana,
        subject="Carrier never picked up order 112-1234567-1234567",
        body="The carrier did not come yesterday and the order ships today.",
        category="order_fulfillment",
        order_id="112-1234567-1234567",
    )
    assert case.team == tier1
    return case


@pytest.fixture
def complete_playbook():
    """Completes the case's playbook through the service, as a first-line agent would."""

    def _complete(actor, case, **values):
        from sellerdesk.routing import selectors as routing_selectors
        from sellerdesk.routing import services as routing_services
        from tests.factories import PICKUP_VALUES

        playbook = routing_selectors.playbook_for_case(case)
        return routing_services.save_playbook(
            actor=actor,
            case_id=case.pk,
            values={**PICKUP_VALUES, **values},
            completed_steps=[s["key"] for s in playbook.steps],
        )

    return _complete


@pytest.fixture
def seeded_configuration(db):
    """What the data migrations seed (the capability matrix, the transfer reasons, the SLA policies),
    written again if missing: a transactional test's flush (the browser tests) empties those tables
    for the next one."""
    import importlib

    from django.apps import apps

    for module in (
        "sellerdesk.accounts.migrations.0003_seed_capability_matrix",
        "sellerdesk.routing.migrations.0002_seed_transfer_reasons",
        "sellerdesk.performance.migrations.0002_seed_rules_and_detectors",
        "sellerdesk.sla.migrations.0003_seed_policies",
    ):
        importlib.import_module(module).seed(apps, None)
