"""Small helpers for the thin web views of the portal and the workspace."""

import re
import secrets
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest

from .errors import CoreError, SellerdeskError


def role_required(check):
    """Signed in, and `check(user)` true; others get a 404 so the page's existence does not leak."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if not check(request.user):
                raise Http404
            try:
                return view(request, *args, **kwargs)
            except SellerdeskError as error:
                if error.code == CoreError.NOT_FOUND:
                    raise Http404 from error
                raise

        return wrapped

    return decorator


def paginate(request: HttpRequest, queryset, per_page: int = 25):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


# What `form_key` hands out (`secrets.token_urlsafe`), with room for keys a test or a client picks.
_FORM_KEY = re.compile(r"[A-Za-z0-9_-]{1,128}")


def posted_key(request: HttpRequest) -> str | None:
    """The idempotency key a form sent back, or None when it is not one a form could carry: an
    overlong or binary key, from a crafted request, must not reach the database."""
    key = request.POST.get("idempotency_key", "")
    return key if _FORM_KEY.fullmatch(key) else None


def form_key(request: HttpRequest) -> str:
    """An idempotency key carried by a form, so a double click or a resubmit writes once."""
    return posted_key(request) or secrets.token_urlsafe(16)


def flash_error(request: HttpRequest, error: SellerdeskError) -> None:
    """Tells a refusal of a one-button action as a message on the next page (field details first).
    A `not_found` refusal is raised again, so the view answers 404 and nothing is flashed."""
    if error.code == CoreError.NOT_FOUND:
        raise error
    details = [text for texts in (error.fields or {}).values() for text in texts]
    messages.error(request, " ".join(details) or error.message)
