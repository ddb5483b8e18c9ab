"""Behaviour of the case services: opening, conversation, lifecycle, reopen, assignment, the audit
trail, attachments and notifications. Every test goes through `sellerdesk.cases.services`."""

import datetime as dt
import itertools

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from sellerdesk.accounts.models import AccountStatus
from sellerdesk.cases import services, tasks
from sellerdesk.cases.events import EventType
from sellerdesk.cases.lifecycle import TRANSITIONS, Status
from sellerdesk.cases.models import Attachment, Case, CaseEvent, Message, Notification
from sellerdesk.core import clock
from tests.factories import (
    AgentFactory,
    CaseEventFactory,
    CaseFactory,
    SellerAccountFactory,
    SellerFactory,
    TeamFactory,
)

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2025, 3, 3, 9, 0, tzinfo=dt.UTC)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PDF = b"%PDF-1.4\n%fake but well-started\n"


def kinds(case) -> list[str]:
    return list(CaseEvent.objects.filter(case=case).order_by("created_at", "pk").values_list("kind", flat=True))


def case_in(status, *, seller, team, **extra) -> Case:
    return CaseFactory(seller_account=seller.seller_account, opened_by=seller, team=team, status=status, **extra)


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


# --- open_case: routing ----------------------------------------------------------------------------


def test_case_in_a_specialist_category_goes_to_the_team_serving_it(ana, tier1, payments_team, open_case_as):
    case = open_case_as(ana, category="payments")
    assert case.team == payments_team


def test_case_without_a_specialist_team_goes_to_the_catch_all_first_line(ana, tier1, payments_team, open_case_as):
    case = open_case_as(ana, category="listing")
    assert case.team == tier1


def test_case_without_category_is_filed_as_other_and_routed(ana, tier1, open_case_as):
    case = open_case_as(ana, category=None)
    assert case.category == "other"
    assert case.team == tier1


def test_routing_prefers_the_team_speaking_the_sellers_language(db, open_case_as):
    english = TeamFactory(name="Listing A", tier="tier1", languages=["en"], categories=["listing"])
    spanish = TeamFactory(name="Listing B", tier="tier1", languages=["es"], categories=["listing"])
    hispanic_seller = SellerFactory(seller_account=SellerAccountFactory(languages=["es", "en"]))
    english_seller = SellerFactory(seller_account=SellerAccountFactory(languages=["en"]))

    assert open_case_as(hispanic_seller, category="listing").team == spanish
    assert open_case_as(english_seller, category="listing").team == english
    # An explicit language (e.g. detected from the text) wins over the account's first language.
    assert open_case_as(english_seller, category="listing", language="es").team == spanish


def test_case_language_defaults_to_the_accounts_primary_language(db, tier1, open_case_as):
    seller = SellerFactory(seller_account=SellerAccountFactory(languages=["de", "en"]))
    assert open_case_as(seller).language == "de"


def test_routing_prefers_the_lower_tier_among_teams_serving_the_category(db, open_case_as, ana):
    TeamFactory(name="A senior", tier="senior", languages=["en"], categories=["appeals"])
    first_line = TeamFactory(name="Z first line", tier="tier1", languages=["en"], categories=["appeals"])
    assert open_case_as(ana, category="appeals").team == first_line


# --- open_case: priority ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("urgent", "account_status", "priority"),
    [
        (False, AccountStatus.ACTIVE, "normal"),
        (True, AccountStatus.ACTIVE, "high"),
        (False, AccountStatus.UNDER_REVIEW, "high"),
        (False, AccountStatus.RESTRICTED, "high"),
        (False, AccountStatus.SUSPENDED, "critical"),
        (True, AccountStatus.SUSPENDED, "critical"),
        (False, AccountStatus.DEACTIVATED, "critical"),
    ],
)
def test_initial_priority_comes_from_urgency_and_account_status(tier1, open_case_as, urgent, account_status, priority):
    seller = SellerFactory(seller_account=SellerAccountFactory(status=account_status))
    case = open_case_as(seller, urgent=urgent)
    assert case.priority == priority
    assert case.urgent is urgent


# --- open_case: validation and sanitising -----------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"subject": ""}, "subject"),
        ({"subject": "   "}, "subject"),
        ({"subject": "x" * 201}, "subject"),
        ({"subject": "<script>alert(1)</script>"}, "subject"),
        ({"category": "bananas"}, "category"),
        ({"channel": "carrier_pigeon"}, "channel"),
        ({"body": ""}, "body"),
        ({"body": "<b></b>"}, "body"),
        ({"body": "y" * 20_001}, "body"),
        ({"order_id": "112 123"}, "order_id"),
        ({"order_id": "9" * 65}, "order_id"),
        ({"listing_id": "B0 1"}, "listing_id"),
    ],
)
def test_open_case_refuses_invalid_input_naming_the_field(ana, tier1, open_case_as, refused, overrides, field):
    with refused("validation_error", field):
        open_case_as(ana, **overrides)
    assert Case.objects.count() == 0
    assert CaseEvent.objects.count() == 0


def test_open_case_reports_all_invalid_header_fields_at_once(ana, tier1, open_case_as, refused):
    with refused("validation_error", "subject", "category"):
        open_case_as(ana, subject="", category="bananas")


def test_open_case_removes_script_and_keeps_the_words_of_markup(ana, tier1, open_case_as):
    case = open_case_as(
        ana, subject="<b>Refund</b> & <i>return</i>", body="<script>alert('x')</script><b>x</b>\r\nsecond line"
    )
    assert case.subject == "Refund & return"
    message = case.messages.get()
    assert message.body == "x\nsecond line"
    assert "<" not in message.body and "alert" not in message.body


def test_only_seller_users_open_cases(agent, tier1, open_case_as, refused):
    with refused("permission_denied"):
        open_case_as(agent)
    assert Case.objects.count() == 0


def test_opened_case_is_new_with_the_sellers_message_and_one_public_event(ana, tier1, open_case_as):
    case = open_case_as(ana, subject="Payout missing", order_id="112-1", listing_id="B00X")
    assert case.status == Status.NEW
    assert case.seller_account == ana.seller_account
    assert case.opened_by == ana
    assert (case.order_id, case.listing_id) == ("112-1", "B00X")
    message = case.messages.get()
    assert (message.author, message.author_role, message.internal) == (ana, "seller", False)
    event = CaseEvent.objects.get(case=case)
    assert (event.kind, event.public, event.actor, event.message) == ("case_opened", True, ana, message)
    assert event.data["team"] == "Tier 1"


# --- open_case: idempotency -----------------------------------------------------------------------


def test_same_idempotency_key_returns_the_same_case(ana, tier1):
    first, created = services.open_case(opener=ana, subject="Lost parcel", body="Where is it?", idempotency_key="k-1")
    again, created_again = services.open_case(
        opener=ana, subject="Lost parcel", body="Where is it?", idempotency_key="k-1"
    )
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert Case.objects.count() == 1
    assert Message.objects.count() == 1
    assert kinds(first) == ["case_opened"]


def test_same_idempotency_key_for_a_different_subject_is_refused(ana, tier1, refused):
    services.open_case(opener=ana, subject="Lost parcel", body="Where is it?", idempotency_key="k-1")
    with refused("idempotency_key_reused") as info:
        services.open_case(opener=ana, subject="Another thing", body="Hello", idempotency_key="k-1")
    assert info.value.http_status == 409
    assert Case.objects.count() == 1


def test_idempotency_keys_belong_to_their_user(ana, ben, tier1):
    mine, _ = services.open_case(opener=ana, subject="Lost parcel", body="Where?", idempotency_key="shared")
    theirs, created = services.open_case(opener=ben, subject="Lost parcel", body="Where?", idempotency_key="shared")
    assert created is True
    assert theirs.pk != mine.pk
    assert theirs.seller_account == ben.seller_account


# --- post_message --------------------------------------------------------------------------------


def test_agent_first_public_reply_sets_first_response_and_opens_a_new_case(ana, agent, open_case_as):
    case = open_case_as(ana)
    with clock.frozen_at(T0):
        services.post_message(actor=agent, case_id=case.pk, body="Looking into it.")
    case.refresh_from_db()
    assert case.status == Status.OPEN
    assert case.first_response_at == T0
    assert case.updated_at == T0
    status_event = CaseEvent.objects.get(case=case, kind=EventType.STATUS_CHANGED)
    assert status_event.data == {"from": "new", "to": "open", "reason": "agent_replied"}


def test_later_agent_replies_keep_the_first_response_time(ana, agent, open_case_as):
    case = open_case_as(ana)
    with clock.frozen_at(T0):
        services.post_message(actor=agent, case_id=case.pk, body="First.")
    with clock.frozen_at(T0 + dt.timedelta(hours=3)):
        services.post_message(actor=agent, case_id=case.pk, body="Second.")
    case.refresh_from_db()
    assert case.first_response_at == T0
    assert case.updated_at == T0 + dt.timedelta(hours=3)


def test_internal_note_is_not_a_first_response_and_leaves_status(ana, agent, open_case_as):
    case = open_case_as(ana)
    note = services.post_message(actor=agent, case_id=case.pk, body="Check the carrier scan.", internal=True)
    case.refresh_from_db()
    assert note.internal is True
    assert case.first_response_at is None
    assert case.status == Status.NEW


def test_seller_reply_on_a_case_waiting_on_seller_puts_it_back_to_open(ana, tier1):
    case = case_in(Status.WAITING_ON_SELLER, seller=ana, team=tier1)
    services.post_message(actor=ana, case_id=case.pk, body="Here is the invoice.")
    case.refresh_from_db()
    assert case.status == Status.OPEN
    assert CaseEvent.objects.get(case=case, kind="status_changed").data["reason"] == "seller_replied"


@pytest.mark.parametrize("status", [Status.NEW, Status.OPEN, Status.WAITING_ON_MARKETPLACE])
def test_seller_reply_does_not_change_other_active_statuses(ana, tier1, status):
    case = case_in(status, seller=ana, team=tier1)
    services.post_message(actor=ana, case_id=case.pk, body="Any news?")
    case.refresh_from_db()
    assert case.status == status
    assert kinds(case) == ["message_posted"]


@pytest.mark.parametrize("status", [Status.RESOLVED, Status.CLOSED])
def test_nobody_replies_publicly_on_a_resolved_or_closed_case(ana, agent, tier1, refused, status):
    case = case_in(status, seller=ana, team=tier1)
    for actor in (ana, agent):
        with refused("case_closed"):
            services.post_message(actor=actor, case_id=case.pk, body="One more thing")
    assert Message.objects.filter(case=case).count() == 0
    assert kinds(case) == []


def test_agent_may_still_add_an_internal_note_to_a_resolved_case(ana, agent, tier1):
    case = case_in(Status.RESOLVED, seller=ana, team=tier1)
    services.post_message(actor=agent, case_id=case.pk, body="Closed after refund.", internal=True)
    assert kinds(case) == ["internal_note_added"]


def test_seller_cannot_write_an_internal_note(ana, tier1, refused, open_case_as):
    case = open_case_as(ana)
    with refused("permission_denied"):
        services.post_message(actor=ana, case_id=case.pk, body="secret", internal=True)
    assert case.messages.count() == 1
    assert kinds(case) == ["case_opened"]


def test_agent_of_another_team_cannot_write_on_the_case(ana, tier1, outsider_agent, open_case_as, refused):
    case = open_case_as(ana)
    for internal in (False, True):
        with refused("not_found"):
            services.post_message(actor=outsider_agent, case_id=case.pk, body="hi", internal=internal)
    assert case.messages.count() == 1


def test_assignee_outside_the_owning_team_cannot_write(ana, tier1, outsider_agent, refused):
    case = case_in(Status.OPEN, seller=ana, team=tier1, assignee=outsider_agent)
    with refused("not_found"):
        services.post_message(actor=outsider_agent, case_id=case.pk, body="I have it.")
    assert kinds(case) == []


def test_seller_cannot_write_on_another_sellers_case(ana, ben, tier1, open_case_as, refused):
    case = open_case_as(ana)
    with refused("not_found"):
        services.post_message(actor=ben, case_id=case.pk, body="hello")


def test_message_body_is_sanitised_and_must_not_be_empty(ana, agent, open_case_as, refused):
    case = open_case_as(ana)
    message = services.post_message(actor=agent, case_id=case.pk, body="<p>Hi <b>there</b></p><script>x()</script>")
    assert message.body == "Hi there"
    with refused("validation_error", "body"):
        services.post_message(actor=agent, case_id=case.pk, body="<script>only()</script>")


def test_repeated_message_with_the_same_idempotency_key_is_written_once(ana, agent, open_case_as):
    case = open_case_as(ana)
    first = services.post_message(actor=agent, case_id=case.pk, body="Refund sent.", idempotency_key="m-1")
    again = services.post_message(actor=agent, case_id=case.pk, body="Refund sent.", idempotency_key="m-1")
    assert again.pk == first.pk
    assert case.messages.filter(author=agent).count() == 1
    assert kinds(case).count("message_posted") == 1


def test_message_idempotency_key_reused_on_another_case_is_refused(ana, agent, open_case_as, refused):
    one = open_case_as(ana, subject="One")
    two = open_case_as(ana, subject="Two")
    services.post_message(actor=agent, case_id=one.pk, body="Refund sent.", idempotency_key="m-1")
    with refused("idempotency_key_reused"):
        services.post_message(actor=agent, case_id=two.pk, body="Refund sent.", idempotency_key="m-1")
    assert two.messages.filter(author=agent).count() == 0


def test_message_idempotency_key_reused_with_other_words_is_refused_not_dropped(ana, agent, open_case_as, refused):
    case = open_case_as(ana)
    services.post_message(actor=agent, case_id=case.pk, body="Refund sent.", idempotency_key="m-1")
    with refused("idempotency_key_reused"):
        services.post_message(actor=agent, case_id=case.pk, body="Refund sent today.", idempotency_key="m-1")
    assert list(case.messages.filter(author=agent).values_list("body", flat=True)) == ["Refund sent."]


# --- change_status ---------------------------------------------------------------------------------

ALLOWED = sorted((src, dst) for src, targets in TRANSITIONS.items() for dst in targets)
REFUSED = sorted(
    (src, dst)
    for src, dst in itertools.product(Status.values, Status.values)
    if src != dst and dst not in TRANSITIONS[src]
)


@pytest.mark.parametrize(("current", "target"), ALLOWED)
def test_agent_may_make_every_allowed_transition(ana, agent, tier1, current, target):
    case = case_in(current, seller=ana, team=tier1)
    with clock.frozen_at(T0):
        services.change_status(actor=agent, case_id=case.pk, status=target, reason="<i>because</i>")
    case.refresh_from_db()
    assert case.status == target
    assert case.updated_at == T0
    event = CaseEvent.objects.get(case=case)
    assert (event.kind, event.public, event.actor) == ("status_changed", True, agent)
    assert event.data == {"from": current, "to": target, "reason": "because"}
    if target == Status.RESOLVED:
        assert case.resolved_at == T0
    if target == Status.CLOSED:
        assert case.closed_at == T0
        assert case.resolved_at is not None


@pytest.mark.parametrize(("current", "target"), REFUSED)
def test_transitions_outside_the_lifecycle_are_refused(ana, agent, tier1, refused, current, target):
    case = case_in(current, seller=ana, team=tier1)
    with refused("invalid_transition") as info:
        services.change_status(actor=agent, case_id=case.pk, status=target)
    assert info.value.http_status == 409
    case.refresh_from_db()
    assert case.status == current
    assert kinds(case) == []


def test_closing_keeps_the_time_a_case_was_resolved(ana, agent, tier1):
    case = case_in(Status.OPEN, seller=ana, team=tier1)
    with clock.frozen_at(T0):
        services.change_status(actor=agent, case_id=case.pk, status=Status.RESOLVED)
    with clock.frozen_at(T0 + dt.timedelta(days=2)):
        services.change_status(actor=agent, case_id=case.pk, status=Status.CLOSED)
    case.refresh_from_db()
    assert case.resolved_at == T0
    assert case.closed_at == T0 + dt.timedelta(days=2)


def test_resolved_case_cannot_be_set_open_and_is_told_to_reopen(ana, agent, tier1, refused):
    case = case_in(Status.RESOLVED, seller=ana, team=tier1)
    with refused("invalid_transition") as info:
        services.change_status(actor=agent, case_id=case.pk, status=Status.OPEN)
    assert "reopen" in info.value.message.lower()


def test_seller_may_mark_their_own_case_resolved(ana, tier1):
    case = case_in(Status.OPEN, seller=ana, team=tier1)
    services.change_status(actor=ana, case_id=case.pk, status=Status.RESOLVED)
    case.refresh_from_db()
    assert case.status == Status.RESOLVED
    assert CaseEvent.objects.get(case=case).actor == ana


@pytest.mark.parametrize(
    "target", [Status.OPEN, Status.CLOSED, Status.WAITING_ON_SELLER, Status.WAITING_ON_MARKETPLACE, Status.NEW]
)
def test_seller_may_only_set_resolved(ana, tier1, refused, target):
    case = case_in(Status.OPEN, seller=ana, team=tier1)
    with refused("permission_denied"):
        services.change_status(actor=ana, case_id=case.pk, status=target)
    case.refresh_from_db()
    assert case.status == Status.OPEN
    assert kinds(case) == []


def test_seller_cannot_resolve_a_closed_case(ana, tier1, refused):
    case = case_in(Status.CLOSED, seller=ana, team=tier1)
    with refused("invalid_transition"):
        services.change_status(actor=ana, case_id=case.pk, status=Status.RESOLVED)


@pytest.mark.parametrize("status", Status.values)
def test_setting_the_current_status_is_a_no_op_without_event(ana, agent, tier1, status):
    case = case_in(status, seller=ana, team=tier1)
    before = case.updated_at
    with clock.frozen_at(T0):
        services.change_status(actor=agent, case_id=case.pk, status=status)
    case.refresh_from_db()
    assert case.status == status
    assert case.updated_at == before
    assert kinds(case) == []


def test_unknown_status_is_a_validation_error_on_the_status_field(ana, agent, tier1, refused):
    case = case_in(Status.OPEN, seller=ana, team=tier1)
    with refused("validation_error", "status"):
        services.change_status(actor=agent, case_id=case.pk, status="pending")


def test_agent_of_another_team_cannot_change_the_status(ana, tier1, outsider_agent, refused):
    case = case_in(Status.OPEN, seller=ana, team=tier1)
    with refused("not_found"):
        services.change_status(actor=outsider_agent, case_id=case.pk, status=Status.RESOLVED)


# --- reopen_case -----------------------------------------------------------------------------------


def _resolved_at_t0(seller, agent, team, status=Status.RESOLVED) -> Case:
    case = case_in(Status.OPEN, seller=seller, team=team)
    with clock.frozen_at(T0):
        services.change_status(actor=agent, case_id=case.pk, status=Status.RESOLVED)
        if status == Status.CLOSED:
            services.change_status(actor=agent, case_id=case.pk, status=Status.CLOSED)
    return case


@pytest.mark.parametrize("status", [Status.RESOLVED, Status.CLOSED])
def test_seller_reopens_within_the_window(ana, agent, tier1, status):
    case = _resolved_at_t0(ana, agent, tier1, status)
    with clock.frozen_at(T0 + dt.timedelta(days=13)):
        services.reopen_case(actor=ana, case_id=case.pk, reason="Refund never arrived")
    case.refresh_from_db()
    assert case.status == Status.OPEN
    assert case.resolved_at is None
    assert case.closed_at is None
    assert case.team == tier1
    event = CaseEvent.objects.filter(case=case).last()
    assert (event.kind, event.actor, event.public) == ("reopened", ana, True)
    assert event.data == {"from": status, "to": "open", "reason": "Refund never arrived"}


def test_reopen_on_the_last_day_of_the_window_is_allowed(ana, agent, tier1, settings):
    case = _resolved_at_t0(ana, agent, tier1)
    with clock.frozen_at(T0 + dt.timedelta(days=settings.SELLERDESK["REOPEN_WINDOW_DAYS"])):
        services.reopen_case(actor=ana, case_id=case.pk)
    case.refresh_from_db()
    assert case.status == Status.OPEN


@pytest.mark.parametrize("status", [Status.RESOLVED, Status.CLOSED])
def test_reopen_after_the_window_is_refused(ana, agent, tier1, refused, status):
    case = _resolved_at_t0(ana, agent, tier1, status)
    events_before = kinds(case)
    with clock.frozen_at(T0 + dt.timedelta(days=14, seconds=1)), refused("reopen_window_expired") as info:
        services.reopen_case(actor=ana, case_id=case.pk)
    assert info.value.http_status == 409
    case.refresh_from_db()
    assert case.status == status
    assert kinds(case) == events_before


def test_reopen_window_counts_from_resolution_not_from_closing(ana, agent, tier1, refused):
    case = case_in(Status.OPEN, seller=ana, team=tier1)
    with clock.frozen_at(T0):
        services.change_status(actor=agent, case_id=case.pk, status=Status.RESOLVED)
    with clock.frozen_at(T0 + dt.timedelta(days=10)):
        services.change_status(actor=agent, case_id=case.pk, status=Status.CLOSED)
    with clock.frozen_at(T0 + dt.timedelta(days=15)), refused("reopen_window_expired"):
        services.reopen_case(actor=ana, case_id=case.pk)


@pytest.mark.parametrize("status", [Status.NEW, Status.OPEN, Status.WAITING_ON_SELLER])
def test_reopening_an_active_case_changes_nothing(ana, tier1, status):
    case = case_in(status, seller=ana, team=tier1)
    services.reopen_case(actor=ana, case_id=case.pk)
    case.refresh_from_db()
    assert case.status == status
    assert kinds(case) == []


def test_agent_of_the_team_may_reopen(ana, agent, tier1):
    case = _resolved_at_t0(ana, agent, tier1)
    with clock.frozen_at(T0 + dt.timedelta(days=1)):
        services.reopen_case(actor=agent, case_id=case.pk)
    case.refresh_from_db()
    assert case.status == Status.OPEN


def test_other_seller_and_agent_outside_the_team_cannot_reopen(ana, ben, agent, outsider_agent, tier1, refused):
    case = _resolved_at_t0(ana, agent, tier1)
    for actor in (ben, outsider_agent):
        with clock.frozen_at(T0 + dt.timedelta(days=1)), refused("not_found"):
            services.reopen_case(actor=actor, case_id=case.pk)


# --- assign_case -----------------------------------------------------------------------------------


def test_agent_takes_a_case_for_themselves(ana, agent, tier1):
    case = case_in(Status.NEW, seller=ana, team=tier1)
    services.assign_case(actor=agent, case_id=case.pk)
    case.refresh_from_db()
    assert case.assignee == agent
    event = CaseEvent.objects.get(case=case)
    assert (event.kind, event.actor, event.public) == ("assigned", agent, True)
    assert event.data == {"assignee_id": agent.pk, "assignee": agent.first_name, "team": "Tier 1"}


def test_agent_naming_themselves_is_the_same_as_taking_the_case(ana, agent, tier1):
    case = case_in(Status.NEW, seller=ana, team=tier1)
    services.assign_case(actor=agent, case_id=case.pk, assignee_id=agent.pk)
    case.refresh_from_db()
    assert case.assignee == agent


def test_agent_cannot_assign_a_case_to_someone_else(ana, agent, tier1, refused):
    colleague = AgentFactory(teams=[tier1])
    case = case_in(Status.NEW, seller=ana, team=tier1)
    with refused("permission_denied"):
        services.assign_case(actor=agent, case_id=case.pk, assignee_id=colleague.pk)
    case.refresh_from_db()
    assert case.assignee is None
    assert kinds(case) == []


def test_lead_assigns_a_case_to_a_member_of_the_team(ana, lead, agent, tier1):
    case = case_in(Status.NEW, seller=ana, team=tier1)
    services.assign_case(actor=lead, case_id=case.pk, assignee_id=agent.pk)
    case.refresh_from_db()
    assert case.assignee == agent
    event = CaseEvent.objects.get(case=case)
    assert (event.actor, event.data["assignee_id"]) == (lead, agent.pk)


def test_lead_cannot_assign_to_an_agent_outside_the_team(ana, lead, outsider_agent, tier1, refused):
    case = case_in(Status.NEW, seller=ana, team=tier1)
    with refused("assignee_not_eligible"):
        services.assign_case(actor=lead, case_id=case.pk, assignee_id=outsider_agent.pk)
    case.refresh_from_db()
    assert case.assignee is None
    assert kinds(case) == []


def test_lead_cannot_assign_to_a_seller_or_an_inactive_agent(ana, ben, lead, tier1, refused):
    gone = AgentFactory(teams=[tier1], is_active=False)
    case = case_in(Status.NEW, seller=ana, team=tier1)
    for person in (ben, gone):
        with refused("assignee_not_eligible"):
            services.assign_case(actor=lead, case_id=case.pk, assignee_id=person.pk)


def test_assigning_to_an_unknown_user_names_the_assignee_field(ana, lead, tier1, refused):
    case = case_in(Status.NEW, seller=ana, team=tier1)
    with refused("validation_error", "assignee"):
        services.assign_case(actor=lead, case_id=case.pk, assignee_id=999_999)


def test_assigning_the_current_assignee_again_writes_nothing(ana, agent, tier1):
    case = case_in(Status.NEW, seller=ana, team=tier1, assignee=agent)
    services.assign_case(actor=agent, case_id=case.pk)
    assert kinds(case) == []


def test_lead_reassigns_from_one_agent_to_another(ana, lead, agent, tier1):
    colleague = AgentFactory(teams=[tier1])
    case = case_in(Status.OPEN, seller=ana, team=tier1, assignee=agent)
    services.assign_case(actor=lead, case_id=case.pk, assignee_id=colleague.pk)
    case.refresh_from_db()
    assert case.assignee == colleague


def test_admin_assigns_any_case_to_a_team_member(ana, agent, support_admin, tier1):
    case = case_in(Status.NEW, seller=ana, team=tier1)
    services.assign_case(actor=support_admin, case_id=case.pk, assignee_id=agent.pk)
    case.refresh_from_db()
    assert case.assignee == agent


def test_sellers_and_outside_agents_cannot_assign(ana, outsider_agent, tier1, refused):
    case = case_in(Status.NEW, seller=ana, team=tier1)
    with refused("permission_denied"):
        services.assign_case(actor=ana, case_id=case.pk)
    with refused("not_found"):
        services.assign_case(actor=outsider_agent, case_id=case.pk)


# --- the audit trail -------------------------------------------------------------------------------


def test_each_change_writes_exactly_its_events(ana, agent, open_case_as):
    case = open_case_as(ana)
    assert kinds(case) == ["case_opened"]

    services.assign_case(actor=agent, case_id=case.pk)
    assert kinds(case)[1:] == ["assigned"]

    services.post_message(actor=agent, case_id=case.pk, body="We are on it.", internal=True)
    assert kinds(case)[2:] == ["internal_note_added"]

    services.post_message(actor=agent, case_id=case.pk, body="Please send the invoice.")
    assert kinds(case)[3:] == ["message_posted", "status_changed"]

    services.change_status(actor=agent, case_id=case.pk, status=Status.WAITING_ON_SELLER)
    assert kinds(case)[5:] == ["status_changed"]

    services.post_message(actor=ana, case_id=case.pk, body="Attached.")
    assert kinds(case)[6:] == ["message_posted", "status_changed"]

    services.post_message(actor=agent, case_id=case.pk, body="Refunded.")
    assert kinds(case)[8:] == ["message_posted"]

    services.change_status(actor=ana, case_id=case.pk, status=Status.RESOLVED)
    services.reopen_case(actor=ana, case_id=case.pk)
    assert kinds(case)[9:] == ["status_changed", "reopened"]

    # No-ops leave no trace.
    services.change_status(actor=agent, case_id=case.pk, status=Status.OPEN)
    services.reopen_case(actor=ana, case_id=case.pk)
    services.assign_case(actor=agent, case_id=case.pk)
    assert len(kinds(case)) == 11


def test_events_record_actor_time_and_visibility(ana, agent, open_case_as):
    with clock.frozen_at(T0):
        case = open_case_as(ana)
        note = services.post_message(actor=agent, case_id=case.pk, body="note", internal=True)
    events = list(CaseEvent.objects.filter(case=case))
    assert all(e.created_at == T0 for e in events)
    assert [(e.kind, e.actor, e.public) for e in events] == [
        ("case_opened", ana, True),
        ("internal_note_added", agent, False),
    ]
    assert events[1].message == note


def test_case_event_cannot_be_saved_again(db):
    event = CaseEventFactory()
    event.data = {"rewritten": True}
    with pytest.raises(TypeError):
        event.save()
    event.refresh_from_db()
    assert event.data == {}


def test_case_event_cannot_be_deleted(db):
    event = CaseEventFactory()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        CaseEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(TypeError):
        event.case.events.all().delete()
    assert CaseEvent.objects.filter(pk=event.pk).exists()


def test_case_events_cannot_be_updated_in_bulk(db):
    event = CaseEventFactory()
    with pytest.raises(TypeError):
        CaseEvent.objects.filter(pk=event.pk).update(kind="reopened")
    with pytest.raises(TypeError):
        CaseEvent.objects.update(public=False)
    with pytest.raises(TypeError):
        event.case.events.update(public=False)
    event.kind = "reopened"
    # bulk_update opens its own atomic block; the savepoint keeps the test's transaction usable.
    with pytest.raises(TypeError), transaction.atomic():
        CaseEvent.objects.bulk_update([event], ["kind"])
    assert CaseEvent.objects.get(pk=event.pk).kind == "case_opened"


# --- attachments -----------------------------------------------------------------------------------


def test_accepted_attachment_is_stored_with_the_type_found_in_its_bytes(ana, tier1, open_case_as):
    case = open_case_as(
        ana,
        attachments=[upload("../../etc/Screen shot.png", PNG, "text/html"), upload("invoice.pdf", PDF)],
    )
    stored = list(Attachment.objects.filter(case=case).order_by("pk"))
    assert [(a.filename, a.content_type, a.size) for a in stored] == [
        ("Screen shot.png", "image/png", len(PNG)),
        ("invoice.pdf", "application/pdf", len(PDF)),
    ]
    assert all(a.message == case.messages.get() for a in stored)
    with stored[0].file.open("rb") as fh:
        assert fh.read() == PNG


def test_attachment_over_the_size_limit_is_refused(ana, tier1, open_case_as, refused, settings):
    settings.SELLERDESK = {**settings.SELLERDESK, "ATTACHMENT_MAX_BYTES": 1024}
    with refused("attachment_too_large", "attachments"):
        open_case_as(ana, attachments=[upload("big.pdf", PDF + b"x" * 1024)])
    assert Case.objects.count() == 0
    assert Attachment.objects.count() == 0


def test_attachment_at_the_size_limit_is_accepted(ana, tier1, open_case_as, settings):
    settings.SELLERDESK = {**settings.SELLERDESK, "ATTACHMENT_MAX_BYTES": 1024}
    open_case_as(ana, attachments=[upload("ok.txt", b"a" * 1024)])
    assert Attachment.objects.get().size == 1024


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00"),
        ("photo.png", b"MZ\x90\x00 not a png at all"),
        ("photo.png", PDF),
        ("scan.pdf", PNG),
        ("notes.txt", b"text with a \x00 byte"),
        ("noextension", b"plain words"),
        ("page.html", b"<html><script>alert(1)</script></html>"),
    ],
)
def test_attachment_of_a_disallowed_type_is_refused(ana, tier1, open_case_as, refused, name, content):
    with refused("attachment_type_not_allowed", "attachments"):
        open_case_as(ana, attachments=[upload(name, content, "image/png")])
    assert Case.objects.count() == 0


def test_more_attachments_than_allowed_are_refused(ana, agent, open_case_as, refused, settings):
    most = settings.SELLERDESK["ATTACHMENTS_PER_MESSAGE"]
    case = open_case_as(ana)
    with refused("too_many_attachments", "attachments"):
        services.post_message(
            actor=ana,
            case_id=case.pk,
            body="files",
            attachments=[upload(f"f{i}.txt", b"hello") for i in range(most + 1)],
        )
    assert case.messages.count() == 1
    services.post_message(
        actor=ana, case_id=case.pk, body="files", attachments=[upload(f"f{i}.txt", b"hello") for i in range(most)]
    )
    assert Attachment.objects.filter(case=case).count() == most


def test_a_refused_attachment_writes_no_message(ana, agent, open_case_as, refused):
    case = open_case_as(ana)
    with refused("attachment_type_not_allowed"):
        services.post_message(
            actor=agent,
            case_id=case.pk,
            body="see file",
            attachments=[upload("ok.txt", b"fine"), upload("virus.exe", b"MZ")],
        )
    assert case.messages.count() == 1
    assert Attachment.objects.count() == 0
    assert kinds(case) == ["case_opened"]


# --- notifications ---------------------------------------------------------------------------------


def test_agent_public_reply_sends_the_seller_exactly_one_email(
    ana, agent, open_case_as, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = open_case_as(ana)
    assert mail.outbox == []  # opening a case tells nobody by e-mail

    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(actor=agent, case_id=case.pk, body="Your refund is on its way.")

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [ana.email]
    assert email.subject == f"[{case.number}] {case.subject}"
    assert "Your refund is on its way." in email.body
    assert f"/portal/cases/{case.pk}/" in email.body
    assert Notification.objects.filter(recipient=ana).count() == 1


def test_every_active_user_of_the_seller_account_is_told(ana, agent, open_case_as, django_capture_on_commit_callbacks):
    colleague = SellerFactory(seller_account=ana.seller_account)
    SellerFactory(seller_account=ana.seller_account, is_active=False)
    SellerFactory(seller_account=ana.seller_account, email="")
    case = case_in(Status.OPEN, seller=ana, team=agent.teams.get())
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(actor=agent, case_id=case.pk, body="Update.")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([ana.email, colleague.email])


def test_running_the_notification_task_again_sends_nothing_more(
    ana, agent, open_case_as, django_capture_on_commit_callbacks
):
    case = case_in(Status.OPEN, seller=ana, team=agent.teams.get())
    with django_capture_on_commit_callbacks(execute=True):
        message = services.post_message(actor=agent, case_id=case.pk, body="Update.")
    event = CaseEvent.objects.get(message=message)
    assert len(mail.outbox) == 1

    assert tasks.notify_case_event.call(event.pk) == 0
    tasks.notify_case_event.enqueue(event.pk)
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(event=event).count() == 1


def test_internal_note_sends_no_email(ana, agent, open_case_as, django_capture_on_commit_callbacks):
    case = case_in(Status.OPEN, seller=ana, team=agent.teams.get(), assignee=agent)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        note = services.post_message(actor=agent, case_id=case.pk, body="Seller seems upset.", internal=True)
    assert callbacks == []
    assert mail.outbox == []
    # Even if the task is asked about the internal event, it sends nothing.
    assert tasks.notify_case_event.call(CaseEvent.objects.get(message=note).pk) == 0
    assert mail.outbox == []


def test_seller_reply_tells_the_assigned_agent(ana, agent, django_capture_on_commit_callbacks):
    case = case_in(Status.OPEN, seller=ana, team=agent.teams.get(), assignee=agent)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(actor=ana, case_id=case.pk, body="Any news?")
    assert [m.to for m in mail.outbox] == [[agent.email]]
    assert f"/workspace/cases/{case.pk}/" in mail.outbox[0].body


def test_seller_reply_on_an_unassigned_case_emails_nobody(ana, tier1, django_capture_on_commit_callbacks):
    case = case_in(Status.OPEN, seller=ana, team=tier1)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(actor=ana, case_id=case.pk, body="Any news?")
    assert mail.outbox == []


def test_seller_reply_that_reopens_the_conversation_sends_one_email(ana, agent, django_capture_on_commit_callbacks):
    case = case_in(Status.WAITING_ON_SELLER, seller=ana, team=agent.teams.get(), assignee=agent)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(actor=ana, case_id=case.pk, body="Here it is.")
    assert len(mail.outbox) == 1
    assert "Here it is." in mail.outbox[0].body


def test_status_change_by_an_agent_tells_the_seller(ana, agent, tier1, django_capture_on_commit_callbacks):
    case = case_in(Status.OPEN, seller=ana, team=tier1)
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(actor=agent, case_id=case.pk, status=Status.RESOLVED)
    assert [m.to for m in mail.outbox] == [[ana.email]]


def test_refused_change_schedules_no_email(ana, agent, tier1, refused, django_capture_on_commit_callbacks):
    case = case_in(Status.CLOSED, seller=ana, team=tier1)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, refused("case_closed"):
        services.post_message(actor=agent, case_id=case.pk, body="late")
    assert callbacks == []
    assert mail.outbox == []


# --- factories -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "factory_name",
    [
        "CaseFactory",
        "MessageFactory",
        "CaseEventFactory",
        "AttachmentFactory",
        "NotificationFactory",
        "TeamMembershipFactory",
        "ApiTokenFactory",
    ],
)
def test_every_factory_writes_a_valid_row(factory_name):
    from tests import factories

    obj = getattr(factories, factory_name)()
    obj.full_clean(exclude=["file", "key_hash", "message"])  # events without a message are fine
    assert type(obj).objects.filter(pk=obj.pk).exists()
