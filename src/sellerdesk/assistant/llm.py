"""Optional rephrasing of the assistant's grounded answers by a large language model.

Off by default: only when `SELLERDESK["ASSISTANT"]["LLM_URL"]` is set (env SELLERDESK_LLM_URL) is
any OpenAI-compatible endpoint (`POST {LLM_URL}/chat/completions`) asked to say the grounded
answer again, in the conversation's language, with the article as its only source and no fact
added. Any error, timeout or odd answer keeps the grounded text: the model is never needed, and
never the source of a fact."""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.utils import translation

from sellerdesk.core.templatetags.sellerdesk import LANGUAGE_NAMES

logger = logging.getLogger("sellerdesk.assistant")


SYSTEM_PROMPT = (
    "You rephrase a support assistant's answer for a marketplace seller. Write in {language}. Use only "
    "the facts in the answer and in the article below; add no fact, number, deadline, policy or promise "
    "that is not there. Keep it short and friendly, plain text, no links. If you cannot, repeat the "
    "answer as it is.\n\nArticle (the only source):\n{source}"
)


def language_in_english(code: str) -> str:
    with translation.override("en"):
        return str(LANGUAGE_NAMES.get(code, LANGUAGE_NAMES["en"]))


def config() -> dict:
    return {
        "LLM_URL": None,
        "LLM_MODEL": "",
        "LLM_API_KEY": "",
        "LLM_TIMEOUT": 5,
        **settings.SELLERDESK.get("ASSISTANT", {}),
    }


def enabled() -> bool:
    return bool(config()["LLM_URL"])


def rephrase(text: str, *, language: str, source: str) -> str:
    """The grounded `text` said again by the configured model, or `text` itself when no model is
    configured or it fails in any way."""
    options = config()
    url = options["LLM_URL"]
    if not url or not text.strip():
        return text
    body = {
        "model": options["LLM_MODEL"] or "default",
        "temperature": 0.2,
        "messages": [
            {
                "role": "system",
                "content": SYSTEM_PROMPT.format(language=language_in_english(language), source=source),
            },
            {"role": "user", "content": text},
        ],
    }
    headers = {"Content-Type": "application/json"}
    if options["LLM_API_KEY"]:
        headers["Authorization"] = f"Bearer {options['LLM_API_KEY']}"
    request = urllib.request.Request(  # noqa: S310 - the operator configures an http(s) URL
        url.rstrip("/") + "/chat/completions", data=json.dumps(body).encode(), headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=float(options["LLM_TIMEOUT"])) as response:  # noqa: S310
            answer = json.loads(response.read(1_000_000).decode("utf-8"))
        content = answer["choices"][0]["message"]["content"]
    except (OSError, urllib.error.URLError, ValueError, KeyError, IndexError, TypeError) as error:
        logger.warning("The language model could not rephrase an answer (%s); the grounded text is used.", error)
        return text
    if not isinstance(content, str) or not content.strip():
        return text
    content = content.strip()
    # An answer much longer than what it rephrases is adding something: keep the grounded text.
    if len(content) > 2 * len(text) + 200:
        logger.warning("The language model's rephrasing was too long; the grounded text is used.")
        return text
    return content
