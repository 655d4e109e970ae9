"""Crisis assessment: the rules, the semantic layer, the recent conversation and the language.

    detector = CrisisDetector()             # once per application; weights load on first use
    a = detector.assess(text, chat_id=chat.id)
    a.level     # CrisisLevel: NONE, DISCLOSURE, CHECK, SELF_HARM or DANGER
    a.medical   # an overdose or poison already taken: lead with the emergency number
    a.language  # "en", "es", or the code of a language the bot cannot read

Levels, most serious first:
- DANGER, SELF_HARM, DISCLOSURE come from the rules (detector.py: precise, English and Spanish).
- DISCLOSURE also comes from the semantic layer when the rules found nothing and the message is
  close to the labelled disclosures but not to danger or self-harm.
- CHECK: the rules found no danger or self-harm, but the semantic layer (semantic.py) finds the
  message close to the labelled danger or self-harm examples, or the rules saw a threat-like
  figure of speech ("my boss will kill me if i'm late"). The bot asks "are you safe right now?".
- medical=True comes with SELF_HARM (or DANGER): "i took a bunch of pills", "me tome todas las
  pastillas".

Context: for each chat the last MAX_MESSAGES texts within MAX_AGE seconds are kept in memory
only (never stored, never logged), in normalised form and as token ids, and only their last
1,000 normalised characters and 96 tokens (the part that can combine with what follows).
The latest message is scored alone and joined with the recent ones. The joined result is taken
only when it is more serious than the latest message alone and
(a) the combination says something no message said alone: the rules on the joined text reach
    a level no earlier message reached by itself ("i took the day off" + "and all the pills in
    the drawer"), or the semantic score of the joined text is at the threshold and clearly
    (JOIN_MARGIN) above the score of every message alone, none of which was asked about; or
(b) the latest message carries a sign of its own (a rule, fear or a plea; a semantic flag
    alone is not one): "he's coming home" then "i'm so scared".
A message that is plainly calm in itself ("going to lunch", "they were kind", "my vitamins i
mean") therefore never inherits an alarming earlier message, and a plain "ok, thanks" after a
crisis message does not repeat the crisis reply. After a full crisis level (danger, self-harm)
alone, the context is not consulted: nothing is more urgent.

The language never hides a crisis: rules and the semantic layer run on every message first.
Nothing here raises: on an internal error the rules' level alone is returned.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from bot.safety import patterns
from bot.safety.detector import (
    SEVERITY,
    CrisisLevel,
    RuleResult,
    is_command,
    normalize_both,
    rules,
    rules_on,
)
from bot.safety.language import ENGLISH, SPANISH, LanguageIdentifier, identify
from bot.safety.prefilter import PREFILTER
from bot.safety.semantic import WINDOW, SemanticModel, SemanticScore

log = logging.getLogger(__name__)

MAX_MESSAGES: Final = 3  # the latest and the two before it
MAX_AGE: Final = 600.0  # seconds
MAX_CHATS: Final = 10_000  # the least recently active chats are forgotten beyond this
# How much of a message takes part in the joined text: the tail of an earlier message and the
# head of the latest (normalised characters, tokens). Short messages take part whole.
_JOIN_CHARS: Final = 1_000
_JOIN_TOKENS: Final = 2 * WINDOW
_FULL: Final = frozenset({CrisisLevel.DANGER, CrisisLevel.SELF_HARM})
MIN_SEMANTIC_WORDS: Final = 3
# A word of normalised text (letters and digits) with a letter in it.
_LETTER_WORDS: Final = re.compile(r"(?<![a-z0-9])[0-9]*[a-z]")
# How far above every message alone the joined text must score to count as a new sign.
JOIN_MARGIN: Final = 0.1


@dataclass(frozen=True, slots=True)
class Assessment:
    level: CrisisLevel
    medical: bool = False
    language: str = ENGLISH


@dataclass(frozen=True, slots=True)
class _Scored:
    """One text's result, and what the context needs to join it with later messages."""

    level: CrisisLevel
    medical: bool
    spanish: bool
    alarm: float  # semantic P(danger) + P(self_harm), 0 when not computed
    t_en: str
    t_es: str
    ids: tuple[int, ...]
    found: CrisisLevel = CrisisLevel.NONE  # the rules' level alone


@dataclass(frozen=True, slots=True)
class _Remembered:
    at: float
    level: CrisisLevel
    t_en: str
    t_es: str
    ids: tuple[int, ...]
    found: CrisisLevel = CrisisLevel.NONE  # the rules' level alone
    alarm: float = 0.0


class RecentMessages:
    """The last few messages of each chat, in memory only, forgotten after max_age seconds.

    Holds normalised text and token ids, never the raw message, and never writes or logs them.
    Thread-safe."""

    def __init__(
        self,
        max_messages: int = MAX_MESSAGES,
        max_age: float = MAX_AGE,
        max_chats: int = MAX_CHATS,
    ) -> None:
        self.max_messages = max_messages
        self.max_age = max_age
        self.max_chats = max_chats
        self._chats: OrderedDict[int, deque[_Remembered]] = OrderedDict()
        self._lock = threading.Lock()

    def recent(self, chat_id: int, now: float) -> list[_Remembered]:
        """The chat's messages still within max_age, oldest first (the latest not yet added)."""
        with self._lock:
            entries = self._chats.get(chat_id)
            if not entries:
                return []
            while entries and now - entries[0].at > self.max_age:
                entries.popleft()
            if not entries:
                del self._chats[chat_id]
                return []
            return list(entries)[-(self.max_messages - 1) :] if self.max_messages > 1 else []

    def add(self, chat_id: int, entry: _Remembered) -> None:
        with self._lock:
            entries = self._chats.get(chat_id)
            if entries is None:
                entries = self._chats[chat_id] = deque(maxlen=self.max_messages)
            entries.append(entry)
            self._chats.move_to_end(chat_id)
            while len(self._chats) > self.max_chats:
                self._chats.popitem(last=False)

    def forget(self, chat_id: int) -> None:
        with self._lock:
            self._chats.pop(chat_id, None)

    def clear(self) -> None:
        with self._lock:
            self._chats.clear()

    def __len__(self) -> int:
        with self._lock:
            return sum(len(entries) for entries in self._chats.values())

    def chats(self) -> int:
        with self._lock:
            return len(self._chats)


class CrisisDetector:
    """Rules + semantic layer + recent context + language. Construct once per application:
    construction is cheap; the embedding table and classifier load on the first assessment
    (or on warm_up), once, under a lock. If they cannot be loaded the rules still run."""

    def __init__(
        self,
        *,
        semantic: bool = True,
        context: RecentMessages | None = None,
        languages: LanguageIdentifier | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.context = context if context is not None else RecentMessages()
        self._use_semantic = semantic
        self._languages = languages or LanguageIdentifier()
        self._clock = clock
        self._model: SemanticModel | None = None
        self._model_failed = False
        self._lock = threading.Lock()

    # --- loading ------------------------------------------------------------------------

    def warm_up(self, *, language: bool = False) -> None:
        """Load the semantic model now (about 0.1 s); language=True also loads the language
        identifier (about 0.9 s more), otherwise it loads when first needed."""
        self._semantic()
        PREFILTER.warm()  # the rules' RE2 screens (about 0.3 s to compile)
        if not PREFILTER.enabled:  # every short text then runs the groups' combined regexes
            patterns.compile_all()
        if language:
            self._languages.load()

    def _semantic(self) -> SemanticModel | None:
        if self._model is not None or self._model_failed or not self._use_semantic:
            return self._model
        with self._lock:
            if self._model is None and not self._model_failed:
                try:
                    self._model = _shared_model()
                except Exception as exc:  # rules keep working without it
                    self._model_failed = True
                    log.warning("semantic layer unavailable (%s): rules only", type(exc).__name__)
        return self._model

    @property
    def semantic_loaded(self) -> bool:
        return self._model is not None

    # --- scoring ------------------------------------------------------------------------

    def _score(
        self,
        t_en: str,
        t_es: str,
        tokens: list[list[int]] | tuple[int, ...],
        found: RuleResult,
        spanish: bool = False,
    ) -> _Scored:
        """tokens: a message's sentences (lists of ids), or a joined run of ids (a tuple).
        spanish: the message is in Spanish (the semantic layer has a threshold for it)."""
        level = found.level
        alarm = 0.0
        model = self._semantic()
        ids = tokens if isinstance(tokens, tuple) else tuple(i for s in tokens for i in s)
        # One or two words ("thanks", "ok cool") say too little for the embedding: the rules
        # alone judge them ("help", "sos" and the like are rules).
        # Only words count: "2027 01 01" is no sentence to judge by meaning.
        if model is not None and level not in _FULL and _enough_words(t_en):
            score: SemanticScore = (
                model.score_ids(list(tokens), spanish=spanish)
                if isinstance(tokens, tuple)
                else model.score_sentences(tokens, spanish=spanish)
            )
            alarm = score.alarm
            if score.flagged and SEVERITY[level] < SEVERITY[CrisisLevel.CHECK]:
                level = CrisisLevel.CHECK
            elif score.told and level is CrisisLevel.NONE:
                level = CrisisLevel.DISCLOSURE  # told in words the rules do not know
        return _Scored(level, found.medical, found.spanish, alarm, t_en, t_es, ids, found.level)

    def _alone(self, text: str) -> tuple[_Scored, str]:
        """The message scored by itself, and its language."""
        model = self._semantic()
        sentences = model.embedder.sentence_ids(text) if model else []
        t_en, t_es = normalize_both(text)
        found = RuleResult(CrisisLevel.NONE) if is_command(text) else rules_on(t_en, t_es)
        language = identify(text, spanish_hint=found.spanish, identifier=self._languages)
        return self._score(t_en, t_es, sentences, found, language == SPANISH), language

    @staticmethod
    def _own_signal(scored: _Scored) -> bool:
        """Does the latest message carry a sign of its own (a rule, fear or a plea)? Without
        one it cannot inherit an earlier crisis. A semantic flag alone is not enough: on a
        short fragment ("the big red one, on holiday w my sister") it is too often noise, and
        the message gets its own check anyway."""
        if scored.found is not CrisisLevel.NONE:
            return True
        return bool(patterns.FEAR.search(scored.t_en) or patterns.PLEA.search(scored.t_en))

    def _says_more(self, joined: _Scored, alone: _Scored, earlier: list[_Remembered]) -> bool:
        """Is the joined result (more serious than the latest message alone) to be taken?"""
        if self._own_signal(alone):
            return True
        if SEVERITY[joined.found] > SEVERITY[alone.level]:
            # From the rules: only when no earlier message reached that level by itself.
            return all(SEVERITY[joined.found] > SEVERITY[e.found] for e in earlier)
        # From the semantic layer: clearly above every message alone, none of them asked about,
        # and the latest a sentence of its own: short answers to the bot's questions ("20:15",
        # "London", "27 December") must not add up to an alarm.
        model = self._model
        return (
            model is not None
            and _enough_words(alone.t_en)
            and all(SEVERITY[e.level] < SEVERITY[CrisisLevel.CHECK] for e in earlier)
            and joined.alarm >= max([alone.alarm] + [e.alarm for e in earlier]) + JOIN_MARGIN
        )

    def assess(
        self, text: str, *, chat_id: int | None = None, now: float | None = None
    ) -> Assessment:
        """Assessment of the latest message of a chat (chat_id None: this text alone)."""
        try:
            return self._assess(text, chat_id, self._clock() if now is None else now)
        except Exception as exc:  # never let a bug swallow the crisis reply
            log.error(  # noqa: TRY400 - no traceback: it could quote the text
                "crisis assessment failed (%s): rules only", type(exc).__name__
            )
            found = rules(text if isinstance(text, str) else "")
            return Assessment(found.level, found.medical, ENGLISH)

    def _assess(self, text: str, chat_id: int | None, now: float) -> Assessment:
        if not isinstance(text, str) or not text.strip():
            return Assessment(CrisisLevel.NONE)
        alone, language = self._alone(text)
        spanish = language == SPANISH
        result = alone
        if chat_id is not None:
            earlier = self.context.recent(chat_id, now)
            if earlier and alone.level not in _FULL:  # nothing is more urgent than a full crisis
                # Each message already had its own score: the joined text only needs what
                # lies near the joints (the tails of earlier messages, the head of this one).
                t_en = " ".join([e.t_en for e in earlier] + [alone.t_en[:_JOIN_CHARS]])
                t_es = " ".join([e.t_es for e in earlier] + [alone.t_es[:_JOIN_CHARS]])
                ids = tuple(i for e in earlier for i in e.ids) + alone.ids[:_JOIN_TOKENS]
                joined = self._score(t_en, t_es, ids, rules_on(t_en, t_es), spanish)
                if SEVERITY[joined.level] > SEVERITY[alone.level] and self._says_more(
                    joined, alone, earlier
                ):
                    result = joined
            self.context.add(
                chat_id,
                _Remembered(
                    now,
                    alone.level,
                    alone.t_en[-_JOIN_CHARS:],
                    alone.t_es[-_JOIN_CHARS:],
                    alone.ids[-_JOIN_TOKENS:],
                    alone.found,
                    alone.alarm,
                ),
            )
        medical = alone.medical or (result is not alone and result.medical)
        return Assessment(result.level, medical, language)

    def forget(self, chat_id: int) -> None:
        """Drop what is remembered of a chat (e.g. after /stop or a crisis reply)."""
        self.context.forget(chat_id)


def _enough_words(text: str) -> bool:
    """At least MIN_SEMANTIC_WORDS words with letters in them: "2027 01 01" is no sentence to
    judge by meaning. (Counts only that far: a 4,096-character text is not walked through.)"""
    found = _LETTER_WORDS.finditer(text)
    return all(next(found, None) is not None for _ in range(MIN_SEMANTIC_WORDS))


@functools.cache
def _shared_model() -> SemanticModel:
    """The embeddings and classifier are read-only: one copy per process, for every detector
    (each application keeps its own context)."""
    return SemanticModel.load()


_default: CrisisDetector | None = None
_default_lock = threading.Lock()


def default_detector() -> CrisisDetector:
    """One detector for the process, created on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = CrisisDetector()
    return _default


def assess(text: str, *, chat_id: int | None = None, now: float | None = None) -> Assessment:
    """`default_detector().assess(...)`."""
    return default_detector().assess(text, chat_id=chat_id, now=now)
