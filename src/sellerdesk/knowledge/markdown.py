"""The articles' Markdown subset as safe HTML. Everything is escaped first; only then do headings,
lists, paragraphs, **bold**, `code` and links become markup. A link keeps its href only when it leads to a
page of the product (a relative path) or to another article (`article:slug`); any other link
(javascript:, http://elsewhere, //host) becomes its plain text."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from django.utils.safestring import SafeString, mark_safe

from .content import ARTICLE_LINK, PRODUCT_PATH

_HEADING = re.compile(r"^(#{2,3})\s+(.+)$")
_BULLET = re.compile(r"^[-*]\s+(.+)$")
_NUMBERED = re.compile(r"^\d{1,3}[.)]\s+(.+)$")
# Matched on escaped text: the target cannot hold a quote or angle bracket (they are entities now).
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]*)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _inline(text: str, article_url: Callable[[str], str]) -> str:
    # `code` spans are shown as they are written; links and bold apply outside them.
    parts = html.escape(text, quote=True).split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick is just a character
        parts[-2:] = [parts[-2] + "`" + parts[-1]]
    return "".join(
        f"<code>{part}</code>" if index % 2 else _links_and_bold(part, article_url) for index, part in enumerate(parts)
    )


def _links_and_bold(escaped: str, article_url: Callable[[str], str]) -> str:

    def link(match: re.Match) -> str:
        label, target = match.group(1), html.unescape(match.group(2))
        if found := ARTICLE_LINK.match(target):
            href = article_url(found.group(1))
        elif PRODUCT_PATH.match(target):
            href = target
        else:
            return label
        return f'<a href="{html.escape(href, quote=True)}">{label}</a>'

    return _BOLD.sub(r"<strong>\1</strong>", _LINK.sub(link, escaped))


def render(body: str, *, article_url: Callable[[str], str]) -> SafeString:
    """The body as HTML; `article_url(slug)` gives the address of a linked article."""
    out: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    list_tag = ""

    def flush_paragraph() -> None:
        if paragraph:
            out.append(f"<p>{_inline(' '.join(paragraph), article_url)}</p>")
            paragraph.clear()

    def flush_list() -> None:
        nonlocal list_tag
        if items:
            rendered = "".join(f"<li>{_inline(item, article_url)}</li>" for item in items)
            out.append(f"<{list_tag}>{rendered}</{list_tag}>")
            items.clear()
        list_tag = ""

    for raw in (body or "").replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush_paragraph()
            flush_list()
            continue
        heading = _HEADING.match(line)
        bullet = _BULLET.match(line)
        numbered = _NUMBERED.match(line)
        if heading:
            flush_paragraph()
            flush_list()
            tag = "h2" if len(heading.group(1)) == 2 else "h3"
            out.append(f"<{tag}>{_inline(heading.group(2), article_url)}</{tag}>")
        elif bullet or numbered:
            flush_paragraph()
            tag = "ul" if bullet else "ol"
            if list_tag and list_tag != tag:
                flush_list()
            list_tag = tag
            items.append((bullet or numbered).group(1))
        elif items and raw[:1].isspace():
            items[-1] += " " + line  # an indented line continues the list item
        else:
            flush_list()
            paragraph.append(line)
    flush_paragraph()
    flush_list()
    return mark_safe("\n".join(out))  # noqa: S308 - built from escaped text only
