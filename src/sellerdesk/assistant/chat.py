"""The virtual assistant's engine: what it answers to a seller's message, choice or form.

The engine only reads (triage, flows, articles) and works out a `Step`: the assistant's turns to
add, the conversation's next state and what follows (a status, feedback on an article, a hand-over).
`assistant.services.chat` is the one function that applies a step — it writes the turns, the
state, the feedback and opens the case — so every change stays in services.

What it says is grounded: an article's own title, summary and link, or a flow's own texts written
by operators; never free-form policy. An optional language model may only rephrase an article's
answer (`llm.rephrase`). Every answer offers "talk to a person" (the option `handover`)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from sellerdesk.cases.categories import Category
from sellerdesk.knowledge.models import LANGUAGES as ARTICLE_LANGUAGES

from . import grounding, llm
from .flows import text_in
from .models import Conversation, Flow, Turn

HANDOVER = "handover"
SOLVED = "solved"
MESSAGE_MAX = 5_000
FIELD_MAX = 500
REFERENCE_FIELDS = ("order_id", "listing_id")
REFERENCE_MAX = 64


# The languages the knowledge base has articles in. Flow texts and the assistant's own phrases fall
# back to English where they have no translation (flows and the interface are English and Spanish).
CONVERSATION_LANGUAGES = ARTICLE_LANGUAGES


def conversation_language(triaged: str) -> str:
    """The conversation speaks the seller's language when the articles do, English otherwise."""
    return triaged if triaged in CONVERSATION_LANGUAGES else "en"


def hint_language(language: str | None) -> str:
    """The language of a conversation that starts without a message (the seller's page language)."""
    code = (language or "").lower()[:2]
    return code if code in CONVERSATION_LANGUAGES else "en"


@dataclass
class Said:
    """One assistant turn: its text and what it carried (articles, options, form)."""

    text: str
    data: dict = field(default_factory=dict)


@dataclass
class Step:
    """What one seller input leads to; `services.chat` applies it."""

    seller_text: str
    seller_data: dict
    state: dict
    said: list[Said] = field(default_factory=list)
    language: str | None = None  # set by the first message
    status: str | None = None
    feedback: tuple[str, str, bool] | None = None  # (article slug, language, helpful)
    handover: bool = False


# ------------------------------------------------------------------------------------------------ reading


def _triage(text: str) -> dict:
    from .triage import triage

    result = triage(text)
    return {
        "language": result.language,
        "language_confidence": result.language_confidence,
        "category": result.category,
        "category_confidence": result.category_confidence,
        "urgency": result.urgency,
        "urgency_confidence": result.urgency_confidence,
        "tier": result.tier,
        "tier_confidence": result.tier_confidence,
        "references": result.references.as_dict(),
        "model_version": result.model_version,
    }


def active_flows():
    return Flow.objects.filter(active=True).order_by("category", "slug")


def _flow(slug: str | None) -> Flow | None:
    return Flow.objects.filter(slug=slug).first() if slug else None


def _option(option_id: str, label: str, **action) -> dict:
    return {"id": option_id, "label": label, **action}


def public_options(state: dict) -> list[dict]:
    """The options offered now, as the seller sees them, "talk to a person" always last."""
    options = [{"id": o["id"], "label": o["label"]} for o in state.get("options", [])]
    with translation.override(state.get("language") or "en"):
        options.append({"id": HANDOVER, "label": _("Talk to a person")})
    return options


def public_form(state: dict) -> list[dict] | None:
    """The fields the seller is asked to fill in now, or None."""
    if state.get("awaiting") != "form":
        return None
    return [{"name": f["name"], "label": f["label"], "required": f["required"]} for f in state.get("fields", [])]


def _article_text(article: grounding.ArticleRef, language: str, lead: str) -> Said:
    grounded = f"{lead} “{article.title}”\n{article.summary}".strip()
    text = llm.rephrase(grounded, language=language, source=f"{article.title}\n\n{article.summary}")
    data = {"articles": [article.as_dict()]}
    if text != grounded:
        data["grounded_text"] = grounded
    return Said(text=text, data=data)


# ------------------------------------------------------------------------------------------------ the flow


def means_solved(option: dict, nodes: dict) -> bool:
    """Whether an article step's next option says the article solved the problem: marked
    `"solved": true`, or (unmarked) leading to the flow's closing end node `done`."""
    if "solved" in option:
        return option["solved"] is True
    target = nodes.get(option.get("next"), {})
    return option.get("next") == "done" and target.get("type") == "end"


def _enter_node(state: dict, flow: Flow, node_id: str, reader) -> list[Said]:
    """The turns that show a node of the flow; sets what the seller may answer next."""
    language = state["language"]
    nodes = flow.definition.get("nodes", {})
    node = nodes.get(node_id)
    if node is None:
        # The flow was edited under the seller's feet: offer the topics again.
        state.update(flow=None, node=None, awaiting=None, article=None)
        return [_choose_topic(state, lead=_("This guide has changed since we started. Let's pick it up again."))]
    state.update(flow=flow.slug, flow_version=flow.version, node=node_id, awaiting="choice", article=None)
    text = text_in(node.get("text"), language)
    kind = node.get("type")
    if kind == "question":
        state["options"] = [
            _option(f"o{index}", text_in(o["label"], language), go=o["next"])
            for index, o in enumerate(node.get("options", []))
        ]
        return [Said(text=text, data={"node": node_id})]
    if kind == "article":
        said = []
        if text:
            said.append(Said(text=text, data={"node": node_id}))
        article = grounding.article(reader, node.get("article", ""), language)
        if article is not None:
            state["article"] = [article.slug, article.language]
            said.append(_article_text(article, language, _("Read this:")))
        else:
            said.append(Said(text=_("The article for this step is not available right now.")))
        said.append(Said(text=_("Did this solve it?")))
        said_yes, said_no = [], []
        for index, o in enumerate(node.get("next_options") or []):
            label = text_in(o["label"], language)
            if means_solved(o, nodes):
                said_yes.append(_option(f"s{index}", label, go=o["next"], solved=True))
            else:
                said_no.append(_option(f"n{index}", label, go=o["next"], not_helpful=True))
        state["options"] = (said_yes or [_option(SOLVED, _("Yes, this solved it"), solved=True)]) + (
            said_no or [_option("not-solved", _("No, I still need help"), handover=True, not_helpful=True)]
        )
        return said
    if kind == "case":
        case = node.get("case", {})
        state.update(
            awaiting="form",
            options=[],
            fields=[
                {
                    "name": f["name"],
                    "label": text_in(f.get("label"), language),
                    "required": bool(f.get("required", False)),
                }
                for f in case.get("fields", [])
            ],
        )
        lead = _("Fill in these details and I will hand this to a person with everything you told me.")
        return [Said(text=f"{text}\n{lead}".strip(), data={"node": node_id, "form": public_form(state)})]
    # An end of the flow: the seller says whether it answered the question.
    state["options"] = [_option(SOLVED, _("Thanks, that answers it"), solved=True)]
    return [Said(text=text, data={"node": node_id})]


def _choose_topic(state: dict, *, lead: str | None = None) -> Said:
    language = state["language"]
    flows = list(active_flows())
    state.update(awaiting="choice", flow=None, node=None)
    state["options"] = state.get("options", []) + [
        _option(f"f-{flow.slug}", flow.title_in(language), flow=flow.slug) for flow in flows
    ]
    if not flows:
        return Said(text=lead or _("If this did not answer your question, a person can help."))
    question = _("Which of these is your question about?")
    return Said(text=f"{lead}\n{question}" if lead else question)


def _answer(state: dict, text: str, reading: dict, reader) -> list[Said]:
    """The answer to a new question: the best article for it, then the flow of its category (the
    model's best guess, with a way out to the other topics), or the topics when there is no flow."""
    language = state["language"]
    category = reading["category"] if reading["category"] in Category.values else None
    sure = reading["category_confidence"] >= settings.SELLERDESK["TRIAGE_CONFIDENCE"]
    flow = active_flows().filter(category=category).first() if category else None
    start = flow.definition.get("nodes", {}).get(flow.definition.get("start")) if flow else None
    state.update(options=[], awaiting="choice", article=None, fields=[], flow=None, node=None)
    said: list[Said] = []
    searched = None
    # A flow that opens on an article has chosen it for this problem: no search result beside it.
    if not (start and start.get("type") == "article"):
        articles = grounding.search_articles(text, language=language, category=category if sure else None, limit=3)
        if articles:
            searched = [articles[0].slug, articles[0].language]
            answer = _article_text(articles[0], language, _("This article may help:"))
            answer.data["articles"] = [a.as_dict() for a in articles]
            said.append(answer)
        else:
            said.append(Said(text=_("I could not find an article about this in the help centre.")))
    solved = _option(SOLVED, _("That article answered my question"), solved=True)
    if flow is None:
        state["options"] = [solved] if searched else []
        state["article"] = searched
        said.append(_choose_topic(state))
        return said
    said += _enter_node(state, flow, flow.definition.get("start", ""), reader)
    if state.get("awaiting") == "choice":
        if searched and not offered(state, SOLVED):
            state["options"] = [*state["options"], solved]
            state["article"] = searched
        state["options"].append(_option("topics", _("It's about something else"), topics=True))
    return said


# ------------------------------------------------------------------------------------------------ inputs


def on_message(conversation: Conversation, text: str, *, first: bool, answer: bool = True) -> Step:
    """A new question (the first message, or free text at any point): triage it, answer it (unless
    the seller asks for a person with it: then it is only read, for the case)."""
    state = copy.deepcopy(conversation.state or {})
    reading = _triage(text)
    language = conversation_language(reading["language"]) if first else conversation.language
    state["language"] = language
    state["triage"] = reading
    if first or not state.get("first_message"):
        state["first_message"] = text
    said = []
    if answer:
        with translation.override(language):
            said = _answer(state, text, reading, conversation.seller)
    return Step(
        seller_text=text,
        seller_data={"triage": {k: reading[k] for k in ("language", "category", "urgency")}},
        state=state,
        said=said,
        language=language if first else None,
        status=Conversation.Status.OPEN,
    )


def offered(state: dict, choice: str) -> dict | None:
    return next((o for o in state.get("options", []) if o["id"] == choice), None)


def on_choice(conversation: Conversation, option: dict) -> Step:
    """The seller pressed one of the offered buttons."""
    state = copy.deepcopy(conversation.state or {})
    language = conversation.language
    state["language"] = language
    step = Step(seller_text=option["label"], seller_data={"choice": option["id"]}, state=state)
    article = state.get("article")
    if article and (option.get("solved") or option.get("not_helpful")):
        step.feedback = (article[0], article[1], bool(option.get("solved")))
        step.seller_data["feedback"] = {"slug": article[0], "helpful": bool(option.get("solved"))}
    with translation.override(language):
        if option.get("solved"):
            flow = _flow(state.get("flow"))
            closing = flow.definition.get("nodes", {}).get(option.get("go", "")) if flow else None
            text = text_in(closing.get("text"), language) if closing else ""
            state.update(options=[], awaiting=None, article=None, node=option.get("go") if closing else None)
            step.status = Conversation.Status.SOLVED
            step.said = [
                Said(text=text or _("Glad that solved it. If anything else comes up, write here or talk to a person."))
            ]
        elif option.get("handover"):
            step.handover = True
        elif option.get("topics"):
            state.update(options=[], article=None)
            step.said = [_choose_topic(state)]
        elif option.get("flow"):
            flow = _flow(option["flow"])
            if flow is None or not flow.active:
                state["options"] = []
                step.said = [_choose_topic(state, lead=_("This guide is no longer available."))]
            else:
                state["options"] = []
                step.said = _enter_node(state, flow, flow.definition.get("start", ""), conversation.seller)
        else:
            flow = _flow(state.get("flow"))
            state["options"] = []
            if flow is None:
                step.said = [_choose_topic(state, lead=_("This guide is no longer available."))]
            else:
                step.said = _enter_node(state, flow, option["go"], conversation.seller)
    return step


def check_form(state: dict, values: dict) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The form values cleaned, and the errors by field (required fields, lengths, references)."""
    from sellerdesk.core.text import clean_text

    fields = {f["name"]: f for f in state.get("fields", [])}
    errors: dict[str, list[str]] = {}
    for name in values:
        if name not in fields:
            errors[name] = [_("Unknown field.")]
    cleaned: dict[str, str] = {}
    for name, spec in fields.items():
        raw = values.get(name)
        value = clean_text(raw if isinstance(raw, str) else "")
        if not value:
            if spec["required"]:
                errors[name] = [_("This field is required.")]
            continue
        limit = REFERENCE_MAX if name in REFERENCE_FIELDS else FIELD_MAX
        if len(value) > limit or (name in REFERENCE_FIELDS and any(c.isspace() for c in value)):
            errors[name] = (
                [_("Use at most %(max)d characters without spaces.") % {"max": limit}]
                if name in REFERENCE_FIELDS
                else [_("Use at most %(max)d characters.") % {"max": limit}]
            )
            continue
        cleaned[name] = value
    return cleaned, errors


def on_form(conversation: Conversation, values: dict[str, str]) -> Step:
    """The seller filled in the case form (already checked): keep it and hand over."""
    state = copy.deepcopy(conversation.state or {})
    state["form"] = {**state.get("form", {}), **values}
    labels = {f["name"]: f["label"] for f in state.get("fields", [])}
    text = "\n".join(f"{labels.get(name, name)}: {value}" for name, value in values.items())
    with translation.override(conversation.language):
        text = text or _("(no details given)")
    return Step(seller_text=text, seller_data={"form": values}, state=state, handover=True)


# ------------------------------------------------------------------------------------------------ hand-over


def _case_node(state: dict) -> dict | None:
    flow = _flow(state.get("flow"))
    if flow is None or not state.get("node"):
        return None
    node = flow.definition.get("nodes", {}).get(state["node"])
    return node.get("case") if node and node.get("type") == "case" else None


def _usable_reference(value) -> str:
    value = str(value or "").strip()
    return value if value and len(value) <= REFERENCE_MAX and not any(c.isspace() for c in value) else ""


def case_details(conversation: Conversation) -> dict:
    """What the hand-over case is opened with: subject, category, urgency flag and references, from
    the case node of the flow, the flow, the form and the triage reading (in that order)."""
    state = conversation.state or {}
    language = conversation.language
    reading = state.get("triage") or {}
    references = reading.get("references") or {}
    form = state.get("form") or {}
    case_node = _case_node(state)
    flow = _flow(state.get("flow"))
    subject = text_in(case_node.get("subject"), language) if case_node else ""
    if not subject:
        first = (state.get("first_message") or "").strip().splitlines()
        subject = first[0] if first else ""
    if len(subject) > 120:
        subject = subject[:117].rstrip() + "…"
    with translation.override(language):
        subject = subject or _("Conversation with the assistant")
    category = (case_node or {}).get("category") or (flow.category if flow else None) or reading.get("category")
    listing = (references.get("asins") or []) + (references.get("skus") or [])
    return {
        "subject": subject,
        "category": category if category in Category.values else None,
        "urgent": reading.get("urgency") == "critical" or bool((case_node or {}).get("urgent")),
        "order_id": form.get("order_id") or _usable_reference((references.get("order_ids") or [""])[0]),
        "listing_id": form.get("listing_id") or _usable_reference(listing[0] if listing else ""),
    }


def transcript(conversation: Conversation, turns: list[Turn]) -> str:
    """The case's first message: the whole conversation in order, the details given in the form
    and the assistant's reading of the problem."""
    state = conversation.state or {}
    with translation.override(conversation.language):
        lines = [_("Conversation with the Sellerdesk assistant:"), ""]
        for turn in turns:
            who = _("Seller") if turn.role == Turn.Role.SELLER else _("Assistant")
            lines.append(f"{who}: {turn.text}")
            for article in (turn.data or {}).get("articles", [])[:1]:
                lines.append(f"    {article['title']} — {article['url']}")
        form = state.get("form") or {}
        if form:
            labels = {f["name"]: f["label"] for f in state.get("fields", [])}
            lines += ["", _("Details given:")]
            lines += [f"- {labels.get(name, name)}: {value}" for name, value in form.items()]
        reading = state.get("triage")
        if reading:
            lines += [
                "",
                _(
                    "The assistant's reading: language %(language)s, category %(category)s "
                    "(%(category_confidence)d%%), urgency %(urgency)s (%(urgency_confidence)d%%), "
                    "suggested tier %(tier)s."
                )
                % {
                    "language": reading["language"],
                    "category": reading["category"],
                    "category_confidence": round(100 * reading["category_confidence"]),
                    "urgency": reading["urgency"],
                    "urgency_confidence": round(100 * reading["urgency_confidence"]),
                    "tier": reading["tier"],
                },
            ]
            references = reading.get("references") or {}
            found = [
                f"{label}: {', '.join(str(v) for v in references.get(key) or [])}"
                for key, label in (
                    ("order_ids", _("orders")),
                    ("asins", "ASIN"),
                    ("skus", "SKU"),
                    ("shipment_ids", _("shipments")),
                )
                if references.get(key)
            ]
            amounts = [a.get("text", "") for a in references.get("amounts") or []]
            if amounts:
                found.append(f"{_('amounts')}: {', '.join(amounts)}")
            if found:
                lines.append(_("References found: %(references)s.") % {"references": "; ".join(found)})
        said = [t for t in turns if t.role == Turn.Role.SELLER and (t.data or {}).get("choice") != HANDOVER]
        if not said:
            lines.append(_("The seller asked to talk to a person straight away."))
    body = "\n".join(lines)
    limit = 19_000
    if len(body) > limit:
        body = body[: limit // 2] + "\n[…]\n" + body[-limit // 2 :]
    return body
