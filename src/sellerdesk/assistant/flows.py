"""Guided troubleshooting flows: the format of a flow, and its check.

A flow is a decision tree for one category, written as JSON (one file per category under
`knowledge/content/flows/`, editable by operators in the admin afterwards)::

    {"slug": "payments", "category": "payments", "title": {"en": "...", "es": "..."},
     "start": "q1",
     "nodes": {
       "q1": {"type": "question", "text": {...}, "options": [{"label": {...}, "next": "a1"}]},
       "a1": {"type": "article", "article": "payout-on-hold", "text": {...},
              "next_options": [{"label": {...}, "next": "c1"}]},
       "c1": {"type": "case", "text": {...},
              "case": {"category": "payments", "subject": {...}, "urgent": false,
                       "fields": [{"name": "order_id", "label": {...}, "required": true}]}},
       "e1": {"type": "end", "text": {...}}}}

Every text and label is {language: text} and has English; other languages fall back to it. A
`question` offers options; an `article` shows an article (summary and link) and asks whether it
solved the problem — its `next_options` are the answers: one marked `"solved": true` (or, unmarked,
leading to the end node `done`) says it did and closes the conversation as solved; the others say
it did not and go on (usually to a case). Without a "solved" option the assistant adds its own
"Yes", and without another one its own "No" (to a person); a `case` asks for its
form fields and then hands the conversation over to a person with a case opened; an `end` closes
the walk. Field names `order_id` and `listing_id` fill the case's own fields."""

from __future__ import annotations

import re
from collections import deque

from django.utils.translation import gettext as _

from sellerdesk.cases.categories import Category
from sellerdesk.core.errors import validation_error

NODE_TYPES = ("question", "article", "case", "end")
LANGUAGES = ("en", "es")
FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
# A question with more buttons than this is not a question a seller can answer at a glance.
MAX_OPTIONS = 8
MAX_FIELDS = 8


def text_in(value: dict | str | None, language: str) -> str:
    """A flow text in this language, else its English."""
    if isinstance(value, str):
        return value
    if not isinstance(value, dict):
        return ""
    return str(value.get(language) or value.get("en") or "")


def _text_errors(value, where: str) -> list[str]:
    if not isinstance(value, dict):
        return [_('%(where)s must be an object of texts by language, e.g. {"en": ..., "es": ...}.') % {"where": where}]
    errors = []
    if not (isinstance(value.get("en"), str) and value["en"].strip()):
        errors.append(_('%(where)s has no English text ("en").') % {"where": where})
    for language, text in value.items():
        if not isinstance(text, str):
            errors.append(
                _("%(where)s: the %(language)s text is not a string.") % {"where": where, "language": language}
            )
    return errors


def _options_errors(options, where: str, nodes: dict, *, required: bool) -> tuple[list[str], list[str]]:
    """Errors of a list of {label, next}, and the node ids it leads to."""
    if options is None and not required:
        return [], []
    if not isinstance(options, list) or (required and not options):
        return [_("%(where)s must be a non-empty list of options.") % {"where": where}], []
    errors, targets = [], []
    if len(options) > MAX_OPTIONS:
        errors.append(_("%(where)s has more than %(max)d options.") % {"where": where, "max": MAX_OPTIONS})
    for index, option in enumerate(options):
        here = f"{where}[{index}]"
        if not isinstance(option, dict):
            errors.append(_("%(where)s must be an object with a label and a next node.") % {"where": here})
            continue
        errors += _text_errors(option.get("label"), f"{here}.label")
        if not isinstance(option.get("solved", False), bool):
            errors.append(_("%(where)s.solved must be true or false.") % {"where": here})
        target = option.get("next")
        if not isinstance(target, str) or target not in nodes:
            errors.append(
                _("%(where)s leads to a node that does not exist: %(next)r.") % {"where": here, "next": target}
            )
        else:
            targets.append(target)
    return errors, targets


def _case_errors(case, where: str) -> list[str]:
    if not isinstance(case, dict):
        return [_("%(where)s must be an object (category, subject, urgent, fields).") % {"where": where}]
    errors = []
    if case.get("category") not in Category.values:
        errors.append(
            _("%(where)s.category must be one of: %(choices)s.")
            % {"where": where, "choices": ", ".join(Category.values)}
        )
    errors += _text_errors(case.get("subject"), f"{where}.subject")
    if not isinstance(case.get("urgent", False), bool):
        errors.append(_("%(where)s.urgent must be true or false.") % {"where": where})
    fields = case.get("fields", [])
    if not isinstance(fields, list):
        return [*errors, _("%(where)s.fields must be a list.") % {"where": where}]
    if len(fields) > MAX_FIELDS:
        errors.append(_("%(where)s has more than %(max)d fields.") % {"where": f"{where}.fields", "max": MAX_FIELDS})
    names = set()
    for index, field in enumerate(fields):
        here = f"{where}.fields[{index}]"
        if not isinstance(field, dict):
            errors.append(_("%(where)s must be an object (name, label, required).") % {"where": here})
            continue
        name = field.get("name")
        if not isinstance(name, str) or not FIELD_NAME.match(name):
            errors.append(_("%(where)s.name must be a lower-case identifier.") % {"where": here})
        elif name in names:
            errors.append(_("%(where)s.name %(name)r is used twice.") % {"where": here, "name": name})
        else:
            names.add(name)
        errors += _text_errors(field.get("label"), f"{here}.label")
        if not isinstance(field.get("required", False), bool):
            errors.append(_("%(where)s.required must be true or false.") % {"where": here})
    return errors


def known_article_slugs() -> set[str] | None:
    """The slugs of the knowledge base's articles, or None when there is no knowledge base yet (the
    package is not installed or holds no article): then article slugs cannot be checked."""
    from django.apps import apps

    if not apps.is_installed("sellerdesk.knowledge"):
        return None
    try:
        Article = apps.get_model("knowledge", "Article")
    except LookupError:
        return None
    slugs = set(Article.objects.values_list("slug", flat=True).distinct())
    return slugs or None


def validate_flow(definition, *, article_slugs: set[str] | None = None) -> list[str]:
    """Every problem of a flow definition, each a whole sentence naming where it is (empty when the
    flow is good): the shape, node types, that every `next` exists and every node is reachable from
    the start, case categories, English texts, and (given the known slugs) that articles exist."""
    if not isinstance(definition, dict):
        return [_("A flow must be a JSON object.")]
    errors: list[str] = []
    slug = definition.get("slug")
    if not isinstance(slug, str) or not SLUG.match(slug):
        errors.append(_("slug must be lower-case letters, digits, - or _ (at most 80)."))
    if definition.get("category") not in Category.values:
        errors.append(_("category must be one of: %(choices)s.") % {"choices": ", ".join(Category.values)})
    errors += _text_errors(definition.get("title"), "title")
    nodes = definition.get("nodes")
    if not isinstance(nodes, dict) or not nodes:
        return [*errors, _("nodes must be a non-empty object of nodes by id.")]
    start = definition.get("start")
    if not isinstance(start, str) or start not in nodes:
        errors.append(_("start names a node that does not exist: %(start)r.") % {"start": start})
    edges: dict[str, list[str]] = {}
    for node_id, node in nodes.items():
        where = f"nodes.{node_id}"
        if not isinstance(node, dict):
            errors.append(_("%(where)s must be an object.") % {"where": where})
            continue
        kind = node.get("type")
        if kind not in NODE_TYPES:
            errors.append(
                _("%(where)s.type must be one of: %(choices)s.") % {"where": where, "choices": ", ".join(NODE_TYPES)}
            )
            continue
        errors += _text_errors(node.get("text"), f"{where}.text")
        targets: list[str] = []
        if kind == "question":
            found, targets = _options_errors(node.get("options"), f"{where}.options", nodes, required=True)
            errors += found
        elif kind == "article":
            article = node.get("article")
            if not isinstance(article, str) or not article.strip():
                errors.append(_("%(where)s.article must name an article by its slug.") % {"where": where})
            elif article_slugs is not None and article not in article_slugs:
                errors.append(
                    _("%(where)s.article: there is no article %(slug)r in the knowledge base.")
                    % {"where": where, "slug": article}
                )
            found, targets = _options_errors(node.get("next_options"), f"{where}.next_options", nodes, required=False)
            errors += found
        elif kind == "case":
            errors += _case_errors(node.get("case"), f"{where}.case")
        edges[node_id] = targets
    if isinstance(start, str) and start in nodes:
        seen = {start}
        todo = deque([start])
        while todo:
            for target in edges.get(todo.popleft(), []):
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        unreachable = [node_id for node_id in nodes if node_id not in seen]
        if unreachable:
            errors.append(
                _("These nodes cannot be reached from the start: %(nodes)s.") % {"nodes": ", ".join(unreachable)}
            )
    return errors


def check_flow(definition, *, where: str = "definition", check_articles: bool = True) -> dict:
    """The definition if it is a good flow; otherwise a validation error listing every problem
    under the field `where`."""
    errors = validate_flow(definition, article_slugs=known_article_slugs() if check_articles else None)
    if errors:
        raise validation_error({where: errors}, _("This flow is not valid."))
    return definition
