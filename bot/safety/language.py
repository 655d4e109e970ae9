"""Which language a message is in: "en", "es", or another ISO 639-1 code the bot cannot read.

Short messages ("ok", "hi", "gracias") and anything not confidently identified count as
English, the bot's default. Messages with enough English function words are English without
consulting a model. Otherwise the py3langid model (langid.py's naive Bayes over byte n-grams,
shipped inside the py3langid wheel) decides, restricted to LANGUAGES; it is loaded on first
use, once, under a lock (about 0.9 s and 60 MB; `LanguageIdentifier.load` can be called at
start-up in a background thread instead). Nothing here downloads anything.

The crisis rules and the semantic layer run whatever the language is, and their result comes
first: the language only tells the bot whether it can read an ordinary message.
"""

from __future__ import annotations

import re
import threading
from typing import Any, Final

ENGLISH: Final = "en"
SPANISH: Final = "es"
READABLE: Final = frozenset({ENGLISH, SPANISH})
MIN_WORDS: Final = 4  # fewer words than this: English unless the Spanish rules matched
MIN_CONFIDENCE: Final = 0.9  # for a language the bot cannot read
# Languages the identifier chooses among: the ones people write to such a bot most, so a text
# is not forced into a rare language by chance.
LANGUAGES: Final = [
    "en",
    "es",
    "pt",
    "fr",
    "de",
    "it",
    "nl",
    "pl",
    "ru",
    "uk",
    "ro",
    "tr",
    "ar",
    "fa",
    "ur",
    "hi",
    "bn",
    "pa",
    "ta",
    "te",
    "zh",
    "ja",
    "ko",
    "vi",
    "th",
    "id",
    "ms",
    "tl",
    "sw",
    "am",
    "so",
    "ha",
    "yo",
    "ig",
    "he",
    "el",
    "sv",
    "da",
    "no",
    "fi",
    "cs",
    "sk",
    "hu",
    "bg",
    "sr",
    "hr",
    "sq",
    "lt",
    "lv",
    "et",
    "ka",
    "hy",
    "az",
    "kk",
    "uz",
    "ne",
    "si",
    "km",
    "my",
    "ps",
    "ku",
    "ca",
    "gl",
    "eu",
]

_WORD: Final = re.compile(r"[^\W\d_]+")
_ENGLISH_WORDS: Final = frozenset(
    [
        "the",
        "and",
        "i",
        "my",
        "is",
        "are",
        "was",
        "to",
        "you",
        "he",
        "she",
        "it",
        "that",
        "what",
        "this",
        "with",
        "for",
        "of",
        "in",
        "on",
        "at",
        "be",
        "have",
        "has",
        "had",
        "not",
        "do",
        "does",
        "did",
        "just",
        "im",
        "dont",
        "cant",
        "wont",
        "why",
        "how",
        "when",
        "where",
        "who",
        "me",
        "him",
        "her",
        "his",
        "they",
        "them",
        "we",
        "our",
        "your",
        "can",
        "will",
        "would",
        "should",
        "could",
        "been",
        "being",
        "am",
        "if",
        "so",
        "but",
        "or",
        "about",
        "like",
        "really",
        "because",
        "know",
        "want",
        "feel",
    ]
)
_SPANISH_WORDS: Final = frozenset(
    [
        "el",
        "la",
        "los",
        "las",
        "que",
        "de",
        "y",
        "en",
        "un",
        "una",
        "por",
        "para",
        "con",
        "mi",
        "mis",
        "es",
        "esta",
        "estoy",
        "tengo",
        "pero",
        "muy",
        "yo",
        "porque",
        "cuando",
        "como",
        "donde",
        "quien",
        "del",
        "al",
        "lo",
        "le",
        "se",
        "nos",
        "ya",
        "mas",
        "tambien",
        "no",
        "si",
        "me",
        "te",
    ]
)


class LanguageIdentifier:
    """py3langid, loaded once on first use (thread-safe), restricted to LANGUAGES."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._model: Any = None

    def load(self) -> None:
        if self._model is not None:
            return
        with self._lock:
            if self._model is not None:
                return
            from py3langid.langid import MODEL_FILE
            from py3langid.langid import LanguageIdentifier as _Langid

            model = _Langid.from_model_file(MODEL_FILE, norm_probs=True)
            known = set(model.nb_classes)
            model.set_languages([code for code in LANGUAGES if code in known])
            # set_languages keeps the full table for a later reset; we never reset, so let
            # the full (about 28 MB) table go.
            if hasattr(model, "_full_model"):
                model._full_model = (model.nb_ptc, model.nb_pc, model.nb_classes)
            self._model = model

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def classify(self, text: str) -> tuple[str, float]:
        self.load()
        code, confidence = self._model.classify(text)
        return str(code), float(confidence)


_DEFAULT = LanguageIdentifier()


def identify(
    text: str, *, spanish_hint: bool = False, identifier: LanguageIdentifier | None = None
) -> str:
    """Language code of one message. spanish_hint: a Spanish crisis rule matched it."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if spanish_hint:
        return SPANISH
    if len(words) < MIN_WORDS:
        return SPANISH if sum(w in _SPANISH_WORDS for w in words) >= 2 else ENGLISH
    english = sum(w in _ENGLISH_WORDS for w in words)
    if english >= 2 and english * 4 >= len(words):
        return ENGLISH
    try:
        code, confidence = (identifier or _DEFAULT).classify(text)
    except Exception:  # the language is a nicety: never let it break crisis detection
        return ENGLISH
    if code in READABLE:
        return code
    return code if confidence >= MIN_CONFIDENCE else ENGLISH
