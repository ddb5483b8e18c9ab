"""State changes for accounts: API tokens."""

import datetime as dt
import hashlib
import secrets
import time

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils.translation import gettext as _

from sellerdesk.core import clock
from sellerdesk.core.errors import CoreError, SellerdeskError

from . import permissions
from .models import ApiToken, User


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def issue_api_token(*, username: str, password: str) -> str:
    """Exchanges a username and password for a new bearer token (shown once, stored hashed)."""
    user = authenticate(username=username, password=password)
    if user is None or not user.is_active:
        raise SellerdeskError(CoreError.INVALID_CREDENTIALS, _("The username or password is not correct."))
    raw = "sd_" + secrets.token_urlsafe(32)
    ApiToken.objects.create(
        user=user,
        key_hash=hash_token(raw),
        expires_at=clock.now() + dt.timedelta(days=settings.SELLERDESK["API_TOKEN_DAYS"]),
    )
    return raw


# key hash -> (monotonic time the entry lapses, token expiry, user with its team ids loaded)
_recent_tokens: dict[str, tuple[float, dt.datetime, User]] = {}
_RECENT_TOKENS_MAX = 10_000


def user_for_token(raw: str) -> User | None:
    """The active user a bearer token belongs to, or None; notes when the token was last used.

    Each process remembers a token it has just checked for API_AUTH_CACHE_SECONDS (default 30 s),
    so a busy client costs no query per request; the price is that deactivating a user, deleting a
    token or changing team memberships reaches API calls up to that long later (0 turns it off)."""
    key = hash_token(raw)
    now = clock.now()
    remember_for = settings.SELLERDESK["API_AUTH_CACHE_SECONDS"]
    if remember_for > 0:
        hit = _recent_tokens.get(key)
        if hit is not None and hit[0] > time.monotonic() and hit[1] > now:
            return hit[2]
    token = (
        ApiToken.objects.select_related("user", "user__seller_account")
        .filter(key_hash=key, expires_at__gt=now, user__is_active=True)
        .order_by()[:1]
    )
    token = next(iter(token), None)
    if token is None:
        _recent_tokens.pop(key, None)
        return None
    if token.last_used_at is None or token.last_used_at < now - dt.timedelta(hours=1):
        # At most one write an hour per token, so authentication stays a single read.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    user = token.user
    if remember_for > 0:
        if len(_recent_tokens) >= _RECENT_TOKENS_MAX:
            _recent_tokens.clear()
        permissions.team_ids(user)  # loaded once, kept on the remembered user
        _recent_tokens[key] = (time.monotonic() + remember_for, token.expires_at, user)
    return user
