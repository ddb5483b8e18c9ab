"""The recovery channel: a locked-out seller proves who they are out of band (a one-time code to the
registered e-mail or phone, or identity documents an agent reviews), sees nothing before that, and
then appeals and talks to support."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from sellerdesk.cases.models import Case, Message
from sellerdesk.core import clock
from sellerdesk.core.errors import SellerdeskError
from sellerdesk.performance import recovery
from sellerdesk.performance.models import AccountEvent, Appeal, RecoveryRequest
from tests.factories import AgentFactory, LeadFactory

from .conftest import PLAN

pytestmark = pytest.mark.django_db

SENT = []


def capture_sms(phone, text):
    SENT.append((phone, text))


@pytest.fixture
def locked(ana, perf_team, seeded_configuration, take_action, tier1, django_capture_on_commit_callbacks):
    """Ana's account, suspended by an action, with a registered e-mail address and phone."""
    account = ana.seller_account
    account.registered_email = "Owner@Anas-Crafts.example"
    account.registered_phone = "+34 612 345 678"
    account.save()
    with django_capture_on_commit_callbacks(execute=True):
        action = take_action(account, kind="account_suspended")
    account.refresh_from_db()
    assert account.status == "suspended"
    mail.outbox.clear()
    return action


def code_in(message) -> str:
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def ask(client, **fields):
    payload = {
        "seller": "A0000000000",
        "method": "email",
        "destination": "owner@anas-crafts.example",
        "reason": "suspended",
        **fields,
    }
    return client.post("/api/v1/recovery/code", payload, content_type="application/json")


@pytest.fixture
def api(locked):
    client = Client(REMOTE_ADDR="203.0.113.7")
    client.seller_id = locked.seller_account.marketplace_seller_id
    return client


def test_suspended_seller_appeals_through_recovery_but_sees_nothing_before_verifying(
    api, locked, django_capture_on_commit_callbacks, perf_team
):
    seller_id = api.seller_id
    # Before verifying: no session, a made-up one, or a request not yet verified — nothing shows.
    for headers in ({}, {"X-Recovery-Session": "nonsense"}, {"X-Recovery-Session": "x:y"}):
        response = api.get("/api/v1/recovery/account", headers=headers)
        assert response.status_code in (403, 422), response.content
        assert b"Ana" not in response.content and b"PR-101" not in response.content
    with django_capture_on_commit_callbacks(execute=True):
        asked = ask(api, seller=seller_id)
    assert asked.status_code == 202
    token = asked.json()["token"]
    pending = RecoveryRequest.objects.get(token=token)
    response = api.get("/api/v1/recovery/account", headers={"X-Recovery-Session": f"{token}:anything"})
    assert response.status_code == 403 and response.json()["code"] == "recovery_not_verified"
    assert b"Ana" not in response.content
    # The code went to the registered address only, and is not stored in the clear.
    assert [m.to for m in mail.outbox] == [["Owner@Anas-Crafts.example"]]
    code = code_in(mail.outbox[0])
    pending.refresh_from_db()
    assert code not in pending.code_hash and len(pending.code_hash) == 64
    # The web pages show nothing either.
    page = Client().get("/recovery/account/")
    assert page.status_code == 302 and page["Location"] == "/recovery/"

    wrong = api.post("/api/v1/recovery/verify", {"token": token, "code": "000000"}, content_type="application/json")
    assert wrong.status_code == 422 and wrong.json()["code"] == "recovery_code_invalid"
    assert "4 tries left" in wrong.json()["fields"]["code"][0]
    with django_capture_on_commit_callbacks(execute=True):
        verified = api.post("/api/v1/recovery/verify", {"token": token, "code": code}, content_type="application/json")
    assert verified.status_code == 200, verified.content
    session = verified.json()["session"]
    pending.refresh_from_db()
    assert session.split(":")[1] not in pending.session_hash
    # The account's users are told that someone verified through the recovery channel.
    assert any("recovery" in m.body.lower() or "Identity" in m.subject for m in mail.outbox)

    headers = {"X-Recovery-Session": session}
    account = api.get("/api/v1/recovery/account", headers=headers).json()
    assert account["status"] == "suspended"
    assert "PR-101" in account["status_reason"]
    assert account["actions"][0]["id"] == locked.pk and "L-4471" in account["actions"][0]["notice"]

    filed = api.post(
        "/api/v1/recovery/appeals", {"action_id": locked.pk, **PLAN}, content_type="application/json", headers=headers
    )
    assert filed.status_code == 201, filed.content
    appeal = Appeal.objects.get(pk=filed.json()["id"])
    assert appeal.via_recovery and appeal.action == locked
    assert appeal.case.category == "appeals" and appeal.case.team == perf_team and appeal.case.urgent
    again = api.post(
        "/api/v1/recovery/appeals", {"action_id": locked.pk, **PLAN}, content_type="application/json", headers=headers
    )
    assert again.status_code == 200 and again.json()["id"] == appeal.pk

    shown = api.get(f"/api/v1/recovery/cases/{appeal.case_id}", headers=headers).json()
    assert shown["case"]["number"] == appeal.case.number
    assert all(e["public"] for e in shown["events"])
    replied = api.post(
        f"/api/v1/recovery/cases/{appeal.case_id}/messages",
        {"body": "Here is the supplier invoice number INV-2231 for the units."},
        content_type="application/json",
        headers=headers,
    )
    assert replied.status_code == 201
    assert api.post("/api/v1/recovery/sign-out", headers=headers).status_code == 204
    assert api.get("/api/v1/recovery/account", headers=headers).status_code == 403


def test_details_that_match_nothing_get_the_same_answer_and_no_code(api, locked, django_capture_on_commit_callbacks):
    answers = []
    for fields in (
        {"seller": api.seller_id},
        {"seller": api.seller_id, "destination": "someone-else@example.com"},
        {"seller": "A9999999999"},
    ):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = ask(api, **fields)
        assert response.status_code == 202
        answers.append((set(response.json()), response.json()["message"], len(mail.outbox)))
    assert answers[0][:2] == answers[1][:2] == answers[2][:2]
    assert [a[2] for a in answers] == [1, 0, 0]
    # Guessing a code for a request that matched nothing never opens a session.
    token = RecoveryRequest.objects.filter(seller_account__isnull=True).first().token
    for guess in ("123456", "000000"):
        response = api.post(
            "/api/v1/recovery/verify", {"token": str(token), "code": guess}, content_type="application/json"
        )
        assert response.status_code == 422


def test_rate_limits_are_per_seller_id_and_per_client_whatever_the_details(api, locked, settings):
    for _ in range(3):
        assert ask(api, seller="A9999999999").status_code == 202
    limited = ask(api, seller="a9999999999")
    assert limited.status_code == 429 and limited.json()["code"] == "too_many_requests"
    # Another client may still ask for another seller id, up to its own limit.
    other = Client(REMOTE_ADDR="198.51.100.3")
    settings.SELLERDESK = {
        **settings.SELLERDESK,
        "RECOVERY": {**settings.SELLERDESK["RECOVERY"], "CODES_PER_HOUR": 100},
    }
    for n in range(10):
        assert ask(other, seller=f"B{n}").status_code == 202
    assert ask(other, seller="B99").status_code == 429
    # An hour later the limits are lifted.
    RecoveryRequest.objects.update(created_at=clock.now() - dt.timedelta(hours=1, seconds=1))
    assert ask(other, seller="B99").status_code == 202


def test_a_code_expires_after_five_wrong_tries_and_after_fifteen_minutes(
    api, locked, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        token = ask(api, seller=api.seller_id).json()["token"]
    code = code_in(mail.outbox[-1])
    for _ in range(5):
        api.post("/api/v1/recovery/verify", {"token": token, "code": "111111"}, content_type="application/json")
    response = api.post("/api/v1/recovery/verify", {"token": token, "code": code}, content_type="application/json")
    assert response.status_code == 410 and response.json()["code"] == "recovery_code_expired"

    with django_capture_on_commit_callbacks(execute=True):
        token = ask(api, seller=api.seller_id).json()["token"]
    code = code_in(mail.outbox[-1])
    RecoveryRequest.objects.filter(token=token).update(expires_at=clock.now() - dt.timedelta(seconds=1))
    response = api.post("/api/v1/recovery/verify", {"token": token, "code": code}, content_type="application/json")
    assert response.status_code == 410
    unknown = api.post(
        "/api/v1/recovery/verify", {"token": "not-a-token", "code": code}, content_type="application/json"
    )
    assert unknown.status_code == 404


def test_a_session_ends_after_an_hour(api, locked, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        token = ask(api, seller=api.seller_id).json()["token"]
    made, secret = recovery.verify(token=token, code=code_in(mail.outbox[-1]), client="203.0.113.7")
    value = recovery.session_value(made, secret)
    assert recovery.session(value).pk == made.pk
    RecoveryRequest.objects.filter(pk=made.pk).update(session_until=clock.now() - dt.timedelta(seconds=1))
    assert api.get("/api/v1/recovery/account", headers={"X-Recovery-Session": value}).status_code == 403


def test_code_by_text_message_goes_to_the_registered_phone(api, locked, settings, django_capture_on_commit_callbacks):
    settings.SELLERDESK = {
        **settings.SELLERDESK,
        "RECOVERY": {**settings.SELLERDESK["RECOVERY"], "SMS_SENDER": "tests.performance.test_recovery.capture_sms"},
    }
    SENT.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert ask(api, seller=api.seller_id, method="phone", destination="0034 612 345 678").status_code == 202
        assert ask(api, seller=api.seller_id, method="phone", destination="+34 699 000 000").status_code == 202
    assert len(SENT) == 1 and SENT[0][0] == "+34 612 345 678" and re.search(r"\d{6}", SENT[0][1])
    bad = ask(api, seller=api.seller_id, method="phone", destination="call me")
    assert bad.status_code == 422 and "destination" in bad.json()["fields"]


def test_bad_input_is_a_clear_4xx(api, locked):
    assert ask(api, method="pigeon").status_code == 422
    assert ask(api, destination="not-an-email").json()["fields"]["destination"]
    assert ask(api, reason="bored").status_code == 422
    assert api.post("/api/v1/recovery/code", "{", content_type="application/json").status_code == 400
    assert api.post("/api/v1/recovery/verify", {"token": "x"}, content_type="application/json").status_code == 422


def post_documents(api):
    """Sends a passport scan through POST /api/v1/recovery/documents for the locked account."""
    passport = SimpleUploadedFile("passport.pdf", b"%PDF-1.4 passport scan", content_type="application/pdf")
    return api.post(
        "/api/v1/recovery/documents",
        {
            "seller": api.seller_id,
            "contact_email": "ana.new@example.org",
            "reason": "compromised",
            "documents": [passport],
        },
    )


def test_identity_documents_reviewed_by_an_agent_lead_to_a_code(
    api, locked, perf_agent, agent, client_as, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_documents(api)
    assert response.status_code == 202, response.content
    token = response.json()["token"]
    assert mail.outbox == []  # nothing is sent before the review
    made = RecoveryRequest.objects.get(token=token)
    assert made.review == "pending" and made.documents.count() == 1

    # Only staff who may change account status review identities.
    assert client_as(agent).get("/workspace/performance/identity-reviews/").status_code == 403
    reviewer = client_as(perf_agent)
    listing = reviewer.get("/workspace/performance/identity-reviews/")
    assert listing.status_code == 200 and "ana.new@example.org" in listing.content.decode()
    detail = reviewer.get(f"/workspace/performance/identity-reviews/{made.pk}/")
    assert "passport.pdf" in detail.content.decode()
    document = made.documents.get()
    assert (
        reviewer.get(f"/workspace/performance/identity-reviews/{made.pk}/documents/{document.pk}/").status_code == 200
    )
    assert (
        client_as(agent).get(f"/workspace/performance/identity-reviews/{made.pk}/documents/{document.pk}/").status_code
        == 403
    )

    short = reviewer.post(f"/workspace/performance/identity-reviews/{made.pk}/decide/", {"accept": "1", "reason": "ok"})
    assert short.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        done = reviewer.post(
            f"/workspace/performance/identity-reviews/{made.pk}/decide/",
            {"accept": "1", "reason": "Passport name matches the account holder on file."},
        )
    assert done.status_code == 302
    assert [m.to for m in mail.outbox] == [["ana.new@example.org"]]
    verified = api.post(
        "/api/v1/recovery/verify", {"token": token, "code": code_in(mail.outbox[0])}, content_type="application/json"
    )
    assert verified.status_code == 200
    again = reviewer.post(
        f"/workspace/performance/identity-reviews/{made.pk}/decide/",
        {"accept": "0", "reason": "Second thoughts on this one."},
    )
    assert again.status_code == 400


def test_documents_not_accepted_tell_the_seller_why(api, locked, perf_agent, django_capture_on_commit_callbacks):
    passport = SimpleUploadedFile("id.png", b"\x89PNG\r\n\x1a\n....", content_type="image/png")
    made = recovery.request_review(
        seller_id=api.seller_id, contact_email="x@example.org", reason="no_access", documents=[passport], client="1"
    )
    with django_capture_on_commit_callbacks(execute=True):
        recovery.review_documents(
            actor=perf_agent, request_id=made.pk, accept=False, reason="The photo is unreadable; send a clearer scan."
        )
    assert mail.outbox[0].to == ["x@example.org"] and "unreadable" in mail.outbox[0].body
    assert not re.search(r"\b\d{6}\b", mail.outbox[0].body)
    assert AccountEvent.objects.filter(kind="recovery_reviewed", public=False).count() == 1


def start_on_the_web(browser, seller_id, django_capture_on_commit_callbacks):
    """Asks for a code on the recovery page, to the registered e-mail address."""
    with django_capture_on_commit_callbacks(execute=True):
        return browser.post(
            "/recovery/",
            {
                "code-seller": seller_id,
                "code-reason": "suspended",
                "code-method": "email",
                "code-destination": "owner@anas-crafts.example",
            },
        )


def test_web_flow_code_then_appeal_and_a_case(api, locked, perf_team, django_capture_on_commit_callbacks):
    browser = Client(REMOTE_ADDR="192.0.2.10")
    assert browser.get("/recovery/").status_code == 200
    refused = browser.post("/recovery/", {"code-seller": "", "code-method": "email", "code-destination": "x"})
    assert refused.status_code == 400 and "field-error" in refused.content.decode()
    started = start_on_the_web(browser, api.seller_id, django_capture_on_commit_callbacks)
    assert started.status_code == 302
    verify_url = started["Location"]
    page = browser.get(verify_url).content.decode()
    assert "If the details match" in page and "Ana" not in page
    assert browser.post(verify_url, {"code": "999999"}).status_code == 400
    done = browser.post(verify_url, {"code": code_in(mail.outbox[-1])})
    assert done.status_code == 302 and done["Location"] == "/recovery/account/"
    account = browser.get("/recovery/account/").content.decode()
    assert "Suspended" in account and "L-4471" in account

    appealed = browser.post(
        f"/recovery/account/actions/{locked.pk}/appeal/",
        {**PLAN, "attachments": SimpleUploadedFile("fixed.txt", b"Bullet 3 rewritten.", content_type="text/plain")},
    )
    assert appealed.status_code == 302
    appeal = Appeal.objects.get(action=locked)
    assert appeal.case.attachments.count() == 1
    assert browser.get(appealed["Location"]).status_code == 200

    opened = browser.post(
        "/recovery/account/cases/new/",
        {"subject": "Someone changed my bank account", "body": "The payout account was changed yesterday, not by us."},
    )
    assert opened.status_code == 302
    case_page = browser.get(opened["Location"]).content.decode()
    assert "Someone changed my bank account" in case_page
    assert browser.post("/recovery/sign-out/").status_code == 302
    assert browser.get("/recovery/account/").status_code == 302


def test_a_session_reads_only_its_own_accounts_recovery_cases(
    api, locked, ana, ben, open_case_as, tier1, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        token = ask(api, seller=api.seller_id).json()["token"]
    made, secret = recovery.verify(token=token, code=code_in(mail.outbox[-1]), client="1")
    headers = {"X-Recovery-Session": recovery.session_value(made, secret)}
    bens = open_case_as(ben, subject="Ben's payout", category="account_access")
    anas_other = open_case_as(ana, subject="Shipping label", category="order_fulfillment")
    for case in (bens, anas_other):
        assert api.get(f"/api/v1/recovery/cases/{case.pk}", headers=headers).status_code == 404
    missing = api.post(
        "/api/v1/recovery/appeals", {"action_id": 999999, **PLAN}, content_type="application/json", headers=headers
    )
    assert missing.status_code == 404


def test_a_verified_reviewer_needs_the_capability(locked, agent):
    made = recovery.request_review(
        seller_id=locked.seller_account.marketplace_seller_id,
        contact_email="x@example.org",
        reason="no_access",
        documents=[SimpleUploadedFile("id.pdf", b"%PDF-1.4", content_type="application/pdf")],
        client="1",
    )
    for who in (agent, AgentFactory(username="no-team")):
        with pytest.raises(SellerdeskError) as info:
            recovery.review_documents(actor=who, request_id=made.pk, accept=True, reason="Looks fine to me, accept.")
        assert info.value.code == "missing_capability"


def test_behind_a_proxy_the_configured_header_gives_the_client_address(settings):
    meta = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.9, 203.0.113.50"}
    assert recovery.client_address(meta) == "10.0.0.2"
    settings.SELLERDESK = {
        **settings.SELLERDESK,
        "RECOVERY": {**settings.SELLERDESK["RECOVERY"], "CLIENT_ADDRESS_HEADER": "HTTP_X_FORWARDED_FOR"},
    }
    assert recovery.client_address(meta) == "203.0.113.50"  # the entry the proxy added
    assert recovery.client_address({"REMOTE_ADDR": "10.0.0.2"}) == "10.0.0.2"


def test_the_account_audit_trail_is_append_only(locked):
    event = AccountEvent.objects.filter(seller_account=locked.seller_account).first()
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        AccountEvent.objects.filter(pk=event.pk).update(public=False)


# --- the identity review's deadline ------------------------------------------------------------------------

T0 = dt.datetime(2030, 3, 4, 9, 0, tzinfo=dt.UTC)


def documents_sent(seller_id, at=T0, **fields):
    passport = SimpleUploadedFile("passport.pdf", b"%PDF-1.4 passport scan", content_type="application/pdf")
    with clock.frozen_at(at):
        return recovery.request_review(
            seller_id=seller_id,
            contact_email="ana.new@example.org",
            reason="compromised",
            documents=[passport],
            client="198.51.100.4",
            **fields,
        )


def test_the_seller_is_told_when_the_review_is_due(api, settings):
    settings.SELLERDESK = {**settings.SELLERDESK, "RECOVERY": {**settings.SELLERDESK["RECOVERY"], "REVIEW_HOURS": 12}}
    with clock.frozen_at(T0):
        response = post_documents(api)

    assert response.status_code == 202, response.content
    body = response.json()
    assert body["review_due_at"] == "2030-03-04T21:00:00Z"
    assert "within 12 hours" in body["message"]
    made = RecoveryRequest.objects.get(token=body["token"])
    assert made.review_due_at == T0 + dt.timedelta(hours=12)
    with clock.frozen_at(T0):
        page = api.get(f"/recovery/{made.token}/")
    assert "We review documents within 12 hours: by 4 Mar 2030" in page.content.decode()


def test_overdue_identity_reviews_are_told_to_the_reviewing_leads_once(
    api, locked, perf_team, perf_agent, client_as, django_capture_on_commit_callbacks
):
    lead = LeadFactory(username="perf-lead", email="perf-lead@sellerdesk.example", teams=[perf_team])
    waiting = documents_sent(api.seller_id)
    decided = documents_sent(api.seller_id)
    recovery.review_documents(
        actor=perf_agent, request_id=decided.pk, accept=True, reason="Passport matches the holder."
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        before = recovery.alert_overdue_identity_reviews(now=T0 + dt.timedelta(hours=23))
        due = recovery.alert_overdue_identity_reviews(now=T0 + dt.timedelta(hours=25))
        again = recovery.alert_overdue_identity_reviews(now=T0 + dt.timedelta(hours=26))

    assert (before, due, again) == (0, 1, 0)
    assert [m.to for m in mail.outbox] == [[lead.email]]
    assert f"/workspace/performance/identity-reviews/{waiting.pk}/" in mail.outbox[0].body
    with clock.frozen_at(T0 + dt.timedelta(hours=25)):
        queue = client_as(perf_agent).get("/workspace/performance/identity-reviews/").content.decode()
        detail = client_as(perf_agent).get(f"/workspace/performance/identity-reviews/{waiting.pk}/").content.decode()
    assert "Overdue" in queue and "Overdue" in detail
    with clock.frozen_at(T0 + dt.timedelta(hours=1)):
        assert "Overdue" not in client_as(perf_agent).get("/workspace/performance/identity-reviews/").content.decode()


def test_the_overdue_sweep_is_registered_with_the_scheduler():
    from sellerdesk.core.sweeps import registered

    assert recovery.alert_overdue_identity_reviews in [sweep for _name, sweep in registered()]


# --- retries in the recovery channel ---------------------------------------------------------------------


def verified_session(api, django_capture_on_commit_callbacks) -> dict:
    with django_capture_on_commit_callbacks(execute=True):
        token = ask(api, seller=api.seller_id).json()["token"]
    made, secret = recovery.verify(token=token, code=code_in(mail.outbox[-1]), client="1")
    return {"X-Recovery-Session": recovery.session_value(made, secret)}


def test_retried_recovery_cases_and_replies_with_a_key_are_written_once(
    api, locked, tier1, django_capture_on_commit_callbacks
):
    session = verified_session(api, django_capture_on_commit_callbacks)
    case = {"subject": "Someone changed my bank account", "body": "The payout account was changed, not by us."}

    def post(path, body, key):
        return api.post(path, body, content_type="application/json", headers={**session, "Idempotency-Key": key})

    first, retry = post("/api/v1/recovery/cases", case, "open-1"), post("/api/v1/recovery/cases", case, "open-1")
    assert first.status_code == retry.status_code == 201, retry.content
    case_id = first.json()["id"]
    assert retry.json()["id"] == case_id
    reply = {"body": "The change was made from an address in another country."}
    for _attempt in range(2):
        assert post(f"/api/v1/recovery/cases/{case_id}/messages", reply, "reply-1").status_code == 201
    assert Message.objects.filter(case_id=case_id).count() == 2  # the opening message and one reply
    other = post("/api/v1/recovery/cases", {**case, "subject": "Another problem"}, "open-1")
    assert other.status_code == 409 and other.json()["code"] == "idempotency_key_reused"


def test_the_recovery_web_forms_write_once_when_sent_twice(api, locked, tier1, django_capture_on_commit_callbacks):
    browser = Client(REMOTE_ADDR="192.0.2.11")
    started = start_on_the_web(browser, api.seller_id, django_capture_on_commit_callbacks)
    browser.post(started["Location"], {"code": code_in(mail.outbox[-1])})
    page = browser.get("/recovery/account/").content.decode()
    key = re.search(r'name="idempotency_key" value="([^"]+)"', page).group(1)
    form = {"subject": "Someone changed my bank account", "body": "Not by us.", "idempotency_key": key}

    first, double_click = (
        browser.post("/recovery/account/cases/new/", form),
        browser.post("/recovery/account/cases/new/", form),
    )
    back_button = browser.post("/recovery/account/cases/new/", {**form, "subject": "Another problem"})

    assert first.status_code == double_click.status_code == 302 and first["Location"] == double_click["Location"]
    assert back_button.status_code == 400
    assert "This form was already sent and opened a case (listed above)." in back_button.content.decode()
    assert Case.objects.filter(seller_account=locked.seller_account, category="account_access").count() == 1
    case_page = browser.get(first["Location"]).content.decode()
    reply_key = re.search(r'name="idempotency_key" value="([^"]+)"', case_page).group(1)
    reply = {"body": "The change was made yesterday.", "idempotency_key": reply_key}
    browser.post(first["Location"], reply)
    browser.post(first["Location"], reply)
    assert Message.objects.filter(case__seller_account=locked.seller_account, body=reply["body"]).count() == 1
