"""Schemas shared by several routers."""

import math

from django.conf import settings
from ninja import Header, Schema
from pydantic import BaseModel, ConfigDict, Field, field_validator


class StrictSchema(Schema):
    """Input schemas refuse fields they do not know, so a typo is an error, not a silent no-op."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _no_null_characters(cls, value):
        # As Django's forms do: PostgreSQL text cannot hold NUL, so no input text may carry one.
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("Null characters are not allowed.")
        return value


class Out(BaseModel):
    """What the API answers. Handlers build answers as dicts, so these are plain pydantic models:
    ninja's `Schema` would wrap every nested object in a Django attribute getter before checking
    it, which took about 40% of the CPU of a 25-case list page. Model objects are still read by
    attribute (`from_attributes`)."""

    model_config = ConfigDict(from_attributes=True)


class ErrorOut(Out):
    code: str
    message: str
    fields: dict[str, list[str]] | None = None


# Every error status an endpoint may answer, each in the one error shape.
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 413: ErrorOut, 422: ErrorOut}


class SellerRef(Out):
    id: int
    marketplace_seller_id: str
    name: str
    status: str


class TeamRef(Out):
    id: int
    name: str
    tier: str


class PersonRef(Out):
    id: int
    name: str
    role: str


class Page(Out):
    count: int = Field(description="How many items match, counted up to the list count limit (10,000 by default).")
    count_exact: bool = Field(description="False when more items match than the limit: `count` is then the limit.")
    page: int
    page_size: int
    pages: int = Field(description="The pages `count` fills; past the limit, later pages still answer.")


def page_of(qs, filters, out) -> dict:
    """One page of a queryset as the list endpoints answer it: `out` applied to each item, with the
    count and the page numbers (`filters` carries `page` and `page_size`). The count stops at
    `LIST_COUNT_LIMIT`: an exact count reads every match, and a team's queue keeps its history."""
    limit = settings.SELLERDESK["LIST_COUNT_LIMIT"]
    count = qs[: limit + 1].count()
    start = (filters.page - 1) * filters.page_size
    return {
        "items": [out(item) for item in qs[start : start + filters.page_size]],
        "count": min(count, limit),
        "count_exact": count <= limit,
        "page": filters.page,
        "page_size": filters.page_size,
        "pages": math.ceil(min(count, limit) / filters.page_size),
    }


def person(user) -> dict | None:
    if user is None:
        return None
    return {"id": user.pk, "name": user.first_name or user.username, "role": user.role}


def seller_ref(account) -> dict:
    return {
        "id": account.pk,
        "marketplace_seller_id": account.marketplace_seller_id,
        "name": account.name,
        "status": account.status,
    }


def team_ref(team) -> dict | None:
    return None if team is None else {"id": team.pk, "name": team.name, "tier": team.tier}


# The `Idempotency-Key` header of the writes a client may retry. No control characters: a key is
# compared in SQL, and PostgreSQL text cannot hold NUL.
IdempotencyKey = Header(None, alias="Idempotency-Key", max_length=128, pattern=r"^[^\x00-\x1f\x7f]*$")
