"""The help centre: sellers' at /portal/help/, agents' (both audiences) at /workspace/knowledge/.
Search or browse by category, read an article (in the reader's language, else English), answer
"did this help?". The same views and templates serve both; `Area` says which one."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sellerdesk.cases.categories import Category
from sellerdesk.core.errors import SellerdeskError
from sellerdesk.core.forms import show_error
from sellerdesk.core.views import role_required

from . import selectors, services
from .forms import FeedbackForm
from .markdown import render as render_markdown
from .models import LANGUAGES, Audience, FeedbackSource, Language
from .search import article_url, normalise_language, search

SEARCH_LIMIT = 10
QUERY_MAX = 200


@dataclass(frozen=True)
class Area:
    name: str  # "portal" or "workspace"
    index: str
    article: str
    feedback: str
    audience: str | None  # what search looks in: sellers' articles only, or both

    @property
    def workspace(self) -> bool:
        return self.name == "workspace"


PORTAL = Area("portal", "portal:help", "portal:help_article", "portal:help_feedback", Audience.SELLER)
WORKSPACE = Area(
    "workspace", "workspace:knowledge", "workspace:knowledge_article", "workspace:knowledge_feedback", None
)

seller_only = role_required(lambda user: user.is_seller)
agent_only = role_required(lambda user: user.is_agent)


def _reading_language(request: HttpRequest) -> str:
    """?language= (or the form's) when articles are written in it, else the page's language."""
    asked = normalise_language(request.GET.get("language") or request.POST.get("language") or "")
    if asked in LANGUAGES and (request.GET.get("language") or request.POST.get("language")):
        return asked
    return normalise_language(translation.get_language())


def _help(request: HttpRequest, area: Area) -> HttpResponse:
    language = _reading_language(request)
    query = request.GET.get("q", "").strip()[:QUERY_MAX]
    category = request.GET.get("category", "")
    category = category if category in Category.values else ""
    counts = selectors.category_counts(request.user, language=language, audience=area.audience)
    hits, groups = [], []
    if query:
        hits = search(query, language=language, audience=area.audience, category=category or None, limit=SEARCH_LIMIT)
    else:
        articles = selectors.browse(request.user, language=language, category=category or None, audience=area.audience)
        labels = dict(Category.choices)
        for value in Category.values:
            in_group = [a for a in articles if a.category == value]
            if in_group:
                for article in in_group:
                    article.url = article_url(article.slug, article.language, workspace=area.workspace)
                groups.append({"category": value, "label": labels[value], "articles": in_group})
    context = {
        "area": area,
        "language": language,
        "languages": Language.choices,
        "q": query,
        "category": category,
        "category_label": dict(Category.choices).get(category, ""),
        "categories": [(value, label, counts.get(value, 0)) for value, label in Category.choices if counts.get(value)],
        "hits": hits,
        "groups": groups,
    }
    return render(request, "knowledge/help.html", context)


def _article_context(request: HttpRequest, area: Area, slug: str, form: FeedbackForm | None = None) -> dict:
    asked = _reading_language(request)
    article, fallback = selectors.article_for(request.user, slug, asked)
    mine = selectors.feedback_of(request.user, article)
    return {
        "area": area,
        "article": article,
        "fallback": fallback,
        "asked_language": dict(Language.choices).get(asked, asked),
        "body": render_markdown(
            article.body, article_url=lambda s: article_url(s, article.language, workspace=area.workspace)
        ),
        "translations": [
            (code, dict(Language.choices)[code], article_url(article.slug, code, workspace=area.workspace))
            for code in selectors.languages_of(request.user, article)
            if code != article.language
        ],
        "mine": mine,
        "form": form or FeedbackForm(initial={"language": article.language}),
        "new_case_url": f"{reverse('portal:new')}?category={article.category}",
        "index_url": f"{reverse(area.index)}?language={article.language}",
        "category_url": f"{reverse(area.index)}?language={article.language}&category={article.category}",
    }


def _article(request: HttpRequest, area: Area, slug: str) -> HttpResponse:
    return render(request, "knowledge/article.html", _article_context(request, area, slug))


def _feedback(request: HttpRequest, area: Area, slug: str) -> HttpResponse:
    form = FeedbackForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            feedback = services.give_feedback(
                request.user,
                slug,
                normalise_language(data["language"]),
                data["helpful"] == "yes",
                data["comment"],
                FeedbackSource.WEB,
            )
        except SellerdeskError as error:
            show_error(form, error)
        else:
            if feedback.helpful:
                messages.success(request, _("Thank you for telling us. We are glad it helped."))
            elif area.workspace:
                messages.success(request, _("Thank you. We will use your answer to improve this article."))
            else:
                messages.success(
                    request,
                    _("Thank you. We are sorry it did not help: open a case below and a person will help you."),
                )
            # Back to the top of the article, where the thanks is shown.
            return redirect(article_url(slug, feedback.article.language, workspace=area.workspace))
    context = _article_context(request, area, slug, form)
    return render(request, "knowledge/article.html", context, status=400)


# --- the seller portal -------------------------------------------------------------------------------


@seller_only
def help_index(request: HttpRequest) -> HttpResponse:
    return _help(request, PORTAL)


@seller_only
def help_article(request: HttpRequest, slug: str) -> HttpResponse:
    return _article(request, PORTAL, slug)


@seller_only
@require_POST
def help_feedback(request: HttpRequest, slug: str) -> HttpResponse:
    return _feedback(request, PORTAL, slug)


# --- the agents' workspace ---------------------------------------------------------------------------


@agent_only
def knowledge_index(request: HttpRequest) -> HttpResponse:
    return _help(request, WORKSPACE)


@agent_only
def knowledge_article(request: HttpRequest, slug: str) -> HttpResponse:
    return _article(request, WORKSPACE, slug)


@agent_only
@require_POST
def knowledge_feedback(request: HttpRequest, slug: str) -> HttpResponse:
    return _feedback(request, WORKSPACE, slug)
