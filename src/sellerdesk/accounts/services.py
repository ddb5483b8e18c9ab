"""State changes for accounts: API tokens."""

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils.translation import gettext as _

from sellerdesk.core import clock
from sellerdesk.core.errors import CoreError, SellerdeskError

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


def user_for_token(raw: str) -> User | None:
    """The active user a bearer token belongs to, or None; notes when the token was last used."""
    now = clock.now()
    token = (
        ApiToken.objects.select_related("user", "user__seller_account")
        .filter(key_hash=hash_token(raw), expires_at__gt=now, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    if token.last_used_at is None or token.last_used_at < now - dt.timedelta(hours=1):
        # At most one write an hour per token, so authentication stays a single read.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
