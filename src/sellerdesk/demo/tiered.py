"""Tiered-support demo data: playbooks for every category, worked playbooks, transfers (one
bounced), commitments in every state, sellers' escalation requests and time-critical cases.
Everything goes through the services, after the cases themselves are replayed."""

import datetime as dt
import random
from decimal import Decimal

from sellerdesk.accounts import capabilities
from sellerdesk.accounts.capabilities import Capability
from sellerdesk.accounts.models import Tier
from sellerdesk.cases import services as case_services
from sellerdesk.cases.lifecycle import ACTIVE_STATUSES
from sellerdesk.cases.models import Case
from sellerdesk.commitments import services as commitments
from sellerdesk.core import clock
from sellerdesk.routing import services as routing
from sellerdesk.routing.models import Playbook
from sellerdesk.routing.selectors import playbook_for_case

from .playbooks import PLAYBOOKS


def load_playbooks() -> int:
    Playbook.objects.bulk_create(
        [
            Playbook(
                category=p["category"],
                subtype=p["subtype"],
                name=p["name"],
                summary=p["summary"],
                resolution_capability=p["resolution_capability"],
                steps=p["steps"],
                fields=p["fields"],
            )
            for p in PLAYBOOKS
        ]
    )
    return len(PLAYBOOKS)


def _sample_value(field: dict, case: Case, rng: random.Random, now: dt.datetime) -> str:
    kind = field["type"]
    if kind == "order_id":
        return case.order_id or f"112-{rng.randint(1000000, 9999999)}-{rng.randint(1000000, 9999999)}"
    if kind == "listing_id":
        return case.listing_id or "NB-B08XK2L9QZ"
    if kind == "date":
        return (now + dt.timedelta(days=rng.randint(-3, 2))).date().isoformat()
    if kind == "datetime":
        return (now - dt.timedelta(hours=rng.randint(1, 30))).isoformat(timespec="minutes")
    if kind in ("number", "money"):
        return str(rng.randint(1, 400))
    if kind == "choice":
        return rng.choice(field["choices"])
    if kind == "yes_no":
        return rng.choice(["yes", "no"])
    if kind == "email":
        return "ops@seller.example"
    if kind == "phone":
        return "+1 312 555 0147"
    if kind == "textarea":
        return case.messages.order_by("pk").first().body[:300]
    if field.get("max_length"):
        return f"FBN{rng.randint(10**6, 10**7 - 1)}"[: int(field["max_length"])]
    return "See the seller's first message"


def _work_playbook(case: Case, agent, rng: random.Random, now: dt.datetime, *, complete: bool) -> bool:
    playbook = playbook_for_case(case)
    if playbook is None:
        return False
    fields = playbook.fields if complete else playbook.fields[: max(1, len(playbook.fields) // 2)]
    steps = [s["key"] for s in playbook.steps] if complete else [playbook.steps[0]["key"]]
    routing.save_playbook(
        actor=agent,
        case_id=case.pk,
        completed_steps=steps,
        values={f["name"]: _sample_value(f, case, rng, now) for f in fields},
    )
    return True


def enrich(rng: random.Random, now: dt.datetime) -> dict:
    counts = {"playbooks_worked": 0, "transfers": 0, "commitments": 0, "escalation_requests": 0, "deadlines": 0}
    active = list(
        Case.objects.filter(status__in=ACTIVE_STATUSES, assignee__isnull=False)
        .select_related("team", "assignee")
        .order_by("pk")
    )
    rng.shuffle(active)
    tier1 = [c for c in active if c.team and c.team.tier == Tier.TIER1]

    with clock.frozen_at(now - dt.timedelta(minutes=50)):
        # Time-critical: orders whose cut-off is hours away.
        for case in [c for c in tier1 if c.category == "order_fulfillment"][:4]:
            case_services.set_business_deadline(
                actor=case.assignee, case_id=case.pk, deadline=now + dt.timedelta(hours=rng.randint(2, 20))
            )
            counts["deadlines"] += 1
        # First line works its playbooks: most complete, some half done.
        for i, case in enumerate(tier1[:30]):
            counts["playbooks_worked"] += _work_playbook(case, case.assignee, rng, now, complete=i % 3 != 0)

    with clock.frozen_at(now - dt.timedelta(minutes=40)):
        # Transfers tier 1 truly needs: a listing reinstatement, an account-access reset.
        needs = {
            "listing": "reinstate_listing",
            "policy_compliance": "reinstate_listing",
            "account_access": "reset_account_access",
        }
        from sellerdesk.accounts.models import Team

        tier2 = Team.objects.get(tier=Tier.TIER2)
        perf = Team.objects.get(tier=Tier.SELLER_PERFORMANCE)
        moved = []
        for case in [c for c in tier1[30:] if c.category in needs][:5]:
            target = perf if case.category == "policy_compliance" else tier2
            routing.transfer_case(
                actor=case.assignee,
                case_id=case.pk,
                team_id=target.pk,
                reason_code="needs_capability",
                capability=needs[case.category],
                note="Seller has done everything on our side; needs the specialist action.",
            )
            moved.append(case)
            counts["transfers"] += 1
        # An avoidable one: the playbook was done, but tier 1 could have re-booked the pickup itself.
        done = [
            c
            for c in tier1[:30]
            if c.category == "order_fulfillment" and c.playbooks.filter(completed_at__isnull=False).exists()
        ]
        if done:
            case = done[0]
            transfer = routing.transfer_case(
                actor=case.assignee,
                case_id=case.pk,
                team_id=tier2.pk,
                reason_code="wrong_category",
                note="Looks like a carrier problem.",
            )
            counts["transfers"] += 1
            receiver = tier2.members.first()
            routing.bounce_transfer(
                actor=receiver,
                transfer_id=transfer.pk,
                reason="Tier 1 can request a carrier re-pickup: please book it and reply.",
            )

    with clock.frozen_at(now - dt.timedelta(hours=30)):
        # Promises: follow-ups and reimbursements, some already overdue.
        for i, case in enumerate(active[:24]):
            case.refresh_from_db()
            if case.assignee is None or case.status not in ACTIVE_STATUSES:
                continue
            owner = case.assignee
            # A reimbursement only where the owner's tier may issue one (not seller performance).
            if i % 4 == 0 and capabilities.may(
                owner, case, Capability.ISSUE_REIMBURSEMENT, amount_usd=Decimal("48.90")
            ):
                c = commitments.make_commitment(
                    actor=owner,
                    case_id=case.pk,
                    kind="reimbursement",
                    description="Reimburse the two units lost at the fulfilment centre.",
                    amount=Decimal("48.90"),
                    currency="USD",
                    due_at=now + dt.timedelta(hours=rng.randint(-20, 60)),
                )
            elif i % 4 == 1:
                c = commitments.make_commitment(
                    actor=owner,
                    case_id=case.pk,
                    kind="call_back",
                    description="Call to walk through the fix.",
                    phone="+1 312 555 0147",
                    due_at=None,
                    window_start=now + dt.timedelta(hours=20),
                    window_end=now + dt.timedelta(hours=22),
                )
            else:
                c = commitments.make_commitment(
                    actor=owner,
                    case_id=case.pk,
                    kind="follow_up",
                    description="Check the carrier investigation result and write back with it.",
                    due_at=now + dt.timedelta(hours=rng.randint(-10, 72)),
                )
            counts["commitments"] += 1
            if i % 5 == 2 and c.kind != "call_back":
                with clock.frozen_at(now - dt.timedelta(hours=26)):
                    commitments.fulfil_commitment(
                        actor=owner, commitment_id=c.pk, evidence="RMB-" + str(rng.randint(100000, 999999))
                    )

    with clock.frozen_at(now - dt.timedelta(minutes=25)):
        for kind, case in zip(
            ["urgent", "supervisor", "call_back", "urgent", "supervisor"], active[24:29], strict=False
        ):
            case.refresh_from_db()
            if case.status not in ACTIVE_STATUSES:
                continue
            seller = case.opened_by
            routing.request_escalation(
                actor=seller,
                case_id=case.pk,
                kind=kind,
                reason="Three weeks and still no answer that fixes this.",
                phone="+44 28 9024 5133" if kind == "call_back" else "",
            )
            counts["escalation_requests"] += 1

    # Overdue promises become broken and their cases go one level up, as the scheduler would do.
    counts["broken"] = commitments.mark_overdue_commitments_broken(now=now)
    return counts
