"""Daily notes and topics: no near-duplicate notes, a safety plan wherever silence is
suggested, and lock-screen-safe opening lines on everything the bot sends unprompted."""

import itertools
import re

from bot.content import Content

# Word 3-gram shingles: two notes that share whole phrases (a copied sentence, a lightly
# reworded copy) score high; notes that merely share a theme score low. On the notes as they
# stood before this test, only pairs that shared sentences scored above 0.10 (the safety
# check-ins e46 and s06: 0.17; the "craving is chemistry" notes g15 and e02: 0.13); every
# other pair, theme-level repeats included, scored 0.085 or less. After the clean-up the
# closest pair scores under 0.05, so 0.10 flags copy-level reuse with room for a shared stock
# phrase. Shingles cannot see a paraphrase in new words (the two colour games scored 0.0), so
# that stays a job for review.
SHINGLE_SIZE = 3
MAX_SHINGLE_JACCARD = 0.10

# The one wording every text uses when it suggests blocking, ignoring or not replying.
SAFETY_PLAN = "make a safety plan first"
SUGGESTS_SILENCE = re.compile(
    r"\bblock(?:s|ing)?\b|\bignor(?:e|es|ing)\b|\bno[- ]contact\b|\bunanswered\b"
    r"|\b(?:don't|do not|doesn't|does not|never) (?:have to |need to )?(?:answer|reply|respond)\b"
    r"|\bnot (?:replying|answering|responding)\b|\bstop (?:replying|answering|responding)\b"
    r"|\bsilence is\b",
    re.I,
)

# Lock screens show the opening of a message; the bot's own neutral opener comes first, then
# the note. Its first three lines must not say what the note is about: no abuse or recovery
# words, no day counts, nothing about going back or how the other person might react.
_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|thirty|sixty|ninety)"
LOCK_SCREEN_UNSAFE = re.compile(
    r"\b(?:"
    # abuse, the relationship and the people in it
    r"abus\w*|trauma\w*|bond(?:s|ed|ing)?|violen\w*|harsh\w*|hurt\w*|harm\w*|danger\w*|unsafe"
    r"|toxic|manipulat\w*|gaslight\w*|hoover\w*|narciss\w*|control\w*|cycle|threat\w*"
    r"|ex|partner|husband|wife|boyfriend|girlfriend|the other person|relationships?"
    # leaving, contact and going back
    r"|no[- ]contact|contact\w*|block\w*|unfollow\w*|leav(?:e|es|ing)|left (?:him|her|them)"
    r"|went back|go(?:ing)? back to|gone back|reach(?:ed|ing)? (?:back|out)|step(?:ped|ping)? back"
    r"|distance|escap\w*|break-?up|divorce|court|police|emergenc\w*|safety(?: plan)?"
    # recovery and help
    r"|relaps\w*|slip(?:s|ped)?|recover\w*|heal(?:s|ed|ing|er)?|withdrawal|crav\w*|addict\w*|urges?"
    r"|therap\w*|counsell?\w*|hotline|helpline|grie(?:f|ve|ving)|guilt\w*|shame\w*|blame\w*"
    # day counts
    r"|streak|milestone\w*|(?:your|the|this|today'?s) count|first (?:days|weeks)"
    rf"|{_NUMBER} (?:full )?(?:days?|weeks?|months?|years?)|day \d+"
    r")\b"
    r"|\{days\}|\{total\}",
    re.I,
)


def daily_notes(content: Content) -> list[tuple[str, str]]:
    daily = content.daily
    notes = [(e.id, e.text) for e in daily.grounding + daily.after_slip]
    notes += [(e.id, e.text) for stage in daily.encouragement.values() for e in stage]
    notes += [(f"m{day}", text) for day, text in daily.milestones.items()]
    return notes


def topic_texts(content: Content) -> list[tuple[str, str]]:
    texts = []
    for topic in content.topics.values():
        texts += [(f"{topic.id}:short", topic.short), (f"{topic.id}:more", topic.more)]
    return texts


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text).replace("\u2019", "'")


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[tuple[str, ...]]:
    # The safety-plan sentence is required wording, repeated on purpose: it is left out.
    sentences = re.split(r"(?<=[.!?;:])\s+", _plain(text).lower())
    kept = " ".join(s for s in sentences if SAFETY_PLAN not in s)
    words = re.findall(r"[a-z']+", re.sub(r"\{\w+\}", " ", kept))
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def most_similar(content: Content) -> list[tuple[float, str, str]]:
    sets = [(key, shingles(text)) for key, text in daily_notes(content)]
    pairs = [(jaccard(a, b), ka, kb) for (ka, a), (kb, b) in itertools.combinations(sets, 2)]
    return sorted(pairs, reverse=True)


def test_no_near_duplicate_daily_notes(content: Content) -> None:
    too_close = [p for p in most_similar(content) if p[0] > MAX_SHINGLE_JACCARD]
    assert not too_close, too_close


def test_shingles_catch_a_reworded_copy() -> None:
    note = (
        "Let's plan for the next hard moment.\n"
        "Think of when things feel heaviest: evenings, weekends, after a long call. "
        "Choose one thing you'll do instead, like calling a friend or going out for a walk."
    )
    copy = note.replace("Let's plan", "Time to plan").replace("a long call", "a hard day")
    assert jaccard(shingles(note), shingles(copy)) > MAX_SHINGLE_JACCARD
    other = "Feet on the floor.\nPress both feet down and notice your heels and toes."
    assert jaccard(shingles(note), shingles(other)) < MAX_SHINGLE_JACCARD


def test_silence_always_comes_with_a_safety_plan(content: Content) -> None:
    missing = [
        where
        for where, text in daily_notes(content) + topic_texts(content)
        if SUGGESTS_SILENCE.search(_plain(text)) and SAFETY_PLAN not in _plain(text).lower()
    ]
    assert not missing, missing


def test_silence_pattern_knows_the_usual_wordings() -> None:
    for text in (
        "You don't have to answer.",
        "Mute, archive or block.",
        "You can stop replying at any point.",
        "Silence is a complete reply.",
        "Going no contact",
    ):
        assert SUGGESTS_SILENCE.search(text), text
    assert not SUGGESTS_SILENCE.search("There is no wrong answer.")


def test_lock_screen_lines_are_neutral(content: Content) -> None:
    unsafe = []
    for key, text in daily_notes(content):
        head = [line for line in _plain(text).splitlines() if line.strip()][:3]
        found = LOCK_SCREEN_UNSAFE.search("\n".join(head))
        if found:
            unsafe.append((key, found.group(0)))
    assert not unsafe, unsafe


def test_lock_screen_pattern_catches_counts_and_recovery_words() -> None:
    for line in ("Day {days}.", "One week.", "Thirty days.", "If you went back", "withdrawal"):
        assert LOCK_SCREEN_UNSAFE.search(line), line
    for line in ("Feet on the floor.", "A slow count of four.", "Something for this evening."):
        assert not LOCK_SCREEN_UNSAFE.search(line), line
