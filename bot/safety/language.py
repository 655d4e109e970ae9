"""Which language a message is in: "en", "es", or another ISO 639-1 code the bot cannot read.

Short messages ("ok", "hi", "gracias") and anything not confidently identified count as
English, the bot's default. Messages with enough common English words are English without
consulting a model. Otherwise the py3langid model (langid.py's naive Bayes over byte n-grams,
a 0.7 MB file shipped inside the py3langid wheel) decides, restricted to LANGUAGES; it is
loaded on first use, once, under a lock (about 0.1 s and 10 MB). Nothing here downloads
anything.

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
MIN_CONFIDENCE: Final = 0.95  # for a language the bot cannot read


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Languages the identifier chooses among: the ones people write to such a bot most, so a text
# is not forced into a rare language by chance.
LANGUAGES: Final = _words(
    "en es pt fr de it nl pl ru uk ro tr ar fa ur hi bn pa ta te zh ja ko vi th id ms tl sw am"
    " ha he el sv da no fi cs sk hu bg sr hr sq lt lv et ka hy az kk ne si km ps ku ca gl eu"
)

_WORD: Final = re.compile(r"[^\W\d_]+")
# Common English words, chat spellings included: enough of them and the text is English.
_ENGLISH_WORDS: Final = frozenset(
    _words(
        "the and i my is are was to you he she it that what this with for of in on at be have"
        " has had not do does did just im dont cant wont why how when where who me him her his"
        " they them we our your can will would should could been being am if so but or about"
        " like really because know want feel ok okay thanks thank yes yeah no hi hello hey lol"
        " lmao omg idk pls please sorry cool good bad sad bro u ur get got go going now today"
        " tonight again still all some any one out up down here there then than too very much"
        " time day night home help need think said says tell told make made let ill ive youre"
        " hes shes its thats theres there whats an a as by from into over after before never"
        " always ever every nothing something anything everything someone anyone everyone"
    )
)
_SPANISH_WORDS: Final = frozenset(
    _words(
        "el la los las que de y en un una por para con mi mis es esta estoy tengo pero muy yo"
        " porque cuando como donde quien del al lo le se nos ya mas tambien si te quiero"
        " soy eres puedo ayuda gracias hola vale bien mal nada todo siempre nunca hoy ahora aqui"
        " casa esposo marido novio pareja miedo dice dijo voy va vas hace tiene estas esto eso"
        " q xq pq porq pa toy mucho poco sola solo vida morir matar matarme"
    )
)
# Words both lists would claim ("me", "no", "a") count for neither.
_SHARED: Final = frozenset({"me", "no", "a", "so", "son", "hi", "he", "i", "te", "u"})
_EN_ONLY: Final = _ENGLISH_WORDS - _SPANISH_WORDS - _SHARED
_ES_ONLY: Final = _SPANISH_WORDS - _ENGLISH_WORDS - _SHARED


class LanguageIdentifier:
    """py3langid (langid.py's model, 97 languages), loaded once on first use (thread-safe)
    and restricted to LANGUAGES."""

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

            model = _Langid.from_pickled_model(MODEL_FILE, norm_probs=True)
            known = set(model.nb_classes)
            model.set_languages([code for code in LANGUAGES if code in known])
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
    english = sum(w in _EN_ONLY for w in words) + words.count("i")
    spanish = sum(w in _ES_ONLY for w in words)
    if len(words) < MIN_WORDS:
        return SPANISH if spanish > english and spanish * 2 >= len(words) else ENGLISH
    if english >= 2 and english * 4 >= len(words) and english > spanish:
        return ENGLISH
    if spanish >= 2 and spanish > english:
        return SPANISH
    try:
        code, confidence = (identifier or _DEFAULT).classify(text)
    except Exception:  # the language is a nicety: never let it break crisis detection
        return ENGLISH
    if code in READABLE:
        return code
    return code if confidence >= MIN_CONFIDENCE else ENGLISH
