"""Deterministic generator of the triage corpus.

``python -m sellerdesk.assistant.corpus.build`` rewrites ``handwritten.jsonl`` (the fully hand-written messages of
``hand_*.py``) and ``generated.jsonl`` (messages composed from the hand-written fragments of ``frag_*.py`` with a
fixed seed). Both files are committed; the shipped model's metadata records their hash.
"""

from __future__ import annotations

import argparse
import json
import random
import unicodedata
from pathlib import Path

from sellerdesk.assistant.corpus import (
    frag_de,
    frag_en,
    frag_es,
    frag_fr,
    frag_it,
    frag_ja,
    frag_zh,
    hand_en,
    hand_es,
    hand_other,
    hand_zh,
)
from sellerdesk.assistant.labels import CATEGORIES, tier_for

HERE = Path(__file__).resolve().parent
SEED = 20250601
URG = {"L": "low", "N": "normal", "H": "high", "C": "critical"}
URG_ORDER = "LNHC"

FRAGMENTS = {"en": frag_en, "es": frag_es, "zh": frag_zh, "ja": frag_ja, "de": frag_de, "fr": frag_fr, "it": frag_it}
# Generated messages per language (hand-written ones come on top): en ~40%, es/zh ~15%, ja/de/fr/it ~7.5%.
TARGETS = {"en": 1400, "es": 520, "zh": 520, "ja": 260, "de": 260, "fr": 260, "it": 260}
CJK = {"zh", "ja"}

# Urgency a quoted notice implies on its own (deactivation/suspension wording makes it critical).
_CRITICAL_NOTICE_WORDS = (
    "deactivated",
    "suspended",
    "privileges have been removed",
    "停用",
    "desactivada",
    "deaktiviert",
    "désactivé",
    "disattivato",
    "停止されました",
)
_NOTICE_BASE = {
    "policy_compliance": "H",
    "account_health": "H",
    "appeals": "H",
    "payments": "H",
    "listing": "H",
    "inventory_logistics": "N",
    "reimbursement": "N",
    "returns_refunds": "H",
    "order_fulfillment": "H",
    "advertising": "N",
    "account_access": "H",
    "technical": "N",
}


def notice_urgency(category: str, text: str) -> str:
    if category in ("account_health", "appeals") and any(w in text for w in _CRITICAL_NOTICE_WORDS):
        return "C"
    return _NOTICE_BASE.get(category, "N")


# ----------------------------------------------------------------------------------------------- slot fillers
def _order(rng: random.Random, lang: str) -> str:
    kind = rng.random()
    if kind < 0.8:
        prefix = {"en": ["1", "2", "4", "2", "1"], "es": ["4", "7"], "zh": ["1", "2", "2"], "ja": ["2", "5"]}.get(
            lang, ["3", "4", "0"]
        )
        return (
            f"{rng.choice(prefix)}{rng.randint(0, 99):02d}-{rng.randint(0, 9999999):07d}-{rng.randint(0, 9999999):07d}"
        )
    if kind < 0.9:
        return f"{rng.randint(10, 99)}-{rng.randint(10000, 99999)}-{rng.randint(10000, 99999)}"  # eBay style
    return f"#{rng.randint(1000, 999999)}"


_ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


def _asin(rng: random.Random) -> str:
    return "B0" + "".join(rng.choice(_ALNUM) for _ in range(8))


def _sku(rng: random.Random) -> str:
    letters = "".join(rng.choice("ABCDEFGHKLMNPRSTWXYZ") for _ in range(rng.randint(2, 4)))
    patterns = [
        f"{letters}-{rng.randint(10, 9999)}",
        f"{letters}-{rng.randint(10, 999)}-{rng.choice(['BLK', 'WHT', 'RED', 'XL', 'S', 'M', '2PK'])}",
        f"{letters.lower()}_{rng.randint(100, 99999)}",
        f"{letters}{rng.randint(1000, 99999)}",
    ]
    return rng.choice(patterns)


def _amount(rng: random.Random, frag) -> str:
    value = rng.choice([rng.uniform(5, 200), rng.uniform(200, 5000), rng.uniform(5000, 60000)])
    template = rng.choice(frag.CURRENCIES)
    lang = frag.__name__.rsplit("_", 1)[-1]
    if "円" in template or "JPY" in template or "¥" in template and lang == "ja":
        number = f"{int(value * 100):,}"
    elif lang in ("es", "de", "it") or (lang == "fr" and rng.random() < 0.3):
        number = f"{value:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    elif lang == "fr":
        number = f"{value:,.2f}".replace(",", " ").replace(".", ",")
    else:
        number = f"{value:,.2f}" if rng.random() < 0.7 else f"{int(value)}"
    return template.format(v=number)


_MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "it": [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
}


def _date(rng: random.Random, lang: str) -> str:
    y, m, d = rng.choice([2024, 2025]), rng.randint(1, 12), rng.randint(1, 28)
    options = [f"{y}-{m:02d}-{d:02d}"]
    if lang in CJK:
        options += [f"{y}年{m}月{d}日", f"{m}月{d}日"]
    elif lang == "en":
        mon = _MONTHS["en"][m - 1]
        options += [f"{d}/{m:02d}/{y}", f"{mon} {d}, {y}", f"{d} {mon} {y}", f"{d} {mon[:3]}"]
    else:
        mon = _MONTHS[lang][m - 1]
        sep = {"es": f"{d} de {mon} de {y}", "de": f"{d}. {mon} {y}", "fr": f"{d} {mon} {y}", "it": f"{d} {mon} {y}"}
        options += [sep[lang], f"{d:02d}/{m:02d}/{y}", f"{d}.{m}.{y}" if lang == "de" else f"{d}/{m}"]
    return rng.choice(options)


def fill(text: str, rng: random.Random, frag, lang: str) -> str:
    values = {
        "order": _order(rng, lang),
        "asin": _asin(rng),
        "sku": _sku(rng),
        "amount": _amount(rng, frag),
        "date": _date(rng, lang),
        "n": str(rng.randint(2, 9)),
        "days": str(rng.randint(3, 45)),
        "product": rng.choice(frag.PRODUCTS),
        "mp": rng.choice(frag.MARKETPLACES),
        "case": str(rng.randint(10**9, 10**11)),
        "ship": "".join(rng.choice(_ALNUM) for _ in range(rng.randint(8, 10))),
        "name": rng.choice(frag.NAMES),
        "shop": rng.choice(frag.SHOPS),
    }
    return text.format(**values)


# ----------------------------------------------------------------------------------------------- noise
def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _typos(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    for _ in range(max(1, len(words) // 25)):
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 4 and w.isalpha():
            j = rng.randrange(len(w) - 1)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def _noise(text: str, rng: random.Random, lang: str, style: str) -> str:
    if lang not in CJK:
        if rng.random() < 0.12:
            text = text.lower()
        if rng.random() < 0.12:
            text = _typos(text, rng)
        if lang in ("es", "fr", "de", "it") and rng.random() < 0.15:
            text = _strip_accents(text)
    if style == "angry" and rng.random() < 0.4:
        text = text.replace(".", "!", 2)
    return text


# ----------------------------------------------------------------------------------------------- composition
def _pool(lang: str, category: str) -> list[tuple[str, str, str]]:
    """(urgency, text, style) problem sentences usable for a message of this language and category."""
    frag = FRAGMENTS[lang]
    pool = [(u, t, "plain") for u, t in frag.PROBLEMS[category]]
    if lang == "en":
        pool += [(u, t, "nonnative") for u, t in frag_en.NONNATIVE.get(category, [])]
        pool += [(u, t, "regional") for u, t in frag_en.REGIONAL.get(category, [])]
        pool += [(u, t, "mixed") for u, t in frag_zh.MIXED_EN.get(category, [])]
    pool += [(u, t, "mixed") for u, t in getattr(frag, "MIXED", {}).get(category, [])]
    return pool


def _join(parts: list[str], lang: str, rng: random.Random) -> str:
    parts = [p for p in parts if p]
    sep = rng.choice(["", "", "\n"]) if lang in CJK else rng.choice([" ", " ", "\n", "\n\n"])
    return sep.join(parts).strip()


def compose(lang: str, category: str, rng: random.Random) -> dict:
    frag = FRAGMENTS[lang]
    notices = [n for n in frag.NOTICES.get(category, [])]
    if lang != "en" and rng.random() < 0.3:
        notices += frag_en.NOTICES.get(category, [])
    style = rng.choices(
        ["plain", "terse", "polite", "angry", "long", "notice"], weights=[16, 20, 18, 12, 20, 14 if notices else 0]
    )[0]

    if style == "notice":
        notice = rng.choice(notices)
        urgency = notice_urgency(category, notice)
        quote_open, quote_close = rng.choice([('"', '"'), ("“", "”"), ("> ", ""), ("", ""), ("「", "」"), ("«", "»")])
        if lang not in ("ja", "zh") and quote_open == "「":
            quote_open, quote_close = '"', '"'
        parts = [
            rng.choice(frag.OPENINGS),
            rng.choice(frag.NOTICE_INTROS),
            f"{quote_open}{notice}{quote_close}",
            rng.choice(frag.NOTICE_REACTIONS),
        ]
        if rng.random() < 0.5:
            parts.append(rng.choice(frag.CUES[urgency]))
        if rng.random() < 0.4:
            parts.append(rng.choice(frag.CONTEXT))
        parts.append(rng.choice(frag.CLOSINGS))
        text = fill(_join(parts, lang, rng), rng, frag, lang)
        return {"text": _noise(text, rng, lang, style), "urgency": URG[urgency], "style": "notice"}

    pool = _pool(lang, category)
    urgency, problem, voice = rng.choice(pool)
    if voice != "plain":
        style = voice
    parts: list[str] = []
    if style == "terse":
        parts = [problem]
        if rng.random() < 0.4:
            parts.append(rng.choice(frag.DETAILS))
        text = fill(_join(parts, lang, rng), rng, frag, lang)
        if lang not in CJK and rng.random() < 0.5:
            text = text.lower().rstrip(".")
        return {"text": _noise(text, rng, lang, style), "urgency": URG[urgency], "style": "terse"}

    parts.append(rng.choice(frag.OPENINGS))
    n_context = {"long": rng.randint(1, 2), "polite": int(rng.random() < 0.3)}.get(style, int(rng.random() < 0.2))
    parts += rng.sample(frag.CONTEXT, n_context)
    if style == "angry":
        parts.append(rng.choice(frag.ANGRY))
    parts.append(problem)
    n_details = rng.randint(1, 3) if style == "long" else rng.randint(0, 2)
    parts += rng.sample(frag.DETAILS, n_details)
    if urgency in "NHC" and rng.random() < (0.45 if style == "long" else 0.12):
        other = rng.choice([c for c in CATEGORIES if c != category])
        questions = [t for u, t in frag.PROBLEMS[other] if u == "L"]
        if questions:
            parts.append(f"{rng.choice(frag.SIDE_PREFIX)} {rng.choice(questions)}")
    if rng.random() < 0.4:
        parts.append(rng.choice(frag.CUES[urgency]))
    if style == "angry" and rng.random() < 0.5:
        parts.append(rng.choice(frag.ANGRY))
    parts.append(rng.choice(frag.CLOSINGS))
    text = fill(_join(parts, lang, rng), rng, frag, lang)
    return {"text": _noise(text, rng, lang, style), "urgency": URG[urgency], "style": style}


def generate(seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for lang, target in TARGETS.items():
        weights = [0.6 if c == "other" else 1.0 for c in CATEGORIES]
        for i in range(target):
            category = rng.choices(CATEGORIES, weights=weights)[0]
            row = compose(lang, category, rng)
            label_lang = lang
            if lang == "en" and row["style"] == "mixed" and any("\u4e00" <= ch <= "\u9fff" for ch in row["text"]):
                label_lang = "en"  # Chinese sellers writing English: the dominant language is English
            rows.append(
                {
                    "id": f"gen-{lang}-{i:05d}",
                    "text": row["text"],
                    "language": label_lang,
                    "category": category,
                    "urgency": row["urgency"],
                    "tier": tier_for(category, row["urgency"]),
                    "style": row["style"],
                }
            )
    return rows


def handwritten() -> list[dict]:
    sources = {"en": hand_en.MESSAGES, "es": hand_es.MESSAGES, "zh": hand_zh.MESSAGES, **hand_other.MESSAGES}
    rows = []
    for lang, messages in sources.items():
        for i, entry in enumerate(messages):
            category, urgency, style, text = entry[:4]
            row = {
                "id": f"hand-{lang}-{i:04d}",
                "text": text.strip(),
                "language": lang,
                "category": category,
                "urgency": URG[urgency],
                "tier": tier_for(category, URG[urgency]),
                "style": style,
            }
            if len(entry) > 4:
                row["subject"] = entry[4]
            rows.append(row)
    return rows


def write_jsonl(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    hand = handwritten()
    gen = generate(args.seed)
    write_jsonl(hand, args.out / "handwritten.jsonl")
    write_jsonl(gen, args.out / "generated.jsonl")
    print(f"wrote {len(hand)} hand-written and {len(gen)} generated examples to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
