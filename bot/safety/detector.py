"""Crisis detector: the first thing every text message passes through.

    classify(text) -> CrisisLevel     # NONE, DISCLOSURE, DANGER or SELF_HARM

Pure Python, no I/O, no model: the text is normalised (normalize) and matched against the word
lists and regular expressions in patterns.py. It never raises; typical messages take well under
a millisecond and every pattern is linear, so a 100,000-character message is scanned to the end.

Priority: DANGER > SELF_HARM > DISCLOSURE > NONE. When a message carries both a danger and a
self-harm signal the answer is DANGER, because the emergency number comes first.

Bias: a missed danger or self-harm message is far worse than an unneeded crisis reply, so
ambiguous phrasings ("i can't do this anymore", "he's coming over tonight") are flagged; known
figures of speech ("this traffic is killing me", "cutting him off", "i could kill for a coffee")
are excluded pattern by pattern and kept in tests/safety/crisis_phrases.yaml as `none` items.

Limits: it matches wording, not meaning. On fresh phrasings written blind it caught about 6 in
10 danger and self-harm messages (tests/safety/test_detector.py has the figures), so it is a
first net: crisis help must stay one tap away on every screen whatever it returns.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from bot.safety import patterns as p
from bot.safety import patterns_es as es
from bot.safety.prefilter import PREFILTER

__all__ = [
    "SEVERITY",
    "CrisisLevel",
    "RuleResult",
    "classify",
    "explain",
    "is_command",
    "normalize",
    "normalize_both",
    "normalize_es",
    "rules",
    "rules_on",
]


class CrisisLevel(StrEnum):
    NONE = "none"
    DISCLOSURE = "disclosure"
    DANGER = "danger"
    SELF_HARM = "self_harm"
    # Only the semantic layer (or a figure of speech that sounds like a threat) found the
    # message close to danger or self-harm: the bot asks "are you safe right now?".
    CHECK = "check"


# Telegram caps a message at 4,096 characters, so this only guards other channels (the console,
# a future web chat) against a flood: beyond it the head and the tail are kept, before and after
# normalising (a crisis phrase is most often at the end of a long vent).
MAX_CHARS: Final = 400_000
_KEEP: Final = MAX_CHARS // 2
# Above this length (normalised) a text is long: Spanish rules read it only if it has a Spanish
# word, and without RE2 (prefilter.py) a rule runs only when one of its anchors occurs (below
# it one combined regex per group is cheaper than looking for anchors).
GATE_FROM_CHARS: Final = 1_000
# Self-harm groups that a message can tell as over ("i used to self harm years ago, i'm not
# there anymore"): then a disclosure, not a crisis.
_TOLD_PAST: Final = frozenset({"self_injury", "death_wish", "suicide_words"})

# --- Normalisation tables -------------------------------------------------------------------
# fmt: off

# Invisible characters used inside words to dodge filters ("d\u200bie"): removed.
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\u206a\u206b\u206c\u206d\u206e\u206f\u3164\ufeff\uffa0"
    + "".join(chr(c) for c in range(0xFE00, 0xFE10))  # variation selectors
)
# Emoji that carry meaning in a crisis message become words; other emoji are separators.
_EMOJI_WORDS = {
    "🔪": " knife ", "🗡": " knife ", "⚔": " knife ", "🔫": " gun ", "💊": " pills ",
    "🩸": " blood ", "🪢": " rope ", "⚰": " coffin ", "🪦": " grave ", "🆘": " sos ",
    "😂": " lol ", "🤣": " lol ", "😹": " lol ", "😆": " lol ", "💀": " dead ", "☠": " dead ",
}
# Curly and look-alike apostrophes become a plain one (then "he's" -> "hes").
_QUOTES = (
    "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02bb\u02b9\u02bd\u00b4\u0060\uff07\u055a\ua78c"
)

_PRE_TABLE: Final[dict[int, str | None]] = {
    **{ord(c): None for c in _INVISIBLE},
    **{ord(k): v for k, v in _EMOJI_WORDS.items()},
    **{ord(c): "'" for c in _QUOTES},
}
# Letters NFKD does not decompose, and Cyrillic/Greek look-alikes used to dodge filters.
_LETTERS = {
    "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ı": "i", "ħ": "h",
    "ŧ": "t", "ſ": "s", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
    "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ӏ": "l", "к": "k", "м": "m", "т": "t", "н": "h",
    "в": "b", "ο": "o", "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x",
}
_LETTER_TABLE: Final[dict[int, str]] = {ord(k): v for k, v in _LETTERS.items()}
_COMBINING: Final = re.compile(
    r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"  # combining marks
)
# Leetspeak inside a word: "k1ll", "su1c1de", "d!e", "$uicide".
_LEET: Final = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
                "!": "i", "|": "i"}
_LEET_INNER: Final = re.compile(r"(?<=[a-z])[0134570@$!|](?=[a-z])")
_LEET_START: Final = re.compile(r"(?<![a-z0-9])[$@](?=[a-z]{2})")
_CENSOR_STAR: Final = re.compile(r"(?<=[a-z])[*]+(?=[a-z])")  # "s*icide", "k*ll"
_APOSTROPHE: Final = re.compile(r"(?<=[a-z])'(?=[a-z])")  # "he's" -> "hes", "don't" -> "dont"
_SEPARATORS: Final = re.compile(r"[^a-z0-9]+")
# A lone bot command ("/help", "/start") is not a message to read; "/help he's here" is.
_COMMAND: Final = re.compile(r"\s*/[A-Za-z0-9_]+(?:@\w+)?\s*$")

# Contractions without apostrophes and chat spellings (keys and values are folded below).
_TOKEN_WORDS = {
    # contractions ("i'm" and "im" both arrive here as "im")
    "im": "i am", "ive": "i have", "hes": "he is", "shes": "she is", "theyre": "they are",
    "theyve": "they have", "theyll": "they will", "youre": "you are", "youll": "you will",
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "cant": "can not",
    "cannot": "can not", "wont": "will not", "wouldnt": "would not", "couldnt": "could not",
    "shouldnt": "should not", "isnt": "is not", "arent": "are not", "wasnt": "was not",
    "werent": "were not", "havent": "have not", "hasnt": "has not", "hadnt": "had not",
    "aint": "is not", "whats": "what is", "thats": "that is", "theres": "there is",
    "its": "it is", "someones": "someone is", "somebodys": "somebody is",
    "tonights": "tonight is", "todays": "today is",
    # chat spellings
    "wanna": "want to", "wana": "want to", "gonna": "going to", "gunna": "going to",
    "gotta": "got to", "hafta": "have to", "tryna": "trying to", "finna": "going to",
    "imma": "i am going to", "lemme": "let me", "u": "you", "ur": "your", "r": "are",
    "ya": "you", "2": "to", "b4": "before", "bc": "because", "cuz": "because",
    "cos": "because", "coz": "because", "bcuz": "because", "bcos": "because",
    "becuz": "because", "rn": "right now", "tonite": "tonight", "2nite": "tonight",
    "2night": "tonight", "pls": "please", "plz": "please", "ppl": "people", "every1": "everyone",
    "any1": "anyone", "no1": "no one", "some1": "someone", "bf": "boyfriend",
    "gf": "girlfriend", "hubby": "husband", "omw": "on my way", "abt": "about",
    "thru": "through", "w": "with", "ded": "dead", "idk": "i do not know", "yall": "you all",
    "outta": "out of", "kinda": "kind of", "nomore": "no more",
    # typos of the words that matter most
    "wnat": "want", "wamt": "want", "myslef": "myself", "mysef": "myself", "mself": "myself",
    "meself": "myself",
    # words run together when typing fast
    "iwant": "i want", "iwanna": "i want to", "idont": "i do not", "icant": "i can not",
    "ijust": "i just", "ineed": "i need", "iwish": "i wish", "imgoing": "i am going",
    "iam": "i am", "ihate": "i hate", "hesgoing": "he is going",
}
# fmt: on
_TOKEN_MAP: Final[dict[str, str]] = {p.fold(k): p.fold(v) for k, v in _TOKEN_WORDS.items()}


def _base(text: str) -> str:
    """Everything `normalize` does except expanding English contractions and chat spellings."""
    if len(text) > MAX_CHARS:
        text = text[:_KEEP] + " . " + text[-_KEEP:]
    t = unicodedata.normalize("NFKC", text.translate(_PRE_TABLE)).casefold()
    if not t.isascii():
        t = _COMBINING.sub("", unicodedata.normalize("NFKD", t)).translate(_LETTER_TABLE)
    t = _LEET_INNER.sub(lambda m: _LEET[m.group()], t)
    t = _LEET_START.sub(lambda m: _LEET[m.group()], t)
    t = _CENSOR_STAR.sub("", t)
    t = _APOSTROPHE.sub("", t)
    t = p.fold(_SEPARATORS.sub(" ", t))
    if len(t) > MAX_CHARS:  # emoji expand to words: keep the cap after normalising too
        t = t[:_KEEP] + " " + t[-_KEEP:]
    return t


def normalize(text: str) -> str:
    """Reduce a message to lowercase ASCII words separated by single spaces.

    NFKC (fullwidth letters), casefold, accents stripped, zero-width characters removed, curly
    apostrophes straightened and joined ("he's" -> "hes"), leetspeak inside words undone,
    punctuation and emoji turned into spaces (a few emoji become words: 🔪 -> knife), repeated
    letters folded ("pleeease" -> "please", "kill" -> "kil"), contractions and chat spellings
    expanded ("im" -> "i am", "wanna" -> "want to"). Linear in the length of the text.
    """
    return " ".join([_TOKEN_MAP.get(word, word) for word in _base(text).split()])


def normalize_both(text: str) -> tuple[str, str]:
    """(normalize(text), normalize_es(text)), sharing the work they have in common."""
    words = _base(text).split()
    en = " ".join([_TOKEN_MAP.get(word, word) for word in words])
    return en, " ".join([es.TOKEN_MAP.get(word, word) for word in words])


def is_command(text: str) -> bool:
    """A lone bot command ("/help", "/start"), which is not a message to read."""
    return _COMMAND.match(text) is not None


def normalize_es(text: str) -> str:
    """The same reduction for the Spanish rules, with Spanish chat spellings expanded
    ("q" -> "que", "xq" -> "porque", "kiero" -> "quiero") instead of English ones."""
    return " ".join([es.TOKEN_MAP.get(word, word) for word in _base(text).split()])


# --- Decision -------------------------------------------------------------------------------

# Most serious last. CHECK ("are you safe right now?") sits above DISCLOSURE: it asks about now.
SEVERITY: Final[dict[CrisisLevel, int]] = {
    CrisisLevel.NONE: 0,
    CrisisLevel.DISCLOSURE: 1,
    CrisisLevel.CHECK: 2,
    CrisisLevel.SELF_HARM: 3,
    CrisisLevel.DANGER: 4,
}
# Lethality signs: a past event is downgraded only when it is long past (patterns.LONG_AGO).
_LETHAL: Final = frozenset({"threat_kill", "threat_quoted", "weapon", "strangling", "locked_in"})


@dataclass(frozen=True, slots=True)
class RuleResult:
    """What the rules found in one text."""

    level: CrisisLevel
    medical: bool = False  # an overdose or poison already taken
    spanish: bool = False  # a Spanish rule matched
    signals: tuple[str, ...] = ()


def _matching(
    groups: tuple[p.Group, ...], t: str, gate: p.Gate | None, find_all: bool
) -> list[str]:
    """Names of the groups that match (the first one only, unless find_all)."""
    found: list[str] = []
    for group in groups:
        if group.search(t, gate):
            found.append(group.name)
            if not find_all:
                break
    return found


def _danger(t: str, gate: p.Gate | None, find_all: bool) -> tuple[list[str], list[str]]:
    """Danger groups that match: (always danger, danger unless clearly in the past)."""
    direct = _matching(p.DANGER_DIRECT, t, gate, find_all)
    if direct and not find_all:
        return direct, []
    # Combinations: movement or presence is dangerous with fear, rage or "now".
    # "he's coming home drunk", "he's on the way over now", "he's home and i'm scared",
    # "he's back and he's been drinking", "he's drunk and i'm shaking".
    coming = p.COMING.search(t, gate)
    near = p.NEAR.search(t, gate)
    raging = p.AGITATED_PERSON.search(t, gate)
    if coming or near or raging:
        fear = p.FEAR.search(t) is not None
        # "now" alone does not make a visit agreed for his stuff dangerous
        now_unagreed = p.NOW.search(t) is not None and p.HANDOVER.search(t) is None
        if coming and (fear or raging or p.AGITATED.search(t) or now_unagreed):
            direct.append("coming")
        elif near and (fear or raging):
            direct.append("near")
        elif raging and (fear or p.NOW.search(t)):
            direct.append("raging")
    if direct and not find_all:
        return direct, []
    return direct, _matching(p.DANGER_HISTORIC_OK, t, gate, find_all=True)


def _decide(t: str, gate: p.Gate | None, find_all: bool) -> tuple[CrisisLevel, list[str]]:
    """English rules on normalised text: level and signal names (medical not included)."""
    direct, downgradable = _danger(t, gate, find_all)
    signals = [f"danger:{name}" for name in direct + downgradable]
    past_only = figure = False
    fiction = p.FICTION.search(t) is not None
    if (
        direct
        and (p.DREAM.search(t) or fiction)
        # "playing a horror game and someone's breaking into the cabin, so scared lol"
        and (not (p.NOW.search(t) or p.FEAR.search(t)) or (fiction and p.LAUGH.search(t)))
    ):
        # "i had a dream he was chasing me", "in the movie the guy is banging on the door":
        # a dream or a story with nothing of now or fear in it is asked about, not answered
        # as danger ("are you safe right now?" keeps every line one tap away).
        signals.append("danger:discounted_dream_or_story")
        direct, figure = [], True
    if not direct and downgradable:
        # "my mom will kill me lol" is a joke unless a threat is reported ("he said ... lol").
        said = p.SAID.search(t) is not None
        threat_only = set(downgradable) <= {"threat_kill", "threat_harm"}
        joke = threat_only and p.LAUGH.search(t) is not None and not said
        # "'i'll kill you' when we play fifa, it's just banter": play, asked about at most.
        banter = (
            set(downgradable) <= {"threat_kill", "threat_harm", "threat_quoted"}
            and p.BANTER.search(t) is not None
        )
        # "my boss will kill me if i'm late": asked about ("check"), not treated as danger.
        figure = banter or (
            not joke
            and not said
            and set(downgradable) <= {"threat_kill", "threat_harm", "strangling"}
            and p.HYPERBOLE.search(t) is not None
        )
        present = p.PRESENT.search(t) is not None
        lethal = bool(_LETHAL & set(downgradable))
        marker = p.LONG_AGO if lethal else p.HISTORIC
        past_only = marker.search(t) is not None and not present
        # "the guy with the knife in that movie": a story, unless a threat is reported.
        fiction = not said and p.FICTION.search(t) is not None
        if fiction and not (joke or figure):
            joke = True
            signals.append("danger:discounted_fiction")
        elif joke or past_only or figure:
            reason = "joke" if joke else "past" if past_only else "figure_of_speech"
            signals.append(f"danger:discounted_{reason}")
        else:
            direct = downgradable
    if direct and not find_all:
        return CrisisLevel.DANGER, signals

    self_harm = _matching(p.SELF_HARM, t, gate, find_all)
    signals += [f"self_harm:{name}" for name in self_harm]
    if self_harm and (
        (set(self_harm) <= {"self_injury"} and p.LONG_AGO.search(t) and not p.PRESENT.search(t))
        or (
            # Told as over, and nothing says it is back: "she used to want to die back then ...
            # i'm not there anymore" ("anymore" is no present-tense sign here), "my sister
            # overdosed years ago and survived", "2 years clean from self harm".
            p.RECOVERED.search(t)
            and not p.AGAIN_NOW.search(t)
            and (
                (set(self_harm) <= _TOLD_PAST and p.USED_TO.search(t))
                or (set(self_harm) <= _TOLD_PAST | {"overdose"} and p.DATED_PAST.search(t))
            )
        )
    ):
        # "i used to self harm years ago, the scars are fading": told, not happening.
        signals.append("self_harm:discounted_past")
        self_harm, past_only = [], True
    disclosure: list[str] = []
    if find_all or not (direct or self_harm):
        disclosure = _matching(p.DISCLOSURE, t, gate, find_all)
        signals += [f"disclosure:{name}" for name in disclosure]
    if direct:
        return CrisisLevel.DANGER, signals
    if self_harm:
        return CrisisLevel.SELF_HARM, signals
    if figure:
        return CrisisLevel.CHECK, signals
    if disclosure or past_only:
        return CrisisLevel.DISCLOSURE, signals
    if p.ASK_IF_SAFE.search(t, gate):
        signals.append("check:ask_if_safe")
        return CrisisLevel.CHECK, signals
    return CrisisLevel.NONE, signals


def _decide_es(t: str, gate: p.Gate | None, find_all: bool) -> tuple[CrisisLevel, list[str]]:
    """Spanish rules on `normalize_es` text."""
    danger = _matching(es.DANGER, t, gate, find_all)
    signals = [f"danger:{name}" for name in danger]
    figure = False
    if danger and set(danger) == {"es_threat"} and es.HYPERBOLE.search(t):
        # "mi mama me va a matar cuando vea las notas jaja": a joke; without laughter, asked.
        figure = p.LAUGH.search(t) is None
        signals.append("danger:discounted_figure_of_speech" if figure else "danger:discounted_joke")
        danger = []
    if danger and not find_all:
        return CrisisLevel.DANGER, signals
    self_harm = _matching(es.SELF_HARM, t, gate, find_all)
    signals += [f"self_harm:{name}" for name in self_harm]
    disclosure = _matching(es.DISCLOSURE, t, gate, find_all) if find_all or not self_harm else []
    signals += [f"disclosure:{name}" for name in disclosure]
    if danger:
        return CrisisLevel.DANGER, signals
    if self_harm:
        return CrisisLevel.SELF_HARM, signals
    if figure:
        return CrisisLevel.CHECK, signals
    if disclosure:
        return CrisisLevel.DISCLOSURE, signals
    if es.ASK_IF_SAFE.search(t, gate):
        signals.append("check:ask_if_safe")
        return CrisisLevel.CHECK, signals
    return CrisisLevel.NONE, signals


def _rules(text: str, gated: bool | None = None, find_all: bool = False) -> RuleResult:
    return _rules_on(*normalize_both(text), gated, find_all)


def _rules_on(
    t_en: str, t_es: str, gated: bool | None = None, find_all: bool = False
) -> RuleResult:
    long = len(t_en) > GATE_FROM_CHARS
    # With RE2 the gated path is the faster one at every length (0.1 ms against 0.3 ms on a
    # short message, `bench.detection`); without it, only past GATE_FROM_CHARS.
    gate = (PREFILTER.enabled or long) if gated is None else gated
    gate_en = PREFILTER.gate(t_en) if gate else None
    level_en, signals = _decide(t_en, gate_en, find_all)
    # The Spanish rules read every short text, and a long one with a Spanish word in it
    # (code-switching included): a long English text skips them.
    spanish_words = find_all or not long or not es.MARKERS.isdisjoint(t_es.split())
    gate_es = None
    if gate and spanish_words:
        gate_es = gate_en if t_es == t_en else PREFILTER.gate(t_es)
    level_es, signals_es = (
        _decide_es(t_es, gate_es, find_all) if spanish_words else (CrisisLevel.NONE, [])
    )
    medical_en = _matching(p.MEDICAL, t_en, gate_en, find_all)
    medical_es = _matching(es.MEDICAL, t_es, gate_es, find_all) if spanish_words else []
    medical = bool(medical_en or medical_es)
    signals += signals_es + [f"medical:{name}" for name in medical_en + medical_es]
    level = level_en if SEVERITY[level_en] >= SEVERITY[level_es] else level_es
    if medical and SEVERITY[level] < SEVERITY[CrisisLevel.SELF_HARM]:
        level = CrisisLevel.SELF_HARM  # an overdose taken is self-harm whatever else was said
    spanish = bool(signals_es) or bool(medical_es)
    return RuleResult(level, medical, spanish, tuple(signals))


def rules(text: str) -> RuleResult:
    """The precise layer: English and Spanish rules on one message. Never raises.

    Its level may be CHECK for a figure of speech that sounds like a threat ("my boss will
    kill me if i'm late"); `classify` reports that as NONE for callers that predate CHECK."""
    try:
        if not isinstance(text, str) or not text or _COMMAND.match(text):
            return RuleResult(CrisisLevel.NONE)
        return _rules(text)
    except Exception:  # a bug here must never swallow the message or the crisis reply
        return RuleResult(_fallback(text))


def rules_on(t_en: str, t_es: str) -> RuleResult:
    """`rules` on texts already normalised by `normalize` and `normalize_es` (the context
    joins the normalised forms of recent messages instead of normalising them again)."""
    try:
        return _rules_on(t_en, t_es)
    except Exception:
        return RuleResult(_fallback(t_en))


def classify(text: str) -> CrisisLevel:
    """Crisis level of one user message from the rules alone: NONE, DISCLOSURE, DANGER or
    SELF_HARM (never CHECK, which callers written before it do not know). Never raises.

    New callers should use bot.safety.crisis.CrisisDetector.assess, which adds the semantic
    layer, the conversation context, the medical flag and the language."""
    level = rules(text).level
    return CrisisLevel.NONE if level is CrisisLevel.CHECK else level


def explain(text: str, *, gated: bool | None = None) -> tuple[CrisisLevel, tuple[str, ...]]:
    """Level and the names of every matching pattern group, for tests and debugging.

    gated=True runs only the rules the prefilter (or, where it cannot scan, the anchors) allows:
    the path long texts take. False runs every regex; tests compare the two to check that the
    gate never hides a match."""
    result = _rules(text, gated=gated, find_all=True)
    return result.level, result.signals


_FALLBACK_DANGER: Final = ("kill me", "outside my door", "has a knife", "has a gun", "hurt me")
_FALLBACK_SELF_HARM: Final = ("suicid", "kill myself", "want to die", "end my life", "kms")


def _fallback(text: object) -> CrisisLevel:
    """Crude substring check, used only if normalisation or matching ever fails."""
    try:
        low = str(text).lower()
        if any(k in low for k in _FALLBACK_DANGER):
            return CrisisLevel.DANGER
        if any(k in low for k in _FALLBACK_SELF_HARM):
            return CrisisLevel.SELF_HARM
    except Exception:
        return CrisisLevel.NONE
    return CrisisLevel.NONE
