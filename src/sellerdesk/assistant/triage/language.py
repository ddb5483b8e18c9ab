"""Language of a seller message: script analysis for Chinese/Japanese, lingua for the Latin-script languages.

Chinese and Japanese are told apart by kana (Japanese writes kana in nearly every sentence, Chinese never does);
a message counts as CJK when its Han/kana characters outweigh its Latin words (a Chinese seller writing English
with a few Chinese phrases is English). Quoted marketplace notices ("Dear Seller, ...") are left out when enough of
the seller's own words remain, because a Spanish seller quoting an English notice writes Spanish.
The lingua detector is built once per process, restricted to English, Spanish, German, French and Italian.
"""

from __future__ import annotations

import re
import threading

_LOCK = threading.Lock()
_DETECTOR = None

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u309f\u30a0-\u30ff\uff66-\uff9f]")
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]{2,}")
# Codes, ids and jargon that carry no language signal.
_NOISE = re.compile(r"\b(?:[A-Z0-9]*\d[A-Z0-9-]*|FBA|FBM|ASIN|SKU|ODR|IPI|POA|KYC|SP-API|API|ACOS)\b")
_QUOTED = re.compile(r"[\"“«「『](.{40,}?)[\"”»」』]", re.DOTALL)
_QUOTED_LINE = re.compile(r"^\s*>.*$", re.MULTILINE)
_NOTICE_START = re.compile(
    r"(?:^|\n)\s*(?:Dear Seller|Hello from Amazon|Hello,?\s*\n|We are writing to"
    r"|Your (?:Amazon )?(?:seller )?account has been|We have (?:removed|placed|suspended|deactivated)"
    r"|Your listing (?:has been|is))[^\n]*(?:\n(?!\s*\n)[^\n]*)*",
    re.IGNORECASE,
)


def _detector():
    global _DETECTOR
    if _DETECTOR is None:
        with _LOCK:
            if _DETECTOR is None:
                from lingua import Language, LanguageDetectorBuilder

                _DETECTOR = (
                    LanguageDetectorBuilder.from_languages(
                        Language.ENGLISH, Language.SPANISH, Language.GERMAN, Language.FRENCH, Language.ITALIAN
                    )
                    .with_minimum_relative_distance(0.0)
                    .build()
                )
    return _DETECTOR


_ISO = {"ENGLISH": "en", "SPANISH": "es", "GERMAN": "de", "FRENCH": "fr", "ITALIAN": "it"}


def _seller_words(text: str) -> str:
    """The text without quoted notices, when enough remains to decide on."""
    stripped = _QUOTED_LINE.sub(" ", text)
    stripped = _QUOTED.sub(" ", stripped)
    if len(_LATIN_WORD.findall(stripped)) >= 6:
        text = stripped
    without_notice = _NOTICE_START.sub(" ", text)
    if len(_LATIN_WORD.findall(without_notice)) >= 6:
        text = without_notice
    return text


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, confidence 0..1) among en, es, zh, ja, de, fr, it. Empty or code-only text -> ("en", 0.0)."""
    text = text or ""
    han = len(_HAN.findall(text))
    kana = len(_KANA.findall(text))
    cleaned = _NOISE.sub(" ", text)
    latin_words = len(_LATIN_WORD.findall(cleaned))
    cjk = han + kana
    if cjk:
        cjk_weight = cjk / 1.6  # about 1.6 Chinese characters per English word
        if cjk_weight >= latin_words * 0.8 or latin_words < 3:
            is_ja = kana >= max(2, 0.05 * cjk)
            share = cjk_weight / (cjk_weight + latin_words)
            return ("ja" if is_ja else "zh"), round(min(0.99, 0.6 + 0.4 * share), 4)
    if latin_words == 0:
        return "en", 0.0
    sample = _seller_words(cleaned)
    if cjk:
        sample = _HAN.sub(" ", _KANA.sub(" ", sample))
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return "en", 0.0
    best = values[0]
    return _ISO[best.language.name], round(float(best.value), 4)
