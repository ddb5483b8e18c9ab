"""The assistant's triage: language, category, urgency and suggested tier of any seller text, with
calibrated confidences and the references found in it. Runs on the local model only."""

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from sellerdesk.assistant.triage import triage

from .schemas import ERRORS, StrictSchema

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
