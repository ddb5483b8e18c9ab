"""API: Seller performance — contacts and account health."""

from datetime import datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Query, Router
from pydantic import Field

from sellerdesk.accounts import permissions
from sellerdesk.performance import selectors, services

from .schemas import ERRORS, Out, StrictSchema

router = Router(tags=["Seller performance — contacts and account health"])

HealthStateName = Literal["green", "yellow", "red", "no_data"]

# How one contact looks. The list is not validated as a whole by the schema: each row is checked by
# the service, so one bad row is reported with its reasons and the others are still stored.
CONTACT_SCHEMA = {
    "type": "object",
    "required": ["external_id", "received_at"],
    "additionalProperties": False,
    "properties": {
        "external_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 128,
            "description": "The marketplace's id of the contact; sending it again updates the contact.",
        },
        "received_at": {
            "type": "string",
            "format": "date-time",
            "description": "When the buyer's message arrived (ISO 8601 with a time zone).",
        },
        "responded_at": {
            "anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}],
            "description": "The seller's first response; null while unanswered.",
        },
        "survey_answer": {
            "anyOf": [{"type": "string", "enum": ["yes", "no"]}, {"type": "null"}],
            "description": "'Did this solve your problem?'; null when the buyer did not answer.",
        },
    },
}


class ContactsIn(StrictSchema):
    seller: str = Field(max_length=64, description="The marketplace seller id, e.g. MN-A1K9X2Q7.")
    contacts: list[Any] = Field(
        description=f"1 to {services.MAX_CONTACTS_PER_BATCH} buyer contacts.",
        json_schema_extra={"items": CONTACT_SCHEMA, "minItems": 1, "maxItems": services.MAX_CONTACTS_PER_BATCH},
    )


class RejectedContact(Out):
    index: int = Field(description="Position of the contact in the request's list, from 0.")
    external_id: Any = Field(None, description="The external_id as sent, if any.")
    errors: dict[str, list[str]]


class ContactsOut(Out):
    seller: str
    accepted: int
    created: int
    updated: int
    rejected: list[RejectedContact]


class Target(Out):
    operator: Literal["<", ">", "<=", ">="]
    value: float


class MetricOut(Out):
    value: float | None = Field(description="Percent with one decimal; null without data.")
    unit: Literal["percent"]
    state: HealthStateName
    target: Target = Field(description="What the value must be to meet the target.")
    warning: Target = Field(description="From where the metric is yellow (close to the limit).")
    numerator: int = Field(description="'No' answers, or contacts answered in time.")
    denominator: int = Field(description="All survey answers, or contacts whose response time can be judged.")
    to_red: int | None = Field(
        description="How many more 'no' answers (or late contacts) would turn the metric red; null when red."
    )
    to_leave_red: int | None = Field(
        description="When red: how many more 'yes' answers (or contacts answered in time) would bring it back."
    )


class MetricsOut(Out):
    dissatisfaction_rate: MetricOut
    response_time_compliance: MetricOut


class WindowOut(Out):
    window_days: int
    overall: HealthStateName
    contacts: int
    contacts_pending: int = Field(description="Unanswered contacts still inside their first hours: not judged yet.")
    metrics: MetricsOut


class RateThresholds(Out):
    red_at_or_above: float
    yellow_at_or_above: float


class ComplianceThresholds(Out):
    red_at_or_below: float
    yellow_at_or_below: float


class ThresholdsOut(Out):
    windows_days: list[int]
    response_hours: int
    dissatisfaction_rate: RateThresholds
    response_time_compliance: ComplianceThresholds


class WarningOut(Out):
    metric: Literal["dissatisfaction_rate", "response_time_compliance"]
    state: HealthStateName
    count: int
    message: str


class HealthOut(Out):
    seller: str
    window_days: int = Field(description="The window of `overall` and `metrics`.")
    overall: HealthStateName
    metrics: MetricsOut
    contacts: int
    contacts_pending: int
    windows: list[WindowOut]
    computed_at: datetime
    thresholds: ThresholdsOut
    warnings: list[WarningOut] = Field(description="What would turn a metric red soon.")


class HealthQuery(StrictSchema):
    seller: str | None = Field(
        None, max_length=64, description="Marketplace seller id; agents must give it, sellers may give their own."
    )
    window: int | None = Field(None, ge=1, le=3650, description="Days; one of the configured windows (30, 90).")


@router.post(
    "/performance/contacts",
    response={200: ContactsOut, **ERRORS},
    summary="Send buyer contacts of one seller",
    description="Operators (admin users and integration tokens) send the marketplace's buyer→seller contacts. "
    "Idempotent by `external_id`. Valid contacts are stored and the seller's health recomputed; the others "
    "are listed in `rejected` with their reasons.",
)
def send_contacts(request: HttpRequest, payload: ContactsIn):
    return services.ingest_contacts(actor=request.auth, seller=payload.seller, contacts=payload.contacts)


@router.get(
    "/performance/health",
    response={200: HealthOut, **ERRORS},
    summary="A seller's account health",
    description="A seller reads their own account's health; agents and operators name the seller with "
    "`?seller=`. `?window=90` puts that window's metrics at the top level.",
)
def read_health(request: HttpRequest, filters: Query[HealthQuery]):
    account = permissions.seller_account_for(request.auth, filters.seller)
    return selectors.health_report(account, window=filters.window)
