"""The article files under `knowledge/content/<language>/<slug>.md`, and the rules an article must
keep (the same rules for files and for operators' edits in the admin).

A file is a front-matter block of `key: value` lines between two `---` lines, then the body in a
small Markdown subset (paragraphs, `## ` headings, `- ` and `1. ` lists, `**bold**`, links to the
product's own pages `[text](/portal/...)` or to another article `[text](article:slug)`). No HTML.
Parsing is strict: every problem is reported with its file and reason, and nothing is imported
while any file is wrong."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from sellerdesk.cases.categories import Category

from .models import BODY_MAX, KEYWORDS_MAX, LANGUAGES, SUMMARY_MAX, TITLE_MAX, Audience

CONTENT_DIR = Path(__file__).resolve().parent / "content"

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX = 80
REQUIRED_KEYS = ("slug", "category", "audience", "title", "summary")
KNOWN_KEYS = (*REQUIRED_KEYS, "keywords")

LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]*)\)")
# A path of the product itself: starts with one slash (never "//host"), plain URL characters only.
PRODUCT_PATH = re.compile(r"^/(?![/\\])[A-Za-z0-9._~%/?#=&+-]*$")
ARTICLE_LINK = re.compile(r"^article:([a-z0-9]+(?:-[a-z0-9]+)*)$")
# Real markup (a tag of HTML, or a comment); a placeholder such as "<case subject>" is plain text.
HTML_TAG = re.compile(
    r"<(?:!--|/?(?:a|abbr|article|audio|b|blockquote|br|button|center|code|details|div|em|embed|font|footer|form|"
    r"h[1-6]|header|hr|i|iframe|img|input|label|li|link|main|meta|nav|object|ol|option|p|pre|script|section|select|"
    r"small|source|span|strong|style|sub|summary|sup|svg|table|td|textarea|th|tr|u|ul|video)\b[^<>]*>)",
    re.IGNORECASE,
)


class ContentError(Exception):
    """Article files that cannot be imported: `errors` is a list of (path, reason)."""

    def __init__(self, errors: list[tuple[Path | str, str]]):
        self.errors = errors
        super().__init__("\n".join(f"{path}: {reason}" for path, reason in errors))


@dataclass(frozen=True)
class ArticleFile:
    slug: str
    language: str
    category: str
    audience: str
    title: str
    summary: str
    keywords: str
    body: str
    source_hash: str
    path: Path


def link_target_allowed(target: str) -> bool:
    """Links may only lead to the product's own pages or to another article."""
    return bool(PRODUCT_PATH.match(target) or ARTICLE_LINK.match(target))


def article_links(body: str) -> set[str]:
    """The slugs of the articles this body links to."""
    return {m.group(1) for _text, target in LINK.findall(body) if (m := ARTICLE_LINK.match(target))}


def field_errors(values: dict) -> dict[str, list[str]]:
    """The problems of an article's fields, by field name (empty when it is good)."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    slug = values.get("slug") or ""
    if not SLUG.match(slug) or len(slug) > SLUG_MAX:
        add("slug", _("Use lowercase ASCII words joined by hyphens, at most %(max)d characters.") % {"max": SLUG_MAX})
    if values.get("language") not in LANGUAGES:
        add("language", _("Use one of: %(values)s.") % {"values": ", ".join(LANGUAGES)})
    if values.get("category") not in Category.values:
        add("category", _("Use one of: %(values)s.") % {"values": ", ".join(Category.values)})
    if values.get("audience") not in Audience.values:
        add("audience", _("Use one of: %(values)s.") % {"values": ", ".join(Audience.values)})
    for field, limit in (("title", TITLE_MAX), ("summary", SUMMARY_MAX), ("keywords", KEYWORDS_MAX)):
        text = values.get(field) or ""
        if field != "keywords" and not text.strip():
            add(field, _("This field is required."))
        if len(text) > limit:
            add(field, _("At most %(max)d characters.") % {"max": limit})
        if HTML_TAG.search(text):
            add(field, _("HTML is not allowed; write plain text."))
    body = values.get("body") or ""
    if not body.strip():
        add("body", _("This field is required."))
    elif len(body) > BODY_MAX:
        add("body", _("At most %(max)d characters.") % {"max": BODY_MAX})
    if HTML_TAG.search(body):
        add("body", _("HTML is not allowed; use the Markdown subset (##, -, 1., **bold**, [text](/path))."))
    for _text, target in LINK.findall(body):
        if not link_target_allowed(target):
            add(
                "body",
                _("The link %(target)r is not allowed: link to a page of the product (/portal/...) or to article:slug.")
                % {"target": target},
            )
    return errors


def parse_text(text: str, *, language: str, path: Path | str = "<text>") -> ArticleFile:
    """One article file's text; raises ContentError naming the file and every reason."""
    path = Path(path)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")

    def fail(*reasons: str):
        raise ContentError([(path, reason) for reason in reasons])

    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        fail(_("The file must start with a front-matter block: a line '---', 'key: value' lines, a line '---'."))
    try:
        end = next(index for index in range(1, len(lines)) if lines[index].strip() == "---")
    except StopIteration:
        fail(_("The front-matter block has no closing '---' line."))
    header: dict[str, str] = {}
    reasons: list[str] = []
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or not key:
            reasons.append(_("Line %(line)d is not 'key: value'.") % {"line": number})
        elif key not in KNOWN_KEYS:
            reasons.append(
                _("Line %(line)d: unknown key %(key)r (known: %(known)s).")
                % {"line": number, "key": key, "known": ", ".join(KNOWN_KEYS)}
            )
        elif key in header:
            reasons.append(_("Line %(line)d: the key %(key)r is given twice.") % {"line": number, "key": key})
        else:
            header[key] = value.strip()
    for key in REQUIRED_KEYS:
        if key not in header:
            reasons.append(_("The front matter has no %(key)r.") % {"key": key})
    if reasons:
        fail(*reasons)
    values = {
        **header,
        "keywords": ", ".join(word.strip() for word in header.get("keywords", "").split(",") if word.strip()),
        "language": language,
        "body": "\n".join(lines[end + 1 :]).strip("\n"),
    }
    errors = field_errors(values)
    if path.suffix == ".md" and values["slug"] != path.stem:
        errors.setdefault("slug", []).append(
            _("The slug %(slug)r differs from the file name %(name)r.") % {"slug": values["slug"], "name": path.name}
        )
    if errors:
        fail(*(f"{field}: {message}" for field, messages in errors.items() for message in messages))
    return ArticleFile(
        slug=values["slug"],
        language=language,
        category=values["category"],
        audience=values["audience"],
        title=values["title"],
        summary=values["summary"],
        keywords=values["keywords"],
        body=values["body"],
        source_hash=hashlib.sha256(text.encode()).hexdigest(),
        path=path,
    )


def content_files(root: Path) -> list[tuple[str, Path]]:
    """(language, path) of every article file under root, in a stable order."""
    return [(language, path) for language in LANGUAGES for path in sorted((root / language).glob("*.md"))]


def parse_directory(root: Path | str | None = None) -> list[ArticleFile]:
    """Every article file under root (default: the shipped content), checked one by one and
    together: translations of one slug share category and audience, and `article:` links lead to
    an article that exists. Raises ContentError listing every problem."""
    root = Path(root) if root else CONTENT_DIR
    if not root.is_dir():
        raise ContentError([(root, _("There is no such directory."))])
    articles: list[ArticleFile] = []
    errors: list[tuple[Path | str, str]] = []
    for language, path in content_files(root):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            errors.append((path, _("The file is not UTF-8 text.")))
            continue
        try:
            articles.append(parse_text(text, language=language, path=path))
        except ContentError as error:
            errors.extend(error.errors)
    first: dict[str, ArticleFile] = {}
    for article in articles:
        seen = first.setdefault(article.slug, article)
        for field in ("category", "audience"):
            if getattr(article, field) != getattr(seen, field):
                errors.append(
                    (
                        article.path,
                        _("%(field)s is %(value)r but %(other)s says %(other_value)r: translations must agree.")
                        % {
                            "field": field,
                            "value": getattr(article, field),
                            "other": seen.path.relative_to(root),
                            "other_value": getattr(seen, field),
                        },
                    )
                )
    for article in articles:
        for slug in sorted(article_links(article.body) - first.keys()):
            errors.append((article.path, _("The link article:%(slug)s leads to no article.") % {"slug": slug}))
    if errors:
        raise ContentError(errors)
    return articles
