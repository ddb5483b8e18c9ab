"""Seller-performance demo data, all through the services: registered contact details for the
recovery channel, buyer contacts that give each seller a different account health, enforcement
actions with their sources (detectors, a validated complaint, reviewers), complaints waiting for
validation, and appeals in every state.

The accounts of `seller-ana` and `seller-ben` get no buyer contacts, so that the API check of the
issue (push 100 contacts, 30 answered "no" → a red 30.0%) gives exactly that number on a fresh demo.
"""

import datetime as dt
import random

from sellerdesk.accounts.models import AccountStatus, SellerAccount, User
from sellerdesk.core import clock
from sellerdesk.performance import services
from sellerdesk.performance.models import Complaint, Detector, EnforcementAction

# seller id → (registered e-mail, registered phone)
REGISTERED = {
    "MN-A1K9X2Q7": ("owner@anas-kitchen.example", "+1 312 555 0147"),
    "MN-B7T3R8W1": ("ben@bens-outdoor.example", "+44 7700 900123"),
    "MN-C4E2M9S5": ("lucia@ceramica-triana.example", "+34 612 345 678"),
    "MN-T8X1O6Q3": ("mateo@textiles-oaxaca.example", "+52 55 1234 5678"),
    "MN-S2Z5B7L4": ("wei@brightlite.example", "+86 138 0013 8000"),
    "MN-K6W3F1D8": ("jonas@kaffeewerk.example", "+49 30 901820"),
    "MN-F9B2E4N6": ("ciaran@belfastbikes.example", "+44 28 9032 1234"),
    "MN-P3M7L2C9": ("emma@mapleleafpet.example", "+1 416 555 0199"),
}

# seller id → (contacts over 90 days, share answering the survey, share answering "no",
#              share answered within 24 h): a green, a yellow and two red sellers among them.
CONTACT_PROFILES = {
    "MN-C4E2M9S5": (120, 0.6, 0.08, 0.97),
    "MN-T8X1O6Q3": (90, 0.7, 0.22, 0.93),
    "MN-S2Z5B7L4": (260, 0.5, 0.12, 0.82),
    "MN-K6W3F1D8": (110, 0.65, 0.31, 0.95),
    "MN-F9B2E4N6": (40, 0.5, 0.15, 0.9),
    "MN-P3M7L2C9": (400, 0.55, 0.06, 0.99),
}

# Listings the PPE detector's version 1.5 removes today (most of them are no protective equipment).
SPIKE_LISTINGS = [
    ("MN-C4E2M9S5", "Silk neck scarf, hand-painted"),
    ("MN-P3M7L2C9", "Dog bandana, reflective"),
    ("MN-S2Z5B7L4", "LED face mask for parties"),
    ("MN-A1K9X2Q7", "Oven gloves, heat resistant"),
    ("MN-C4E2M9S5", "Cotton fashion mask, blue"),
    ("MN-P3M7L2C9", "Cat cone collar, soft"),
    ("MN-S2Z5B7L4", "Welding goggles, shade 5"),
    ("MN-A1K9X2Q7", "Gardening gloves, bamboo"),
]

PLANS = {
    "board": (
        "Our supplier's description said 'antibacterial bamboo', which we copied into the title of "
        "NB-B07KITCH3. The board is untreated bamboo; we make no pesticide claim.",
        "We removed 'antibacterial' from the title, bullet points and images of NB-B07KITCH3 and "
        "uploaded the supplier's material sheet showing no biocidal treatment.",
        "We no longer copy supplier texts: every title is written by us and checked against the "
        "restricted-claims list (PR-101) before publishing.",
    ),
    "comb": (
        "The flea comb NB-B09PETCMB is a steel grooming comb; the word 'flea' in its name made the "
        "detector read it as a pest-control product.",
        "We added 'mechanical grooming comb, no chemicals' to the title and description of NB-B09PETCMB.",
        "We review product names in the pet category for words the pesticide rule looks for.",
    ),
    "glaze": (
        "Our ceramic bowls were described with 'antibacterial glaze', the glaze supplier's trade name; "
        "the bowls are not treated with any biocide.",
        "We removed the trade name from NB-B0CERAMIC7 and attached the glaze's food-contact certificate.",
        "Supplier trade names are no longer used in our listings without checking PR-101 first.",
    ),
    "counterfeit": (
        "We bought a batch of 40 branded bike lights from a wholesaler that turned out not to be an "
        "authorised distributor.",
        "We removed the remaining 22 units from sale, refunded the 18 buyers and asked the wholesaler "
        "for the invoices from the manufacturer.",
        "We now buy branded parts only from the distributors listed on the brands' own websites and "
        "keep invoices for every batch.",
    ),
}


def _contacts(rng: random.Random, now: dt.datetime, seller_id: str, profile: tuple) -> list[dict]:
    count, answer_share, no_share, on_time_share = profile
    rows = []
    for n in range(count):
        received = now - dt.timedelta(days=rng.uniform(1.1, 89.5))
        if rng.random() < on_time_share:
            responded = received + dt.timedelta(hours=rng.uniform(0.2, 20))
        elif rng.random() < 0.8:
            responded = received + dt.timedelta(hours=rng.uniform(25, 60))
        else:
            responded = None
        answer = None
        if rng.random() < answer_share:
            answer = "no" if rng.random() < no_share else "yes"
        rows.append(
            {
                "external_id": f"{seller_id}-C{n:05d}",
                "received_at": received.isoformat(),
                "responded_at": responded.isoformat() if responded else None,
                "survey_answer": answer,
            }
        )
    return rows


def load(rng: random.Random, now: dt.datetime) -> dict:
    admin = User.objects.get(username="admin")
    perf = User.objects.get(username="agent-perf")
    users = {u.seller_account.marketplace_seller_id: u for u in User.objects.filter(username__startswith="seller-")}
    accounts = {a.marketplace_seller_id: a for a in SellerAccount.objects.all()}
    for seller_id, (email, phone) in REGISTERED.items():
        SellerAccount.objects.filter(marketplace_seller_id=seller_id).update(
            registered_email=email, registered_phone=phone
        )

    contacts = 0
    for seller_id, profile in CONTACT_PROFILES.items():
        rows = _contacts(rng, now, seller_id, profile)
        result = services.ingest_contacts(actor=admin, seller=seller_id, contacts=rows)
        contacts += result["accepted"]

    def at(days: float):
        return clock.frozen_at(now - dt.timedelta(days=days))

    def act(seller_id: str, **fields):
        return services.take_action(actor=perf, seller_account_id=accounts[seller_id].pk, **fields)

    def appeal(seller_id: str, action, plan: str):
        root, corrective, preventive = PLANS[plan]
        made, _created = services.file_appeal(
            actor=users[seller_id],
            action_id=action.pk,
            root_cause=root,
            corrective_actions=corrective,
            preventive_measures=preventive,
        )
        return made

    # Automated detectors that mistake a fashion mask for PPE and kitchen and pet goods for pesticides.
    with at(2):
        act(
            "MN-B7T3R8W1",
            kind="listing_removed",
            rule="PR-102",
            items=[{"kind": "listing", "id": "NB-B0CMASK12"}],
            evidence="The title of listing NB-B0CMASK12 'Reusable cotton face mask, floral' matched the "
            "protective-equipment term 'face mask'; no certificate of conformity is on file.",
            source="detector",
            detector="ppe-claims",
            detector_confidence=0.74,
        )
    with at(4):
        board = act(
            "MN-A1K9X2Q7",
            kind="listing_restricted",
            rule="PR-101",
            items=[{"kind": "listing", "id": "NB-B07KITCH3"}, {"kind": "sku", "id": "AKG-BOARD-L"}],
            evidence="The title of listing NB-B07KITCH3 says 'antibacterial bamboo cutting board'; "
            "'antibacterial' is a pesticide claim and no registration number is given.",
            source="detector",
            detector="pesticide-claims",
            detector_confidence=0.68,
        )
    with at(3):
        appeal("MN-A1K9X2Q7", board, "board")
    with at(20):
        comb = act(
            "MN-P3M7L2C9",
            kind="listing_removed",
            rule="PR-101",
            items=[{"kind": "listing", "id": "NB-B09PETCMB"}],
            evidence="The title of listing NB-B09PETCMB 'Flea comb for cats and dogs' names a pest; "
            "no pesticide registration number is on the listing.",
            source="detector",
            detector="pesticide-claims",
            detector_confidence=0.61,
        )
        glaze = act(
            "MN-C4E2M9S5",
            kind="listing_removed",
            rule="PR-101",
            items=[{"kind": "listing", "id": "NB-B0CERAMIC7"}],
            evidence="The description of listing NB-B0CERAMIC7 says 'antibacterial glaze' without a "
            "pesticide registration number.",
            source="detector",
            detector="pesticide-claims",
            detector_confidence=0.71,
        )
    with at(19):
        comb_appeal = appeal("MN-P3M7L2C9", comb, "comb")
        glaze_appeal = appeal("MN-C4E2M9S5", glaze, "glaze")
    with at(17):
        services.decide_appeal(
            actor=perf,
            appeal_id=comb_appeal.pk,
            decision="approve",
            reason="NB-B09PETCMB is a steel comb with no chemical; the pesticide-claims detector read "
            "'flea' as a pest-control claim. The listing is reinstated.",
        )
        services.decide_appeal(
            actor=perf,
            appeal_id=glaze_appeal.pk,
            decision="approve",
            reason="The certificate shows the glaze of NB-B0CERAMIC7 is not a biocide, so PR-101 does "
            "not apply. The listing is reinstated.",
        )
    with at(9):
        act(
            "MN-S2Z5B7L4",
            kind="warning",
            rule="PR-402",
            items=[{"kind": "order", "id": "113-4432101-7730012"}, {"kind": "order", "id": "113-9981230-1200456"}],
            evidence="Buyer messages about orders 113-4432101-7730012 and 113-9981230-1200456 waited 61 and "
            "74 hours for a first answer; 18% of contacts in the last 30 days were answered after 24 hours.",
            source="reviewer",
        )

    # An account restricted after a review, and one under review.
    with at(6):
        act(
            "MN-K6W3F1D8",
            kind="account_restricted",
            rule="PR-801",
            items=[{"kind": "asin", "id": "B0KAFFEE01"}, {"kind": "asin", "id": "B0KAFFEE02"}],
            evidence="Warehouse scans on 14 and 16 November recorded coffee lots L2291 and L2293 delivered "
            "with 41 and 55 days left before their expiry dates (90 required).",
            source="reviewer",
        )
    with at(1):
        services.change_account_status(
            actor=perf,
            seller_account_id=accounts["MN-T8X1O6Q3"].pk,
            status=AccountStatus.UNDER_REVIEW,
            reason="A new bank account was added to the account on 28 November; we are checking that it "
            "belongs to the business. Upload a bank statement in the business's name (rule PR-701).",
        )

    # A complaint from a verified buyer, validated, that led to a suspension; the appeal was denied
    # and can still be escalated once by seller-ciaran.
    with at(12):
        complaint, _created = services.file_complaint(
            actor=admin,
            seller="MN-F9B2E4N6",
            complainant_kind="buyer",
            complainant_id="BUYER-55120",
            complainant_since=(now - dt.timedelta(days=900)).date(),
            verified_purchase=True,
            listing_id="NB-B0BIKELT5",
            order_id="114-2200318-5561200",
            product_category="cycling",
            rule="PR-202",
            description="The 'LumenPro' bike light I received has a misspelt logo, no serial number and "
            "the brand's support says the serial format does not exist.",
            external_id="CMP-2026-11-0042",
        )
    with at(11):
        services.decide_complaint(
            actor=perf,
            complaint_id=complaint.pk,
            valid=True,
            reason="Photos show the misspelt logo; the brand confirmed the unit is not genuine.",
        )
        suspension = act(
            "MN-F9B2E4N6",
            kind="account_suspended",
            rule="PR-202",
            items=[{"kind": "listing", "id": "NB-B0BIKELT5"}, {"kind": "order", "id": "114-2200318-5561200"}],
            evidence="The unit shipped in order 114-2200318-5561200 from listing NB-B0BIKELT5 is a "
            "counterfeit LumenPro light (misspelt logo, serial format unknown to the brand).",
            source="complaint",
            complaint_id=complaint.pk,
        )
    with at(10):
        denied = appeal("MN-F9B2E4N6", suspension, "counterfeit")
    with at(8):
        services.decide_appeal(
            actor=perf,
            appeal_id=denied.pk,
            decision="deny",
            reason="The plan for NB-B0BIKELT5 does not include invoices from LumenPro or an authorised "
            "distributor for the 40 units; PR-202 requires them. Send them to have this reviewed again.",
        )

    # Complaints waiting for validation: one credible, one from a competitor with a fresh account.
    with at(1):
        services.file_complaint(
            actor=admin,
            seller="MN-S2Z5B7L4",
            complainant_kind="buyer",
            complainant_id="BUYER-88213",
            complainant_since=(now - dt.timedelta(days=1400)).date(),
            verified_purchase=True,
            listing_id="NB-B0LEDSTRP",
            product_category="lighting",
            rule="PR-501",
            description="The LED strip was sold as 10 m but is 5 m long; the box says 5 m.",
        )
        for n, seller_id in enumerate(["MN-P3M7L2C9", "MN-C4E2M9S5", "MN-A1K9X2Q7", "MN-B7T3R8W1"]):
            services.file_complaint(
                actor=admin,
                seller=seller_id,
                complainant_kind="seller",
                complainant_id="SELLER-RIVAL-77",
                complainant_since=(now - dt.timedelta(days=4)).date(),
                listing_id=f"NB-B0HOME{n:03d}",
                product_category="home",
                rule="PR-201",
                description="This seller uses our brand name in the title of their listing without permission.",
            )
    # Today, a new version of the PPE detector removes scarves and fashion masks by the dozen: the
    # spike-alert sweep flags it for the team leads, who can post an incident banner.
    Detector.objects.filter(name="ppe-claims").update(version="1.5")
    for n, (seller_id, title) in enumerate(SPIKE_LISTINGS):
        with at((len(SPIKE_LISTINGS) - n) * 4 / (24 * 60)):  # minutes apart, all today
            act(
                seller_id,
                kind="listing_removed",
                rule="PR-102",
                items=[{"kind": "listing", "id": f"NB-B0SPK{n:05d}"}],
                evidence=f"The title of listing NB-B0SPK{n:05d} '{title}' matched the protective-equipment "
                "terms of detector version 1.5; no certificate of conformity is on file.",
                source="detector",
                detector="ppe-claims",
                detector_confidence=round(0.55 + 0.03 * n, 2),
            )
    return {
        "buyer_contacts": contacts,
        "enforcement_actions": EnforcementAction.objects.count(),
        "complaints": Complaint.objects.count(),
    }
