"""The virtual assistant in the portal (a seller's chat: plain forms that post and redirect, so it
works without JavaScript) and its metrics in the workspace (team leads and admins)."""

import datetime as dt

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sellerdesk.accounts import permissions
from sellerdesk.core import clock
from sellerdesk.core.errors import CoreError, SellerdeskError
from sellerdesk.core.forms import show_error
from sellerdesk.core.views import flash_error, role_required

from . import chat as chat_engine
from . import selectors, services
from .models import Conversation

seller_only = role_required(lambda user: user.is_seller)
lead_only = role_required(permissions.is_lead)

METRICS_DAYS = (7, 30, 90)


class MessageForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Your message"),
        max_length=chat_engine.MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def case_form(state: dict, data=None) -> forms.Form | None:
    """The form a case node asks for, built from its fields (checked again by the service)."""
    fields = chat_engine.public_form(state)
    if fields is None:
        return None
    form = forms.Form(data, prefix="f")
    for field in fields:
        limit = chat_engine.REFERENCE_MAX if field["name"] in chat_engine.REFERENCE_FIELDS else chat_engine.FIELD_MAX
        form.fields[field["name"]] = forms.CharField(label=field["label"], required=field["required"], max_length=limit)
    return form


def _page(request: HttpRequest, conversation: Conversation | None, *, status: int = 200, **forms_) -> HttpResponse:
    state = conversation.state if conversation else {}
    context = {
        "conversation": conversation,
        "turns": selectors.turns_of(conversation) if conversation else [],
        "options": [o for o in chat_engine.public_options(state) if o["id"] != chat_engine.HANDOVER]
        if conversation and conversation.status != Conversation.Status.HANDED_OVER
        else [],
        "message_form": forms_.get("message_form") or MessageForm(),
        "case_form": forms_.get("case_form") or (case_form(state) if conversation else None),
        "recent": [c for c in selectors.recent_conversations(request.user) if c != conversation][:5],
        "post_url": reverse("portal:assistant_conversation", args=[conversation.pk])
        if conversation
        else reverse("portal:assistant"),
    }
    return render(request, "assistant/chat.html", context, status=status)


def _after(request: HttpRequest, result: services.ChatResult) -> HttpResponse:
    if result.case is not None:
        messages.success(
            request,
            _("Case %(number)s is open with the whole conversation. A person will answer you there.")
            % {"number": result.case.number},
        )
        return redirect("portal:case", case_id=result.case.pk)
    return redirect(reverse("portal:assistant_conversation", args=[result.conversation.pk]) + "#latest")


def _post(request: HttpRequest, conversation: Conversation | None) -> HttpResponse:
    """One seller turn from the page: a message, a button (an option or "talk to a person") or the
    case form."""
    conversation_id = conversation.pk if conversation else None
    language = translation.get_language()
    if "handover" in request.POST:
        call = {"handover": True}
    elif "choice" in request.POST:
        call = {"choice": request.POST["choice"][:100]}
    elif "send_form" in request.POST and conversation is not None:
        form = case_form(conversation.state, request.POST)
        if form is None:
            messages.error(request, _("No form is asked for now."))
            return redirect("portal:assistant_conversation", conversation_id=conversation.pk)
        if not form.is_valid():
            return _page(request, conversation, status=400, case_form=form)
        call = {"form": {name: value for name, value in form.cleaned_data.items() if value}}
        try:
            return _after(request, services.chat(request.user, conversation_id, language=language, **call))
        except SellerdeskError as error:
            show_error(form, error)
            return _page(request, conversation, status=400, case_form=form)
    else:
        form = MessageForm(request.POST)
        if not form.is_valid():
            return _page(request, conversation, status=400, message_form=form)
        try:
            result = services.chat(
                request.user, conversation_id, message=form.cleaned_data["message"], language=language
            )
        except SellerdeskError as error:
            if error.code == CoreError.NOT_FOUND:
                raise
            show_error(form, error)
            return _page(request, conversation, status=400, message_form=form)
        return _after(request, result)
    try:
        result = services.chat(request.user, conversation_id, language=language, **call)
    except SellerdeskError as error:
        flash_error(request, error)
        if conversation is None:
            return redirect("portal:assistant")
        return redirect("portal:assistant_conversation", conversation_id=conversation.pk)
    return _after(request, result)


@seller_only
def chat_start(request: HttpRequest) -> HttpResponse:
    """A new conversation: the seller describes the problem (or asks for a person straight away)."""
    if request.method == "POST":
        return _post(request, None)
    return _page(request, None)


@seller_only
def chat_conversation(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = selectors.conversation_for(request.user, conversation_id)
    if request.method == "POST":
        return _post(request, conversation)
    return _page(request, conversation)


@lead_only
def metrics(request: HttpRequest) -> HttpResponse:
    """The assistant's results for leads and admins: deflection, hand-overs, abandoned
    conversations and the sellers' answers to "did this help?"."""
    try:
        days = int(request.GET.get("days", "30"))
    except ValueError:
        days = 30
    days = days if days in METRICS_DAYS else 30
    since = clock.now() - dt.timedelta(days=days)
    return render(
        request,
        "assistant/metrics.html",
        {"days": days, "choices": METRICS_DAYS, "since": since, "m": selectors.assistant_metrics(since)},
    )
