"""The seller portal through its web pages: the case list, opening a case, the case page and its
forms (reply, "my problem is solved", reopen) and the live timeline."""

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from sellerdesk.cases import services
from sellerdesk.cases.lifecycle import Status
from sellerdesk.cases.models import Attachment, Case, CaseEvent, Message
from sellerdesk.core import clock
from tests.factories import AgentFactory, CaseFactory, SellerFactory

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2025, 3, 3, 9, 0, tzinfo=dt.UTC)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 48
CASES = reverse("portal:cases")
NEW = reverse("portal:new")


def case_url(case: Case, name: str = "case") -> str:
    return reverse(f"portal:{name}", args=[case.pk])


def png(name: str = "screenshot.png", content: bytes = PNG) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="image/png")


def new_case_form(**overrides) -> dict:
    return {"subject": "Payout missing", "body": "My payout of March did not arrive.", "category": "", **overrides}


def case_of(seller, status=Status.NEW, **extra) -> Case:
    return CaseFactory(seller_account=seller.seller_account, opened_by=seller, status=status, **extra)


def link_to(case: Case) -> str:
    return f'href="{case_url(case)}"'


def hidden_key(html: str) -> str:
    return re.search(r'name="idempotency_key" value="([^"]+)"', html).group(1)


@pytest.fixture
def seller(client_as, ana):
    """Ana's browser."""
    return client_as(ana)


# --- the case list -----------------------------------------------------------------------------------


def test_case_list_shows_only_the_cases_of_the_sellers_own_account(seller, ana, ben):
    mine, theirs = case_of(ana, subject="Mine"), case_of(ben, subject="Theirs")

    page = seller.get(CASES)

    assertContains(page, link_to(mine))
    assertNotContains(page, link_to(theirs))
    assertNotContains(page, theirs.number)


def test_case_list_shows_cases_opened_by_another_user_of_the_same_account(client_as, ana, open_case_as, tier1):
    case = open_case_as(ana, subject="Opened by Ana")
    colleague = SellerFactory(username="carla", seller_account=ana.seller_account)

    page = client_as(colleague).get(CASES)

    assertContains(page, link_to(case))
    assert client_as(colleague).get(case_url(case)).status_code == 200


@pytest.mark.parametrize(
    ("tab", "shown"),
    [
        ("active", {"new", "open", "waiting_on_seller", "waiting_on_marketplace"}),
        ("resolved", {"resolved"}),
        ("closed", {"closed"}),
        ("all", set(Status.values)),
        ("nonsense", {"new", "open", "waiting_on_seller", "waiting_on_marketplace"}),
    ],
)
def test_case_list_tabs_filter_by_status(seller, ana, tab, shown):
    cases = {status: case_of(ana, status=status) for status in Status.values}

    page = seller.get(CASES, {"tab": tab})

    listed = {status for status, case in cases.items() if link_to(case) in page.content.decode()}
    assert listed == shown


def test_case_list_search_finds_a_case_by_its_number(seller, ana):
    wanted, other = case_of(ana, subject="Wanted"), case_of(ana, subject="Other")

    for query in (wanted.number, wanted.number.lower(), str(wanted.pk)):
        page = seller.get(CASES, {"tab": "all", "q": query})
        assertContains(page, link_to(wanted))
        assertNotContains(page, link_to(other))


def test_case_list_search_finds_a_case_by_its_order_id(seller, ana):
    wanted = case_of(ana, subject="Parcel lost", order_id="ORD-7781")
    other = case_of(ana, subject="Another parcel", order_id="ORD-1234")

    page = seller.get(CASES, {"q": "ORD-7781"})

    assertContains(page, link_to(wanted))
    assertNotContains(page, link_to(other))


def test_case_list_search_never_reaches_another_accounts_case_by_number(seller, ben):
    theirs = case_of(ben)

    page = seller.get(CASES, {"tab": "all", "q": theirs.number})

    assertNotContains(page, link_to(theirs))
    assertContains(page, f"No case matches “{theirs.number}”.")


def test_case_list_without_cases_invites_the_seller_to_open_one(seller):
    page = seller.get(CASES)

    assertContains(page, "You have no open cases. If something is wrong, open a case and a person will answer.")
    assertContains(page, f'href="{NEW}"')


def test_case_list_with_an_empty_tab_says_so(seller, ana):
    case_of(ana, status=Status.OPEN)

    assertContains(seller.get(CASES, {"tab": "closed"}), "No cases here yet.")


def test_case_list_search_without_match_names_the_query_escaped(seller, ana):
    case_of(ana)

    page = seller.get(CASES, {"q": "<b>nothing</b>"})

    assertContains(page, "No case matches “&lt;b&gt;nothing&lt;/b&gt;”.")
    assertNotContains(page, "<b>nothing</b>")


def test_case_list_query_count_does_not_grow_with_the_number_of_cases(seller, ana, tier1, agent):
    def make(n):
        for i in range(n):
            case_of(ana, team=tier1, assignee=agent if i % 2 else None, order_id=f"O{i}", urgent=i % 3 == 0)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert seller.get(CASES, {"tab": "all"}).status_code == 200
        return len(captured)

    make(5)
    seller.get(CASES)  # warm the session
    with_five = queries()
    make(25)
    with_thirty = queries()

    assert with_thirty == with_five


# --- opening a case ----------------------------------------------------------------------------------


def test_new_case_form_carries_a_fresh_idempotency_key(seller):
    first, second = seller.get(NEW), seller.get(NEW)

    assert first.status_code == 200
    assert hidden_key(first.content.decode()) != hidden_key(second.content.decode())


def test_opening_a_case_through_the_form_redirects_to_its_page_and_creates_one_case(seller, ana, tier1):
    response = seller.post(NEW, new_case_form(order_id="ORD-1", urgent="on"))

    case = Case.objects.get()
    assertRedirects(response, case_url(case), fetch_redirect_response=False)
    assert (case.seller_account, case.opened_by, case.order_id, case.urgent) == (ana.seller_account, ana, "ORD-1", True)
    assert case.team == tier1
    page = seller.get(case_url(case))
    assertContains(page, f"Case {case.number} is open. We will answer here.")
    assertContains(page, "My payout of March did not arrive.")


def test_submitting_the_new_case_form_twice_with_the_same_key_creates_one_case(seller, tier1):
    key = hidden_key(seller.get(NEW).content.decode())

    first = seller.post(NEW, new_case_form(idempotency_key=key))
    second = seller.post(NEW, new_case_form(idempotency_key=key))

    case = Case.objects.get()
    assert first["Location"] == second["Location"] == case_url(case)
    assert Message.objects.filter(case=case).count() == 1


@pytest.mark.parametrize("crafted", ["k" * 129, "key\x00with a NUL", "<script>"])
def test_a_crafted_form_key_is_ignored_not_a_server_error(seller, tier1, crafted):
    """Only a key the form could have carried is kept: an overlong or binary one would fail in the
    database (PostgreSQL refuses NUL and more than 128 characters)."""
    response = seller.post(NEW, new_case_form(idempotency_key=crafted))

    case = Case.objects.get()
    assertRedirects(response, case_url(case), fetch_redirect_response=False)
    assert case.idempotency_key is None


def test_new_case_without_subject_or_body_shows_field_errors_and_creates_nothing(seller):
    response = seller.post(NEW, new_case_form(subject="", body="   ", order_id="ORD-9"))

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"subject", "body"}
    assertContains(response, 'class="field-error"', count=2)
    assertContains(response, 'value="ORD-9"')  # what was typed is kept
    assert not Case.objects.exists()


def test_new_case_whose_body_is_only_markup_is_refused_inline(seller):
    response = seller.post(NEW, new_case_form(body="<script>alert(1)</script>"))

    assert response.status_code == 200
    assert response.context["form"].errors["body"] == ["Write a message."]
    assert not Case.objects.exists()


def test_html_in_a_new_case_is_stored_without_tags_and_shown_escaped(seller, tier1):
    seller.post(
        NEW, new_case_form(subject="<i>Refund</i> please", body="<script>alert(1)</script><b>Hello</b> 1 < 2 & so on")
    )

    case = Case.objects.get()
    body = Message.objects.get(case=case).body
    assert case.subject == "Refund please"
    assert "<" not in body.replace("1 < 2", "")
    page = seller.get(case_url(case))
    assertContains(page, "Hello 1 &lt; 2 &amp; so on")
    assertNotContains(page, "<script>alert(1)")
    assertNotContains(page, "<b>Hello")
    assertNotContains(page, "<i>Refund")


def test_text_that_spells_out_a_tag_is_shown_as_text_never_as_markup(seller, tier1):
    seller.post(NEW, new_case_form(body="I typed &lt;script&gt;alert(1)&lt;/script&gt; in my listing"))

    page = seller.get(case_url(Case.objects.get()))

    assertContains(page, "I typed &lt;script&gt;alert(1)&lt;/script&gt; in my listing")
    assertNotContains(page, "<script>alert(1)")


def test_png_attached_to_a_new_case_is_downloadable_by_its_seller_and_404_for_another(seller, client_as, ben, tier1):
    response = seller.post(NEW, new_case_form(attachments=[png("receipt.png")]))

    case = Case.objects.get()
    assertRedirects(response, case_url(case))
    attachment = Attachment.objects.get(case=case)
    assert (attachment.filename, attachment.content_type, attachment.size) == ("receipt.png", "image/png", len(PNG))
    assertContains(seller.get(case_url(case)), f'href="{reverse("attachment", args=[attachment.pk])}"')
    download = seller.get(reverse("attachment", args=[attachment.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PNG
    assert client_as(ben).get(reverse("attachment", args=[attachment.pk])).status_code == 404


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("setup.exe", b"MZ\x90\x00" + b"\x00" * 60, content_type="application/octet-stream"),
        SimpleUploadedFile("photo.png", b"MZ\x90\x00not a png at all", content_type="image/png"),
        SimpleUploadedFile("notes.txt", b"text\x00with a nul byte", content_type="text/plain"),
    ],
    ids=["exe", "png-with-other-bytes", "binary-txt"],
)
def test_disallowed_attachment_on_a_new_case_shows_an_inline_error_and_creates_nothing(seller, tier1, upload):
    response = seller.post(NEW, new_case_form(attachments=[png("fine.png"), upload]))

    assert response.status_code == 200
    assertContains(response, f"{upload.name}: type not allowed")
    assert "attachments" in response.context["form"].errors
    assert not Case.objects.exists()
    assert not Message.objects.exists()
    assert not Attachment.objects.exists()


def test_more_than_five_attachments_are_refused_inline(seller, tier1):
    response = seller.post(NEW, new_case_form(attachments=[png(f"p{i}.png") for i in range(6)]))

    assert response.status_code == 200
    assertContains(response, "at most 5 files")
    assert not Case.objects.exists()


# --- the case page -------------------------------------------------------------------------------------


@pytest.fixture
def ana_case(ana, tier1, open_case_as):
    return open_case_as(ana, subject="Payout missing", body="Where is my payout?")


def test_case_page_never_shows_internal_notes(seller, agent, ana_case):
    services.post_message(actor=agent, case_id=ana_case.pk, body="SECRET: seller flagged by risk", internal=True)
    services.post_message(actor=agent, case_id=ana_case.pk, body="We are checking your payout.")

    for url in (case_url(ana_case), case_url(ana_case, "timeline")):
        page = seller.get(url)
        assertContains(page, "We are checking your payout.")
        assertNotContains(page, "SECRET")
        assertNotContains(page, "internal note")


def test_case_page_shows_the_owning_team_and_assignee(seller, agent, ana_case):
    services.assign_case(actor=agent, case_id=ana_case.pk)

    assertContains(seller.get(case_url(ana_case)), "Tier 1 — Agent1")


def test_seller_reply_is_added_to_the_conversation(seller, ana_case):
    response = seller.post(case_url(ana_case, "reply"), {"body": "Here is the <b>payout id</b>: P-77"})

    assertRedirects(response, case_url(ana_case) + "#latest", fetch_redirect_response=False)
    assert Message.objects.filter(case=ana_case).last().body == "Here is the payout id: P-77"
    assertContains(seller.get(case_url(ana_case)), "Here is the payout id: P-77")


def test_seller_reply_twice_with_the_same_key_is_written_once(seller, ana_case):
    for _ in range(2):
        seller.post(case_url(ana_case, "reply"), {"body": "Any news?", "idempotency_key": "reply-1"})

    assert Message.objects.filter(case=ana_case, body="Any news?").count() == 1


def test_empty_seller_reply_shows_a_field_error_and_writes_nothing(seller, ana_case):
    events = CaseEvent.objects.filter(case=ana_case).count()

    response = seller.post(case_url(ana_case, "reply"), {"body": " "})

    assertContains(response, 'class="field-error"', status_code=400)
    assert CaseEvent.objects.filter(case=ana_case).count() == events


def test_seller_reply_with_a_disallowed_file_is_refused_inline(seller, ana_case):
    response = seller.post(
        case_url(ana_case, "reply"),
        {"body": "See file", "attachments": [SimpleUploadedFile("x.exe", b"MZ\x90\x00", content_type="image/png")]},
    )

    assertContains(response, "x.exe: type not allowed", status_code=400)
    assert not Message.objects.filter(case=ana_case, body="See file").exists()


def test_seller_reply_on_a_resolved_case_is_refused_with_the_reason_shown(seller, ana, ana_case):
    services.change_status(actor=ana, case_id=ana_case.pk, status="resolved")

    response = seller.post(case_url(ana_case, "reply"), {"body": "One more thing"})

    assertContains(response, "This case is resolved. Reopen it to continue the conversation.", status_code=400)
    assert not Message.objects.filter(case=ana_case, body="One more thing").exists()


def test_my_problem_is_solved_resolves_the_case(seller, ana_case):
    assertContains(seller.get(case_url(ana_case)), "My problem is solved")

    response = seller.post(case_url(ana_case, "resolve"), follow=True)

    ana_case.refresh_from_db()
    assert ana_case.status == Status.RESOLVED
    assertContains(response, "Marked as resolved. You can reopen it if the problem comes back.")
    assertNotContains(response, "My problem is solved")
    assertContains(response, "Reopen the case")


def test_resolved_case_offers_reopen_within_the_window_and_reopens(client_as, ana, tier1, open_case_as):
    with clock.frozen_at(T0):
        case = open_case_as(ana)
        services.change_status(actor=ana, case_id=case.pk, status="resolved")
    seller = client_as(ana)

    with clock.frozen_at(T0 + dt.timedelta(days=13)):
        assertContains(seller.get(case_url(case)), "You can reopen this case until 17 Mar 2025.")
        response = seller.post(case_url(case, "reopen"), {"reason": "Still no payout"}, follow=True)

    case.refresh_from_db()
    assert case.status == Status.OPEN
    assert case.resolved_at is None
    assertContains(response, "The case is open again and back with its team.")
    assertContains(response, "Still no payout")


def test_reopen_after_the_window_is_refused_with_the_reason_shown(client_as, ana, tier1, open_case_as):
    with clock.frozen_at(T0):
        case = open_case_as(ana)
        services.change_status(actor=ana, case_id=case.pk, status="resolved")
    seller = client_as(ana)

    with clock.frozen_at(T0 + dt.timedelta(days=15)):
        page = seller.get(case_url(case))
        response = seller.post(case_url(case, "reopen"), {"reason": "Still no payout"})

    assertContains(page, "This case can no longer be reopened.")
    assertNotContains(page, "Reopen the case")
    assertContains(
        response,
        "Cases can be reopened for 14 days after they are resolved. Please open a new case and mention this one.",
        status_code=400,
    )
    case.refresh_from_db()
    assert case.status == Status.RESOLVED


def test_timeline_fragment_returns_the_timeline_with_a_new_agent_reply(seller, agent, ana_case):
    before = seller.get(case_url(ana_case, "timeline"))
    assertContains(before, "Where is my payout?")
    assertNotContains(before, "<html")

    services.post_message(actor=agent, case_id=ana_case.pk, body="Your payout was sent today.")
    after = seller.get(case_url(ana_case, "timeline"))

    assertContains(after, "Your payout was sent today.")
    assertContains(after, 'id="facts-dl" hx-swap-oob="true"')
    # the first agent reply moved the case from New to Open, and the facts beside the timeline say so
    assertContains(after, '<span class="badge status-open">Open</span>')


def test_case_page_shows_times_in_the_sellers_time_zone(client_as, ana, tier1, open_case_as):
    # Ana's account is in America/New_York: 09:00 UTC on 3 March 2025 is 04:00 EST.
    with clock.frozen_at(T0):
        case = open_case_as(ana)

    page = client_as(ana).get(case_url(case))

    assertContains(page, "3 Mar 2025, 04:00 EST")
    assertContains(page, 'datetime="2025-03-03T04:00:00-05:00"')
    assertNotContains(page, "3 Mar 2025, 09:00")


def test_agent_reply_shows_the_support_badge_and_the_agents_first_name(seller, ana_case):
    helper = AgentFactory(username="maria", first_name="María", teams=[ana_case.team])
    services.post_message(actor=helper, case_id=ana_case.pk, body="Hello from support.")

    page = seller.get(case_url(ana_case))

    assertContains(page, "María")
    assertContains(page, '<span class="badge role">Support</span>', html=False)


def test_resending_the_new_case_page_with_other_details_is_refused_once_then_opens_a_new_case(seller, tier1):
    # The seller opens a case, goes back to the filled-in page, changes the subject and sends it again.
    key = hidden_key(seller.get(NEW).content.decode())
    seller.post(NEW, new_case_form(idempotency_key=key))

    refused = seller.post(NEW, new_case_form(subject="Another problem", idempotency_key=key))

    assert refused.status_code == 200
    assertContains(refused, "This form was already sent and opened a case")
    assertNotContains(refused, "Idempotency-Key")
    assert Case.objects.count() == 1
    fresh_key = hidden_key(refused.content.decode())
    assert fresh_key != key
    accepted = seller.post(NEW, new_case_form(subject="Another problem", idempotency_key=fresh_key))
    assert accepted.status_code == 302
    assert sorted(Case.objects.values_list("subject", flat=True)) == ["Another problem", "Payout missing"]


def test_searching_for_a_superscript_digit_finds_nothing_instead_of_failing(seller, ana):
    case_of(ana)

    assert seller.get(CASES, {"q": "SD-²"}).status_code == 200


def test_case_page_and_timeline_query_count_does_not_grow_with_the_conversation(seller, agent, ana_case):
    def converse(n: int):
        for i in range(n):
            services.post_message(actor=agent, case_id=ana_case.pk, body=f"Reply {i}", attachments=[png(f"r{i}.png")])
            services.post_message(actor=agent, case_id=ana_case.pk, body=f"Note {i}", internal=True)

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert seller.get(url).status_code == 200
        return len(captured)

    converse(2)
    seller.get(case_url(ana_case))  # warm the session
    short = (queries(case_url(ana_case)), queries(case_url(ana_case, "timeline")))
    converse(10)
    long = (queries(case_url(ana_case)), queries(case_url(ana_case, "timeline")))

    assert long == short
