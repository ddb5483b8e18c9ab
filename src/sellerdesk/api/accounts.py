"""Tokens and the signed-in person."""

from django.http import HttpRequest
from ninja import Router
from pydantic import Field

from sellerdesk.accounts.models import Role
from sellerdesk.accounts.selectors import teams_of
from sellerdesk.accounts.services import issue_api_token

from .schemas import ErrorOut, Out, SellerRef, StrictSchema, TeamRef, seller_ref, team_ref

router = Router(tags=["auth"])


class TokenIn(StrictSchema):
    username: str = Field(min_length=1, max_length=150)
    password: str = Field(min_length=1, max_length=256)


class TokenOut(Out):
    token: str
    token_type: str = "Bearer"


class MeOut(Out):
    id: int
    username: str
    name: str
    email: str
    role: str
    timezone: str
    seller_account: SellerRef | None
    teams: list[TeamRef]


@router.post("/auth/token", auth=None, response={200: TokenOut, 401: ErrorOut, 422: ErrorOut})
def create_token(request: HttpRequest, payload: TokenIn):
    """Exchange a username and password for a bearer token, valid for 30 days by default."""
    return {"token": issue_api_token(username=payload.username, password=payload.password)}


@router.get("/me", response=MeOut)
def me(request: HttpRequest):
    """Who the token belongs to: role, seller account (sellers) or teams (agents)."""
    user = request.auth
    return {
        "id": user.pk,
        "username": user.username,
        "name": user.display_name,
        "email": user.email,
        "role": user.role,
        "timezone": user.effective_timezone,
        "seller_account": seller_ref(user.seller_account) if user.role == Role.SELLER else None,
        "teams": [team_ref(t) for t in teams_of(user)],
    }
