"""Regex extraction of the references a seller message mentions: order ids, ASINs, SKUs, money amounts, dates."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation

# Amazon order ids (3-7-7 digits) and eBay-style ids (2-5-5 digits).
_AMAZON_ORDER = re.compile(r"(?<![\d-])(\d{3}-\d{7}-\d{7})(?![\d-])")
_EBAY_ORDER = re.compile(r"(?<![\d-])(\d{2}-\d{5}-\d{5})(?![\d-])")
# Other formats, only next to an order keyword in one of the seven languages: "order #12345678", "pedido nº 1234".
_KEYWORD_ORDER = re.compile(
    r"(?:order|orden|pedido|commande|ordine|bestellung|bestellnummer|auftrag|订单号?|注文番号?|注文)"
    r"\s*(?:id|no\.?|nr\.?|number|number:|n[º°o]\.?|numéro|numero|nummer|号|番号)?\s*[:：#]?\s*"
    r"#?\s*(?P<id>[A-Z0-9][A-Z0-9-]{5,24})",
    re.IGNORECASE,
)
_ASIN = re.compile(r"(?<![A-Za-z0-9])(B0[A-Za-z0-9]{8})(?![A-Za-z0-9])")
_FBA_SHIPMENT = re.compile(r"(?<![A-Za-z0-9])(FBA[A-Z0-9]{8,10})(?![A-Za-z0-9])")
_SKU = re.compile(
    r"(?:\b(?:seller[ -]?sku|msku|fnsku|sku)s?\b|SKU)\s*(?:is|es|est|ist|è|是|は)?\s*[:：#=]?\s*"
    r"(?P<sku>[A-Za-z0-9][A-Za-z0-9._/-]{2,39})",
    re.IGNORECASE,
)
_FNSKU = re.compile(r"(?<![A-Za-z0-9])(X00[A-Z0-9]{7})(?![A-Za-z0-9])")

_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "￥": "JPY", "₹": "INR"}
_CURRENCY_WORDS = {
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "cny": "CNY",
    "rmb": "CNY",
    "aud": "AUD",
    "cad": "CAD",
    "inr": "INR",
    "mxn": "MXN",
    "sek": "SEK",
    "pln": "PLN",
    "chf": "CHF",
    "aed": "AED",
    "sgd": "SGD",
    "dollars": "USD",
    "dollar": "USD",
    "dólares": "USD",
    "dolares": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "quid": "GBP",
    "pesos": "MXN",
    "rupees": "INR",
    "rs": "INR",
    "rs.": "INR",
    "美元": "USD",
    "美金": "USD",
    "欧元": "EUR",
    "英镑": "GBP",
    "日元": "JPY",
    "元": "CNY",
    "人民币": "CNY",
    "円": "JPY",
}
_NUMBER = r"\d{1,3}(?:[.,\u00a0 ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_SYMBOL = r"(?:US\$|CA\$|AU\$|A\$|C\$|MX\$|[$€£¥￥₹])"
_CODE = r"(?:USD|EUR|GBP|JPY|CNY|RMB|AUD|CAD|INR|MXN|SEK|PLN|CHF|AED|SGD)"
_WORD_AFTER = (
    r"(?:USD|EUR|GBP|JPY|CNY|RMB|AUD|CAD|INR|MXN|SEK|PLN|CHF|AED|SGD|dollars?|dólares|dolares|euros?|pounds|quid|"
    r"pesos|rupees|美元|美金|欧元|英镑|日元|人民币|元|円)"
)
_MONEY = re.compile(
    rf"(?P<pre>{_SYMBOL}|{_CODE}|Rs\.?)\s?(?P<n1>{_NUMBER})(?:\s?(?P<mult>[kK]|万|lakh|crore))?"
    rf"|(?P<n2>{_NUMBER})\s?(?P<mult2>万|k|K|lakh|crore)?\s?(?P<post>{_SYMBOL}|{_WORD_AFTER})(?![A-Za-z])",
)

_MONTHS = {
    # en
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    # es
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
    # de
    "januar": 1,
    "februar": 2,
    "märz": 3,
    "maerz": 3,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "oktober": 10,
    "dezember": 12,
    # fr
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
    # it
    "gennaio": 1,
    "febbraio": 2,
    "aprile": 4,
    "maggio": 5,
    "giugno": 6,
    "luglio": 7,
    "settembre": 9,
    "ottobre": 10,
    "dicembre": 12,
}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_DATE_PATTERNS = [
    ("ymd", re.compile(r"(?<!\d)(?P<y>20\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")),
    ("cjk", re.compile(r"(?:(?P<y>20\d{2})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]")),
    ("dmy", re.compile(r"(?<![\d.,/])(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>(?:20)?\d{2})(?![\d/])")),
    (
        "d_month",
        re.compile(
            rf"(?<!\w)(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?(?P<mon>{_MONTH_RE})\.?"
            rf"(?:,?\s+(?:de\s+)?(?P<y>20\d{{2}}))?(?!\w)",
            re.IGNORECASE,
        ),
    ),
    (
        "month_d",
        re.compile(
            rf"(?<!\w)(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>20\d{{2}}))?(?!\w)",
            re.IGNORECASE,
        ),
    ),
]


@dataclass(frozen=True)
class Money:
    amount: str  # a decimal string, e.g. "1234.56"
    currency: str | None  # ISO 4217 when known
    text: str


@dataclass(frozen=True)
class DateRef:
    text: str
    iso: str | None  # YYYY-MM-DD when the year is given and the reading is unambiguous, YYYY-MM-DD guess otherwise


@dataclass(frozen=True)
class References:
    order_ids: list[str] = field(default_factory=list)
    asins: list[str] = field(default_factory=list)
    skus: list[str] = field(default_factory=list)
    shipment_ids: list[str] = field(default_factory=list)
    amounts: list[Money] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def _unique(items):
    seen, out = set(), []
    for item in items:
        key = item if isinstance(item, str) else (item.text,)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _parse_number(raw: str) -> Decimal | None:
    s = raw.replace("\u00a0", " ").strip()
    # The last separator followed by 1-2 digits is the decimal mark; every other separator groups thousands.
    m = re.match(r"^(.*?)([.,])(\d{1,2})$", s)
    if m and not re.search(r"[.,]\d{3}$", s):
        whole, frac = m.group(1), m.group(3)
    else:
        whole, frac = s, ""
    whole = re.sub(r"[.,\s]", "", whole)
    try:
        return Decimal(f"{whole}.{frac}" if frac else whole)
    except InvalidOperation:
        return None


def _amounts(text: str) -> list[Money]:
    out = []
    for m in _MONEY.finditer(text):
        raw_number = m.group("n1") or m.group("n2")
        value = _parse_number(raw_number)
        if value is None:
            continue
        mult = m.group("mult") or m.group("mult2")
        if mult:
            value *= {"k": 1000, "万": 10000, "lakh": 100000, "crore": 10000000}[mult.lower()]
        marker = (m.group("pre") or m.group("post") or "").strip()
        currency = _CURRENCY_SYMBOLS.get(marker) or _CURRENCY_WORDS.get(marker.lower())
        if marker.upper() in {"US$"}:
            currency = "USD"
        elif marker.upper() in {"CA$", "C$"}:
            currency = "CAD"
        elif marker.upper() in {"AU$", "A$"}:
            currency = "AUD"
        elif marker.upper() == "MX$":
            currency = "MXN"
        elif marker.upper() in {
            "USD",
            "EUR",
            "GBP",
            "JPY",
            "CNY",
            "AUD",
            "CAD",
            "INR",
            "MXN",
            "SEK",
            "PLN",
            "CHF",
            "AED",
            "SGD",
        }:
            currency = marker.upper()
        elif marker.upper() == "RMB":
            currency = "CNY"
        elif marker.lower().startswith("rs"):
            currency = "INR"
        # "$1,250 MXN": a code right after a symbol amount wins.
        tail = text[m.end() : m.end() + 5]
        code = re.match(r"\s?([A-Z]{3})\b", tail)
        if code and code.group(1) in {"MXN", "CAD", "AUD", "USD", "SGD"} and marker in ("$",):
            currency = code.group(1)
        normalized = format(value.quantize(Decimal("0.01")) if value % 1 else value.quantize(Decimal("1")), "f")
        out.append(Money(amount=normalized, currency=currency, text=m.group(0).strip()))
    return _unique(out)


def _iso(y: str | None, m: int, d: int) -> str | None:
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    if y is None:
        return None
    year = int(y)
    if year < 100:
        year += 2000
    return f"{year:04d}-{m:02d}-{d:02d}"


def _dates(text: str) -> list[DateRef]:
    out: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if kind in ("d_month", "month_d"):
                month = _MONTHS.get(m.group("mon").lower())
                if month is None:
                    continue
                # "may" and "mar" are common words: only accept them with a day next to them (already required).
                iso = _iso(m.group("y"), month, int(m.group("d")))
            else:
                first, second = int(m.group("d")), int(m.group("m"))
                if kind == "dmy" and first <= 12 and second > 12:  # US style 03/15/2024
                    first, second = second, first
                iso = _iso(m.group("y"), second, first)
                if kind == "dmy" and iso is None:
                    continue
            taken.append((m.start(), m.end()))
            out.append(DateRef(text=m.group(0).strip(), iso=iso))
    return _unique(out)


def extract_references(text: str) -> References:
    """All references found in ``text`` in order of appearance (duplicates removed)."""
    text = text or ""
    orders = [m.group(1) for m in _AMAZON_ORDER.finditer(text)]
    orders += [m.group(1) for m in _EBAY_ORDER.finditer(text)]
    asins = [m.group(1).upper() for m in _ASIN.finditer(text)]
    shipments = [m.group(1) for m in _FBA_SHIPMENT.finditer(text)]
    for m in _KEYWORD_ORDER.finditer(text):
        candidate = m.group("id")
        if (
            sum(ch.isdigit() for ch in candidate) >= 5
            and candidate not in orders
            and candidate.upper() not in asins
            and not _AMAZON_ORDER.search(candidate)
        ):
            orders.append(candidate)
    skus = [m.group("sku").rstrip(".,;:)") for m in _SKU.finditer(text)]
    skus += [m.group(1) for m in _FNSKU.finditer(text)]
    skus = [s for s in skus if s.upper() not in asins and not _AMAZON_ORDER.fullmatch(s)]
    return References(
        order_ids=_unique(orders),
        asins=_unique(asins),
        skus=_unique(skus),
        shipment_ids=_unique(shipments),
        amounts=_amounts(text),
        dates=_dates(text),
    )
