"""A small knowledge base of its own for the tests (six articles, some translated), written as
content files in a temporary directory and imported through the service."""

from pathlib import Path

import pytest

from sellerdesk.knowledge import search
from sellerdesk.knowledge.services import import_articles

# (language, slug) -> front matter and body. Seller articles unless said otherwise.
ARTICLES = {
    ("en", "payout-on-hold"): {
        "category": "payments",
        "title": "Why is my payout on hold, and when will it be paid?",
        "summary": "A payout is held while a reserve covers open claims; it is paid on the next payout date.",
        "keywords": "payout, hold, reserve, disbursement, withheld",
        "body": "## Why payouts are held\n\nA **reserve** covers open buyer claims.\n\n- Check [your account](/portal/account/).\n- Read [refunds](article:return-refund-window).\n\nOpen a case if the payout is late.",
    },
    ("es", "payout-on-hold"): {
        "category": "payments",
        "title": "¿Por qué mi pago está retenido y cuándo lo recibiré?",
        "summary": "El pago se retiene mientras una reserva cubre reclamaciones abiertas; se paga en la próxima fecha.",
        "keywords": "pago retenido, reserva, desembolso, dinero retenido",
        "body": "## Por qué se retienen los pagos\n\nUna **reserva** cubre las reclamaciones abiertas de los compradores.",
    },
    ("zh", "payout-on-hold"): {
        "category": "payments",
        "title": "为什么我的付款被暂扣？什么时候到账？",
        "summary": "当有未结的买家索赔时，付款会被暂扣作为保证金；在下一个付款日支付。",
        "keywords": "付款, 暂扣, 回款, 保证金",
        "body": "## 付款为什么被暂扣\n\n保证金用于覆盖未结的买家索赔。",
    },
    ("en", "return-refund-window"): {
        "category": "returns_refunds",
        "title": "How do I refund a buyer's return?",
        "summary": "Refund within two business days of receiving the returned item, from the order page.",
        "keywords": "return, refund, returned item, RMA",
        "body": "Open the order, check the returned item and issue the refund.\n\n1. Find the order.\n2. Press **Refund**.",
    },
    ("es", "return-refund-window"): {
        "category": "returns_refunds",
        "title": "¿Cómo reembolso la devolución de un comprador?",
        "summary": "Reembolse en dos días hábiles desde que recibe el artículo devuelto.",
        "keywords": "devolución, reembolso, artículo devuelto",
        "body": "Las devoluciones se reembolsan desde la página del pedido.\n\n1. Busque el pedido.\n2. Pulse **Reembolsar**.",
    },
    ("en", "listing-removed-detector"): {
        "category": "policy_compliance",
        "title": "My listing was removed by an automated detector",
        "summary": "The notice names the rule, the detector and its confidence; fix the listing and appeal.",
        "keywords": "listing removed, detector, pesticide claims, takedown",
        "body": "Read the notice on My account: it names the rule (for example PR-101) and the detector.",
    },
    ("es", "listing-removed-detector"): {
        "category": "policy_compliance",
        "title": "Un detector automático eliminó mi anuncio",
        "summary": "El aviso indica la regla, el detector y su confianza; corrija el anuncio y apele.",
        "keywords": "anuncio eliminado, detector, retirada",
        "body": "Lea el aviso en Mi cuenta: indica la regla (por ejemplo PR-101) y el detector.",
    },
    ("en", "appeal-plan-of-action"): {
        "category": "appeals",
        "title": "How to write a plan of action for an appeal",
        "summary": "Give the root cause, the corrective actions taken and the preventive measures, with evidence.",
        "keywords": "appeal, plan of action, POA, root cause, reinstatement",
        "body": "An appeal needs a plan of action: root cause, corrective actions, preventive measures.",
    },
    ("zh", "appeal-plan-of-action"): {
        "category": "appeals",
        "title": "如何撰写申诉的行动计划",
        "summary": "写明根本原因、已采取的纠正措施和预防措施，并附上证据。",
        "keywords": "申诉, 行动计划, 根本原因, 恢复",
        "body": "申诉需要行动计划：根本原因、纠正措施、预防措施。",
    },
    ("en", "lost-two-step-phone"): {
        "category": "account_access",
        "title": "I lost the phone for my two-step verification",
        "summary": "Use the recovery channel to prove the account is yours and change the registered phone.",
        "keywords": "two-step, 2FA, lost phone, verification code, teléfono perdido, verificación en dos pasos",
        "body": "Go to [recovery](/recovery/) and ask for a one-time code.",
    },
    ("en", "agent-manual-reimbursement"): {
        "category": "reimbursement",
        "audience": "agent",
        "title": "Issuing a manual reimbursement (agents)",
        "summary": "Check the capability limit, record the reimbursement as an action and promise a date.",
        "keywords": "manual reimbursement, capability, limit, payout",
        "body": "Agents record the reimbursement as an action on the case, within their capability limit.",
    },
}


def article_text(slug: str, *, category: str, title: str, summary: str, body: str, keywords: str = "", **extra) -> str:
    header = {"slug": slug, "category": category, "audience": extra.get("audience", "seller"), "title": title}
    header.update(summary=summary, keywords=keywords)
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in header.items()) + "---\n" + body + "\n"


def write_article(root: Path, language: str, slug: str, **fields) -> Path:
    path = root / language / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(article_text(slug, **fields), encoding="utf-8")
    return path


@pytest.fixture
def kb_dir(tmp_path) -> Path:
    root = tmp_path / "content"
    for (language, slug), fields in ARTICLES.items():
        write_article(root, language, slug, **fields)
    return root


@pytest.fixture
def kb(db, kb_dir, settings):
    """The six test articles in the database, and a fresh search index (BM25 alone, so rankings do
    not depend on whether the optional embeddings extra is installed)."""
    settings.SELLERDESK = {**settings.SELLERDESK, "KNOWLEDGE": {"EMBEDDINGS": "0"}}
    search.reset()
    counts = import_articles(kb_dir)
    yield counts
    search.reset()
