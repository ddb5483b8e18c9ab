"""The assistant's triage: language, category, urgency and suggested tier of any seller text, with
calibrated confidences and the references found in it (runs on the local model only); and each
case's reading by the model, which agents confirm or correct."""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema
from pydantic import Field

from sellerdesk.accounts import permissions
from sellerdesk.assistant import selectors, services
from sellerdesk.assistant.labels import LANGUAGES, TIERS, URGENCIES
from sellerdesk.assistant.models import CaseTriage
from sellerdesk.assistant.triage import triage
from sellerdesk.core.errors import not_found

from .cases import CategoryName
from .schemas import ERRORS, PersonRef, StrictSchema, person

router = Router(tags=["assistant"])


class TriageIn(StrictSchema):
    text: str = Field(min_length=1, max_length=20_000)
    subject: str | None = Field(None, max_length=200)


class Prediction(Schema):
    value: str
    confidence: float = Field(description="Calibrated probability, 0–1.")


class MoneyOut(Schema):
    amount: str
    currency: str | None
    text: str


class DateOut(Schema):
    text: str
    iso: str | None


class ReferencesOut(Schema):
    order_ids: list[str]
    asins: list[str]
    skus: list[str]
    shipment_ids: list[str]
    amounts: list[MoneyOut]
    dates: list[DateOut]


class TriageOut(Schema):
    language: Prediction
    category: Prediction
    urgency: Prediction
    tier: Prediction
    references: ReferencesOut
    model_version: str


@router.post("/assistant/triage", response={200: TriageOut, **ERRORS})
def triage_text(request: HttpRequest, payload: TriageIn):
    """Any signed-in user: triage a seller message (a new case, an e-mail, a chat turn)."""
    result = triage(payload.text, payload.subject)
    return {
        "language": {"value": result.language, "confidence": result.language_confidence},
        "category": {"value": result.category, "confidence": result.category_confidence},
        "urgency": {"value": result.urgency, "confidence": result.urgency_confidence},
        "tier": {"value": result.tier, "confidence": result.tier_confidence},
        "references": result.references.as_dict(),
        "model_version": result.model_version,
    }


# --- a case's reading by the model, and the agents' review of it --------------------------------------

UrgencyName = Literal[URGENCIES]  # type: ignore[valid-type]
TierName = Literal[TIERS]  # type: ignore[valid-type]
LanguageName = Literal[LANGUAGES]  # type: ignore[valid-type]


class CaseTriageOut(Schema):
    language: Prediction
    category: Prediction
    urgency: Prediction
    tier: Prediction
    references: ReferencesOut
    model_version: str
    category_applied: bool = Field(description="The seller left the category open and the case took the model's.")
    needs_review: bool = Field(description="A prediction is below the confidence threshold: an agent confirms it.")
    reviewed_by: PersonRef | None
    reviewed_at: datetime | None
    created_at: datetime


class TriageReviewIn(StrictSchema):
    """What the agent says each prediction should be; a field left out is confirmed as it stands."""

    category: CategoryName | None = None
    urgency: UrgencyName | None = None
    tier: TierName | None = None
    language: LanguageName | None = None


def _empty_references() -> dict:
    return {"order_ids": [], "asins": [], "skus": [], "shipment_ids": [], "amounts": [], "dates": []}


def case_triage_out(reading: CaseTriage) -> dict:
    return {
        "language": {"value": reading.language, "confidence": reading.language_confidence},
        "category": {"value": reading.category, "confidence": reading.category_confidence},
        "urgency": {"value": reading.urgency, "confidence": reading.urgency_confidence},
        "tier": {"value": reading.tier, "confidence": reading.tier_confidence},
        "references": {**_empty_references(), **(reading.references or {})},
        "model_version": reading.model_version,
        "category_applied": reading.category_applied,
        "needs_review": reading.needs_review,
        "reviewed_by": person(reading.reviewed_by),
        "reviewed_at": reading.reviewed_at,
        "created_at": reading.created_at,
    }


@router.get("/cases/{int:case_id}/triage", response={200: CaseTriageOut, **ERRORS})
def case_triage(request: HttpRequest, case_id: int):
    """Agents who see the case: the model's reading of it. It is internal: for a seller, for a case
    the agent cannot see and for a case not triaged yet the answer is 404."""
    user = request.auth
    if not permissions.can_see_internal(user):
        raise not_found(_("There is no case with this number."))
    reading = selectors.reading_for(user, permissions.get_case_for(user, case_id))
    if reading is None:
        raise not_found(_("This case has not been triaged yet."))
    return case_triage_out(reading)


@router.post("/cases/{int:case_id}/triage/review", response={200: CaseTriageOut, **ERRORS})
def review_case_triage(request: HttpRequest, case_id: int, payload: TriageReviewIn | None = None):
    """Agents of the owning team confirm the reading, correcting what is wrong. Each correction is
    kept for retraining; a corrected category, urgency or language applies to the case."""
    data = payload or TriageReviewIn()
    reading = services.review_triage(
        actor=request.auth,
        case_id=case_id,
        category=data.category,
        urgency=data.urgency,
        tier=data.tier,
        language=data.language,
    )
    return case_triage_out(reading)
