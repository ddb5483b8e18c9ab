"""Who may open which web page: the access matrix of the portal, the workspace and attachment
downloads. Pages that are not yours do not exist (404); signing in comes first (redirect)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sellerdesk.accounts.models import TeamMembership
from sellerdesk.cases import services
from sellerdesk.cases.models import Attachment, Case, CaseEvent, Message
from tests.factories import AgentFactory, CaseFactory, SellerFactory

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

PORTAL_GET = ["portal:cases", "portal:new", "portal:case", "portal:timeline"]
PORTAL_POST = ["portal:reply", "portal:resolve", "portal:reopen"]
WORKSPACE_GET = ["workspace:queue", "workspace:case"]
WORKSPACE_POST = ["workspace:reply", "workspace:note", "workspace:status", "workspace:assign"]
CASE_FREE = {"portal:cases", "portal:new", "workspace:queue"}

# A plausible body for each POST-only page, so that a refusal is the access rule and not a bad form.
POST_DATA = {
    "portal:reply": {"body": "Any news?"},
    "portal:resolve": {},
    "portal:reopen": {"reason": "It is back"},
    "workspace:reply": {"body": "We are on it.", "then_status": "waiting_on_seller"},
    "workspace:note": {"note-body": "Checked the ledger."},
    "workspace:status": {"status": "waiting_on_marketplace", "reason": "asked payments"},
    "workspace:assign": {},
}


def url(name: str, case: Case) -> str:
    return reverse(name) if name in CASE_FREE else reverse(name, args=[case.pk])


def send(client, method: str, name: str, case: Case):
    """GET the page, or POST it the plausible form for that page."""
    target = url(name, case)
    return client.get(target) if method == "get" else client.post(target, POST_DATA.get(name, {}))


def written(case: Case) -> tuple:
    """Everything a refused request must leave as it was."""
    case.refresh_from_db()
    return (
        case.status,
        case.assignee_id,
        case.updated_at,
        case.resolved_at,
        Message.objects.filter(case=case).count(),
        CaseEvent.objects.filter(case=case).count(),
        Attachment.objects.filter(case=case).count(),
    )


@pytest.fixture
def ana_case(ana, tier1, open_case_as):
    """Ana's case, routed to Tier 1, with a PNG on its opening message."""
    return open_case_as(ana, attachments=[SimpleUploadedFile("proof.png", PNG, content_type="image/png")])


@pytest.fixture
def ana_attachment(ana_case):
    return Attachment.objects.get(case=ana_case)


# --- signing in comes first -------------------------------------------------------------------------


@pytest.mark.parametrize("name", PORTAL_GET + PORTAL_POST + WORKSPACE_GET + WORKSPACE_POST)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitor_is_sent_to_sign_in_from_every_page(client, ana_case, name, method):
    target = url(name, ana_case)
    before = written(ana_case)

    response = send(client, method, name, ana_case)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={target}"
    assert written(ana_case) == before


def test_anonymous_visitor_is_sent_to_sign_in_to_download_an_attachment(client, ana_attachment):
    target = reverse("attachment", args=[ana_attachment.pk])

    response = client.get(target)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={target}"


def test_home_sends_anonymous_to_sign_in_sellers_to_the_portal_and_agents_to_the_workspace(
    client, client_as, ana, agent
):
    assert client.get("/")["Location"] == "/accounts/login/"
    assert client_as(ana).get("/")["Location"] == reverse("portal:cases")
    assert client_as(agent).get("/")["Location"] == reverse("workspace:queue")


# --- each side of the house is invisible to the other ----------------------------------------------


@pytest.mark.parametrize("name", WORKSPACE_GET + WORKSPACE_POST)
@pytest.mark.parametrize("method", ["get", "post"])
def test_seller_gets_404_on_every_workspace_page(client_as, ana, ana_case, name, method):
    before = written(ana_case)

    response = send(client_as(ana), method, name, ana_case)

    assert response.status_code == 404
    assert written(ana_case) == before


@pytest.mark.parametrize("role", ["agent", "lead", "support_admin"])
@pytest.mark.parametrize("name", PORTAL_GET + PORTAL_POST)
@pytest.mark.parametrize("method", ["get", "post"])
def test_agents_leads_and_admins_get_404_on_every_portal_page(request, client_as, ana_case, role, name, method):
    user = request.getfixturevalue(role)
    before = written(ana_case)

    response = send(client_as(user), method, name, ana_case)

    assert response.status_code == 404
    assert written(ana_case) == before


@pytest.mark.parametrize("name", PORTAL_POST)
def test_get_on_a_post_only_portal_url_is_405(client_as, ana, ana_case, name):
    before = written(ana_case)

    response = client_as(ana).get(url(name, ana_case))

    assert response.status_code == 405
    assert written(ana_case) == before


@pytest.mark.parametrize("name", WORKSPACE_POST)
def test_get_on_a_post_only_workspace_url_is_405(client_as, agent, ana_case, name):
    before = written(ana_case)

    response = client_as(agent).get(url(name, ana_case))

    assert response.status_code == 405
    assert written(ana_case) == before


# --- another seller's case does not exist for you -------------------------------------------------


@pytest.mark.parametrize("name", PORTAL_GET[2:] + PORTAL_POST)
def test_seller_of_another_account_gets_404_on_an_active_case_and_writes_nothing(client_as, ben, ana_case, name):
    before = written(ana_case)

    response = send(client_as(ben), "get" if name in PORTAL_GET else "post", name, ana_case)

    assert response.status_code == 404
    assert written(ana_case) == before


@pytest.mark.parametrize("name", PORTAL_POST)
def test_seller_of_another_account_gets_404_on_a_resolved_case_and_writes_nothing(client_as, ana, ben, ana_case, name):
    services.change_status(actor=ana, case_id=ana_case.pk, status="resolved")
    before = written(ana_case)

    response = client_as(ben).post(url(name, ana_case), POST_DATA[name])

    assert response.status_code == 404
    assert written(ana_case) == before


def test_seller_of_another_account_is_not_told_anything_about_the_case(client_as, ben, ana_case):
    client = client_as(ben)
    client.post(reverse("portal:resolve", args=[ana_case.pk]))

    page = client.get(reverse("portal:cases"))

    assert ana_case.number not in page.content.decode()
    assert "There is no case" not in page.content.decode()


# --- agents work the cases of their own teams -----------------------------------------------------


@pytest.mark.parametrize("name", WORKSPACE_GET[1:] + WORKSPACE_POST)
def test_agent_of_another_team_gets_404_on_a_case_and_writes_nothing(client_as, outsider_agent, ana_case, name):
    before = written(ana_case)

    response = send(client_as(outsider_agent), "get" if name in WORKSPACE_GET else "post", name, ana_case)

    assert response.status_code == 404
    assert written(ana_case) == before


def test_agent_of_another_team_does_not_see_the_case_in_any_queue(client_as, outsider_agent, ana_case):
    client = client_as(outsider_agent)
    for params in ({"view": "mine"}, {"view": "team", "status": "all"}, {"view": "team", "q": ana_case.number}):
        page = client.get(reverse("workspace:queue"), params)
        assert page.status_code == 200
        assert reverse("workspace:case", args=[ana_case.pk]) not in page.content.decode()


def test_agent_who_left_the_team_no_longer_works_its_case_assigned_to_them(client_as, tier1, ana_case):
    helper = AgentFactory(username="helper", teams=[tier1])
    services.assign_case(actor=helper, case_id=ana_case.pk)
    TeamMembership.objects.filter(user=helper, team=tier1).delete()

    response = client_as(helper).post(reverse("workspace:note", args=[ana_case.pk]), {"note-body": "On it."})

    assert response.status_code == 404
    assert Message.objects.filter(case=ana_case, author=helper, internal=True).count() == 0


def test_admin_sees_every_case_in_the_workspace(client_as, support_admin, ana, ben, tier1, payments_team):
    cases = [
        CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=tier1),
        CaseFactory(seller_account=ben.seller_account, opened_by=ben, team=payments_team),
        CaseFactory(seller_account=ben.seller_account, opened_by=ben, team=None),
    ]
    client = client_as(support_admin)

    queue = client.get(reverse("workspace:queue"), {"view": "team", "status": "all"}).content.decode()

    for case in cases:
        assert case.number in queue
        assert client.get(reverse("workspace:case", args=[case.pk])).status_code == 200


# --- attachments ---------------------------------------------------------------------------------------


def test_attachment_is_downloadable_by_the_sellers_account_and_the_owning_team(client_as, ana, agent, ana_attachment):
    colleague = SellerFactory(seller_account=ana.seller_account)
    # Reading the whole stream closes the file; an extra response.close() would fire request_finished
    # again and drop the test's database connection on PostgreSQL.
    for user in (ana, colleague, agent):
        response = client_as(user).get(reverse("attachment", args=[ana_attachment.pk]))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PNG
        assert response["Content-Type"] == "image/png"
        assert 'filename="proof.png"' in response["Content-Disposition"]


@pytest.mark.parametrize("who", ["ben", "outsider_agent"])
def test_attachment_is_404_for_another_seller_and_an_agent_of_another_team(request, client_as, ana_attachment, who):
    response = client_as(request.getfixturevalue(who)).get(reverse("attachment", args=[ana_attachment.pk]))

    assert response.status_code == 404


def test_attachment_of_an_internal_note_is_404_for_the_seller(client_as, ana, agent, ana_case):
    note = services.post_message(
        actor=agent,
        case_id=ana_case.pk,
        body="Screenshot of the ledger",
        internal=True,
        attachments=[SimpleUploadedFile("ledger.png", PNG, content_type="image/png")],
    )
    attachment = Attachment.objects.get(message=note)

    assert client_as(ana).get(reverse("attachment", args=[attachment.pk])).status_code == 404
    seen_by_agent = client_as(agent).get(reverse("attachment", args=[attachment.pk]))
    assert seen_by_agent.status_code == 200
    assert b"".join(seen_by_agent.streaming_content) == PNG


def test_unknown_attachment_is_404(client_as, ana):
    assert client_as(ana).get(reverse("attachment", args=[999_999])).status_code == 404


@pytest.mark.parametrize(
    ("role", "name"),
    [("ana", "portal:case"), ("ana", "portal:timeline"), ("agent", "workspace:case"), ("ana", "attachment")],
)
def test_an_id_beyond_any_database_integer_is_404_not_an_error(request, client_as, tier1, role, name):
    huge = 10**25

    response = client_as(request.getfixturevalue(role)).get(reverse(name, args=[huge]))

    assert response.status_code == 404


def test_searching_for_a_case_number_beyond_any_database_integer_finds_nothing(client_as, ana, agent, tier1):
    huge = "SD-" + "9" * 25

    assert client_as(ana).get(reverse("portal:cases"), {"q": huge}).status_code == 200
    queue = client_as(agent).get(reverse("workspace:queue"), {"view": "team", "q": huge, "team": "9" * 25})
    assert queue.status_code == 200
    assert client_as(agent).get(reverse("workspace:queue"), {"view": "team", "assignee": "9" * 25}).status_code == 200


def test_agent_of_another_team_reopening_a_case_gets_404_and_no_message(client_as, outsider_agent, ana_case, agent):
    services.change_status(actor=agent, case_id=ana_case.pk, status="resolved")
    client = client_as(outsider_agent)

    response = client.post(reverse("workspace:reopen", args=[ana_case.pk]), {"reason": "Back"})

    assert response.status_code == 404
    ana_case.refresh_from_db()
    assert ana_case.status == "resolved"
    assert "There is no case" not in client.get(reverse("workspace:queue")).content.decode()
