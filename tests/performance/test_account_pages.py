"""The seller's account page and appeal pages in the portal, and the appeal card with its decision
form in the workspace: what each person sees, errors in place, and who gets a 404."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sellerdesk.accounts.models import AccountStatus, TierCapability
from sellerdesk.cases.models import Attachment
from sellerdesk.performance import services
from sellerdesk.performance.models import Appeal, AppealStatus
from tests.performance.conftest import PLAN

APPROVE = "Listing L-4471 no longer makes germ claims, so PR-101 is met again: the suspension is lifted."
DENY = "Listing L-4471 still claims 'kills 99.9% of germs' in its bullets, which PR-101 forbids."
ESCALATION = "The bullets were rewritten last week; please check the listing as it is today."


@pytest.fixture(autouse=True)
def _configured(seeded_configuration):
    """The capability matrix, SLA policies, policy rules and detectors as the migrations seed them."""


@pytest.fixture
def suspension(ana, take_action):
    return take_action(ana.seller_account, kind="account_suspended")


@pytest.fixture
def appeal(ana, suspension, file_appeal):
    return file_appeal(ana, suspension)


def pdf(name="invoice.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 supplier invoice", content_type="application/pdf")


def text_of(response) -> str:
    return response.content.decode()


# --- the account page -------------------------------------------------------------------------------


def test_account_page_shows_status_meaning_why_what_to_do_and_the_notice(client_as, ana, suspension):
    response = client_as(ana).get("/portal/account/")

    assert response.status_code == 200
    page = text_of(response)
    assert "Suspended" in page
    assert "You cannot sell" in page  # what the status means
    assert "Account suspended under rule PR-101 Pesticides and pesticide claims." in page  # why
    assert f"/portal/account/actions/{suspension.pk}/appeal/" in page  # what to do: appeal
    assert "Fix what the notice names (Listing L-4471)." in page
    assert "/portal/cases/new/" in page  # contact support
    # The full notice with its rule, items, evidence and source.
    assert "L-4471" in page and "pesticide-claims" in page and "91% confidence" in page
    assert "appeal it from the My account page of the seller portal" in page
    assert "Account history" in page and "Status changed from Active to Suspended." in page


def test_restricted_status_says_some_products_cannot_be_sold(client_as, ana, take_action):
    take_action(ana.seller_account, kind="account_restricted")
    page = text_of(client_as(ana).get("/portal/account/"))
    assert "Restricted" in page and "Some of your products cannot be sold." in page


def test_account_page_of_a_quiet_account_has_empty_states(client_as, ben):
    page = text_of(client_as(ben).get("/portal/account/"))
    assert "Nothing to do: your account is in good standing." in page
    assert "No enforcement action has ever been taken on your account." in page
    assert "Nothing has happened on your account yet." in page


def test_account_page_lists_past_actions_and_the_appeal_state(client_as, ana, perf_agent, appeal):
    services.decide_appeal(actor=perf_agent, appeal_id=appeal.pk, decision="approve", reason=APPROVE)
    page = text_of(client_as(ana).get("/portal/account/"))
    assert "Past actions" in page
    assert "Reversed" in page and "Approved" in page
    assert f"/portal/account/appeals/{appeal.pk}/" in page
    assert "Appeal approved:" in page


def test_only_sellers_see_the_account_page_and_its_nav_link(client, client_as, ana, agent, perf_agent):
    assert 'href="/portal/account/"' in text_of(client_as(ana).get("/portal/"))
    assert 'href="/portal/account/"' not in text_of(client_as(agent).get("/workspace/"))
    assert client_as(agent).get("/portal/account/").status_code == 404
    assert client_as(perf_agent).get("/portal/account/").status_code == 404
    response = client.get("/portal/account/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- filing an appeal ---------------------------------------------------------------------------------


def test_appeal_form_shows_the_plan_fields_with_help_and_the_action(client_as, ana, suspension):
    response = client_as(ana).get(f"/portal/account/actions/{suspension.pk}/appeal/")
    assert response.status_code == 200
    page = text_of(response)
    for label in ("Root cause", "Corrective actions taken", "Preventive measures", "Evidence files"):
        assert label in page
    assert page.count("At least 30 characters.") == 3
    assert 'minlength="30"' in page
    assert "The action you appeal" in page and "L-4471" in page


def test_filing_an_appeal_with_evidence_opens_its_case(client_as, ana, perf_team, suspension):
    response = client_as(ana).post(
        f"/portal/account/actions/{suspension.pk}/appeal/", {**PLAN, "attachments": [pdf(), pdf("photo.pdf")]}
    )

    appeal = Appeal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/portal/account/appeals/{appeal.pk}/"
    assert appeal.case.team == perf_team
    assert sorted(Attachment.objects.filter(case=appeal.case).values_list("filename", flat=True)) == [
        "invoice.pdf",
        "photo.pdf",
    ]
    page = text_of(client_as(ana).get(response["Location"]))
    assert "invoice.pdf" in page and PLAN["root_cause"].replace("'", "&#x27;") in page
    assert "We aim to decide by" in page
    assert f"/portal/cases/{appeal.case_id}/" in page


def test_a_double_submit_gives_the_same_appeal(client_as, ana, suspension):
    client = client_as(ana)
    first = client.post(f"/portal/account/actions/{suspension.pk}/appeal/", PLAN)
    second = client.post(f"/portal/account/actions/{suspension.pk}/appeal/", PLAN)
    assert first["Location"] == second["Location"]
    assert Appeal.objects.count() == 1


def test_a_short_plan_and_a_bad_file_are_shown_next_to_their_fields(client_as, ana, suspension):
    url = f"/portal/account/actions/{suspension.pk}/appeal/"
    response = client_as(ana).post(url, {**PLAN, "root_cause": "Supplier text.", "corrective_actions": ""})
    assert response.status_code == 400
    page = text_of(response)
    assert "Write at least 30 characters." in page
    assert "This part of the plan of action is required." in page
    assert page.count('class="field has-error"') == 2

    bad = SimpleUploadedFile("tool.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = client_as(ana).post(url, {**PLAN, "attachments": [bad]})
    assert response.status_code == 400
    assert "tool.exe: type not allowed" in text_of(response)
    assert not Appeal.objects.exists()


def test_an_action_under_appeal_links_to_its_appeal_instead_of_a_second_form(client_as, ana, suspension, appeal):
    page = text_of(client_as(ana).get(f"/portal/account/actions/{suspension.pk}/appeal/"))
    assert "This action already has an appeal under review." in page
    assert f"/portal/account/appeals/{appeal.pk}/" in page
    response = client_as(ana).post(
        f"/portal/account/actions/{suspension.pk}/appeal/",
        {**PLAN, "root_cause": "A different root cause, written while the first appeal is open."},
    )
    assert response.status_code == 400
    assert "This action already has an appeal under review." in text_of(response)


def test_another_sellers_action_and_appeal_are_404(client, client_as, ben, agent, perf_agent, suspension, appeal):
    for path in (
        f"/portal/account/actions/{suspension.pk}/appeal/",
        f"/portal/account/appeals/{appeal.pk}/",
    ):
        for outsider in (ben, agent, perf_agent):  # the portal is for the seller's own account only
            assert client_as(outsider).get(path).status_code == 404
        assert client.get(path).status_code == 302
    escalate = f"/portal/account/appeals/{appeal.pk}/escalate/"
    for outsider in (agent, perf_agent):
        assert client_as(outsider).post(escalate, {"reason": ESCALATION}).status_code == 404
    assert client.post(escalate, {"reason": ESCALATION}).status_code == 302
    assert client_as(ben).post(f"/portal/account/actions/{suspension.pk}/appeal/", PLAN).status_code == 404
    assert (
        client_as(ben).post(f"/portal/account/appeals/{appeal.pk}/escalate/", {"reason": ESCALATION}).status_code == 404
    )
    assert client_as(ben).get("/portal/account/actions/999999/appeal/").status_code == 404
    assert Appeal.objects.count() == 1


# --- following an appeal ------------------------------------------------------------------------------


def test_more_information_request_sends_the_seller_to_the_case(client_as, ana, perf_agent, appeal):
    question = "Please send the supplier's corrected product sheet for listing L-4471."
    services.decide_appeal(actor=perf_agent, appeal_id=appeal.pk, decision="more_info", reason=question)
    page = text_of(client_as(ana).get(f"/portal/account/appeals/{appeal.pk}/"))
    assert "We need more information to decide your appeal:" in page
    assert question.replace("'", "&#x27;") in page
    assert f"/portal/cases/{appeal.case_id}/#reply" in page


def test_denied_appeal_offers_one_senior_review(client_as, ana, perf_agent, senior_team, senior_agent, appeal):
    services.decide_appeal(actor=perf_agent, appeal_id=appeal.pk, decision="deny", reason=DENY)
    url = f"/portal/account/appeals/{appeal.pk}/"
    page = text_of(client_as(ana).get(url))
    assert "Your appeal is denied." in page and "in its bullets" in page
    assert "Ask for a senior review" in page
    assert f"/portal/account/actions/{appeal.action_id}/appeal/" in page  # or appeal again with a new plan

    response = client_as(ana).post(f"{url}escalate/", {"reason": "Too short."})
    assert response.status_code == 400
    assert "Tell the senior team what the decision missed" in text_of(response)

    response = client_as(ana).post(f"{url}escalate/", {"reason": ESCALATION})
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.ESCALATED
    assert appeal.case.team == senior_team
    page = text_of(client_as(ana).get(url))
    assert "A senior reviewer is deciding your appeal again." in page
    assert 'action="/portal/account/appeals/' not in page  # no second form

    services.decide_appeal(actor=senior_agent, appeal_id=appeal.pk, decision="deny", reason=DENY)
    assert 'id="senior-review"' not in text_of(client_as(ana).get(url))
    response = client_as(ana).post(f"{url}escalate/", {"reason": ESCALATION})
    assert response.status_code == 400
    assert "This appeal has already had its senior review." in text_of(response)
    assert 'id="senior-review"' not in text_of(response)


def test_the_appeal_case_links_to_its_appeal_page(client_as, ana, appeal, open_case_as):
    page = text_of(client_as(ana).get(f"/portal/cases/{appeal.case_id}/"))
    assert f"/portal/account/appeals/{appeal.pk}/" in page
    other = open_case_as(ana)
    assert 'id="appeal-link"' not in text_of(client_as(ana).get(f"/portal/cases/{other.pk}/"))


# --- the workspace appeal card ------------------------------------------------------------------------


def test_perf_agent_sees_the_appeal_card_with_the_decision_form(client_as, perf_agent, appeal):
    page = text_of(client_as(perf_agent).get(f"/workspace/cases/{appeal.case_id}/"))
    assert 'id="appeal"' in page
    assert "pesticide-claims" in page and "version 3.2" in page and "91% confidence" in page
    assert "L-4471" in page and "without a registration number" in page
    assert "copied" in page  # the plan of action
    assert "Decision due by" in page
    assert f'action="/workspace/cases/{appeal.case_id}/appeal/decide/"' in page
    assert "Name the rule (PR-101) or the item the decision is about" in page
    assert "None: this is the first appeal of this action." in page


def test_the_card_lists_earlier_appeals_and_the_evidence_files(client_as, ana, perf_agent, suspension):
    first, _created = services.file_appeal(actor=ana, action_id=suspension.pk, **PLAN)
    services.decide_appeal(actor=perf_agent, appeal_id=first.pk, decision="deny", reason=DENY)
    second, _created = services.file_appeal(
        actor=ana,
        action_id=suspension.pk,
        **{**PLAN, "root_cause": "A second copy of the supplier text was in the image alt texts."},
        attachments=[pdf("lab-report.pdf")],
    )
    page = text_of(client_as(perf_agent).get(f"/workspace/cases/{second.case_id}/"))
    assert "lab-report.pdf" in page
    assert f'href="/workspace/cases/{first.case_id}/"' in page
    assert "in its bullets" in page  # the earlier decision's reason


def test_a_team_whose_tier_may_not_decide_sees_the_card_read_only(client_as, perf_agent, appeal):
    TierCapability.objects.filter(tier="seller_performance", capability="decide_appeal").delete()
    page = text_of(client_as(perf_agent).get(f"/workspace/cases/{appeal.case_id}/"))
    assert 'id="appeal"' in page
    assert "appeal/decide/" not in page
    assert "Only agents of the owning team whose tier may decide appeals decide this one." in page


def test_a_case_that_is_no_appeal_has_no_card(client_as, ana, agent, tier1, open_case_as):
    case = open_case_as(ana)
    assert 'id="appeal"' not in text_of(client_as(agent).get(f"/workspace/cases/{case.pk}/"))
    assert client_as(agent).post(f"/workspace/cases/{case.pk}/appeal/decide/", {}).status_code == 404


def test_approving_from_the_workspace_restores_the_account(client_as, ana, perf_agent, appeal):
    client = client_as(perf_agent)
    response = client.post(
        f"/workspace/cases/{appeal.case_id}/appeal/decide/", {"appeal-decision": "approve", "appeal-reason": APPROVE}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/workspace/cases/{appeal.case_id}/#appeal")
    ana.seller_account.refresh_from_db()
    assert ana.seller_account.status == AccountStatus.ACTIVE
    page = text_of(client.get(response["Location"]))
    assert "Appeal approved: the action is reversed" in page
    assert "appeal/decide/" not in page  # decided: the card is read-only


def test_a_vague_reason_is_refused_in_place(client_as, perf_agent, appeal):
    response = client_as(perf_agent).post(
        f"/workspace/cases/{appeal.case_id}/appeal/decide/",
        {"appeal-decision": "deny", "appeal-reason": "We looked at everything you sent and made a decision today."},
    )
    assert response.status_code == 400
    page = text_of(response)
    assert "Name the rule (PR-101) or the item the decision is about, and say what you found." in page
    assert '<p class="field-error" role="alert">' in page
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.SUBMITTED


def test_who_may_open_the_appeal_case_and_post_a_decision(client, client_as, ana, ben, agent, senior_agent, appeal):
    page = f"/workspace/cases/{appeal.case_id}/"
    decide = f"{page}appeal/decide/"
    data = {"appeal-decision": "approve", "appeal-reason": APPROVE}
    for outsider in (agent, senior_agent, ana, ben):  # other teams' agents and sellers: 404
        assert client_as(outsider).get(page).status_code == 404
        assert client_as(outsider).post(decide, data).status_code == 404
    assert client.post(decide, data).status_code == 302  # to the sign-in page
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.SUBMITTED


def test_admins_may_decide(client_as, support_admin, appeal):
    page = text_of(client_as(support_admin).get(f"/workspace/cases/{appeal.case_id}/"))
    assert "appeal/decide/" in page
