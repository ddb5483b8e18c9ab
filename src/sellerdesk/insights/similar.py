"""Similar cases: the resolved and closed cases most like a given case, by TF-IDF over the subject
and the first message (word 1–2-grams and character 3–5-grams, which also catch misspellings,
inflections and languages without spaces), compared by cosine similarity.

The candidates are the done cases the agent may see, most recently updated first: those of the
same category, then others, `CANDIDATES` in all, so that a request stays well under a second. The
vectorisers are fitted on the candidates at request time: nothing to train, nothing to go stale.
A candidate of the same category gets a small bonus, so that among equally worded cases the one
that is about the same thing comes first.
"""

import re
import unicodedata
from dataclasses import dataclass

import numpy as np
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Substr
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

from sellerdesk.cases.lifecycle import DONE_STATUSES
from sellerdesk.cases.models import Case, Message

CANDIDATES = 3000
# How much of the first message counts: the problem is told at the start.
TEXT_CHARS = 600
SAME_CATEGORY_BONUS = 0.05
# How many of the first pass's best the second pass scores.
SHORTLIST = 150
# Below this similarity a case is not shown: it has nothing but common words in common.
MIN_SCORE = 0.12
RESOLUTION_CHARS = 300


@dataclass(frozen=True)
class Match:
    case_id: int
    score: float  # cosine similarity, 0–1 (before the category bonus)
    same_category: bool


def first_message() -> Subquery:
    """The start of a case's first public message, for a queryset of cases."""
    return Subquery(
        Message.objects.filter(case=OuterRef("pk"), internal=False)
        .order_by("created_at", "pk")
        .annotate(head=Substr("body", 1, TEXT_CHARS))
        .values("head")[:1]
    )


def case_text(subject: str, body: str | None) -> str:
    # The subject says what the case is about in few words: it counts twice.
    return f"{subject}\n{subject}\n{(body or '')[:TEXT_CHARS]}"


def candidates(scope: QuerySet[Case], case: Case, limit: int = CANDIDATES) -> list[tuple[int, str, str]]:
    """(id, category, text) of up to `limit` done cases of `scope`, same category first."""
    done = scope.filter(status__in=DONE_STATUSES).exclude(pk=case.pk)
    fields = ("pk", "category", "subject", "head")
    rows = list(
        done.filter(category=case.category)
        .annotate(head=first_message())
        .order_by("-updated_at", "-pk")
        .values_list(*fields)[:limit]
    )
    if len(rows) < limit:
        rows += list(
            done.filter(~Q(category=case.category))
            .annotate(head=first_message())
            .order_by("-updated_at", "-pk")
            .values_list(*fields)[: limit - len(rows)]
        )
    return [(pk, category, case_text(subject, head)) for pk, category, subject, head in rows]


def rank(query: str, category: str, pool: list[tuple[int, str, str]], limit: int) -> list[Match]:
    """The `limit` candidates most like `query`, best first.

    Two passes keep it fast on thousands of candidates: word unigrams over all of them (Chinese and
    Japanese characters count as words) pick a shortlist; word 1–2-grams and character 3–5-grams,
    fitted on the shortlist, then score it. The score is the mean of those two cosines (each
    vectoriser L2-normalises its rows, so a dot product is a cosine)."""
    if not pool:
        return []
    texts = [fold(query)] + [fold(text) for _pk, _category, text in pool]
    try:
        words = _vectorizer("words").fit_transform(texts)
    except ValueError:  # nothing but punctuation or single letters: nothing to compare
        return []
    first_pass = linear_kernel(words[0:1], words[1:]).ravel()
    shortlist = [int(i) for i in np.argsort(-first_pass, kind="stable")[:SHORTLIST] if first_pass[i] > 0]
    if not shortlist:
        return []
    texts = [texts[0]] + [texts[1 + i] for i in shortlist]
    scores = np.zeros(len(shortlist))
    for kind in ("phrases", "chars"):
        matrix = _vectorizer(kind).fit_transform(texts)
        scores += linear_kernel(matrix[0:1], matrix[1:]).ravel() / 2
    scored = []
    for position, i in enumerate(shortlist):
        score = float(scores[position])
        if score >= MIN_SCORE:
            same = pool[i][1] == category
            scored.append((score + (SAME_CATEGORY_BONUS if same else 0.0), score, i, same))
    scored.sort(key=lambda item: (-item[0], -pool[item[2]][0]))
    return [Match(pool[i][0], round(score, 3), same) for _boosted, score, i, same in scored[:limit]]


# A Chinese or Japanese character is a word of its own (those languages put no spaces between
# words); elsewhere a word is two or more letters or digits.
CJK_AWARE_TOKENS = r"(?u)[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]|\b\w\w+\b"


COMBINING_MARKS = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower case without accents ("Reembolsó" → "reembolso"), done once per text in C-speed calls
    (scikit-learn's own accent stripping is a Python loop over every character)."""
    return COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text.lower()))


def _vectorizer(kind: str) -> TfidfVectorizer:
    """The texts come folded already (see `fold`)."""
    if kind == "chars":
        return TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=False)
    return TfidfVectorizer(
        analyzer="word",
        token_pattern=CJK_AWARE_TOKENS,
        ngram_range=(1, 1) if kind == "words" else (1, 2),
        sublinear_tf=True,
        lowercase=False,
    )


def with_resolution(scope: QuerySet[Case]) -> QuerySet[Case]:
    """Done cases with how they were resolved: `resolution`, the last public agent reply before the
    case was resolved (or closed), and `done_at`."""
    done_at = Coalesce(OuterRef("resolved_at"), OuterRef("closed_at"), OuterRef("updated_at"))
    last_reply = (
        Message.objects.filter(
            case=OuterRef("pk"), author_role=Message.AuthorRole.AGENT, internal=False, created_at__lte=done_at
        )
        .order_by("-created_at", "-pk")
        .annotate(head=Substr("body", 1, RESOLUTION_CHARS + 50))
        .values("head")[:1]
    )
    return scope.annotate(
        resolution=Subquery(last_reply), done_at=Coalesce("resolved_at", "closed_at", "updated_at")
    ).select_related("team", "seller_account")
