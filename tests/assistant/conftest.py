"""Fixtures of the virtual assistant's tests: a small payments flow and a few articles.

Articles are rows of the knowledge base's own model when that package is installed (searched by
its own search, when it has one); without it, the assistant's reads of the knowledge base are
replaced by a small in-memory one, so these tests do not depend on the other package's state."""

import copy
import importlib.util

import pytest
from django.apps import apps

from sellerdesk.assistant import grounding
from sellerdesk.assistant import services as assistant
from sellerdesk.assistant.grounding import ArticleRef

ARTICLES = [
    {
        "slug": "payout-on-hold",
        "language": "en",
        "category": "payments",
        "title": "Why is my payout on hold?",
        "summary": "Payouts are held for 14 days after you change the bank account, and while a payment review is open.",
        "keywords": "payout, disbursement, on hold, held, retained, payment",
    },
    {
        "slug": "payout-on-hold",
        "language": "es",
        "category": "payments",
        "title": "¿Por qué mi pago está retenido?",
        "summary": "Los pagos se retienen 14 días después de cambiar la cuenta bancaria y mientras hay una revisión de pagos.",
        "keywords": "pago, retenido, desembolso, dinero, retención",
    },
    {
        "slug": "reset-password",
        "language": "en",
        "category": "account_access",
        "title": "Reset your password",
        "summary": "Use the reset link on the sign-in page; the e-mail arrives within five minutes.",
        "keywords": "password, sign in, login, reset",
    },
]


def text(en, es=None):
    return {"en": en, "es": es or en}


FLOW = {
    "slug": "payments-test",
    "category": "payments",
    "title": text("Payments and payouts", "Pagos"),
    "start": "what",
    "nodes": {
        "what": {
            "type": "question",
            "text": text("What is happening with your payout?", "¿Qué pasa con tu pago?"),
            "options": [
                {"label": text("It is on hold", "Está retenido"), "next": "hold"},
                {"label": text("It never arrived", "No ha llegado"), "next": "case"},
                {"label": text("Just a question", "Solo una pregunta"), "next": "done"},
            ],
        },
        "hold": {
            "type": "article",
            "article": "payout-on-hold",
            "text": text("Holds usually have a reason you can fix.", "Las retenciones suelen tener un motivo."),
            "next_options": [{"label": text("No, it is still on hold", "No, sigue retenido"), "next": "case"}],
        },
        "case": {
            "type": "case",
            "text": text("A payments specialist will look at it.", "Un especialista de pagos lo revisará."),
            "case": {
                "category": "payments",
                "subject": text("Payout on hold", "Pago retenido"),
                "urgent": False,
                "fields": [
                    {"name": "order_id", "label": text("Order id", "Número de pedido"), "required": True},
                    {"name": "amount", "label": text("Amount held", "Importe retenido"), "required": False},
                ],
            },
        },
        "done": {"type": "end", "text": text("Payouts are sent every 14 days.", "Los pagos se envían cada 14 días.")},
    },
}


def flow_definition(**changes) -> dict:
    definition = copy.deepcopy(FLOW)
    definition.update(changes)
    return definition


def _score(query: str, row: dict) -> int:
    words = set(query.lower().replace(",", " ").split())
    haystack = f"{row['title']} {row['summary']} {row['keywords']}".lower()
    return sum(1 for w in words if len(w) > 3 and w in haystack)


class KnowledgeBase:
    """The articles of these tests, and the feedback the assistant gave on them."""

    def __init__(self, monkeypatch):
        self.installed = apps.is_installed("sellerdesk.knowledge")
        self.calls: list[tuple[str, bool, str]] = []
        if self.installed:
            Article = apps.get_model("knowledge", "Article")
            for row in ARTICLES:
                Article.objects.create(body=row["summary"], **row)
            if importlib.util.find_spec("sellerdesk.knowledge.search") is None:
                monkeypatch.setattr(grounding, "search_articles", self._search)
        else:
            monkeypatch.setattr(grounding, "search_articles", self._search)
            monkeypatch.setattr(grounding, "article", self._article)
            monkeypatch.setattr(grounding, "give_feedback", self._feedback)

    def _ref(self, row) -> ArticleRef:
        return ArticleRef(
            row["slug"],
            row["language"],
            row["title"],
            row["summary"],
            f"/portal/help/{row['slug']}/?language={row['language']}",
        )

    def _search(self, query, *, language, category=None, limit=3):
        rows = [r for r in ARTICLES if r["language"] == language and (category is None or r["category"] == category)]
        rows = sorted((r for r in rows if _score(query, r)), key=lambda r: -_score(query, r))
        return [self._ref(r) for r in rows[:limit]]

    def _article(self, user, slug, language):
        rows = {r["language"]: r for r in ARTICLES if r["slug"] == slug}
        row = rows.get(language) or rows.get("en")
        return self._ref(row) if row else None

    def _feedback(self, user, *, slug, language, helpful):
        self.calls.append((slug, helpful, "assistant"))

    def feedback(self) -> list[tuple[str, bool, str]]:
        if not self.installed:
            return self.calls
        Feedback = apps.get_model("knowledge", "ArticleFeedback")
        return [
            (f.article.slug, f.helpful, f.source) for f in Feedback.objects.select_related("article").order_by("pk")
        ]


@pytest.fixture
def kb(db, monkeypatch):
    return KnowledgeBase(monkeypatch)


@pytest.fixture
def payments_flow(kb):
    flow, _changed = assistant.save_flow(actor=None, definition=flow_definition())
    return flow
