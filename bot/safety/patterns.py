"""Word lists and regular expressions for the crisis detector (see detector.py).

The patterns run on *normalised* text (detector.normalize): lowercase ASCII letters, digits and
single spaces; apostrophes joined ("he's" -> "hes"); contractions and chat spellings expanded
("hes" -> "he is", "wanna" -> "want to", "rn" -> "right now"); every run of one repeated letter
folded to a single letter ("kill" -> "kil", "killlll" -> "kil", "pleeease" -> "please").

Patterns are written in plain English and compiled by `_rx`, which folds doubled letters the
same way, so "kill" in a pattern also matches "kil" and "killlll" in a message. `<NAME>` in a
pattern is replaced by the macro NAME (a word list compiled to a trie, or a regex fragment).

Each `Rule` has *anchors*: substrings at least one of which is part of every text the rule can
match. A rule whose anchors are all absent is skipped without running its regex, which keeps a
typical message well under a millisecond. Texts up to GATE_FROM_CHARS (detector.py) skip
the anchors and run one combined regex per group. When you add an alternative to a rule, make
sure its anchors cover it: tests/safety/test_detector.py checks gated == ungated on every
labelled item and samples random strings from each regex to check the anchors.

Rules for editing:
- Only bounded gaps (`(?: \\w+){0,4}`), never `.*`: every pattern must stay linear on 100k chars.
- Lookbehinds must be fixed width: use one `(?<!...)` per alternative.
- After `\\w*` or `[a-z]*` put `\\b` before a negative lookahead, or backtracking defeats it.
- When a pattern is risky for a figure of speech, exclude the figure with a lookahead next to it
  and add the figure to tests/safety/crisis_phrases.yaml as a `none` item.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final

# fmt: off
# (Word lists and patterns below are data, laid out by hand for reading.)

_RUNS: Final = re.compile(r"([a-z])\1+")
_PATTERN_RUNS: Final = re.compile(r"(?<!\\)([a-z])\1+")
_MACRO: Final = re.compile(r"<([A-Z_]+)>")
_PLAIN: Final = re.compile(r"[a-z0-9 ]+")


def fold(text: str) -> str:
    """Fold every run of one repeated letter to a single letter ("kill" -> "kil")."""
    return _RUNS.sub(r"\1", text)


_Node = dict[str, "_Node"]


def _trie(words: Iterable[str]) -> str:
    """A regex matching any of the plain words, built as a trie (one branch per first letter):
    much faster for the regex engine than a flat list of a hundred alternatives."""
    root: _Node = {}
    for word in words:
        if not _PLAIN.fullmatch(word):
            raise ValueError(f"word lists hold plain words only: {word!r}")
        node = root
        for char in fold(word):
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Node) -> str:
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(root) + ")"


# =============================================================================================
# Word lists, by category. Plain words only (letters, digits, spaces); written unfolded.
# =============================================================================================

WORDS: Final[dict[str, tuple[str, ...]]] = {
    # Relationship nouns that can stand alone as the subject ("dad hit me", "boss yells").
    "REL": (
        "partner", "husband", "hubby", "wife", "boyfriend", "girlfriend", "ex", "ex husband",
        "ex wife", "ex boyfriend", "ex girlfriend", "ex partner", "fiance", "fiancee", "spouse",
        "dad", "daddy", "father", "stepdad", "stepfather", "step dad", "step father", "mom",
        "mommy", "mum", "mummy", "mother", "stepmom", "stepmum", "stepmother", "step mom",
        "step mum", "parents", "brother", "sister", "stepbrother", "uncle", "aunt", "auntie",
        "grandpa", "grandfather", "grandma", "grandmother", "cousin", "boss", "manager",
        "supervisor", "leader", "pastor", "priest", "coach", "landlord", "roommate", "flatmate",
        "housemate", "abuser", "stalker", "attacker", "rapist", "baby daddy", "baby mama",
        "mother in law", "father in law", "brother in law", "sister in law", "stepson", "son",
    ),
    # Nouns that name a person only after "my/the/his/her" ("my man", "the guy"): "man, this
    # traffic is killing me" must not get a subject.
    "DREL_EXTRA": (
        "man", "guy", "family", "lover", "other half", "date", "teacher", "coworker",
        "co worker", "colleague", "neighbor", "neighbour", "guru", "master", "mentor", "elder",
        "trainer", "in laws", "daughter", "son in law", "group leader", "cult leader", "captor",
    ),
    # Subject pronouns and vague people.
    "PRONOUN": (
        "he", "she", "they", "someone", "somebody", "some guy", "a guy", "a man", "this guy",
        "that guy", "some man", "a stranger",
        # "he'll", "she'd" arrive as "hel", "shed": the subject of "he'll burn the place down".
        "hel", "shel", "theyl", "hed", "shed", "theyd",
    ),
    # People a threat or an act can be aimed at ("my kids", "the dog").
    "VICTIM": (
        "kids", "kid", "children", "child", "son", "sons", "daughter", "daughters", "baby",
        "babies", "family", "mom", "mum", "mother", "dad", "father", "sister", "brother", "dog",
        "cat", "pet", "pets", "parents", "friend", "friends", "boyfriend", "girlfriend", "wife",
        "husband", "partner", "little one", "toddler", "puppy", "siblings", "grandma",
    ),
    # Places to be "following me on": online following is not stalking at the door.
    "ONLINE": (
        "instagram", "insta", "ig", "social media", "socials", "social", "twitter", "x",
        "tiktok", "facebook", "fb", "snapchat", "snap", "youtube", "spotify", "linkedin",
        "threads", "online", "the internet", "whatsapp", "telegram", "reddit", "strava",
        "bluesky", "twitch", "here",
    ),
    # Lethal harm, base form ("he'll kill me", "she's going to strangle me").
    "KILL": (
        "kill", "murder", "stab", "shoot", "strangle", "choke", "smother", "suffocate",
        "drown", "poison", "unalive", "end", "slaughter", "run over", "throttle",
    ),
    # Harm whose base form is also its past tense ("he will hurt me" vs "he hurt me"): a
    # danger only with an explicit future ("will", "is going to", "might").
    "HARM": (
        "hurt", "hit", "beat", "beat up", "punch", "kick", "slap", "rape", "attack", "harm",
        "find", "hunt down", "track down", "break", "cut", "choke", "burn", "throw", "drag",
        "do something to", "come after", "get rid of", "take it out on", "lay hands on",
        "put hands on", "put his hands on", "put her hands on", "smash", "kidnap", "drop",
        "shake", "run over", "run off the road",
    ),
    # Violence in progress ("he is hitting me").
    "ATTACKING": (
        "hitting", "beating", "choking", "strangling", "punching", "kicking", "hurting",
        "attacking", "stabbing", "shooting", "raping", "dragging", "throttling", "smothering",
        "suffocating", "killing", "slapping", "grabbing", "shoving", "pushing", "burning",
        "biting", "whipping", "threatening", "torturing", "assaulting", "headbutting",
        "kneeing", "spitting on", "holding a knife to", "holding a gun to", "forcing himself on",
        "forcing herself on", "touching", "groping", "molesting",
    ),
    # Violence just done ("he just hit me", "she slapped me an hour ago").
    "ATTACKED": (
        "hit", "punched", "slapped", "kicked", "choked", "strangled", "attacked", "stabbed",
        "shoved", "pushed", "beat", "beat up", "hurt", "raped", "grabbed", "bit", "burned",
        "headbutted", "threatened", "cut", "shot", "smashed", "broke", "tried to", "kneed",
        "spat on", "dragged", "pinned", "threw", "rammed", "ran me of the road", "ran over",
        "crashed into", "drove into",
    ),
    "WEAPON": (
        "knife", "knives", "gun", "guns", "pistol", "handgun", "rifle", "shotgun", "firearm",
        "revolver", "weapon", "weapons", "blade", "machete", "axe", "ax", "hammer",
        "baseball bat", "bat", "crowbar", "screwdriver", "scissors", "taser", "tazer",
        "pepper spray", "razor", "box cutter", "boxcutter", "broken bottle", "rope", "cord",
        "chain", "belt", "tire iron", "golf club", "hatchet", "cleaver",
    ),
    # Verbs that carry a weapon ("he has a knife", "she grabbed a knife", "he's with a gun").
    "ARMED": (
        "has", "had", "got", "gets", "get", "holding", "held", "grabbed", "grabbing", "grabs",
        "grab", "pulled", "pulls", "pulling", "pulled out", "took out", "takes out",
        "taking out", "waving", "waved", "pointing", "pointed", "brandishing", "brandished",
        "carrying", "carries", "bought", "buying", "showed me", "showing me", "sharpening",
        "loading", "loaded", "cleaning",
        "loading", "loaded", "cleaning", "came at me with", "coming at me with",
        "threatened me with", "threatening me with", "threatens me with", "threatened us with",
        "chased me with", "chasing me with", "with", "owns", "hiding", "hid", "put",
        "pressed", "pressing", "keeps", "kept", "went for", "reached for", "reaching for",
        "went to get", "getting", "looking for", "is holding", "is waving", "is pointing",
        # a weapon shown or mentioned is a lethality sign too
        "showed", "shows", "mentioned", "mentions", "talks about", "talked about",
        "talking about", "reminds me of", "reminded me of", "reminds me about",
        "reminded me about", "told me about", "brought up", "brings up", "sleeps with",
        "slept with", "left out", "leaves out", "cleans", "sharpens", "sharpened",
    ),
    # Words of wanting, before "to die" ("i want to die", "i'm ready to die").
    "WANTDIE": (
        "want", "wnat", "wamt", "wan", "wanted", "wanting", "would like", "d like", "like",
        "wish", "wished", "wishing", "hope", "hoping", "ready", "prepared", "deserve",
        "deserved", "need", "plan", "planning", "tempted", "decided", "long", "longing",
        "yearn", "yearning", "pray", "praying", "begging god", "asking god", "choose",
        "would rather", "just want",
    ),
    # Words of intent: fine before "end my life" but not before "die" ("my battery is about
    # to die", "we're all going to die someday").
    "INTEND": (
        "going", "gona", "about", "trying", "try", "tried", "attempt", "attempted", "plan",
        "planning", "ready", "decided", "want", "wana", "need", "wish", "hope", "hoping",
    ),
    "MYSELF": (
        "myself", "my self", "meself", "me self", "mysef", "myslef", "mself", "myselfe",
        "my selfe", "myseld",
    ),
    "PILLS": (
        "pills", "pill", "meds", "medication", "medications", "tablets", "painkillers",
        "pain killers", "antidepressants", "paracetamol", "tylenol", "advil", "ibuprofen",
        "xanax", "benzos", "insulin", "oxy", "opioids", "percs", "valium", "sleeping pills",
        "prescription", "prescriptions", "lithium", "seroquel", "zoloft", "prozac",
        "melatonin", "ambien", "anything i can find", "all of them", "sleeping tablets",
        # common drug names (an overdose is named by the drug as often as by "pills")
        "sertraline", "citalopram", "escitalopram", "fluoxetine", "amitriptyline",
        "quetiapine", "lorazepam", "clonazepam", "diazepam", "codeine", "tramadol", "morphine",
        "oxycodone", "oxycontin", "fentanyl", "aspirin", "acetaminophen", "panadol", "nurofen",
        "co codamol", "cocodamol", "benadryl", "diphenhydramine", "antihistamines",
        "propranolol", "lamotrigine", "venlafaxine", "mirtazapine", "trazodone", "gabapentin",
        "pregabalin", "heart pills", "blood pressure pills", "sleeping meds", "sleep meds",
        "painkiller", "antipsychotics", "beta blockers", "sleeping pill",
    ),
    # Disclosed acts that need no particular subject ("my dad used to beat me").
    "ABUSE_VERB": (
        "beat", "beats", "beating", "beaten", "punch", "punched", "punches", "punching", "slap",
        "slapped", "slaps", "slapping", "kick", "kicked", "kicks", "kicking", "choke", "choked",
        "chokes", "choking", "strangle", "strangled", "strangles", "strangling", "throttled",
        "throttles", "shove", "shoved", "shoves", "shoving", "push", "pushed", "pushes",
        "pushing", "smack", "smacked", "smacks", "smacking", "spat on", "spit on", "spits on",
        "spitting on", "bit", "bites", "biting", "burned", "burnt", "burns", "dragged", "drags",
        "dragging", "grabbed", "grabs", "grabbing", "restrained", "restrains", "pinned", "pins",
        "pinning", "whipped", "whips", "belted", "abuse", "abused", "abuses", "abusing",
        "assault", "assaulted", "assaults", "assaulting", "rape", "raped", "rapes", "raping",
        "molest", "molested", "molests", "molesting", "attacked", "attacks", "attacking",
        "bully", "bullies", "bullied", "bullying", "stalk", "stalks", "stalked", "harass",
        "harasses", "harassed", "harassing", "isolate", "isolates", "isolated", "isolating",
        "gaslight", "gaslights", "gaslighted", "gaslighting", "gaslit", "humiliate",
        "humiliates", "humiliated", "humiliating", "belittle", "belittles", "belittled",
        "belittling", "insult", "insults", "insulted", "insulting", "degrade", "degrades",
        "degraded", "degrading", "blackmail", "blackmails", "blackmailed", "blackmailing",
        "manipulate", "manipulates", "manipulated", "manipulating", "punish", "punishes",
        "punished", "punishing", "threaten", "threatens", "threatened", "threatening",
        "terrorise", "terrorises", "terrorised", "terrorize", "terrorizes", "terrorized",
        "intimidate", "intimidates", "intimidated", "torment", "torments", "tormented",
        "groped", "gropes", "groping", "locked", "locks", "lock", "locking", "slammed", "slams", "shook",
        "shakes", "headbutted", "starved", "starves", "tortured", "tortures", "beat up",
        "beats up", "controls", "controlled", "controlling", "stalking", "kneed", "choked out",
        "burn", "bite", "drag", "grab", "pin", "whip", "shake", "slam", "starve", "torture",
        "corner", "corners", "cornered", "cornering", "pinch", "pinches", "pinched", "twisted",
        "headbutts", "tripped", "trips", "smothered", "suffocated", "poisoned", "drugged",
        "drugs", "spiked",
    ),
    # Told-about abuse: "i was abused", "i've been stalked".
    "ABUSED": (
        "abused", "raped", "molested", "assaulted", "groomed", "trafficked", "bullied",
        "harassed", "stalked", "beaten", "battered", "choked", "strangled", "threatened",
        "manipulated", "gaslit", "gaslighted", "isolated", "controlled", "exploited",
        "neglected", "sexually abused", "physically abused", "emotionally abused",
        "hit by him", "hit by her", "hit by my",
    ),
    # How someone who harms is described ("he's abusive", "my dad gets violent").
    "ABUSIVE": (
        "abusive", "violent", "controlling", "aggressive", "physical with me", "dangerous",
        "cruel", "scary", "terrifying", "psychologically abusive", "emotionally abusive",
        "physically abusive", "verbally abusive", "sexually abusive", "financially abusive",
    ),
    # Insults someone calls the user ("he calls me worthless").
    "INSULT": (
        "names", "stupid", "worthless", "fat", "ugly", "useless", "pathetic", "crazy", "insane",
        "psycho", "a psycho", "mental", "hysterical", "a whore", "whore", "a slut", "slut",
        "a bitch", "bitch", "an idiot", "idiot", "a loser", "loser", "lazy", "dumb", "retarded",
        "a retard", "disgusting", "a failure", "failure", "a bad mother", "a bad mom",
        "a bad mum", "a bad father", "a bad dad", "a bad wife", "a bad husband",
        "a bad parent", "a bad person", "a burden", "trash", "garbage", "a pig", "pig", "a cow",
        "cow", "too sensitive", "dramatic", "a liar", "liar", "nothing", "a nobody", "a cunt",
        "cunt", "the c word", "the n word", "horrible names", "awful names", "nasty names",
        "terrible names", "a waste", "a waste of space", "an embarrassment", "a disgrace",
        "a joke", "unlovable", "a mess", "a freak", "a nutcase", "a slag",
    ),
    # Things an angry person is ("he's drunk", "she's in a rage").
    "RAGE": (
        "drunk", "wasted", "high", "raging", "furious", "livid", "fuming", "losing it",
        "lost it", "pissed", "angry", "mad", "enraged", "out of control", "in a rage",
        "screaming", "yelling", "shouting", "going crazy", "going nuts", "going psycho",
        "on a rampage", "aggressive", "violent", "off his head", "off her head", "off his face",
        "off her face", "smashing things", "throwing things", "punching walls", "drinking",
        "been drinking", "using again", "on something",
        "punching the wall", "kicking off", "going off",
    ),
}


def words(name: str) -> tuple[str, ...]:
    return WORDS[name]


# =============================================================================================
# Macros: regex fragments shared by many patterns.
# =============================================================================================

_DET = "(?:my|the|our|his|her|their|your) (?:ex |former |old |new |step |own )?"

MACROS: Final[dict[str, str]] = {
    **{name: _trie(ws) for name, ws in WORDS.items()},
    # The other person: "he", "my husband", "the boss", "her ex", "someone".
    "PERSON": (
        rf"\b(?:{_DET}{_trie(WORDS['REL'] + WORDS['DREL_EXTRA'])}"
        rf"|{_trie(WORDS['PRONOUN'])}\b|{_trie(WORDS['REL'])}s?)"
    ),
    # The people a person in danger means by "he is on his way": a partner, an ex, a stalker.
    "INTIMATE": (
        rf"\b(?:he|she|they|{_DET}(?:ex|ex husband|ex wife|ex boyfriend|ex girlfriend"
        r"|ex partner|partner|husband|wife|boyfriend|girlfriend|abuser|stalker|baby daddy"
        r"|baby mama|fiance|fiancee|stepdad|stepfather|man|other half)|\bmy (?:ex|bf|gf))\b"
    ),
    # Whom a threat or an attack is aimed at.
    "OBJ": (
        r"(?:me|us|her|him|them|himself|herself|themselves|themself|both of us|al of us"
        r"|everyone|everybody|(?:my|the|our) (?:\w+ )?<VICTIM>)"
    ),
    # Object of a disclosed act ("hits me", "beat my mom", "hurts the kids").
    "OBJ_D": r"(?:me|us|(?:my|the|our) (?:\w+ )?<VICTIM>)",
    # Small words allowed between subject and verb in present-tense patterns.
    "AUX": (
        r"(?: (?:is|are|was|were|s|has|have|had|been|being|still|currently|now|right now"
        r"|literally|actually|really|just|already|again|also|probably|definitely|totally|all"
        r"|so|getting|got|not|even|right|standing|sitting|waiting|hanging|parked|lurking"
        r"|walking|pacing|driving|here|there|out|back)){0,3}"
    ),
    # Small words allowed in habitual or past disclosures ("my dad used to hit me").
    "AUX_D": (
        r"(?: (?:is|was|s|has|had|have|used to|use to|would|will|keeps|kept|started|starts"
        r"|always|never|sometimes|often|once|even|also|again|just|still|been|really"
        r"|actually|literally|physically|then|first|tried to|tries to|did|does|got|gets"
        r"|not|to|constantly|regularly|repeatedly|allegedly|basically)){0,3}"
    ),
    # "die" and its typos; "dye" only without an object ("i wanna dye", not "dye my hair").
    "DIE": (
        r"(?:die(?! (?:my|your|her|his|the|our|their) (?:hair|roots|clothes|shirt|jeans"
        r"|beard|eyebrows|fabric|eggs))(?! of (?:embarrassment|shame|boredom|laughter|cringe"
        r"|cuteness|envy|jealousy|thirst|hunger|heat|curiosity|excitement)\b)"
        r"|dye(?! (?:my|your|her|his|the|our|their|it|them|a|an|some|this|that|these|those"
        r"|hair|clothes|eggs|fabric))"
        r"|di|dei|dy)"
    ),
    # Filler adverbs: "i want to just die", "i literally want to disappear".
    "ADV": (
        r"(?: (?:just|literally|honestly|actually|really|simply|kind of|fucking|f"
        r"|seriously|truly|genuinely|so|already|finally|quietly|peacefully|go|like))"
    ),
    # Benign continuations after "disappear" ("disappear from social media for a while").
    "DISAPPEAR_OK": (
        r" (?:from (?!(?:this|the) (?:world|earth|planet)|everyone|existence|life\b)"
        r"|for (?:a|the|some|like|awhile)|to (?:a|the|my|another|somewhere|an)"
        r"|on (?:a|vacation|holiday)|into (?:the crowd|the background|a (?:good )?book|my work"
        r"|(?:a|an|the|my) (?!void|abyss|darkness|nothing|ground|sea|ocean|river|grave)\w+)"
        r"|of (?:social|insta|the grid|grid|facebook|the internet|the map|\w+ for a))"
    ),
}


def _expand(source: str) -> str:
    for _ in range(6):  # macros nest two or three levels deep
        expanded = _MACRO.sub(lambda m: MACROS[m.group(1)], source)
        if expanded == source:
            return expanded
        source = expanded
    return source


def _source(*sources: str) -> str:
    """Alternatives joined into one pattern source: macros expanded, doubled letters folded."""
    joined = "|".join(f"(?:{s})" for s in sources)
    return _PATTERN_RUNS.sub(r"\1", _expand(joined))


def _rx(*sources: str) -> re.Pattern[str]:
    """Compile alternatives into one pattern: macros expanded, doubled letters folded."""
    return re.compile(_source(*sources))


class Rule:
    """One pattern and the substrings (anchors) that any text it matches must contain.

    The Python regex is compiled on first use: with the RE2 prefilter (prefilter.py) most rules
    never need it, and compiling all of them cost about half a second at every start."""

    __slots__ = ("_regex", "anchors", "index", "pattern")

    def __init__(
        self, anchors: tuple[str, ...], pattern: str | re.Pattern[str], index: int
    ) -> None:
        self.anchors = anchors
        self.index = index  # position in ALL_RULES, the prefilter's name for it
        # A source is compiled when first needed; a compiled pattern (tests pass one that
        # counts its calls) is used as it is.
        self.pattern: str = pattern if isinstance(pattern, str) else pattern.pattern
        self._regex: re.Pattern[str] | None = None if isinstance(pattern, str) else pattern

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(self.pattern)
        return self._regex

    def search(self, text: str, gate: Gate | None = None) -> bool:
        """Does the rule match `text`? With a gate (made for this text), the gate decides how
        to find out cheaply."""
        if gate is not None:
            return gate.matches(self)
        return self.regex.search(text) is not None


# Every rule, in the order made: the prefilter (prefilter.py) scans for all of them in one pass.
ALL_RULES: Final[list[Rule]] = []
GROUPS: Final[list[Group]] = []  # every group, English and Spanish


def _r(anchors: str | Iterable[str], *sources: str) -> Rule:
    """Rule from anchors ("a|b|c" or a word list; () for none) and pattern alternatives."""
    items = anchors.split("|") if isinstance(anchors, str) else list(anchors)
    folded = tuple(sorted({fold(a) for a in items if a}))
    rule = Rule(folded, _source(*sources), len(ALL_RULES))
    ALL_RULES.append(rule)
    return rule


def compile_all() -> None:
    """Compile every rule's regex and every group's combined one now rather than on first use
    (for a process that runs without the RE2 prefilter, where each short text needs them)."""
    for rule in ALL_RULES:
        _ = rule.regex
    for group in GROUPS:
        _ = group.combined


class Gate:
    """How to run the rules on one long normalised text: a rule none of whose anchors occurs
    in it cannot match; or, given `find` (prefilter.py), whatever `find` answers, which is
    always the rule's own answer, found faster."""

    __slots__ = ("candidates", "find", "text")

    def __init__(self, text: str, find: Callable[[Rule], bool] | None = None) -> None:
        self.text = text
        self.find = find
        # Indices (Rule.index) of the only rules that can match, when the prefilter's one scan
        # for anchors told: a group then tries those few instead of asking about every rule.
        self.candidates: frozenset[int] | None = None

    def allows(self, rule: Rule) -> bool:
        """Could the rule match at all, by its anchors?"""
        return not rule.anchors or any(a in self.text for a in rule.anchors)

    def matches(self, rule: Rule) -> bool:
        if self.find is not None:
            return self.find(rule)
        return self.allows(rule) and rule.regex.search(self.text) is not None


class Group:
    """A named set of rules ("danger:proximity"). On a short text one combined regex runs (one
    call into the regex engine); on a long one only the rules its gate allows. The combined
    regex is compiled on first use: with the prefilter every text takes the gated path."""

    __slots__ = ("_by_index", "_combined", "indices", "name", "rules")

    def __init__(self, name: str, *rules: Rule) -> None:
        self.name = name
        self.rules = rules
        self.indices = frozenset(rule.index for rule in rules)
        self._by_index = {rule.index: rule for rule in rules}
        self._combined: re.Pattern[str] | None = None
        GROUPS.append(self)

    @property
    def combined(self) -> re.Pattern[str]:
        if self._combined is None:
            self._combined = re.compile("|".join(f"(?:{r.pattern})" for r in self.rules))
        return self._combined

    def search(self, text: str, gate: Gate | None) -> bool:
        if gate is None:
            return self.combined.search(text) is not None
        if gate.candidates is not None:
            # A set intersection in C instead of a Python call per rule: most texts leave no
            # candidate in most groups (the detector's hot path, ~80 groups a text).
            hits = self.indices & gate.candidates
            if not hits:
                return False
            by_index = self._by_index
            return any(by_index[i].search(text, gate) for i in sorted(hits))
        return any(rule.search(text, gate) for rule in self.rules)


# =============================================================================================
# DANGER: someone threatens or hurts the user now, or is about to.
# DANGER_DIRECT always means danger. DANGER_HISTORIC_OK also describes past events and is
# downgraded to a disclosure when the message clearly places it in the past ("he used to
# threaten to kill us") with nothing present-tense alongside.
# =============================================================================================

_PLACES = (
    "outside", "downstairs", "door", "window", "gate", "house", "place", "flat", "apartment",
    "work", "job", "office", "school", "parents", "moms", "mums", "car", "porch", "home",
    "building", "driveway", "yard", "garden", "hall", "stair", "parking", "car park", "lobby",
    "street", "road", "garage", "room", "front", "lawn", "doorstep", "balcony", "across", "corner",
)

DANGER_DIRECT: Final[tuple[Group, ...]] = (
    # He is at the door, in the house, breaking in: someone physically close right now.
    Group("proximity",
        _r(_PLACES,
           r"<PERSON><AUX> (?:right |just |standing |still |now )?(?:outside(?! (?:of )?(?:my|his"
           r"|her|your|the|our) (?:league|comfort zone|control|understanding|type)\b)"
           r"(?! (?:of )?(?:the|this) (?:country|city|state|town|area|uk|us|county|province)\b)"
           # "he's outside mowing the lawn": a chore, not someone at the door.
           r"(?! (?:mowing|gardening|playing|working|smoking|having a|washing|fixing|walking"
           r"|cleaning|painting|doing|raking|shoveling|shovelling|hanging|chatting|talking to"
           r"|with the (?:kids|dog|neighbou?rs?)|on the phone|in the (?:garden|yard)"
           r"|for a smoke)\b)"
           r"|downstairs"
           r"|at (?:the|my|our) (?:front |back )?(?:door|window|gate|house|place|flat|apartment"
           r"|work|job|office|school|parents|moms|mums|car|porch)"
           r"|in (?:the|my|our) (?:house|flat|apartment|home|building|driveway|yard|garden"
           r"|hallway|hall|stairwell|parking lot|car park|lobby|street|garage)"
           r"|in my (?:room|bedroom)"
           r"|in front of (?:the|my|our) (?:house|door|building|place|work|flat|apartment)"
           r"|on (?:the|my|our) (?:porch|doorstep|lawn|driveway|street|balcony)"
           r"|across the street|down the street|around the corner|across the road"
           r"|down the road)\b"),
        _r("bang|pound|hammer|knock|kick|break|trying|coming",
           r"<PERSON><AUX> (?:banging|pounding|hammering|knocking|kicking (?:the|my|in|down)"
           r"|breaking (?:in|down|into|the)|trying to (?:get|break|come|force (?:his|her|their"
           r"|the) way) in(?:to)?|coming up the stairs|coming in)\b",
           r"\btrying to (?:get|break|force (?:his|her|their|the) way) in(?:to)?\b"),
        # Someone at the lock or letting themselves in ("trying the door handle").
        _r("handle|knob|lock|dor|window|latch|key|himself in|herself in|themselves in",
           r"\b(?:trying|tries|tried|rattling|rattles|rattled|jiggling|turning|twisting|shaking"
           r"|picking|forcing|testing|yanking|pulling) (?:at )?(?:the|my|our) (?:front |back "
           r"|bedroom |bathroom |car )?(?:door ?handle|handle|door ?knob|knob|lock|locks|door|doors"
           r"|window|windows|latch)\b",
           r"\blet (?:himself|herself|themselves) in\b",
           r"\b(?:climbing|climbed|climbs|coming|came|getting|got) (?:in )?through (?:the|my|a)"
           r" window\b",
           r"\b(?:is|are|s) (?:using|putting|turning) (?:his|her|their|a|the|my spare) key in"
           r" (?:the|my) (?:door|lock)\b"),
        _r("suposed|alowed|meant|permited|order",
           r"\b(?:is not|are not|not) (?:supposed|allowed|meant|permitted) to (?:be here|be near"
           r"|come near|come here|come within|have a key|contact me|be within|know where|be in)\b",
           r"\b(?:violated|violating|violates|broke|breaking|breaks|ignoring|ignored|ignores)"
           r" (?:the|his|her|their|my) (?:restraining|protection|protective|no contact) order\b"),
        _r("waiting|hiding|lurking|standing|siting",
           # In the user's own place only: "my mum is waiting in the car" is ordinary.
           r"<PERSON><AUX> (?:waiting|hiding|lurking|standing|sitting) (?:for me )?in (?:my|our)"
           r" (?:kitchen|living room|lounge|bedroom|bathroom|hallway|hall|car|garden|yard|flat"
           r"|apartment|house|room|stairwell|garage|basement|driveway)\b"),
        # Any name as the subject ("jake's outside my door"): the place says enough.
        _r("outside",
           r"\b[a-z]+(?: is| are)? (?:right |standing |still |now |sitting |waiting )?outside"
           r" (?:my|our) (?:front |back |bedroom |bathroom )?(?:door|window|house|flat|apartment"
           r"|room|bedroom|place|home)\b"),
        _r("here",
           r"<PERSON><AUX> (?:right |just |now )?here\b(?= (?:and|now|right now|again|i|help"
           r"|please|at|in|outside|with a)\b| *$)"),
        _r("break|broke|kick|smash|bash|bang|pound|hammer|beat",
           r"\b(?:broke|broken|breaking|break) (?:in|into (?:the|my|our) (?:house|place|flat"
           r"|apartment|car))\b",
           r"\b(?:break|breaking|kick|kicking|kicked|smash|smashing|smashed|broke|bash|bashing)"
           r" (?:down |in )?(?:the|my"
           r"|our) (?:front |back |bathroom |bedroom )?(?:door|window|windows)\b",
           r"\b(?:banging|pounding|hammering|kicking|beating) (?:on|at) (?:the|my|our) (?:front "
           r"|back |bathroom |bedroom )?(?:door|window|windows|walls?)\b"),
    ),
    # "he's on his way", "coming for me", "he found where i live".
    Group("approach",
        _r(" way",
           r"\bon (?:his|her|their) way\b(?! (?:to|from) (?:work|the gym|school|the office"
           r"|church|class|a meeting|practice|his|her|their|the airport|the store)\b)"),
        _r("coming",
           r"\bcoming (?:for|after) (?:me|us|my|the kids)\b",
           r"\bcoming to (?:get|find|kil|hurt|take|grab|drag) (?:me|us)\b(?! (?:from|at|after)\b)"),
        _r("where i|where we|address|location|place|apartment|flat|house|shelter|hotel|room",
           r"<PERSON><AUX> (?:found|finds|tracked|traced|figured out|found out|knows|know|learned"
           r"|discovered|got) (?:out )?(?:where (?:i|we) (?:live|am|are|work|moved|stay"
           r"|am staying|are staying|sleep|am hiding|are hiding)|my (?:new )?(?:address|location"
           r"|place|apartment|flat|house|shelter|hotel|room|hiding place))"),
        _r("hear",
           r"\b(?:i can|i could|can|i) hear (?:him|her|them|<PERSON>) (?:coming|outside|downstairs"
           r"|upstairs|at the (?:door|window)|on the stairs|in the (?:hall|hallway|house|kitchen"
           r"|driveway)|trying|banging|breaking|unlocking|kicking|getting in|pulling in"
           r"|pull up|pulling up|parking)\b"),
        _r("loking|searching|hunting",
           r"<PERSON><AUX> (?:looking|searching|hunting) for (?:me|us)\b(?! (?:on|online)\b)"),
        _r("found|tracked|traced",
           r"<PERSON><AUX> (?:found|tracked|traced) (?:me|us)\b(?! on\b| (?:a|an|some|the)\b)",
           r"\btracked (?:me|us) (?:down|here|to)\b"),
    ),
    # Stalking as it happens; following online is excluded.
    Group("stalking",
        # "he's been sat in his car across the road for 2 hours ... flashes the headlights"
        _r("sat|siting|parked|headlights",
           r"<PERSON><AUX> (?:been )?(?:sat|sitting|parked) (?:in (?:his|her|their|a) (?:car|van"
           r"|truck) )?(?:across the (?:road|street)|outside (?:my|our|the) (?:house|flat|place"
           r"|building))\b",
           r"\bflash(?:es|ing|ed)? (?:the|his|her) headlights at (?:the|my|our) (?:house|window"
           r"|flat)\b"),
        _r("follow|stalk|watch|track|chas|circl|tail|spying",
           r"<PERSON><AUX> (?:following|stalking|watching|tracking|chasing|circling|tailing"
           r"|spying on) (?:me|us|my (?:house|car|place|flat|apartment|home|kids|children"
           r"|every move)|the house)\b(?! (?:on|via|through) (?:<ONLINE>)\b| online\b)",
           r"\b(?:followed|chased|tailed|follows) (?:me|us) (?:home|here|to|from|al the way"
           r"|down the (?:street|road)|through|into|across|out of|everywhere"
           r"|in (?:his|her|their) car|around)\b"),
        _r("outside|acros|oposite|front of|near|by|down the|end of|corner from",
           r"<PERSON>(?: \w+){0,5}? (?:outside|across from|across the (?:road|street) from|opposite"
           r"|in front of|near|by|down the (?:road|street) from|at the end of"
           r"|around the corner from) (?:my|our|her) (?:house|place|flat|apartment|work|job"
           r"|office|building|school|home|door|street|gym|parents|mums|moms|car|window|shelter"
           r"|hotel|friends|sisters|brothers)\b"),
        _r("photo|picture|pic|video",
           r"\b(?:texting|texted|sending|sent|sends|posted|posting|posts|messaging|messaged)"
           r" (?:me )?(?:photos|pictures|pics|videos|a photo|a picture|a pic|a video) of (?:my"
           r"|her|his|our|the|me|us)(?: \w+)? (?:house|place|car|door|window|kids|work|building"
           r"|flat|apartment|street|school|sleeping|outside|at|in)\b"),
        # A car that keeps behind the user: "same grey car behind me since i left work".
        _r("behind me|following me|on my tail",
           r"\b(?:same|that|this|a|the|his|her|their) (?:\w+ ){0,2}?(?:car|truck|van|suv|jeep"
           r"|motorbike|motorcycle|bike)(?: \w+){0,3}? (?:behind me|following me|on my tail)"
           r"(?: \w+){0,6}? (?:since|for|still|every turn|turned|everywhere|al the way|the whole"
           r" way)\b"),
        _r("airtag|tracker|tracking device",
           r"\b(?:found|there is|there s|i found|just found) (?:an? )?(?:airtag|tracker"
           r"|tracking device|gps tracker) (?:in|on|under|inside) (?:my|the)\b"),
        _r("car|truck|van|bike",
           r"\b(?:car|truck|van)(?: \w+){0,2}? (?:idling|parked|siting|waiting|circling|outside)"
           r"(?: \w+){0,8}? (?:his|him|hers|my ex)\b",
           r"\b(?:his|her|their) (?:car|truck|van|bike) (?:is )?(?:idling |siting |waiting )?"
           r"(?:outside|parked|out front"
           r"|in front|across the street|down the street|at my|near my|by my|in my)\b"),
        _r("driv|drove|walk|circl|sit|park",
           r"\b(?:drives|driving|drove|walks|walking|walked|circling|circled|sits|sitting|parked)"
           r" (?:past|by|around|outside|in front of) (?:my|our|the) (?:house|place|apartment"
           r"|flat|work|building|school|street|home|office|door|window)\b"),
        _r("showing|turning|popping",
           r"\bkeeps? (?:showing|turning|popping) up (?:at|outside|to|in front of)\b"),
    ),
    # Violence in progress ("he's hitting me right now"): progressive tense with a person.
    Group("attack_now",
        _r(words("ATTACKING"),
           r"<PERSON>(?: (?:is|are|s|still|currently|now|right now|literally|actually|really"
           r"|just|again|also|al|so|started|starting)){0,3} <ATTACKING> <OBJ>\b"
           r"(?! with (?:his|her|their|these|those|this|that|the|al|kindness|jokes|puns|love"
           r"|questions|texts|messages|silence|guilt)\b)(?! (?:softly|emotionally|inside)\b)"),
        _r("has me|got me|have me|has us|got us|have us",
           r"<PERSON><AUX> (?:has|got|have|s got) (?:me|us) (?:pinned|locked|trapped|cornered|tied"
           r"|held|restrained|by the (?:throat|neck|hair|arm)|against the|on the flor|in a"
           r" chokehold|in a headlock)\b"),
        _r("on top of me|wil not stop|keps|top",
           r"<PERSON><AUX> on top of me\b",
           r"\b(?:wil not|would not|does not|can not) stop (?:hitting|hurting|choking|kicking"
           r"|punching|beating|slapping|strangling) (?:me|us|the kids|my)\b"),
        # Any name as the subject ("jake is hitting me", "stop choking me").
        _r("hiting|choking|strangling|stabing|punching|kicking|beating|raping|atacking",
           r"\b[a-z]+(?: is| are)? (?:hitting|choking|strangling|stabbing|punching|kicking"
           r"|beating|raping|attacking) (?:me|us)\b(?! (?:with (?:his|her|their|these|those|this"
           r"|that|the|al|kindness|jokes|puns|love|questions|texts|messages)|up|in the back)\b)"),
        _r("holding|pinning|pushing",
           r"\b(?:holding|pinning|pushing) (?:me|us) (?:down|against)\b"),
        _r("throw|hurl",
           r"\b(?:throwing|hurling) (?:things|stuff|\w+) at (?:me|us|the kids|my)\b"),
        _r("smash|break|throw|punch|kick|destroy|trash|wreck",
           r"\b(?:is|are|s) (?:smashing|breaking|throwing|punching|kicking|destroying|trashing"
           r"|wrecking)(?: up)? (?:things|stuff|everything|plates|dishes|glasses|furniture|holes"
           r"|the (?:walls?|doors?|house|place|tv|furniture|windows?)|my (?:things|stuff|phone"
           r"|car))\b"),
    ),
    # Violence that has just happened ("he just hit me", "he hit me an hour ago").
    Group("attack_recent",
        _r("just",
           r"<PERSON>(?: (?:literally|only|has|had|also))? just <ATTACKED> "),
        _r("now|ago|tonight|morning|evening|today|last night",
           r"\b<ATTACKED> <OBJ_D>(?: \w+){0,3}? (?:just now|right now|a (?:few |couple )?"
           r"(?:minutes|mins|min|seconds|moments?) ago|an hour ago|(?:an|one|two|2) hours? ago"
           r"|tonight|this morning|this evening|today|earlier today|earlier tonight"
           r"|last night)\b"),
        _r("bleeding|broken|breath",
           r"\b(?:i am|we are|my \w+ is) bleeding(?: badly| a lot| everywhere)?\b",
           r"\b(?:i think )?(?:my|her|his) (?:nose|arm|wrist|jaw|rib|ribs) is broken\b",
           r"\b(?:cant|can not) breathe? (?:he|she|they)\b"),
    ),
    # Being held: locked in, not allowed to leave, the exit blocked.
    Group("confined",
        _r("let",
           r"\b(?:will not|is not|not|refuses to|refusing to|would not) (?:let|letting)"
           r" (?:me|us|the kids|my kids) (?:leave|go|out|get out|outside|escape|use (?:my|the|a)"
           r" phone|cal|go home|go anywhere|out of (?:the|his|her|their|this|my) \w+)\b"
           r"(?! (?:him|her|them|the relationship|the marriage|this relationship|to|see"
           r"|out with)\b)"),
        _r("parked|parks|standing|stod|siting|sat",
           r"\b(?:parked|parks|standing|stood|sitting|sat) (?:across|behind|in front of|at the"
           r" (?:end|bottom|top) of)(?: \w+){0,3}? (?:the|my|our) (?:driveway|drive|car|gate|exit"
           r"|door)\b(?: \w+){0,4}? (?:so i can not|i can not|can not get|can not leave)\b"),
        _r("block|standing in front",
           r"\b(?:blocking|blocked|blocks|standing in front of) (?:the|my|our) (?:front |back "
           r"|bedroom |only )?(?:door|doorway|exit|way out|way|driveway|drive|gate|stairs"
           r"|hallway)\b"),
        _r("locked|trapped|stuck|shut|being held",
           r"\b(?:i am|we are|i m|were|the kids are|i got) (?:locked|trapped|stuck|shut"
           r"|being held) (?:in|inside|in here)\b(?! (?:a |an |this |the |my |his |her )?"
           r"(?:boring |long |bad |endless |stupid |dead end |dead |crappy |toxic |awful )?"
           r"(?:relationship|marriage|cycle|loop|job|situation|mindset|bond|pattern|toxic"
           r"|abusive|trauma|rut|traffic|queue|line|meeting|lift|elevator|head|thoughts|bed"
           r"|feelings|past)\b)",
           r"\blocked (?:myself|ourselves|us) in\b"),
        _r("leave|get out|escape",
           r"\b(?:can not) (?:leave|get out of|escape) (?:the|this|his|her|our) (?:house|room"
           r"|car|apartment|flat|building|bathroom|bedroom|basement)\b"),
        # A door locked on the user with a condition for leaving ("locked the door, says i
        # can't go until i pay").
        _r("locked",
           r"\blocked (?:the|all the|every|both) (?:doors?|gates?)\b(?: \w+){0,10}? (?:i can not"
           r"|i am not allowed to|we can not|will not let (?:me|us)|not letting (?:me|us)|says i"
           r" can not|said i can not) (?:go|leave|get out)\b"),
    ),
    # Hiding from someone ("i'm hiding in the bathroom"); "hiding from my responsibilities" not.
    Group("hiding",
        _r("hiding",
           # "my dog is hiding under the bed" (fireworks): an animal hiding.
           r"(?<!dog )(?<!dogs )(?<!cat )(?<!cats )(?<!dog is )(?<!cat is )(?<!pet is )"
           r"(?<!puppy is )(?<!kitten is )(?<!dogs are )(?<!cats are )(?<!pets are )"
           r"\bhiding (?:in|inside|under|behind) (?:the|my|a|his|her|our|their|an) (?:\w+ )?"
           r"(?:bathroom|closet|wardrobe|car|bedroom|room|basement|attic|garage|shed|cupboard"
           r"|toilet|loo|kitchen|bed|stairs|shower|bathtub|laundry|pantry|neighbou?rs?|garden"
           r"|bushes|woods|office|cellar|tub|van|truck|hallway|house|apartment|flat|hotel"
           r"|shelter)\b",
           r"\bhiding from (?:him|her|them|<PERSON>)\b",
           r"\b(?:i am|we are|i m|were|currently|now|am) hiding\b(?= *$| (?:and|he|she|they"
           r"|right now|now|please|help|so|because|cause|as|until|since|from (?:him|her"
           r"|them))\b)"),
    ),
    # The user names the danger outright.
    Group("explicit",
        _r("danger|safe",
           r"\b(?:i am|i m|we are|were|my kids are|the kids are|my life is|our lives are"
           r"|my children are|i fel|i am in) (?:in (?:real |serious |imediate |grave )?danger"
           r"|not safe|unsafe)\b",
           r"\b(?:do not) fel safe\b(?! (?:in|with) (?:myself|my body|relationships|love"
           r"|crowds|my own skin|new relationships|men|women|people)\b)"),
        _r("life|lives|safety",
           r"\b(?:fear|scared|afraid|terrified|worried|frightened) for (?:my|our|the kids|my kids)"
           r" (?:life|lives|safety)\b"),
        _r("police|cops|911|999|000|112|111|ambulance|emergency",
           r"(?<!going to )(?<!were going to )(?<!gonna )(?<!might )(?<!nearly )"
           r"\b(?:cal|calling|caled|get|send|need|someone cal) (?:the )?(?:police|cops|911|999"
           r"|000|112|111|an ambulance|ambulance|emergency services)\b"),
        _r("help|sos|mayday",
           # Not the Spanish "sos" ("vos sos un idiota": "you are an idiot").
           r"(?<!bored )(?<!bored at work )(?<!bored at school )(?<!lmao )(?<!lol )(?<!haha )\bsend help\b|\bmayday\b|(?<!vos )(?<!que )(?<!no )(?<!si )(?<!tu )\bsos\b"
           r"(?! (?:un|una|el|la|re|muy|mi|lo|tan|vos|de|mas|como|igual|bien|mala|malo)\b)",
           # The whole message is a cry for help ("help me", "please help"), not "/help".
           r"^(?:please |pls |somebody |someone |oh god )?help(?: me| us)?(?: please| now"
           r"| someone| somebody)?(?: help(?: me)?)*$",
           r"^(?:please|someone|somebody) (?:please )?help(?: me| us)?(?: please)?$"),
        # A signal agreed beforehand, hiding from someone who is looking, a weapon in emoji.
        _r("disapear|run|vanish|leave the country|never se|wil never",
           r"\b(?:take|took|taking) (?:her|him|them|the kids|the baby|my (?:son|daughter|kids"
           r"|children|baby)) and (?:disappear|run|vanish|leave the country|you wil never see"
           r"|(?:says|said) (?:i|you) wil never see|(?:says|said) (?:il|ill) never see)\b"),
        _r("deal with me|take care of me|handle me|sort me out|teach me|i am next",
           r"\bwhen (?:he|she|they) (?:gets|get|comes|come) (?:home|back|of|here|in|of shift)\b"
           r"(?: \w+){0,8}? (?:deal with me|take care of me|handle me|sort me out|teach me a"
           r" lesson)\b",
           r"\b(?:says|said|told me|saying) (?:that )?i am next\b(?! (?:in line|on the list|up"
           r"|to|for)\b)"),
        _r("daycare|school|nursery|kindergarten|fire escape",
           r"\b(?:address|location|photo|picture) of (?:my |the )?(?:\w+ )?(?:daycare|school"
           r"|nursery|kindergarten)\b(?: \w+){0,6}? (?:knife|gun|today|tonight)\b",
           r"\b(?:he|she|they|someone|somebody) (?:is|are) on the fire escape\b"),
        _r("smashed|broke|kicked in|punched|fist",
           r"\b(?:he|she|they)(?: is| has| s)? just (?:smashed|broke|kicked in|punched|put his fist"
           r" through) (?:her|my|the|our|his) (?:\w+ )?(?:window|windows|mirror|door|windscreen"
           r"|windshield|car)\b"),
        _r("sharpening",
           r"<PERSON><AUX>(?: \w+){0,3}? sharpening (?:things|something|stuff|knives|the knives"
           r"|a knife|his knife|an axe|the axe|a machete|the machete|his machete|tools|a blade)\b"
           r"(?! for (?:dinner|cooking|the bbq|the barbecue|work)\b)"),
        _r("fotsteps",
           r"\bfootsteps (?:on|up|coming up|in) the (?:stairs|steps|hal|hallway|porch)\b"
           r"(?! (?:it was|turned out|was just)\b)"),
        _r("video|photo|picture|pic|selfie",
           r"\b(?:video|photo|picture|pic|selfie) of (?:him|her|them|himself|herself) (?:loading"
           r"|holding|cleaning|waving|pointing|with) (?:a |the |his |her |their )?(?:gun|rifle"
           r"|shotgun|pistol|knife|weapon|machete|axe)\b"),
        _r("code red|hiding|for me|for us|knife|gun|go quiet|go silent|stop|do not",
           r"\bcode red\b",
           r"\bif i (?:go quiet|go silent|stop replying|stop answering|stop texting|do not"
           r" reply|do not answer)\b",
           r"<PERSON><AUX> (?:driving|walking|going|circling) (?:around|up and down|round)"
           r"(?: \w+){0,4}? (?:looking|searching) for (?:me|us)\b",
           r"\bi am hiding (?:behind|in|under|inside|from)\b(?! (?:my|the) (?:responsibilities"
           r"|problems|homework|chores|boss|feelings|emails|inbox|bils|landlord|family|sun"
           r"|camera)\b)",
           r"^(?:knife|gun)(?: (?:knife|gun|door|sos|help|please|ayuda|socoro))*$"),
        _r("petrol|gasoline|gas|fuel|lighter",
           r"\b(?:poured|pouring|pours|covered|covering|doused|dousing|splashed) (?:\w+ )?"
           r"(?:petrol|gasoline|gas|lighter fluid|fuel) (?:on|over|around|everywhere|in)\b"),
        _r("going to|gona|about to",
           r"\b(?:i am|i m|we are) (?:going to|about to) (?:get|be) (?:killed|murdered|hurt"
           r"|beaten|beat up|stabbed|shot|raped)\b"),
        _r("get out|leave|escape|run|get away",
           r"\b(?:need|have|got) to (?:get out|leave|escape|run|get away)(?: of (?:here"
           r"|the house|this house))? (?:now|right now|tonight|fast|quickly|imediately|asap)\b"),
        _r("scared|afraid|terrified|frightened|petrified",
           r"\b(?:scared|afraid|terrified|frightened|petrified) (?:right now|to go home"
           r"|to go back (?:home|in|inside)|to leave the (?:room|bathroom|bedroom|house|car"
           r"|closet)|he (?:wil|might) come back|of what (?:he|she|they) (?:wil|might|could"
           r"|is going to|are going to) do(?: to (?:me|us|the kids))?(?= tonight| now| when"
           r"| if| *$))\b"),
    ),
    # Threats about later today ("you wait until i get home", "tonight you're dead").
    Group("threat_later",
        # The time first: "tonight you're going to learn", "when i get home you'll regret it".
        _r("tonight|later|when i get|when he get|when she get|when they get|after work",
           r"\b(?:tonight|later tonight|later|when (?:i|he|she|they) gets? (?:home|back)|after"
           r" work)(?: \w+){0,2}? (?:you are going to|you wil|youl|you are gona|you are about to)"
           r" (?:learn|pay|regret|se what|find out|be sorry|get it|wish)\b"),
        _r("wait",
           r"\b(?:you|u|just|you just) wait (?:until|til) (?:tonight|later|i get (?:home|back"
           r"|there|you|my hands on you)|he gets (?:home|back)|she gets (?:home|back)|they get"
           r" (?:home|back)|we get home|you get home|this evening|after work|the kids are asleep"
           r"|everyone leaves|we are alone)\b",
           r"\b(?:said|says|texted|told me|tels me|warned me|keps saying|screamed|yeled"
           r"|whispered|shouted)(?: that)?(?: i should| i better| to)?(?: just)? wait (?:until"
           r"|til) (?:tonight|later|he|she|they|i get)\b"),
        _r("tonight|later|evening|after work|when i get|when he get|when she get|when they get",
           r"\b(?:you wil|youl|you are going to|you are gona|you are about to) (?:se|find out"
           r"|learn|regret|pay|be sorry|get it|wish)(?: \w+){0,3}? (?:tonight|later|when i get"
           r" (?:home|back)|when (?:he|she|they) gets? (?:home|back)|after work"
           r"|this evening)\b",
           r"\b(?:tonight|later tonight|later today|this evening|when i get home|when i get back"
           r"|when (?:he|she|they) gets? (?:home|back))(?: \w+){0,3}? (?:you are|you|i am|we are)"
           r" (?:dead|done|finished|going to pay|going to get it|in for it|getting it|so dead"
           r"|gona get it|wil pay)\b",
           r"\b(?:he|she|they) (?:said|says|texted|told me|warned me|promised|keps saying)"
           r"(?: that)? (?:tonight|later|when (?:he|she|they) gets? (?:home|back))(?: \w+){0,6}?"
           r" (?:pay|dead|done|regret|sorry|se what happens|learn|lesson|finished|deal with|get"
           r" it|trouble|hurt|kil|end)\b",
           r"\b(?:scared|afraid|terrified) (?:of )?(?:what wil happen|what is going to happen"
           r"|what happens) (?:tonight|later|when (?:he|she|they) gets? (?:home|back))\b"),
        _r("night|until", r"\btonight is the night\b(?! (?:i|we)\b)",
           r"\b(?:he|she|they) (?:said|says|texted|told me|gave me)(?: that)? (?:i have|i got"
           r"|me) until (?:tonight|midnight|the end of the day|this evening|\d+)\b"),
    ),
    # Safety net: general shapes of present danger that carry no single tell-tale word:
    # a weapon shown, violence beside you, being held, confinement, being hunted down,
    # threats about "what happens to people who leave", a visit that ended in hospital before.
    Group("net_danger",
        _r("gun|rifle|shotgun|pistol|knife|machete|axe|blade",
           r"\b(?:he|she|they|hes|shes|theyre) (?:is |was |just |has |had )?(?:cleaning|cleaned"
           r"|loading|loaded|holding|held|waving|waved|pointing|pointed|showing|showed|put|got"
           r"|took|pulled|grabbed|sharpening|sharpened)(?: out| up)? (?:his|her|their|a|the)"
           r" (?:gun|rifle|shotgun|pistol|knife|machete|axe|blade)\b"),
        _r("fist|punch|smash|slam|kick|put",
           r"\b(?:put|punched|punches|smashed|slammed|kicked) (?:his|her|their) (?:fist|hand|head"
           r"|foot) (?:through|into) (?:the|a|my) (?:wall|door|window)\b",
           r"\b(?:fist|punch) (?:through|into) the wall (?:next to|beside|by|near) (?:me|my)\b"),
        _r("hold of|let go",  # physically held: "won't let go" (not "won't let me go out")
           r"\b(?:got|has|have|grabbed) (?:a )?hold of (?:me|my (?:arm|wrist|hair|neck|hand))\b",
           r"\b(?:he|she|they)(?: just)? (?:wont|will not|isnt going to) let go\b"
           r"(?! of (?:the past|it|this|that|the idea|us|the relationship))"),
        _r("leaves|leaving|gets out|goes",
           r"\b(?:nobody|no one|noone) (?:leaves|is leaving|gets out|goes)\b"),
        _r("happens to",
           r"\bwhat happens to (?:people|those|women|wives|girls|anyone|members|kids) who"
           r" (?:leave|talk|tell|run|go to the police|speak up)\b"),
        _r("asking|looking|searching",
           r"\b(?:are|were|is|came|showed up|turned up|went) (?:at|to) my (?:mums|moms|mum|mom"
           r"|parents|dads|sisters|brothers|friends|work|job|school|office)(?: house| place)?"
           r"(?: \w+){0,6} (?:asking|looking|searching) (?:where|for|about)\b"),
        _r("hospital|er|a and e|emergency",
           r"\blast time(?: \w+){0,12} (?:ended up in|was in|put me in|landed in|went to)"
           r" (?:the )?(?:er|a and e|hospital|emergency)\b"),
    ),

    # Arriving: a time or distance away, pulling up, his location moving ("he's 10 min away").
    Group("arrival",
        # Only the people a person in danger means ("he", "my ex"): "my mum is 5 min away"
        # is a lift home.
        _r("away|out|from",
           r"(?:<INTIMATE><AUX>|\b(?:texted|texts|messaged|said|says|wrote|sent)(?: me)?(?: that)?"
           r" i am) (?:only |like |about |maybe |less than |under )?(?:\d{1,2}|a few|a couple"
           r"|couple|one|two|three|five|ten|fifteen|twenty|thirty) (?:min|mins|minutes|blocks"
           r"|streets|stops|miles|km|kms|kilometers|kilometres) (?:away|out|from (?:here|me|us"
           r"|my|our|the house|home))\b(?!(?: \w+){0,4}? (?:pizza|food|delivery|takeaway"
           r"|takeout|groceries|dinner|lunch|cake|coffee|uber|taxi|cab|yay|cant wait|can not wait"
           r"|excited|presents|gifts|safe|relieved|finally)\b)"),
        _r("almost|nearly|here in|home in|back in",
           r"<PERSON><AUX> (?:almost|nearly) (?:here|home|back)\b",
           r"\b(?:wil|il|hel|shel|theyl|going to|is going to) (?:be|get) (?:here|home|back) in"
           r" (?:\d+|a few|five|ten|fifteen|twenty|thirty|an) (?:min|mins|minutes|hour)\b"),
        _r("pul",
           r"\b(?:<PERSON>|car|truck|van)<AUX> (?:pulling|pulled|pulls) (?:up|in|into) (?:outside"
           r"|in front|out front|(?:the|my|our) (?:driveway|drive|street|road|parking))\b"),
        _r("location",
           r"\b(?:his|her|their) (?:live )?location(?: \w+){0,6}? (?:just updated|updated|moved"
           r"|moving|changed|shows (?:him|her|them) (?:near|close|outside|at|on)|is (?:coming"
           r"|near|close|here|on my|outside)|coming|heading|getting closer)\b"),
        # Someone at the lock: "the door handle is moving", "keys in the lock".
        _r("handle|knob|lock|hear",
           r"\b(?:door ?handle|handle|door ?knob|lock|locks)(?: is| are| s)?(?: \w+)? (?:moving"
           r"|turning|rattling|jiggling|shaking|clicking|being tried|going)\b",
           r"\b(?:hear|hearing|heard) (?:keys|his keys|her keys|a key|someone|somebody)"
           r" (?:in|at|trying) (?:the|my|our) (?:front |back )?(?:door|lock)\b"),
        # Watched, and told so: "look out your window", "nice dress today".
        _r("window|dor|watching you|se you",
           r"\b(?:look|go look|lok|check|come) (?:out|outside|out of) (?:your|the) (?:window"
           r"|door)\b",
           r"\bi am watching you\b",
           r"\bi (?:can )?se you (?:right now|now|through (?:the|your) window|from here"
           r"|in there|at the)\b"),
        # "he just texted me the name of the cafe im sitting in": he knows where the user is.
        _r("cafe|restaurant|bar|pub|shop|store|place|stret|building|hotel|park|gym|library",
           r"\b(?:texted|sent|messaged|told) me (?:the name of |a photo of |a picture of )?(?:the"
           r"|this) (?:cafe|restaurant|bar|pub|shop|store|place|street|building|hotel|park|gym"
           r"|library) (?:i am|where i am|im) (?:sitting |standing |eating |hiding |waiting )?"
           r"(?:in|at)\b"),
        # A weapon shown to the user: "sent me a photo of his gun".
        _r("gun|knife|rifle|shotgun|pistol|machete|weapon|blade",
           r"\b(?:sent|sends|showed|shows|texted|messaged) me (?:a )?(?:photo|picture|pic|video"
           r"|snap) of (?:his|her|their|the|a) (?:gun|knife|rifle|shotgun|pistol|machete|weapon"
           r"|blade)\b"),
        # An order he is breaking: "the order says he can't be within 100m".
        _r("order|injunction|bail|conditions",
           r"\b(?:order|injunction|bail|conditions) (?:says|said|states|means)(?: that)? (?:he"
           r"|she|they) (?:can not|is not allowed to|are not allowed to|must not|is not supposed"
           r" to|should not|has to stay) (?:be |come |go )?(?:within|near|closer|here|at|away)\b"),
    ),
    # He found out she is leaving or asked for help: the most dangerous time ("he saw the bags
    # i packed", "she found out i called the hotline"); a weapon heard being reached for.
    Group("found_out",
        _r("saw|seen|found|know|read|discovered|caught|figured",
           r"<INTIMATE><AUX> (?:saw|seen|found|found out about|knows about|read|discovered|caught me"
           r" with) (?:the |my |our )?(?:bags|bag|suitcase|suitcases|packed bags|go bag|escape"
           r" plan|plan|plans|boxes|new lease|messages to|texts to|emails to|number for)"
           r"(?: \w+){0,3}? (?:i packed|i had packed|i hid|to leave|for leaving|the shelter|the"
           r" hotline|the helpline|the police|a lawyer|my lawyer|the refuge|a refuge)\b"
           r"(?!(?: \w+){0,4}? for (?:the|a|my|our) (?:trip|holiday|vacation|gym|weekend"
           r"|sleepover|camp|flight)\b)",
           r"<INTIMATE><AUX> (?:saw|seen) (?:the |my )?(?:bags|bag|suitcase|suitcases|packed bags"
           r"|go bag)\b(?= *$| (?:i|and|he|she|now|under|in)\b)(?!(?: \w+){0,4}? for (?:the|a|my"
           r"|our) (?:trip|holiday|vacation|gym|weekend|sleepover|camp|hospital|flight)\b)",
           r"<INTIMATE><AUX> (?:found out|knows|figured out|discovered|saw|read) (?:that )?i"
           r" (?:called|contacted|rang|went to|talked to|spoke to|texted|emailed|messaged)"
           r" (?:the |a |my )?(?:hotline|helpline|police|cops|shelter|refuge|lawyer|advocate"
           r"|social worker)\b",
           r"<INTIMATE><AUX> (?:found out|knows|figured out|discovered) (?:that )?(?:i am|i m)"
           r" (?:leaving|planning to leave|moving out|going to leave)\b"),
        _r("hear",
           r"\b(?:heard|hear|hearing) (?:him |her |them |someone )?(?:open |opening |load"
           r"|loading |cock|cocking |rummaging in |going through )?(?:the )?(?:knife drawer"
           r"|gun safe|gun cabinet|knives|cutlery drawer|gun being loaded|shotgun|rifle)\b"),
    ),
    # The way out blocked, the means to leave taken: "locked in the bathroom, he took my
    # keys", "he took my passport and the car keys and locked the gate"; someone else hurt in
    # the home right now; someone who just turned up where the user is.
    Group("held_now",
        _r("lock|trap|stuck|shut|anywhere|can not leave|can not get out|wil not let",
           r"^(?:locked|trapped|stuck|shut) in (?:the|my|a|his|her|our) (?:bathroom|room|bedroom"
           r"|closet|basement|car|house|garage|attic|shed|cellar|toilet|cupboard)\b",
           r"\b(?:took|taken|hid|hidden|has|took away|takes|grabbed) (?:my|al my|our|the)"
           r" (?:keys|car keys|phone|passport|shoes|wallet|cards)(?: \w+){0,8}? (?:locked|locks"
           r"|not going anywhere|can not leave|can not get out|trapped|wil not let)\b",
           r"\b(?:i am|i m|you are|your|we are) not (?:going|leaving|go) anywhere\b(?! (?:with|for"
           r"|until|without)\b)"),
        # Violence to someone else in the home right now ("my dad is hitting my brother").
        _r("hiting|beating|kicking|choking|strangling|hurting|punching|slaping",
           r"<PERSON><AUX> (?:hitting|beating|kicking|choking|strangling|hurting|punching"
           r"|slapping) (?:my|our|the) (?:\w+ )?<VICTIM>(?: \w+){0,3}? (?:right now|now|again"
           r"|as we speak|and i|help)\b"),
        # Just showed up wherever I am, or "tied my hands".
        _r("showed up|turned up",
           r"\b(?:just|has just|suddenly|then) (?:showed|turned) up (?:at|outside|to|in|where)\b"),
    ),
    # Rounds 19-20 (used): a threat about not surviving a set day ("he told me i won't make it
    # to court on thursday", "he said this weekend im done"), a return made deadly ("if i come
    # for her i won't leave"), a gun pointed as "it", a chase on the road, trapped without
    # the keys.
    Group("threat_not_survive",
        _r("wil not|are not going to|am not going to|wont",
           r"\b(?:told me|said|says|warned me|texted|swore|promised|keeps saying|kept saying)"
           r"(?: that)?(?: if(?: \w+){1,7}?)? (?:i|we) (?:wil not|are not going to|am not going to"
           r"|wont) (?:make it"
           r"|live|survive|last) (?:to|until|til|past|through|the)\b",
           r"\bsaid if (?:i|we) (?:come|go|try|cal|tel|leave|show up|turn up)\b(?: \w+){0,5}?"
           r" (?:i|we) (?:wil not|wont|are not going to|am not going to) (?:leave|make it|come"
           r" back|walk out|get out|survive|live)\b"),
        _r("done|dead|finished",
           r"\b(?:said|says|told me|texted|warned me|swore)(?: that)? (?:this weekend|this week"
           r"|tomorow|tonight|today|on (?:monday|tuesday|wednesday|thursday|friday|saturday"
           r"|sunday)|next week|after the hearing|after court)(?: \w+){0,2}? (?:i am|you are|we"
           r" are|she is|he is) (?:done|dead|finished)\b"),
        _r("pointed|aimed|pointing|aiming",
           r"\b(?:pointed|aimed|pointing|aiming) (?:it|that thing|that) at (?:me|us|my \w+)\b"
           r"(?: \w+){0,8}? (?:fire|fired|shoot|shot|trigger|loaded|bullet|bullets|safety)\b"),
        _r("behind me|bumper",
           r"\b(?:he is|she is|they are|my ex is|he has ben|she has ben) (?:right )?behind me"
           r" (?:on|in) the (?:motorway|highway|freeway|road|interstate|dual carriageway|a road"
           r"|m\d+|a\d+|i \d+)\b",
           r"\b(?:he is|she is|they are|my ex is|he has ben|she has ben|he keps|she keps)"
           r" (?:right )?(?:riding|driving|right) (?:right )?up my bumper\b"),
        _r("keys",
           r"\bhow (?:do|can|would) i (?:get out|get away|leave|escape|get help)\b(?: \w+){0,5}?"
           r" (?:he|she|they) (?:has|took|hid|has got|is got|is holding|has taken) (?:the|my|al"
           r" the|both) (?:car )?keys\b"),
        # Medicine held back until an apology: "she's got my insulin and won't give it back".
        _r("insulin|inhaler|epipen|epi pen|heart|seizure",
           r"\b(?:has|has got|is got|got|is keping|keps|is holding) my (?:insulin|inhaler|epipen"
           r"|epi pen|heart (?:meds|medication|pills)|seizure (?:meds|medication))\b(?: \w+){0,2}?"
           r" (?:and|but) (?:wil not|refuses to|is not going to|wont) (?:give|let me)\b"),
    ),
    # Round 21 (used): taken "home" not to come back, "coming at 8 to bring me home", "say
    # goodbye to mummy", a child kept with photos of the river, "finish it when i fall
    # asleep", passports held with a threat, locked in a room at work.
    Group("taken_or_finished",
        _r("inside|locked me",
           r"\blocked (?:the|a|my|his|her) \w+(?: \w+)? with me inside\b",
           r"\blocked me in (?:the|a|my|his|her|our) (?:staf ?rom|ofice|back rom|stock ?rom"
           r"|basement|shed|garage|car|bedrom|bathrom|rom)\b"),
        _r("bring me|take me|drag me|get me|colect me|fetch me",
           r"\b(?:are|is|wil be|be) coming(?: to (?:the|my|our) \w+)?(?: (?:at|by) \d+| tonight"
           r"| tomorow| later| today)? to (?:bring|take|drag|get|colect|fetch) me\b"),
        _r("goodbye",
           r"\btold (?:the|my|our) (?:kids|children|son|daughter|boys|girls|baby) to say goodbye"
           r" to (?:me|mumy|momy|mum|mom|mama|their mum|their mom|their dad|dady|dad)\b"),
        _r("say where|tel me where",
           r"\b(?:has|has got|is got|got|took|taken) (?:my|our) (?:daughter|son|kids|children"
           r"|baby|boy|girl|litle one)\b(?: \w+){0,3}? (?:and )?(?:wil not|refuses to|wont)"
           r" (?:say|tel me) where\b"),
        _r("finish|end me",
           r"\b(?:finish (?:it|the job|me of|me)|end me)\b(?: \w+){0,3}? when i (?:fal asleep"
           r"|am asleep|go to sleep|sleep|close my eyes)\b"),
        _r("come back",
           r"\b(?:do not|dont) think i am (?:meant|suposed|going|alowed) to come back\b"),
        _r("out of me",
           r"\b(?:has|have|needs?|ned) to be (?:beaten|beat|whiped|burned|driven|knocked) out of"
           r" me\b(?: \w+){0,8}? (?:coming|tonight|at \d+|later|today|now)\b"),
        _r("found|end up|ends up",
           r"\b(?:anyone|whoever|if (?:we|i|you)) (?:who )?(?:runs|leaves|talks|tries to leave"
           r"|run|leave|talk|tel)\b(?: \w+){0,3}? (?:gets? found|ends? up|wil end up|is found)"
           r" (?:dead|in a ditch|in the river|in the canal|in a bag|in the lake)\b"),
    ),
)

DANGER_HISTORIC_OK: Final[tuple[Group, ...]] = (
    # Knives sharpened at night at the user: "drunk and sharpening every knife ... its 2am".
    Group("sharpening",
        _r("sharpen",
           r"<PERSON><AUX> (?:\w+ and )?sharpening (?:every |all the |the |his |her |a )?(?:knife"
           r"|knives|blade|blades|machete|axe)\b(?: \w+){0,10}? (?:smiling|staring|looking) at"
           r" (?:me|us)\b"),
    ),
    # Held by the arm: "stepdad's drunk and has my little sister by the arm really hard".
    Group("held_by",
        _r("by the",
           r"\bhas (?:my|our|the) (?:\w+ )?(?:sister|brother|son|daughter|mum|mom|kids?|baby"
           r"|child|girlfriend|wife|husband|friend) by the (?:arm|throat|neck|hair|wrist"
           r"|collar)\b"),
    ),
    # Medicine the body cannot go without: "hiding my insulin ... i'm feeling shaky".
    Group("lifeline_withheld",
        _r("insulin|inhaler|epipen|epi pen|heart|seizure|dialysis",
           r"\b(?:hiding|hid|hides|took|takes|taken|keeps|kept|withholding|withholds|withheld"
           r"|flushed|threw away|locked up|locks up) (?:away )?my (?:insulin|inhaler|epipen"
           r"|epi pen|heart (?:meds|medication|pills|tablets)|seizure (?:meds|medication|pills)"
           r"|dialysis)\b"),
    ),
    # Cut or stabbed by someone, bleeding: "he cut me and there's blood everywhere". Past
    # events ("he cut me once, years ago") are downgraded like every historic group.
    Group("wounded",
        _r("cut|stab|slash|slice",
           r"<PERSON> (?:just |has just |has |had )?(?:cut|stabbed|slashed|sliced) (?:me|my (?:arm"
           r"|face|hand|leg|neck|back|side|stomach))\b(?: \w+){0,6}? (?:blood|bleeding|bleed"
           r"|stitches|hospital|deep)\b"),
    ),
    # A threat to kill or maim: "she said she'll kill me", "he's threatening to kill the kids".
    Group("threat_kill",
        _r(words("KILL"),
           # "he would never kill me" is not a threat ("not" or "never" right before the verb).
           r"<PERSON>(?: \w+){0,4}? (?<!never )(?<!not )<KILL> <OBJ>\b(?! (?:a|an|down|up|some"
           r"|with (?:his|her"
           r"|their|these|those|the|al|kindness|jokes|puns|love|questions))\b)",
           r"\b(?:hel|shel|theyl|hed|shed|theyd) <KILL> <OBJ>\b"),
        _r("throat", r"<PERSON>(?: \w+){0,4}? (?:slit|cut) (?:my|our|her|his) throat\b"),
        _r("hospital|ground|grave|coma|whelchair|six fet",
           r"<PERSON>(?: \w+){0,4}? (?:put|send|leave) (?:me|us|you) (?:in (?:the |a )?(?:hospital"
           r"|ground|grave|coma|wheelchair)|six fet under)\b"),
        _r("til|before|one day|someday|eventualy",
           r"\b(?:until|til|before|one day|someday|eventually) (?:he|she|they) (?:kils|kil"
           r"|murders|strangles|stabs|shots|ends) (?:me|us)\b"),
        _r("burn|blow up|fire",
           r"<PERSON>(?: \w+){0,4}? (?:burn|blow up) (?:the|my|our) (?:house|place|car"
           r"|apartment|flat)(?: down)?\b",
           r"<PERSON>(?: \w+){0,4}? (?:set|light|put) (?:the|my|our) (?:house|place|car"
           r"|apartment|flat|room|bed) on fire\b"),
    ),
    # Serious harm with an explicit future: "im scared he will hurt me tonight".
    Group("threat_harm",
        _r(words("HARM"),
           r"(?:<PERSON>(?: (?:is|are|s|still|really|definitely|probably|actually|literally"
           r"|gets|so|al)){0,2} (?:wil|is going to|are going to|going to|is about to|about to"
           r"|is trying to|trying to|tries to|wants to|want to|threaten\w* to|plans to"
           r"|planning to|is coming to|coming to|might|may|could|promised to|swore to"
           r"|says he wil|said he would|is ready to|wil try to)"
           r"|\b(?:hel|shel|theyl))(?: (?:really|actually|definitely|probably|just|finally"
           r"|literally|try to|come and|come back and|come over and|come home and|again))?"
           r" (?<!never )<HARM> <OBJ>\b"),
        _r("pay", r"<PERSON><AUX> going to make (?:me|you|us) pay\b"),
    ),
    # Threats quoted from him: "he texted 'i know where you live'", "he said i'm dead".
    Group("threat_quoted",
        # "she'll make sure i never get there"
        _r("make sure",
           r"\bmake sure (?:i|you|we) (?:never|do not|dont) (?:get there|make it|come back|get home"
           r"|leave|wake up|see (?:tomorrow|the morning))\b"),
        # "last week he said i'd never see him again" (with "now he's not answering")
        _r("never se",
           r"\b(?:said|says|told me|threatened|texted|swore)(?: that)? (?:i (?:would |wil )?|id |il )never"
           r" see (?:him|her|them|my (?:son|daughter|kids|children|baby|boy|girl)) again\b"),
        # "he texted 'enjoy your last night' with a laughing emoji"
        _r("last", r"\benjoy your last (?:night|day|days|week|breath|christmas|birthday)\b"),
        _r("kil|murder|hurt|end|strangle|stab|shot|find|beat|destroy|ruin",
           r"\b(?:i wil|il|i am going to|ima|i am about to|i wil fucking|i swear i wil)"
           r" (?:kil|murder|hurt|end|strangle|stab|shoot|find(?! you (?:a|an|some|the)\b)"
           r"|beat|destroy|ruin) (?:you|your)\b"),
        _r("dead|die|pay|finished",
           r"\b(?:you are|your|you) (?:dead|going to die|a dead (?:man|woman|girl|boy"
           r"|bitch)|going to pay|wil pay|finished)\b(?! to (?:me|him|her|us|them)\b)",
           r"\b(?:said|says|told me|texted|messaged|wrote|screamed|yelled|shouted|threatened"
           r"|keeps saying|kept saying|warned me)(?: that)? (?:i am|i m|i was|we are|were)"
           r" (?:dead|going to die|a dead (?:woman|man|girl))\b(?! to )"),
        _r("body|bodies",
           r"\b(?:no one|nobody|noone|they|police|you) (?:wil |would |wont |)?(?:ever )?(?:find|finds"
           r"|found) (?:my|your|our|the) (?:body|bodies)\b",
           r"\b(?:find|wil find|il find|theyl find|they wil find) bodies\b"),
        # "if i cry one more time he'll shut me up for good"
        _r("for good", r"\bshut (?:me|you|her|us) up for good\b"),
        _r("disapear|vanish|pay|sufer|regret|never|wish",
           r"(?:<PERSON>(?: \w+){0,3}? |\b(?:hel|shel|theyl|hed|shed|il|i wil|ima) )(?:wil |would "
           r"|going to |is going to |gona )?make (?:me|you|us|sure (?:i|you|we)) (?:disappear"
           r"|vanish|pay|suffer|regret (?:it|this|leaving|that)|never (?:se|leave|walk|work"
           r"|talk|breathe)|wish (?:i|you|we) (?:were|was) dead)\b"),
        _r("dealt with|deal with|lesson|tomorrow|morning|night|another day|wek",
           r"\b(?:i|you|we|she|he|they|il|youl|wel|hel|shel|theyl)(?: wil| would| d| is going to"
           r"| am going to| are going to)? be dealt with\b",
           r"\bdeal with (?:me|you|us) (?:tonight|later|when|properly|once and for al)\b",
           r"\bteach (?:me|you|us) a lesson\b",
           r"\b(?:you|i|we) (?:wil not|are not going to|am not going to) (?:se|live to se|make it"
           r" to|survive) (?:tomorrow|the morning|the night|next week|another day)\b"),
        _r("live to se|live past|live til|live until|live through",
           r"\b(?:you|i|we) (?:wil not|are not going to|am not going to|do not|never) live"
           r" (?:to se|past|til|until|through) (?:\w+ )?(?:tomorrow|tonight|morning|friday|monday"
           r"|tuesday|wednesday|thursday|saturday|sunday|the weekend|next week|christmas|your"
           r"|my|another)\b"),
        _r("nothing to lose|nothing left to lose|forc|drag|kicking and scream",
           # A lethality warning sign when said of him ("he says he has nothing to lose").
           r"<PERSON><AUX_D>(?: says he| says she| said he| said she)? (?:has|had|have|s got|got)"
           r" nothing (?:left )?to lose\b",
           r"\b(?:bring|take|drag|get|fetch|collect|carry) (?:me|us|the kids) (?:back |home )?"
           r"(?:by force|forcibly|kicking and screaming)\b",
           r"\bdrag (?:me|us) back\b"),
        _r("die|dead",
           r"\b(?:we wil|wel|we are going to|we are gona|we are) both (?:die|be dead)\b"
           r"|\b(?:we wil|we are going to) (?:die|be dead) (?:tonight|together|now)\b"),
        _r("bye",
           r"\bsay (?:godbye|bye) to (?:my|your|the|our) (?:kids|children|family|life|son"
           r"|daughter|baby|mum|mom|dog)\b"),
        _r("know where you", r"\bi know where you (?:live|are|work|sleep|stay|are staying)\b"),
        _r("watch your back|one eye open", r"\bwatch your back\b|\bsleep with one eye open\b"),
        _r("alive|out of here|out of this|the night|til morning|until morning",
           r"\b(?:never|not) (?:leave|get out of|make it out of|walk out of) (?:this|the|here"
           r"|that)(?: \w+)? alive\b",
           r"\b(?:i am|you are|we are|i|you|we) (?:not|never|wil not|are not going to|am not going"
           r" to) (?:making|make|going to make|getting|get|going to get) (?:it )?out of (?:here"
           r"|this house|this room|this alive|this one)\b",
           r"\b(?:i|you|we) (?:wil not|are not going to|am not going to) (?:make it|survive|last)"
           r" (?:through the night|til morning|until morning|the night)\b"),
        _r("find you|get you",
           r"\b(?:i wil|il|i am going to) (?:find|get) you\b(?= *$| and\b| wherever\b"
           r"| no matter\b)"),
    ),
    # A weapon in his hands ("he has a knife", "he got the gun out", "he has a 🔪").
    Group("weapon",
        _r(words("WEAPON"),
           r"<PERSON>(?: \w+){0,6}? <ARMED>(?: (?:a|an|his|her|their|the|my|our|this|that"
           r"|some|two|three|out))?(?: (?:big|huge|kitchen|loaded|real|sharp|hunting|new"
           r"|small))? <WEAPON>\b(?! (?:collection|set|block|drawer|sharpener|emoji|shop|store"
           r"|range|course|license|licence|safe|cabinet|show)\b)",
           r"\b(?:pointing|pointed|aiming|aimed) (?:a |the |his |her |their )?<WEAPON> at"
           r" (?:me|us|<OBJ>)\b"),
        # Any name as the subject ("jake has a knife").
        _r(words("WEAPON"),
           r"\b(?!(?:i|we|you|have|had|also|just|store|shop|kitchen)\b)[a-z]+ (?:has|is holding"
           r"|grabbed|pulled out|is waving|is pointing) (?:a|an|his|her|the) (?:kitchen |big "
           r"|loaded )?<WEAPON>\b(?! (?:collection|set|block|drawer|sharpener|emoji|shop|store"
           r"|range|course|license|licence|safe|cabinet|show|section|aisle|department|sale)\b)"),
        _r("knife|gun|blade|pistol|weapon|rifle|razor",
           r"\b(?:knife|gun|blade|pistol|weapon|rifle|razor) (?:to|at|against|in) (?:my|our"
           r"|her|the kids) (?:throat|head|neck|face|chest|back|stomach|temple|side)\b"),
    ),
    # Hands on the neck: strangling, the strongest warning sign of a killing.
    Group("strangling",
        _r("neck|throat",
           r"\b(?:hands?|arms?|fingers|belt|rope|cord|knee)(?: (?:are|is|were|was))? (?:around"
           r"|round|on|against|across)"
           r" (?:my|our|her) (?:neck|throat)\b",
           r"\b(?:grabbed|grabs|grabbing|held|holds|holding|pinned|pins|lifted|picked) (?:me|us)"
           r" (?:up )?by (?:the|my) (?:neck|throat)\b",
           r"\b(?:squeezed|squeezes|squeezing|grabbed|grabs|grabbing|crushed|crushing) my"
           r" (?:neck|throat)\b"),
        _r("face|mouth|nose|head|chest|neck|throat",
           r"\b(?:pillow|hand|hands|bag|plastic bag|towel) (?:over|on|against) (?:my|our|her)"
           r" (?:face|mouth|nose|head)\b(?: \w+){0,6}? (?:could not|can not|not) breathe?\b",
           r"\b(?:put|held|holds|pushed|pressed|presses) (?:a |the |his |her )?(?:pillow|hand"
           r"|bag|plastic bag|towel) (?:over|on|against) (?:my|our|her) (?:face|mouth|nose"
           r"|head)\b",
           r"\b(?:sat|sits|sitting|kneeled|knelt|kneeling|knelt down) on (?:my|our|her)"
           r" (?:chest|neck|throat)\b"),
        # Choking, any tense: the strongest single predictor of a later killing.
        _r("chok|strangl|throtl|smother|sufocat",
           r"\b(?:choked|choking|chokes|strangled|strangling|strangles|throttled|throttling"
           r"|throttles|smothered|smothering|suffocated|suffocating) (?:me|us|my (?:\w+ )?"
           r"<VICTIM>)\b(?! up\b| with (?:kindness|love|smoke|perfume)\b)"
           r"(?!(?: \w+){0,3} (?:in|at|during) (?:bjj|jiu jitsu|jujitsu|judo|wrestling|mma"
           r"|class|training|sparring|practice)\b)",
           r"\b(?:tried to|trying to|tries to|wanted to|almost|nearly|started to|going to"
           r"|wil|would|used to) (?:choke|strangle|throttle|smother|suffocate) (?:me|us)\b"),
    ),
    # Taking the children away ("he took the kids and won't give them back").
    Group("abduction",
        # "grabbed the baby and is driving off", "took the kids and ran"
        _r("driving|drove|ran|runing|took of|taking of|speding|driven|away",
           r"\b(?:took|grabbed|snatched|taken|has taken|takes|grabs) (?:the|my|our) (?:baby|kids"
           r"|children|son|daughter|kid|boy|girl)(?: \w+){0,3}? (?:and )?(?:is )?(?:driving"
           r"|drove|ran|running|took of|taking of|speeding|driven) (?:of|away)\b"),
        _r("back|go|home|never se|run|disappear|country|forever|where",
           r"\b(?:take|taking|took|kidnap|kidnapping|snatch|snatching|grab|grabbed) (?:the|my"
           r"|our) (?:kids|children|son|daughter|baby|boy|girl)(?: \w+){0,6}? (?:i wil never"
           r" se them again|il never se them again|you wil never se them again|never se them"
           r" again|and (?:run|disappear|leave the country)|out of the country|away forever)\b",
           r"\b(?:wil not|refuses to|is not going to|not going to) tel me where (?:they|the kids"
           r"|my \w+|she|he|the baby|our \w+) (?:is|are)\b",
           r"\b(?:wil not|refuses to|is not going to|not going to) (?:give|bring|let) (?:them"
           r"|the kids|my kids|my son|my daughter|the baby|my baby) (?:back|go|home)\b"),
    ),
    # Held or turned up before ("he locked me in the basement", "she showed up at my work").
    Group("locked_in",
        _r("lock",
           r"\b(?:locked|locking|locks|lock|locked up) (?:me|us|the kids|my kids|my <VICTIM>)"
           r"(?: and (?:the|my|our) \w+)? (?:in|inside|into|in here|up|in the|in a|in his"
           r"|in her)\b"),
        _r("hostage|captive|prisoner|against|locked|inside|room|house|car|basement|bathroom"
           r"|apartment|flat|closet|garage|shed|bedroom",
           r"\b(?:trapped|trapping|traps|keeping|kept|keeps|holding|held|holds) (?:me|us"
           r"|the kids|my kids) (?:hostage|captive|prisoner|against (?:my|our) wil|locked"
           r"|inside|in (?:the|this|his|her|a) (?:room|house|car|basement|bathroom|apartment"
           r"|flat|closet|garage|shed|bedroom))\b"),
        _r("showed up|shows up|turned up|turns up",
           # "what should i say if he shows up at my door" is planning, not an event.
           r"\b(?<!if he )(?<!if she )(?<!if they )(?:showed|shows|turned|turns) up (?:at"
           r"|outside|to) (?:my|our|the) (?:door|house"
           r"|place|work|job|apartment|flat|school|home|car|office|work place|workplace"
           r"|window)\b"),
    ),

    # Maiming threats: "he's going to break every bone in my body", "break my neck".
    Group("threat_body",
        _r("break|snap|smash|crush|cut|slit|bash|cave|wheelchair|hospital|coma",
           r"(?:<PERSON>(?: \w+){0,4}? (?:wil|is going to|going to|gona|would|threaten\w* to"
           r"|said he would|says he wil|swore to|promised to|wil try to)|\b(?:hel|shel|theyl"
           r"|il|i wil|i am going to))(?: \w+)? (?:break|snap|smash|crush|cut|slit|bash|cave in)"
           r" (?:every bone in (?:my|your|her|his|our) body|(?:my|your|her|his|our) (?:neck|legs?"
           r"|arms?|jaw|face|skul|head|knees|fingers|ribs|teth|back|spine))\b",
           r"\b(?:put|send|leave|land) (?:me|you|us) in (?:a |the )?(?:wheelchair|coma|hospital)\b"),
        # Restrained: "they tied my hands", "he duct taped me".
        _r("tied|tie|tying|taped|tape|cuffed|chained|bound|zip",
           r"\b(?:tied|ties|tie|tying|zip tied|duct taped|taped|handcuffed|cuffed|chained|bound)"
           r" (?:up )?(?:me|us|my (?:hands|wrists|feet|ankles|legs|arms))\b(?! (?:to the (?:job"
           r"|contract)|with work)\b)",
           r"\bmy (?:hands|wrists|feet|ankles|legs|arms) (?:are|were|got) (?:tied|bound|taped"
           r"|cuffed|chained)\b"),
        # Told to expect death: "write your will", "if i go to sleep i won't wake up".
        _r("wil|prayers|wake up|find|hear",
           r"\b(?:told|tels|tel|telling|tells) me (?:to )?(?:write|make) my wil\b",
           r"\b(?:write|make) your wil\b|\bsay your prayers\b",
           r"\b(?:told|tels|tel|telling|tells) me to say my prayers\b",
           r"\b(?:said|says|told me|texted|warned|warned me|whispered)(?: that)? if (?:i|you)"
           r"(?: \w+){0,5}? (?:i|you) (?:wil not|are not going to|am not going to|never) wake up\b",
           r"\b(?:no one|nobody|noone) (?:wil|would|is going to|can|could) (?:ever )?(?:find"
           r"|hear) (?:you|me|us)(?= *$| here| out here| there| scream| when)"),
        _r("finish",
           r"<PERSON>(?: \w+){0,4}? (?:going to|wil|gona|is going to) finish (?:it|this|me|you)"
           r"(?: \w+){0,2}? (?:when|tonight|later|once|after)\b(?! (?:work|class|school|dinner"
           r"|lunch)\b)"),
        # "finish you off", "finish what he started", "neither of us walks out of here alive".
        _r("finish|alive|come after",
           r"\bfinish (?:me|you|us) of\b(?! with (?:these|those|all (?:these|those|this))\b)"
           r"|\bfinish (?:the job|what (?:he|she|they|i) started)\b",
           r"\b(?:neither|none|both) of us (?:walks|walk|gets|get|leaves|leave|makes it|make it)"
           r" (?:out|out of here|out of this)(?: \w+)? alive\b",
           r"\b(?:wil|il|hel|shel|theyl|going to|gona|is going to|are going to) come after"
           r" (?:me|us|you)\b"),
        # A group's threats: "anyone who tries to leave will be dealt with", "purified".
        _r("dealt with|punished|purified|disciplined|silenced|example|taken care of|cleansed"
           r"|removed",
           r"\b(?:anyone|those|the ones|people|whoever|anybody|members|traitors|apostates"
           r"|doubters)(?: \w+){0,8}? (?:wil|would|are going to|is going to|gona|must|shal) be"
           r" (?:dealt with|punished|purified|disciplined|silenced|made an example of|taken"
           r" care of|cleansed|removed)\b"),
    ),
)

# Situations that mean danger only with fear, rage or "now" (combined in detector.py):
# "he's coming home and he's drunk", "he's home and i'm scared".
COMING: Final = _r(
    "coming|driving|heading|walking|on the way|racing|storming|rushing",
    r"<PERSON><AUX>(?: \w+ and)? (?:coming|driving|heading|walking|on the way|racing|storming"
    r"|rushing)"
    r" (?:here|over|back|home|to (?:my|our|the) (?:house|place|flat|apartment|work|door|room"
    r"|bedroom)|to me|to us|this way|up the|up to (?:my|our|the) (?:room|bedroom|flat|apartment)"
    r"|upstairs)\b",
)
NEAR: Final = _r(
    "home|back|here|around|room|downstairs|upstairs|next door|house|awake| up",
    r"<PERSON><AUX> (?:home|back|here|around|in the next room|in the other room|downstairs"
    r"|upstairs|next door|in the house|awake|up)\b",
)
# The other person in a rage, drunk or smashing things ("he's drunk again and i'm scared").
AGITATED_PERSON: Final = _r(
    words("RAGE"),
    r"<PERSON><AUX>(?: (?:so|really|very|extremely|super|completely|blind|absolutely))? <RAGE>\b",
)
AGITATED: Final = _rx(r"\b<RAGE>\b|\brage\b")
FEAR: Final = _rx(
    r"\b(?:scared|terrified|afraid|frightened|panicking|panic|shaking|trembling|petrified"
    r"|terror|freaking out|fear)\b",
)
# A plea or fear in the latest message of a conversation (English or Spanish): with one, it
# carries on an earlier crisis in the chat context (crisis.py); a calm reply does not.
PLEA: Final = _rx(
    r"\b(?:help|please|pls|what do i do|what should i do|what can i do|hurry|save me"
    r"|come quick|i can not breathe|ayuda|ayudame|auxilio|socorro|que hago|por favor|miedo"
    r"|asustad[ao]|aterrad[ao]|acojonad[ao]|panico|rapido)\b",
)
NOW: Final = _rx(
    r"\b(?:right now|now|tonight|at the moment|atm|currently|this minute|as we speak"
    r"|any minute|any second|soon|in (?:a few|five|5|ten|10|twenty|20|fifteen|15|thirty|30)"
    r" (?:minutes|mins|min)|help|please)\b",
)
# Markers that place a threat in the past ("he used to...", "when i was little").
HISTORIC: Final = _rx(
    r"\b(?:used to|use to|when i was (?:a |an |in )?(?:little|younger|young|small|kid|child"
    r"|teen|teenager|baby|girl|boy|\d+)|as a (?:kid|child|teen|teenager|little girl"
    r"|little boy)|growing up|grew up|years ago|(?:a |one |last )year ago|last year"
    r"|in the past|back then|back in|in my childhood|my childhood|long time ago|long ago"
    r"|months ago|in high school|in college|in school|before i left|before we broke up"
    r"|before the divorce|my late)\b",
)
# Lethality signs (threats to kill, weapons, choking, being locked in) stay danger even in
# the past tense ("he choked me last year"); only childhood or years-old events are downgraded.
LONG_AGO: Final = _rx(
    r"\b(?:when i was (?:a |an |in )?(?:little|younger|young|small|kid|child|teen|teenager"
    r"|baby|girl|boy|\d+)|as a (?:kid|child|teen|teenager|little girl|little boy)|growing up"
    r"|grew up|years ago|in my childhood|my childhood|long time ago|long ago|in high school"
    r"|in elementary|in primary school|my late)\b",
)
# "my boss will kill me if i'm late": a figure of speech unless reported as said. Only the
# semantic-style "check" level is given ("are you safe right now?").
HYPERBOLE: Final = _rx(
    r"\b(?:my|the|our) (?:boss|manager|supervisor|teacher|prof|professor|coach|coworkers?"
    r"|colleagues?|team|mom|mum|mother|dad|father|parents|mama|mommy|daddy|grandma|nan|gran"
    r"|sister|brother|friends?|bestie|roommate|landlord)(?: \w+){0,2}? (?:is going to|wil"
    r"|is gona|going to|gona|would|is about to|wil literally|is literally going to)"
    r"(?: (?:literally|actually|definitely|seriously|so))? (?:kil|murder|strangle|slaughter"
    r"|end|skin) (?:me|us)\b",
)
# Present-tense markers that cancel the "historic" downgrade ("he used to, now he says...").
PRESENT: Final = _rx(
    r"\b(?:now|right now|tonight|today|this morning|this evening|again|still|anymore"
    r"|currently|at the moment|atm|this time|keeps|outside|here|coming)\b",
)
# Laughter: "my mom is going to kill me when she sees this lol" is a figure of speech.
LAUGH: Final = _rx(
    r"\b(?:lol|lolz|lmao|lmfao|rofl|jk|xd|ha(?:ha)+h?|he(?:he)+|lolol|ja(?:ja)+|je(?:je)+"
    r"|js(?:js)+|jsj\w*)\b"
)
# Fiction: "the guy with the knife in that movie was so creepy" is not a threat to the user.
# A dream told ("i had a dream he was chasing me"): what happens in it is not happening now.
DREAM: Final = _rx(
    r"\b(?:had|have|having|keep having|get|still get|keep getting|another|a bad|this|the|my"
    r"|in my|in a) (?:dream|dreams"
    r"|nightmare|nightmares)\b|\b(?:dreamt|dreamed|dreaming) (?:that|about|he|she|they|of)\b"
)
FICTION: Final = _rx(
    r"\b(?:movie|movies|film|films|tv show|series|episode|novel|thriller|video game|documentary"
    r"|anime|character|villain|scene|audiobook|true crime|netflix|trailer|plot|zombies|zombie"
    r"|hide and seek|playing tag|horror game"
    r"|(?:playing|played|play) (?:a |an |the |this |that )?(?:horror |scary |video |new )?game)\b"
)
# A visit agreed for belongings or the children: "coming over tonight to pick up his stuff,
# it's all agreed". With "now" alone it is not danger; with fear or rage it still is.
HANDOVER: Final = _rx(
    r"\bto (?:pick up|collect|get|grab|drop off|return|fetch) (?:his|her|their|the|my) (?:stuff"
    r"|things|belongings|boxes|clothes|kids|children|son|daughter|mail|post|dog|car)\b"
    r"|\b(?:it is all|all|it is|everything is) (?:agreed|arranged|civil|sorted|planned)\b"
)
# Recovered: "she used to want to die back then ... i'm not there anymore. glad we made it".
RECOVERED: Final = _rx(
    r"\b(?:not there anymore|not like that anymore|we both made it|i made it|so proud of how far"
    r"|how far i have come|those days are over|doing so much better now|in a better place now"
    # round 21 (used): "five years on i'm doing really well", "2 years clean from self harm"
    r"|i am doing (?:realy |so |very )?wel|(?:years?|months?) clean|clean from self harm"
    r"|and survived|she survived|he survived)\b"
)
# A past told with a date or a count of years: "in 2019 i took an overdose", "five years on".
DATED_PAST: Final = _rx(
    r"\b(?:in (?:19|20)\d\d|(?:\d+|to|two|three|four|five|six|seven|eight|nine|ten) years?"
    r" (?:ago|on|clean)|years ago)\b"
)
# Signs that a past crisis is back: the discount for a survived past never applies with them.
AGAIN_NOW: Final = _rx(r"\b(?:again|tonight|right now|thinking about it|relapsed)\b")
USED_TO: Final = _rx(r"\bused to\b|\bback then\b|\byears ago\b")
# Play: "'i'll kill you' when we play fifa, it's just banter", "during a nerf fight".
BANTER: Final = _rx(
    r"\b(?:just banter|it is banter|only banter|only joking|just joking|trash talk|when we play"
    r"|jokes|joked|as a joke"
    # a trivial reason: "gonna murder me for eating his leftovers"
    r"|for (?:spoiling|ruining) (?:the|his|her|my) (?:finale|ending|show|movie|film|game"
    r"|surprise|episode|book|series)"
    r"|for (?:eating|drinking|taking|using|borrowing|breaking|finishing) (?:his|her|their|my"
    r"|the) (?:leftovers|food|yoghurt|yogurt|snacks|chips|crisps|charger|hoodie|clothes|stuff"
    r"|chocolate|pizza|milk|cereal)"
    r"|while we play|nerf|pillow fight|water fight|play fight|play fighting|during a game)\b"
)
# Speech verbs: a reported threat ("he said he'll kill me lol") is never taken as a joke.
SAID: Final = _rx(
    r"\b(?:said|says|saying|told|tells|telling|texted|texts|texting|messaged|wrote|threaten\w*"
    r"|swore|swears|warned|screamed|yelled|shouted|promised|voicemail|voice note)\b",
)

# =============================================================================================
# SELF_HARM: suicide, self-injury, wanting to die or disappear, overdose, goodbyes.
# =============================================================================================

_MORE_ON_PURPOSE = (
    r"\b(?:shot up|injected|took|used|snorted|smoked|did|drank|swallowed|had|popped)\b"
    r"(?: \w+){0,3}? (?:way |a lot |much |loads |so much |far )?more than (?:normal|usual|i usually"
    r" do|i should|is safe|my usual|my dose|the dose|prescribed)\b(?: \w+){0,4}?"
    r" (?:on purpose|deliberately)\b"
)

SELF_HARM: Final[tuple[Group, ...]] = (
    # More than usual, on purpose: "shot up way more than normal on purpose".
    Group("more_on_purpose",
        _r("on purpose|deliberately",
           rf"{_MORE_ON_PURPOSE}"),
    ),
    # Means handled, places scouted, a date near, a message that may not come.
    Group("means_near",
        # "i've got my dad's old service revolver in the shed ... just holding it"
        _r("holding|hold|staring at|siting with",
           r"\b(?:gun|revolver|pistol|rifle|shotgun)\b(?: \w+){0,15}? (?:just )?(?:holding|hold"
           r"|staring at|sitting with) (?:it|him)\b"),
        _r("scouting",
           r"\bscouting (?:bridges|spots|places|locations|cliffs|buildings|roofs|rooftops"
           r"|car parks|carparks)\b"),
        _r("why",
           r"\bif i (?:do not|dont) (?:message|text|reply|answer|come back|wake up|show up|write)"
           r"\b(?: \w+){0,3}? (?:you know why|you wil know why|that is why|know why)\b"),
        _r("here|around|alive",
           r"\bnot (?:be|being) (?:here|around|alive) (?:by|for|at|after|before|til|until)"
           r" (?:christmas|new year|new years|my birthday|the weekend|next week|next month|summer"
           r"|spring|autumn|winter|then|the end of the (?:week|month|year))\b"),
    ),
    # Called by a means; safety refused; self-injury told without the usual words.
    Group("drawn_to",
        _r("caling",
           r"\b(?:train|trains|tracks|bridge|river|sea|water|rope|pills|cliff|edge|roof|blade)\b"
           r"(?: \w+){0,6}? (?:has been|is|keeps|kept|been|are) calling (?:me|my name)\b"),
        _r("safe",
           r"\bi (?:do not|dont) want to be safe\b"),
        _r("punching|do it to myself",
           r"\bpunching my (?:thighs|legs|arms|stomach|head)\b(?: \w+){0,3}? (?:til|until|to)\b",
           r"\bnow i do it to myself\b"),
        _r("thinking about the",
           r"\bthinking about the (?:blade|razor|razors|blades) in my\b"),
        _r("love",
           r"\btell (?:my|him|her) \w*(?: \w+)? i love (?:him|her|them)\b(?: \w+){0,3}? if i"
           r" (?:do not|dont|never) (?:message|make it|come back|wake up|text)\b"),
    ),
    # Medicine kept instead of taken; found "when i'm gone".
    Group("kept_not_taken",
        _r("keeping|saving|hiding|storing|stashing",
           r"\b(?:not been taking|stopped taking|not taking|never took) (?:them|it|my meds|my pills"
           r"|my tablets)\b(?: \w+){0,4}? (?:keeping|saving|hiding|storing|stashing) (?:them"
           r"|it)\b"),
        _r("gone",
           r"\b(?:finding|find|see|read|reads|finds) (?:it|this|them) when i am gone\b"),
    ),
    # Means kept ready: "the pills are in a zip bag ... when the time comes".
    Group("means_ready",
        _r("when the time comes",
           r"\b(?:pills|tablets|rope|razor|razors|blades?|gun|meds)\b(?: \w+){0,20}? when the time"
           r" comes\b"),
        # "my parents would rather have a dead son ... thinking of giving them what they want"
        _r("what they want|what he want|what she want",
           r"\b(?:rather have a|better off|want me|wants me|wish i was|wished i was) dead\b"
           r"(?: \w+){0,12}? (?:giving|give) (?:them|him|her|everyone) what (?:they|he|she)"
           r" (?:want|wants)\b"),
        # "people who leave deserve death and i'm starting to think they were right about me"
        _r("right",
           r"\bdeserves? (?:death|to die)\b(?: \w+){0,12}? (?:they|he|she) (?:were|was|are|is)"
           r" right(?: about me)?\b"),
    ),
    # Self-injury named, then "i did it": "is cutting common ... i did it tonight".
    Group("injury_then_did_it",
        _r("did it|done it|relapsed",
           r"\b(?:cutting|cut myself|cuts|self harm\w*|selfharm\w*|burning myself|hurting myself"
           r"|self injury)\b(?: \w+){0,25}? i (?:did it|have done it|did it again|relapsed)\b"),
    ),
    # The words themselves, typos and euphemisms ("sucide", "unalive", "kms", "sewer slide").
    Group("suicide_words",
        # Fuzzy "suicide": s + u/ui/.. + c/s/sc + i + d... Every match has "cid", "sid", "cd"
        # or "sd" in it. Career/social suicide and the film are figures of speech.
        _r("cid|sid|cd|sd",
           r"\bs(?<!career s)(?<!social s)(?<!political s)(?<!commercial s)(?<!financial s)"
           r"(?<!professional s)(?<!electoral s)(?<!called s)(?<!named s)(?<!not s)(?<!never s)"
           r"(?<!novel about s)(?<!book about s)(?<!film about s)(?<!movie about s)"
           r"(?<!essay about s)(?<!article about s)(?<!documentary about s)(?<!poem about s)"
           r"(?:u|ui|ue|iu|ou|uy)?i?(?:c|s|sc)i?d[a-z]*\b"
           r"(?! (?:squad|doors?|mission|bomb\w*|run|blonde)\b)"),
        _r("kms", r"(?<!says )(?<!said )\bkms\b(?<![0-9] kms)"),
        # Someone else's suicide risk also gets the crisis lines ("my sister wants to kill
        # herself"); an abuser's threat to do it ("he'll kill himself if i leave") is danger.
        _r("himself|herself|themselves|themself",
           r"\b(?:kil|kiling|end|ending) (?:himself|herself|themselves|themself)\b"),
        _r("unaliv|un aliv", r"\bun ?aliv"),
        _r("slide|delet|ctb|end it al|endit al",
           r"\bsewer ?slide\b|\bself ?delet|\bctb\b|\bend ?it al\b"),
        _r("my life|my own life",
           r"\b(?:end|ending|ended|take|taking|took) my (?:own )?life\b"),
        _r(words("MYSELF"),
           r"\b(?:kil|kils|kiling|killed|murder|end|ending|hang|hanging|hanged|drown|drowning"
           r"|shoot|shooting|poison|poisoning|suffocate|suffocating|strangle|strangling|starve"
           r"|starving|slit|stab|stabbing|delete|deleting|overdose|od|unalive|gas|electrocute"
           r"|knife|torch) <MYSELF>\b(?! in the fot\b)",
           # "off myself" folds to "of myself": it needs a verb in front ("tired of myself").
           r"\b(?:to|gona|wil|il|just|should|could|might|d|would|about to|going to) of"
           r" <MYSELF>\b"),
    ),
    # Death wishes, direct and indirect ("i want to die", "i wish i was never born").
    Group("death_wish",
        _r("end|kil|wake|sleep|take my",
           r"\b<INTEND> to<ADV>{0,2} (?:end (?:it al|my life|my suffering|my own life|this life)"
           r"|kil myself|not wake up|never wake up|sleep forever|take my (?:own )?life)\b"),
        _r((*words("WANTDIE"), "rather"),
           r"\b<WANTDIE> to<ADV>{0,2} (?:<DIE>|be dead|be ded|not (?:be )?(?:alive|here anymore"
           r"|exist|wake up|live|be here)|stop (?:existing|living|breathing|being alive|being here)"
           r"|fal asleep forever|sleep forever|rest forever"
           r"|never wake up"
           r"|sleep forever|go to sleep forever|go to sleep and (?:never|not) wake up"
           r"|end (?:it|it al|everything|my life|things|my suffering|the pain|this pain|my pain"
           r"|my own life|this life)(?! (?:with|between|for good with|now with)\b)"
           r"|disappear(?!<DISAPPEAR_OK>)|vanish(?!<DISAPPEAR_OK>)|cease to exist|fade away"
           r"|not exist|be gone(?! (?:from|for|to|by|on|when)\b)|leave this world"
           r"|join (?:my|her|him) (?:\w+ )?in heaven|go to heaven)\b"),
        _r("wake up|open them|get up again",
           r"\b(?:fal asleep|go to sleep|sleep|drift of|close my eyes|lie down) and (?:not|never)"
           r" (?:wake up|open them again|get up again)\b"),
        _r("wish",
           r"\bwish (?:i|id|i had|i would|i could|that i)(?: \w+){0,3}? (?:dead|died|die"
           r"|never been born|not been born|never born|not born|not exist|did not exist"
           r"|wasnt born|was not born|wasnt alive|was not alive|was not here|wasnt here"
           r"|were not here|werent here|disappear(?!<DISAPPEAR_OK>)|vanish|sleep forever"
           r"|not wake up|never wake up|never woke up|did not wake up|stop existing"
           r"|stop breathing|gone(?! (?:from|for|to|by|on|when)\b))\b"),
        _r("rather|prefer|sooner",
           # "i'd rather die than wear that sweater lol": with laughter after "than", a joke.
           r"\b(?:i|i d|id|i would|i had)(?: \w+){0,2}? (?:rather|prefer to|sooner) (?:be )?"
           r"(?:dead|die)\b(?! than(?: \w+){0,10}? (?:lol|lmao|haha\w*|hehe\w*|jk|xd|jaja\w*)\b)"),
        _r("hope",
           r"\bhope (?:i|that i) (?:die|do not wake up|never wake up|get hit by|crash"
           r"|do not make it|drop dead|just die)\b"),
        _r("die|dead",
           r"\blet me die\b|\bi (?:should|deserve to|need to|ought to|must) (?:just )?(?:die"
           r"|be dead)\b"),
        _r("death|dead|end|over",
           r"\b(?:want|wish|pray|praying|hope|hoping|waiting|longing|ready) (?:for )?(?:death"
           r"|to be dead|it al to end|it to be over|it al to be over|to be over"
           r"|this to be over)\b(?! with\b)"),
        _r("end|over|go away|finish|stop",
           r"\b(?:want|wish|need|wanted|make|let) (?:it|this|everything|it al|al of this"
           r"|al of it|the pain|my life|life|the hurt) (?:to )?(?:end|be over|go away|finish"
           r"|stop(?= forever| for good| permanently| al| *$))\b"
           r"(?! (?:with|between)\b)"),
        _r("fel",
           r"\bfel(?:ing|s)? like (?:dying|ending it|ending (?:it al|my life|everything)"
           r"|kiling myself|disappearing forever|i (?:want|wana) to die|i should die"
           r"|i should not be alive|not being alive|not existing|giving up on life)\b"),
        _r("care", r"\b(?:do not) care if i (?:live or die|die|wake up|make it|am alive)\b"),
        _r("if i",
           r"\bif i (?:died|disappeared|was gone|were gone|was dead|were dead|wasnt here"
           r"|wasnt around|was not here|was not around|killed myself|ended it|ended my life"
           r"|did not wake up|never woke up|was not alive|wasnt alive|stopped existing"
           r"|just vanished|just disappeared|jumped)\b(?! (?:from|of|for a)\b)"),
        _r("ending",
           r"\b(?:thinking|thought|think|thoughts|considering|considered|planning|planned|plan"
           r"|ready|decided|going|want|about|tempted|close|urge|urges|idea) (?:of|about|to|on)?"
           r" ?(?:just )?ending (?:it|it al|things|everything|my life|myself|my suffering)\b"
           r"(?! (?:with|between|for good with|of with)\b)",
           r"\bending (?:it|it al|things|everything|my life)\b(?= (?:tonight|today|now"
           r"|right now|soon|this week|tomorrow)\b| *$)"),
        _r("end it",
           r"\b(?:i|to|il|wil|should|just|could|might|finally) end it\b(?! (?:with|between"
           r"|for good with|of with|properly with|al with|now with|of|there)\b)"),
        _r("want out",
           r"\bwant out of (?:this|my) (?:life|world|existence)\b(?! (?:with|he|she)\b)"
           r"|\bwant out of (?:life|existence)\b"),
        _r("heaven|other side",
           r"\b<WANTDIE> to<ADV>{0,2} (?:be with|join|se) (?:my|him|her|them) (?:\w+ ){0,2}"
           r"(?:in heaven|again in heaven|on the other side)\b"),
        _r("why",
           r"\bwhy (?:am i|i am|should i|do i|is i) (?:even )?(?:still )?(?:alive|here|living|breathing"
           r"|bother living|bother to live|bother waking up)\b"),
    ),
    # Burden and "better off without me".
    Group("burden",
        _r("without me",
           r"\b(?:everyone|everybody|my family|my kids|the kids|the world|people|they|you al"
           r"|my friends|my parents)(?: \w+){0,2}? (?:be |are |is )?(?:fine|happier|better"
           r"|ok|okay|so much better|easier) without me\b(?! (?:at|for|on|in|there|tonight"
           r"|today|this)\b)"),
        _r("beter of",
           r"\bbetter of (?:dead|without me|not existing|not being here|not alive|not around"
           r"|gone|in the ground|if i (?:\w+ ){0,2}(?:was|were|wasnt|werent|was not"
           r"|were not|died|disappeared|left this world|gone|not here|didnt exist|never existed"
           r"|killed myself|ended it|never born))\b",
           r"\b(?:everyone|everybody|every one|every1|the world|world|my family|the family"
           r"|my kids|the kids|my children|people|al of you|you al|they al|al of them|them al"
           r"|my friends|my parents|everyone else|evryone) (?:\w+ ){0,2}better of\b"
           r"(?! with\b| if (?:he|she|they|we)\b)"),
        _r("no one|none|nobody|no body|no1|single person|one person",
           r"\b(?:no one|noone|nobody|no body|no1|not a single person|not one person)"
           r" (?:would|wil|d|is going to|even)(?: even)? (?:care|miss me|notice|cry|mourn"
           r"|come to my funeral|remember me)\b(?! (?:about (?:my|the|what)|that i (?:left"
           r"|blocked)|if i (?:left|leave|blocked|quit|moved|went))\b)"),
        _r("longer",
           r"\b(?:wil not|not going to|not|never) be (?:a burden|a problem|in (?:your|anyones"
           r"|everyones|the) way|around|here|bothering (?:you|anyone)) (?:for )?(?:much|any)"
           r" longer\b"),
        _r("burden",
           r"\b(?:i am|i fel like|i am just|i fel|i m|i am only)(?: such| just| only"
           r"| nothing but| a huge| a big| a total)? (?:a )?burden\b(?! to (?:him|her|them)\b)"
           r"(?! (?:asking|when i ask|to ask|for asking|by asking|every time i ask)\b)"),
    ),
    # Hopelessness: no reason to live, can't go on.
    Group("hopeless",
        _r("reason|point|purpose|wil",
           r"\b(?:no|not any|nothing|zero|not a single|have no|do not have a|do not have any"
           r"|there is no|lost my|lost al) (?:reason|reasons|point|purpose|wil) (?:to|in|for"
           r"|of) (?:live|living|life|go on|going on|keep going|keep living|be alive"
           r"|being alive|stay alive|staying alive|be here|being here|exist|existing|wake up"
           r"|waking up|carry on|carrying on|continue|continuing|anything anymore|me to live"
           r"|me being here)\b"),
        _r("live for|left for me", r"\bnothing (?:left )?to live for\b|\bnothing left for me\b"),
        _r("point",
           r"\b(?:what is|what s|wats) the point (?:of|in) (?:living|life|going on"
           r"|being alive|existing|anything anymore|it al|waking up|even trying anymore"
           r"|any of this|me|being here|even being here|carrying on)\b",
           r"\bno point (?:anymore|any more|in anything|in me)\b"),
        _r("worth",
           r"\blife (?:is not|is no longer|not) worth (?:living|it)\b|\bnot worth living\b"),
        _r("tired|sick|exhausted|weary",
           r"\b(?:tired|sick|exhausted|weary) of (?:living|being alive|life|existing"
           r"|being here|breathing|waking up|it al|trying to stay alive|fighting to stay alive"
           r"|everything(?= *$| (?:and|i|anymore|right now|now|honestly|just|so|lately|today"
           r"|tonight|everyone|life)\b))\b"),
        _r("done|finished",
           r"\b(?:done|finished) with (?:life|living|being alive|everything|existing|it al"
           r"|this world|this life)\b(?! (?:he|she|they|about|related|to do|that)\b)"),
        _r("stay alive", r"\b(?:fighting|trying|struggling) to stay alive\b"),
        _r("point",
           r"\b(?:do not|can not|never) se (?:the|any) point (?:in|of) (?:anything|living|life"
           r"|going on|being alive|existing|being here|waking up|carrying on|me)\b"),
        _r("like this",
           r"\b(?:can not|wil not|do not want to) (?:keep |go on |carry on )?(?:living|live"
           r"|existing|exist) like this\b"),
        _r("longer|long",
           r"\bhow (?:much )?(?:longer|long) (?:i can|can i|i wil|il|i am going to) (?:hold on"
           r"|keep going|go on|last|do this|survive|keep fighting|keep living|stay alive)\b"),
        _r("only",
           r"\bonly (?:way out|option|solution|escape|answer|choice)(?: left)?(?: is| i see is"
           r"| i have)? (?:to die|death|dying|suicide|ending it|to end it|to kil myself"
           r"|to disappear)\b"),
        _r("up on", r"\b(?:give|gave|given|giving) up on (?:life|living|myself|everything)\b"),
        _r("being alive", r"\b(?:hate|hating) being alive\b"),
        _r("live|alive|exist|wake up|go on|be here|keep|continue|carry on|be around|earth"
           r"|world|breathe",
           r"\b(?:do not|did not|never|no longer|can not)(?: really| even| honestly)?"
           r" (?:want|wana|wish|deserve|need|bear|stand|plan|intend|expect) to (?:live"
           r"|be alive|exist|wake up(?! (?:early|so early|at \w+|tomorrow morning|for (?:work"
           r"|school|class)|in the morning)\b)"
           r"|go on|be here(?= *$| anymore| any more| no more| on this earth| in this world"
           r"| tomorrow| now| at al)|keep living|keep going|continue|carry on|be around"
           r"|live anymore|be on this earth|be in this world|breathe)\b"),
        _r("anymore|any more|much longer|no more|any longer",
           r"\b(?:can not|unable to|no longer|wil not) (?:go on|keep going|carry on|continue"
           r"|do this|do it|take (?:it|this|any more|anymore|much more)|cope|handle (?:it"
           r"|this|life|anything)|live like this|be here|bear (?:it|this)|live with (?:this"
           r"|myself)|function|survive|keep fighting|fight (?:it|this)|hold on)(?: \w+){0,3}?"
           r" (?:anymore|any more|much longer|no more|for much longer|any longer)\b"),
        _r("go on|keep going|carry on|live with myself|keep fighting",
           r"\b(?:can not) (?:go on|keep going|carry on|live with myself|keep fighting)\b"
           r"(?! (?:with|like this with|texting|seeing|talking|waiting|pretending|arguing"
           r"|dating)\b)"),
        _r("no way out",
           r"\bno way out\b(?! of (?:this (?:parking|car park|meeting|contract|job|lease)))"),
        _r("pain|suffering|hurt|misery",
           r"\bi (?:just )?want (?:the|this|my) (?:pain|suffering|hurt|misery) to (?:stop|end"
           r"|go away)\b"),
    ),
    # Self-injury ("i've been cutting myself"); accidents ("cut myself shaving") excluded.
    Group("self_injury",
        _r(words("MYSELF"),
           r"\b(?:cut|cuts|cutting|cuted|hurt|hurts|hurting|harm|harms|harming|burn|burns"
           r"|burned|burnt|burning|hit|hits|hitting|scratch|scratching|scratched|punch"
           r"|punching|punched|bruise|bruising|injure|injuring|injured|bite|biting|carve"
           r"|carving|carved|punish|punishing|bleed|bleeding|whip|whipping|mutilate"
           r"|mutilating|beat|beating|slash|slashing) <MYSELF>\b(?<!do not want to hurt myself)"
           r"(?<!do not want to harm myself)(?<!never want to hurt myself)"
           r"(?! (?:of|out|shaving|cooking|chopping|slicing|opening|making|cleaning|gardening"
           r"|working|at (?:the|work|gym)|on (?:a|an|the|some|broken|my|his|her|paper)"
           r"|by accident|accidentaly|accidently|accidentally|while|playing|lifting|running"
           r"|skiing|training|trying to|in the (?:kitchen|gym|garden)|with (?:a|the) (?:kitchen"
           r"|bread|paper|can)|during|a bit (?:at|on|in)|when i fel|falling|on accident"
           r"|up about|up over|up for|for (?:not|forgetting|being|eating|the)|with (?:work"
           r"|questions|guilt|doubt|worry)|emotionally|mentally|by (?:staying|going|texting"
           r"|thinking|checking|reading|looking)|over (?:him|her|them|this|that)|again by"
           r"|more by)\b)"),
        _r("wrist|arm|thigh|leg|skin|stomach|body|hip|vein|throat",
           r"\b(?:cut|cuts|cutting|slit|slitting|slice|slicing|carve|carving|burn|burning"
           r"|burned|burnt|scratch|scratching|slash|slashing) (?:my|open my) (?:wrists?|arms?"
           r"|thighs?|legs?|skin|stomach|body|hips?|veins?|throat)\b(?! (?:on|shaving|cooking"
           r"|chopping|while|by accident|accidentaly|in the|at the|with (?:a|the) (?:kitchen"
           r"|bread|paper|can)|open on)\b)"),
        _r("self", r"\bself ?(?:harm|injur|mutilat|hurt)"),
        _r("again|relapse|urge|scar|relaps",
           r"\b(?:sh|self harm) (?:again|relapse|relapsed|urges?|scars?)\b",
           r"\brelaps\w* (?:on |with |into |back into )?(?:sh|self ?harm\w*|cutting|burning"
           r"|my self harm)\b"),
        _r("cuting",
           r"\b(?:started|start|starting|began|begun|been|am|keep|kept|stop|quit|relapsed and)"
           r" cutting(?: again| myself)?\b(?! (?:back|down|out|ties|him|her|them|carbs|sugar"
           r"|meat|corners|class|classes|school|it|things|the|my|off|of|people|costs|contact"
           r"|hair|wood|grass|fabric|paper)\b)",
           r"\bcutting again\b"),
        _r("cut|burned|burnt|sliced|slashed|bleding",
           r"\bi (?:cut|cuted|sliced|burned|burnt|slashed)(?: myself)? (?:dep|to dep|too dep"
           r"|again|last night|tonight|badly|yesterday|this morning|so much|til|until)\b",
           r"\b(?:wil not|can not|does not) stop bleeding\b"),
        _r("cut again", r"\bcut again\b(?! (?:my|the|his|her|it|ties)\b)"),
        _r("razor", r"\brazor ?blades?\b"),
        _r("blade|razor|knife|pills|rope",
           r"\b(?:holding|hiding|hid|staring at|sharpened|sharpening|bought) (?:a |the |my "
           r"|some )?(?:blade|blades|razor blade|razor blades|knife)\b(?! (?:set|for|to cut"
           r"|from the shop)\b)",
           r"\b(?:holding|hiding|hid|bought|got) (?:a |the |my |some )?(?:new|fresh|another"
           r"|sharp|sharper) (?:blade|blades|razor blade|razor blades)\b(?! (?:set|for)\b)",
           # "bought a new blade" + "not for shaving" (the context joins them)
           r"\b(?:blade|blades|razor|knife|pills|rope)(?: \w+){0,4}? not (?:for|to use for)"
           r" (?:shaving|cooking|the kitchen|work|crafts|my legs|my face|my beard|a headache"
           r"|sleep|the garden|camping)\b"),
        # At the place of a method: "i'm at the bridge", "i'm on the roof".
        _r("bridge|clif|edge|ledge|rof|tracks|railway|top flor|overpas",
           r"\b(?:i am|i m|im|currently) (?:at|on|standing on|siting on|on top of) (?:the|a|this)"
           r" (?:bridge|cliff|cliffs|edge|ledge|roof|rooftop|train tracks|tracks|railway"
           r"|railway line|top floor|overpass)\b"),
        _r("take|tok|swalow|down|taking",
           r"\b<PILLS>(?: \w+){0,8}? (?:take|took|swallow|swallowed|down|downed|taking"
           r"|swallowing) (?:them|it|those|these) al\b"),
        _r("godbye|farewel|final|last",
           r"\bi (?:wrote|sent|am writing|am sending|recorded|left|drafted|scheduled|have written"
           r"|have sent) (?:my |some |a |the )?(?:goodbye|farewell|final|last) (?:texts?|messages?"
           r"|letters?|notes?|videos?|emails?|posts?|voice notes?)\b"),
        _r("in my hand",
           r"\b(?:the|a|my|this) (?:blade|razor|razor blade|knife|rope|gun|lighter) (?:is )?in"
           r" my hands?\b"),
        _r("bled out|bleding out", r"\b(?:bleed|bleeding) out\b"),
        _r("bang",
           r"\bbang(?:ing)? my head (?:against|on) (?:the )?wal (?:until|til|till) (?:it bleeds"
           r"|i bleed|i pass out)\b"),
    ),
    # Overdose and pills ("took all my pills", "od tonight"); "overdosed on coffee" is not.
    Group("overdose",
        _r("overdos",
           r"(?<!a patient )(?<!patients )(?<!patient s )(?<!patient )(?<!who )(?<!had [0-9] )(?<!two )"
           r"(?<!after an )(?<!after )(?<!we had an )(?<!we had )(?<!look like an )(?<!like an )"
           r"(?<!three )\boverdos(?!es\b)\w*\b(?! (?:patient|patients|management|prevention"
           r"|deaths|death rates|rates|crisis|epidemic|stories|story"
           r"|awareness|training|response|reversal|kit|kits"
           r"|case|cases|cal|cals|call|calls|scene|episode|in (?:my|the|that) (?:ward|er|shift"
           r"|show|movie|book))\b)(?! on (?:cofe|caffeine|sugar|chocolate|netflix|tv|carbs|candy"
           r"|cute\w*|drama|content|sun|work|pizza|love|vitamin c|gym|podcasts|memes|feelings"
           r"|music|tea|energy drinks|guilt|the free samples|free samples|samples)\b)"),
        _r("od",
           r"\bod(?:ing|ed|d)?\b(?= (?:on|tonight|again|now|right now|today|soon|this time"
           r"|al)\b| *$)"),
        _r(words("PILLS"),
           r"\b(?:take|took|taking|swallow|swallowed|swallowing|down|downed|downing|chug"
           r"|chugged|have taken|had|pop|popped|popping|eat|ate|eating|overdose on|od on"
           r"|going to take)(?: \w+){0,2}? (?:al|every one of|every single one of|a bunch of"
           r"|a handful of|handfuls of|too many|a lot of|lots of|loads of|heaps of"
           r"|way too many|an entire bottle of|a whole bottle of|the whole bottle of"
           r"|the entire bottle of|the bottle of|the rest of|enough|10|20|30|40|50|fifty"
           r"|thirty|twenty|al of|al the|al my|al of my|al of the|the whole packet of"
           r"|a whole packet of|the whole box of|a box of|a packet of|a pack of|the pack of"
           r"|every|al these|al those)(?: (?:my|the|of my|of the|these|those|his|her|mums"
           r"|moms|dads|sleeping|pain))? <PILLS>\b",
           r"\bhow (?:many|much) (?:\w+ )?<PILLS> (?:would it take|does it take|wil it take"
           r"|to (?:die|overdose|od|kil|end it|not wake up))\b",
           r"\bhow (?:many|much) (?:\w+ )?<PILLS>(?: \w+){0,4}? (?:to die|to overdose|to od"
           r"|to kil|to end it|to not wake up|to never wake up|fatal|lethal|deadly)\b",
           r"\b(?:the|my|al the|al my|al these|al those|got the|have the) <PILLS> (?:are )?"
           r"(?:in my hand|in my hands|in front of me|ready|lined up|counted out)\b",
           r"\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|collected"
           r"|counting) (?:up )?(?:my |the |some |al my )?<PILLS>\b",
           r"\b<PILLS> (?:to|so i can|and) (?:end it|end everything|die|not wake up"
           r"|never wake up|sleep forever|make it stop)\b"),
        _r("bleach|antifreze|poison|drain cleaner|rat poison|weedkiler|pesticide",
           # "the cult leader makes everyone drink poison" (a film): others made to drink.
           r"(?<!everyone )(?<!everybody )(?<!them )(?<!followers )"
           r"\b(?:drank|drink|drinking|swallowed|swallow|swallowing|took|take|ate|eat|drunk)"
           r" (?:some |the |a bottle of |a cup of |)?(?:bleach|antifreeze|poison|drain cleaner"
           r"|rat poison|weedkiller|pesticide)\b"),
        _r("ways|way|method|how to|painles|gogl|search|loked|loking|research|reading about",
           # "googled how to end it and got breakup articles": ending a relationship.
           r"\b(?:ways|way|methods?|how) to (?:die|kil (?:myself|yourself|urself)|end (?:it"
           r"(?! with)(?!(?: \w+){0,6}? (?:breakup|break up|relationship|things with))"
           r"|my life|your life|it al)|commit suicide|od|overdose|hang (?:myself|yourself)"
           r"|not wake up|disappear forever)\b",
           r"\bpainles(?:s|ly)? (?:way|ways|death|method|methods|suicide|exit)\b",
           r"\b(?:googling|googled|searching|searched|looking up|looked up|researching"
           r"|researched|reading about) (?:about )?(?:how to die|ways to die|suicide|methods"
           r"|overdoses?|lethal)\b"),
        _r("lethal|fatal|deadly", r"\b(?:lethal|fatal|deadly) (?:dose|amount|overdose)\b"),
        _r("enough",
           r"\benough <PILLS> to (?:kil|end|die|overdose|not wake|never wake|do it"
           r"|sleep forever|make it stop)\b"),
    ),
    # Methods and places ("jump off the bridge", "hang myself", "gun to my head").
    Group("method",
        _r("jump|throw myself|throwing myself|leap|fling",
           r"(?<!bungee )\b(?:jump|jumping|jumped|throw myself|throwing myself|leap|leaping"
           r"|fling myself) (?:of|from|of of|in front of|under|onto|into) (?:a |the |my |this |that |our "
           r"|an )?(?:\w+ )?(?:bridge|building|roof|rooftop|cliff|balcony|train|bus|car|truck"
           r"|lorry|window|tower|overpass|ledge|parking garage|car park|traffic|tracks|subway"
           r"|metro|highway|motorway|freeway|skyscraper|tall building|multi story|multistory"
           r"|edge|top floor)\b(?! into (?:the |a )?(?:lake|sea|water|pool|ocean|quary|lagoon)"
           r"(?: \w+){0,6}? (?:amazing|fun|awesome|so cool|freezing|on holiday|on vacation"
           r"|last summer|with friends|at camp|totally safe|safe lol)\b)"),
        _r("train|bus|car|truck|lory|trafic|tre|wal|river|lake|sea|bridge|pole|clif|divider"
           "|median|barier|guardrail|guard rail|pilar|overpas",
           r"\b(?:step|stepping|walk|walking|drive|driving|swerve|swerving|crash|crashing|steer)"
           r" (?:my car |the car )?(?:in front of|into|of) (?:a |the |an |oncoming )?(?:train"
           r"|bus|car|truck|lorry|traffic|tree|wal|river|lake|sea|bridge|pole|oncoming traffic"
           r"|divider|median|barrier|guardrail|guard rail|concrete barrier|pilar|overpass"
           r"|cliff)\b"),
        _r("purpose|drive", r"\bcrash (?:my|the) car on purpose\b|\bdrive (?:my car )?of (?:a"
           r"|the) (?:cliff|bridge|road)\b"),
        # "noose" folds to "nose", so it needs a verb that only fits a noose.
        _r("nose|rope",
           r"\b(?:tie|tied|tying|make|made|making|bought|built|hanging from|put my (?:head|neck)"
           r" in) (?:a |the |my )?noose\b",
           # "bought rope for the clothesline": a purpose named after "for the/my/a" is ordinary.
           r"\b(?:tie|tied|tying|bought|buy|got|have|hanging|hang) (?:a |the |up a )?rope\b"
           r"(?! (?:swing|ladder|course|for (?:the|my|a|an|our|his|her|their|some|climbing"
           r"|camping|sailing|crafts?|gardening|work)|light|lights|toy)\b)"),
        _r("head|mouth|temple|chin",
           r"\b(?:gun|pistol|rifle|shotgun) (?:to|in|against) my (?:own )?(?:head|mouth|temple"
           r"|chin)\b"),
        _r("brains|bulet",
           r"\bblow my (?:own )?brains out\b|\bput a bullet (?:in|through) my (?:head|brain)\b"),
        _r("monoxide|exhaust", r"\bcarbon monoxide\b|\bexhaust pipe\b|\bhose (?:in|to|into)"
           r" the exhaust\b"),
        _r("ledge|edge",
           r"\b(?:standing|sitting|sat|stood|am|i am) on (?:the|a|this) (?:edge|ledge) of"
           r" (?:the|a|this) (?:bridge|roof|building|cliff|balcony|platform)\b|\bon the ledge\b"),
        _r("jump",
           r"\b<INTEND> to<ADV>{0,2} jump\b(?= *$| (?:tonight|today|now|right now|soon"
           r"|tomorrow|again|of|from)\b)"),
        _r("come back",
           r"\bwalk into the (?:sea|ocean|lake|river) and (?:not|never) come back\b"),
    ),
    # Farewells and final acts ("this is goodbye", "i wrote a note", "giving away my stuff").
    Group("goodbye",
        _r("godbye|bye",
           r"\bthis is (?:my )?(?:final |last )?goodbye\b(?! to (?:him|her|them|this"
           r"|my ex)\b)",
           r"\b(?:good)?bye forever\b|\bfinal goodbye\b|\bsorry for everything goodbye\b",
           r"\bgoodbye (?:note|letter)\b(?! to (?:the relationship|him|her|them|my ex|the"
           r" marriage|that part|my old self)\b)|\b(?:said|saying|say|said al) my goodbyes\b",
           r"\b(?:goodbye|bye) (?:everyone|al|world|cruel world)\b(?= *$| i\b| thank"
           r"| sorry| love)"),
        _r("gone|dead|no more|no longer here|at peace|out of",
           r"\b(?:il|i wil|i am going to|i wil probably|i may|i might|i) be (?:gone|dead|no more"
           r"|no longer here|at peace|out of your way|out of everyones way) (?:by|before|soon"
           r"|tomorrow|tonight|in the morning|for good)\b"),
        # Death spoken of as a relief or an answer ("death would be a relief").
        _r("death|dying|dead|not existing|not being here|not being alive|gone|funeral|suicide|grave",
           r"\b(?:death|dying|being dead|not existing|not being here|not being alive|being gone)"
           r" (?:would be|would feel|is|feels|seems|sounds|looks|might be|could be|wil be)"
           r" (?:like )?(?:a |such a |so )?(?:relief|peaceful|better|easier|the answer|the only way"
           r"|welcome|freedom|nice|calming|appealing|tempting|comforting|a mercy|a gift|peace"
           r"|my only option|the only option|the best option)\b",
           r"\b(?:imagining|imagine|thinking about|planning|picturing|planned|plan) my (?:own )?"
           r"(?:funeral|death|suicide|grave)\b"),
        _r("thinking about|fantasi|daydream|dreaming about|obses",
           r"\b(?:can not stop|keep|always|constantly|obsessively|often|every day|al day)"
           r" (?:thinking|fantasi[sz]ing|daydreaming|dreaming) about (?:dying|death|being dead"
           r"|not being here|not existing|ending it|kiling myself|my death)\b",
           r"\b(?:obsessed with|obsessing over|fantasi[sz]e about|daydream about) (?:dying|death"
           r"|being dead|not existing|ending it|kiling myself)\b"),
        _r("cuting|self harm|burning myself|hurting myself|do it|end it|kil myself|die|with it",
           r"\b(?:cutting|self harm|burning myself|hurting myself) (?:is the only|helps|makes me"
           r" fel|calms me|is how i cope|is my only|is al that)\b",
           r"\b(?:planning|planned|plan|figured out|working out|deciding|decided|picked|chosen"
           r"|chose) (?:how|when|where|the day|the date) (?:i wil|il|i am going to|to|i)"
           r" (?:do it|end it|go through with it|die|kil myself)\b"),
        _r("scared|afraid|frightened",
           r"\b(?:not|no longer) (?:scared|afraid|frightened) of (?:dying|death|dying anymore"
           r"|the pain of dying)\b"),
        _r("bye",
           r"\b(?:saying|said|say|wanted to say|want to say) (?:godbye|my godbyes|bye)\b(?= *$"
           r"| to (?:everyone|everybody|al|the world|life|my kids|my family|you al|this world))"),
        _r("my last",
           r"\bmy last (?:message|goodbye|night|day|text|words|note)\b(?! (?:to (?:him|her"
           r"|them)|from (?:him|her|them)|of the (?:year|month|week)|at (?:work|school"
           r"|the))\b)"),
        _r("be here|be around|be alive",
           r"\b(?:do not think|doubt) (?:i wil|il|i am going to|i am gona) be (?:here|around"
           r"|alive) (?:tomorrow|much longer|next week|by|for long|anymore)\b",
           r"\b(?:wil not|not|would not) be (?:here|around|alive) (?:tomorrow|much longer"
           r"|for much longer|anymore|by morning|next week|to see)\b",
           r"\bnot going to be (?:here|around|alive) (?:tomorrow|much longer|anymore"
           r"|for long)\b"),
        _r("note|leter",
           # A letter to the council or to one's younger self is not a goodbye.
           r"\b(?:writing|wrote|written|leaving|left|finished) (?:a|my) (?:suicide|goodbye|last"
           r"|final) (?:note|letter)\b",
           r"\b(?:writing|wrote|written|leaving|left|finished) (?:a|my) (?:note|letter) (?:for|to)"
           r" (?:everyone|you al|my (?:kids|family|children|parents|mum|mom|dad|husband|wife"
           r"|partner|sister|brother|friends|loved ones|son|daughter|boyfriend|girlfriend))\b"
           r"(?!(?: \w+){0,4}? (?:christmas|birthday|thank|holiday|wedding|invit|card|school"
           r"|class|valentine|about the|asking))"),
        _r("leter|note",
           r"\b(?:wrote|writing|written|left|leaving|finished) (?:a |my |some |the )?(?:goodbye "
           r"|last |final )?(?:letters?|notes?) (?:to|for) (?:my|everyone|the|you al|each of)"
           r"(?: \w+){0,4}? (?:just in case|in case (?:something|anything) happens"
           r"|for when i am gone|for after i am gone|for after|to say goodbye|saying goodbye"
           r"|explaining why|if i do not make it)\b"),
        _r("giving away",
           r"\bgiving away (?:al )?my (?:things|stuff|belongings|possessions|pets|cat|dog"
           r"|clothes)\b"),
        _r("love",
           r"\btell (?:my|the) (?:kids|family|mum|mom|parents|sister|brother) i (?:love"
           r"|loved) them\b"),
        _r("problem",
           r"\bi wil not be a problem (?:for you|for anyone|much longer|anymore)\b"),
        _r("the end|time is up", r"\bthis is the end (?:for me|of me)\b|\bmy time is up\b"),
    ),
    # Safety net: general shapes of suicidal intent that carry no single tell-tale word:
    # asking about amounts of medication, no point in tomorrow, wanting out of everything,
    # giving things away with goodbye letters, a crash or fall imagined, "if i vanished".
    Group("net_self_harm",
        _r("pill|tablet|med|paracetamol|tylenol|insulin|lethal",
           r"\bhow (?:many|much) (?:of )?(?:my |the |these |those )?(?:\w+ )?(?:pills|tablets|meds"
           r"|medication|paracetamol|tylenol|insulin)\b(?!.{0,50}\b(?:a day|per day|should i take"
           r"|for (?:a|my) (?:headache|cold|back|period)|quiz|exam|homework|assignment|module"
           r"|first aid|on the test))",
           r"\b(?:pills|tablets|meds)(?: \w+){0,6} (?:would it take|enough to|to not wake|lethal)"),
        _r("point",
           r"\b(?:dont|do not|cant|can not|cannot) see (?:the |any )?point (?:of|in) (?:tomorrow"
           r"|living|life|going on|anything|waking up|being here|carrying on|any of it)\b",
           r"\bno point (?:in )?(?:living|going on|being alive|waking up|tomorrow|carrying on"
           r"|being here)\b"),
        _r("everything|it al|life",
           r"\b(?:want|need|wish i could get|wish i was) out(?: \w+){0,6} out of (?:everything|it al"
           r"|this life|life)\b",
           r"\b(?:want|need) (?:to get )?out of (?:everything|this life|life itself)\b"),
        _r("gave|giving|give",
           r"\b(?:gave|giving|given|give) (?:away )?(?:my|al my) (?:cat|dog|pet|pets|things|stuff"
           r"|belongings|plants|jewel\w*)(?: \w+){0,12} (?:letters?|notes?|goodbye|calm|at peace"
           r"|ready)\b"),
        _r("wheel|into|off|from|front of|jump|step|throw",
           r"\b(?:one|just one|a) (?:turn|jerk|flick|swerve) of the (?:wheel|steering)\b",
           r"\b(?:drive|driving|crash|crashing|swerve|swerving|steer|steering) (?:into|off)"
           r" (?:a |the )?(?:barrier|wall|tree|bridge|cliff|lorry|truck|oncoming|river)\b",
           r"(?<!bungee )\b(?:jump|jumping|step|stepping|throw myself) (?:off|from|in front of)"
           r" (?:a |the |my )?(?:bridge|roof|building|balcony|cliff|train|bus|lorry|truck|platform"
           r"|ledge)\b"),
        _r("vanish|disappear|gone|wasnt here|died",
           r"\bif i (?:vanished|disappeared|was gone|were gone|wasnt here|died)(?: \w+){0,10} (?:notice"
           r"|care|miss|matter|plan|better)\b"),
    ),

    # Preparations and plans without the words: affairs put in order, letters left, a time
    # chosen, a method looked up or held ("planning to do it sunday when everyone is out").
    Group("preparations",
        _r("do it",
           r"\bdo it\b(?: \w+){0,3}? (?:when|while|once|after) (?:everyone|everybody|nobody"
           r"|no one|the (?:house|kids|family)|they|my (?:family|parents|husband|wife|kids"
           r"|partner|roommate|roommates))(?: \w+){0,2}? (?:is |are |s )?(?:out|asleep|gone"
           r"|away|at work|at school|empty|not home|not around|in bed)\b"),
        _r("deleted|paid|wil|gave|cancel",
           r"\b(?:deleted (?:my|al my) (?:socials|accounts|social media|instagram|facebook"
           r"|profiles)|paid (?:of )?(?:my|al my) (?:debts|bills)|(?:sorted|wrote|updated|made"
           r"|finished|finalised|finalized|did) (?:out )?my wil|gave away (?:my|al my) \w+"
           r"|gave my (?:cat|dog|pet|pets|plants|birds?) to|cancel+ed (?:my|al my) (?:subscriptions"
           r"|phone|plans|accounts))(?: \w+){0,8}? (?:deleted (?:my|al my|everything)|paid (?:of )?"
           r"(?:my|al my) (?:debts|bills)|(?:sorted|wrote|updated|made|finished|finalised"
           r"|finalized|did) (?:out )?my wil|gave away|calm|at peace|ready|wil not be needing"
           r"|wil not need|not going to need|letters|notes|goodbye)\b"),
        _r("needing|ned",
           r"\b(?:wil not|not going to) (?:be needing|need) (?:any of )?(?:it|them|this|these"
           r"|those|anything|any of this|my(?: \w+){1,2})(?: anymore| any more| where i am going"
           r"| after"
           r" (?:tonight|today|this)| soon)?(?: lol)? *$"),
        _r("leters|notes|note",
           r"\b(?:wrote|writing|written|left|leaving|finished) (?:some |a few |the )?(?:letters"
           r"|notes) (?:for|to) (?:everyone|everybody|each of (?:them|you)|al of (?:them|you)"
           r"|my (?:kids|family|parents|children|mum|mom|husband|wife|partner|sister|brother))\b"
           r"(?!(?: \w+){0,4}? (?:christmas|birthday|thank|holiday|wedding|invit|card|school"
           r"|class|work|valentine))",
           r"\b(?:writing|wrote|written|finished|finishing) my (?:last |final |goodbye )?note\b"
           r"(?! (?:to|for) (?:the|my) (?:teacher|boss|landlord|school|doctor|professor"
           r"|neighbou?r|class))"),
        _r("loked up|loking up|gogled|gogling|searched|searching|checked|checking|researched"
           r"|researching",
           r"\b(?:looked up|looking up|googled|googling|searched|searching|checked|checking"
           r"|researched|researching) how (?:high|tall|deep|far down|far|long it takes|much it"
           r" takes|many it takes)(?: \w+){0,6}? (?:bridge|building|garage|parking|car park|rof"
           r"|rooftop|cliff|fal|drop|balcony|tower|flor|multistorey|multistory|multi storey"
           r"|tower block|block of flats|overpass|dam|to die|to drown|to bleed|to overdose"
           r"|to hang|to od)\b"),
        _r("fatal|lethal|deadly|kil|die",
           r"\bhow (?:many|much)(?: \w+){1,3}? (?:before|until|til|to be|is|would be|would it take"
           r" to be|would it take before) (?:it is |it s )?(?:fatal|lethal|deadly|enough to"
           r" (?:kil|die))\b"),
    ),
    # The method within reach, looked at, imagined ("the razor is right here and i keep
    # looking at it", "so easy to let go of the railing", "if i drove into a tree it would all
    # be over", "i'm going to jump. 12th floor").
    Group("method_hint",
        _r("loking|staring",
           r"\b(?:blade|razor|pills|rope|knife|gun|nose|bottle of pills|bridge|ledge)\b"
           r"(?: \w+){0,10}? (?:keep|kept|can not stop|been|sit|sat|sitting) (?:looking|staring)"
           r" at (?:it|them)\b",
           r"\b(?:keep|kept|can not stop|been|sit|sat|sitting) (?:looking|staring) at (?:the|my)"
           r" (?:blade|razor|pills|rope|knife|gun|nose|razor blade)\b"),
        _r("done|gone through|with the|with a|with my",
           r"\b(?:blade|razor|pills|rope|nose|knife|gun|bridge|ledge|rof)\b(?: \w+){0,12}?"
           r" (?:have not|has not|did not|not) (?:done|gone through with) it(?: yet)?\b",
           r"\b(?:sat|sitting|sit|lying|lay|lie|been) (?:\w+ ){0,4}with (?:the|a|my) (?:blade"
           r"|razor|razor blade|pills|rope|gun)\b(?! (?:collection|set|sharpener)\b)"),
        _r("easy|tempting|simple",
           r"\b(?:easy|tempting|simple)(?: \w+){0,2}? to (?:just )?(?:let go of the (?:railing|rail"
           r"|ledge|edge|wheel|steering wheel|bar)|step of|step in front|jump|swerve|drive of"
           r"|not wake up|end it|fal)\b"),
        _r("over|end|stop",
           r"\bif i (?:just )?(?:drove|drive|crashed|crash|jumped|jump|stepped|step|took|take"
           r"|swallowed|let go|fel|walked|swerved|stopped breathing|did not wake up|went)"
           r"(?: \w+){0,6}? (?:it|everything|this|the pain) (?:would|wil|could) (?:al |finaly )?"
           r"(?:be over|end|stop)\b"),
        _r("jump",
           r"\b<INTEND> to<ADV>{0,2} jump (?:\d+\w*|from the \d+\w*) (?:flor|floor|story|stories"
           r"|flors)\b"),
        _r("myself|might as wel",
           r"\b(?:use|using|turn|turning|point|pointing) (?:it|them|(?:the|a|his|her|my|dads"
           r"|their) (?:gun|pistol|knife|blade|rifle|shotgun|razor)) (?:on|at|against) myself\b",
           r"\bmight as wel (?:just )?(?:end it|die|be dead|kil myself|end (?:it al|everything"
           r"|my life))\b"),
        _r("alive|here|around|making it|living",
           r"\b(?:do not|can not) (?:se|imagine|picture) myself (?:alive|here|around|being here"
           r"|being alive|making it|living)(?: \w+){0,3}? (?:next|by|tomorrow|much longer"
           r"|another|in a|this time)\b"),
        _r("wal|head",
           r"\bbang(?:ing)? my head (?:against|on|into) (?:the )?wal(?:s)? (?:until|til|so hard"
           r"|again|every)\b",
           r"\b(?:keep|kept|been|started|start|cant stop|can not stop) (?:banging|hitting"
           r"|slamming) my head\b"),
        _r("body|heart|purpose",
           r"\b(?:want|wish|waiting for|hope|hoping|need|praying for) (?:my|this) (?:body|heart)"
           r" to (?:just )?(?:give up|give out|shut down|stop|fail|quit)\b",
           r"\b(?:not|stopped|have not|not been) (?:eaten|eating|drinking|drunk anything)"
           r"(?: \w+){0,4}? on purpose\b"),
        _r("reason|point",
           r"\bno (?:reason|point) (?:to|in) (?:stay|staying|stick around|sticking around"
           r"|hold on|holding on)\b(?= *$| anymore| any more| alive| around)"),
        # "and all the pills in the drawer" after "i took the day off" (context joins them).
        _r(words("PILLS"),
           r"\btook(?: \w+){0,5}? and (?:al|every one of|the rest of|a bunch of|a handful of)"
           r" (?:the |my |of the |of my )?(?:\w+ )?<PILLS>\b"),
    ),
    # Said sideways: no future ("i don't see myself making it to my birthday"), no reason to
    # stay, a plan worked out, a blade kept "just in case", starving "until it ends", a
    # goodbye passed on ("im done. tell my sister i love her"), a dose asked about in numbers.
    Group("sideways",
        _r("making it|being|alive|still here|around",
           r"\b(?:do not|can not|never) (?:really |honestly )?(?:see|picture|imagine) (?:myself"
           r"|me) (?:making it|being (?:here|alive|around)|alive|still here|around) (?:to|til|until"
           r"|past|through|by|for|at)\b"),
        _r("around|alive|here",
           r"\b(?:no|not any|not a|is no|there is no|there is not a|what is the) (?:real )?(?:reason"
           r"|point) (?:for me )?(?:to|in) (?:stick|sticking|stay|staying|be|being) (?:around"
           r"|alive|here)\b"),
        _r("how",
           r"\bplan(?:ning|ned|ing)? (?:out )?(?:exactly |precisely )?how (?:i|i would|id|you"
           r"|you would|youd|to|someone would|people) (?:would |could )?(?:do it|end it|go|kil"
           r"|die|end (?:it al|my life|things))\b"),
        _r("blade|razor|box cuter|scalpel",
           r"\b(?:keep|keeping|carry|carrying|have|hide|hiding) (?:a|the|my) (?:blade|razor"
           r"|razor blade|box cutter|scalpel)(?: \w+){0,5}? (?:just in case|in case|for when"
           r"|for if|for emergencies)\b"),
        _r("wait to",
           r"\bcan not wait to (?:not exist|die|be dead|be gone|disappear|stop existing|not be"
           r" here|never wake up)\b"),
        _r("loose ends|sory",
           r"\b(?:tying up|tie up|tied up|tidying up) (?:al )?(?:my |the )?loose ends\b"
           r"(?: \w+){0,3}? (?:before|by|for)\b",
           r"\btell (?:everyone|everybody|them al|the kids|my kids|my family)(?: that)? (?:i am )?"
           r"(?:sorry|i am sorry)\b"),
        # A note "so she doesn't blame herself", a gun held at night, a roof that isn't locked,
        # affairs put in order "and i feel ready", the quickest way, an accident for insurance.
        _r("blame",
           r"\bnote(?: \w+){0,6}? (?:does not|do not|will not|wont|never|wil not) blame"
           r" (?:herself|himself|themselves|themself|yourself|themselfs)\b"),
        _r("hold|held|take|tok|taking",
           r"\b(?:hold|holding|held|take|took|taking) (?:it|the gun|the revolver|the pistol"
           r"|the rifle|the blade|the razor|the rope|the pills)(?: out)?(?: \w+){0,4}? (?:and"
           r" (?:just )?(?:think|stare|cry)|thinking|staring)\b"),
        _r("rof|rooftop",
           r"\b(?:tallest|highest|tal) (?:building|bridge|parking garage|car park|structure|tower)"
           r"(?: \w+){0,8}? (?:roof|rooftop)(?: \w+){0,2}? (?:access|door|open|unlocked|not"
           r" locked)\b",
           r"\b(?:does not|do not|that does not|doesnt|wont) lock (?:the |their |its )?(?:roof"
           r"|rooftop)(?: access| door)?\b",
           r"\b(?:roof|rooftop) access(?: \w+){0,3}? (?:unlocked|open|not locked)\b"),
        _r("ready|at peace|calm now",
           r"\b(?:paid of|deleted|gave away|given away|wrote to|wrote letters|canceled|cancelled"
           r"|said goodbye|sorted out|put in order|made my wil|wrote my wil)\b(?: \w+){0,14}? i"
           r" (?:feel|am|fel) (?:ready|at peace|calm now)\b"),
        _r("other ways|way|method",
           r"\b(?:faster|quicker|slower|les painful|more painful|painles|les messy) than"
           r" (?:the )?other ways\b",
           r"\b(?:fastest|quickest|least painful|most painles|painles|easiest|surest) (?:way"
           r"|ways|method|methods) to (?:go|die|do it|end it|not wake up|kil myself)\b"),
        _r("selfish",
           r"\b(?:is it|would it be|am i) selfish (?:if|to|of me to) (?:i |me )?(?:just )?(?:go"
           r"|leave|end it|kil myself|die|disappear|was gone|am gone|left)\b(?= before\b| now\b"
           r"| tonight\b| forever\b| for good\b| *$)"),
        _r("acident",
           r"\b(?:make|making) it (?:look|seem|lok) like an accident\b(?: \w+){0,8}? (?:insurance"
           r"|payout|policy|life insurance|kids get|family gets)\b"),
        _r("trouble|unsubscribe|hurt|find me|finds me|find my body|finds my body|to die",
           r"\bsave me the trouble\b",
           r"\bunsubscribe from (?:being alive|life|living|existence|existing|this world)\b",
           r"\b(?:does|do you know if|would|will) (?:it )?(?:drowning|hanging|jumping|bleeding out"
           r"|overdosing|it) hurts?\b(?: \w+){0,3}? (?:drowning|hanging|jumping|bleeding out"
           r"|overdosing)\b",
           r"\bdoes (?:drowning|hanging|bleeding out|overdosing) hurt\b",
           r"\b(?:the ones?|the one|the person) (?:who|that) (?:wil )?finds? (?:me|my body)\b",
           r"\b(?:she|he|they|my friend|my (?:sister|brother|daughter|son|mom|mum|dad)) (?:keeps"
           r" saying|keep saying|says|said|told me) (?:that )?(?:she|he|they) (?:wants|want"
           r"|wanted) to die\b"),
        # A plan with a time or a way ("i already know how i'd do it", "my plan is the weekend
        # when the kids are at my mom's"), a burden's last words, the only way out in a box,
        # a pet handed over "if anything happens", research (which meds together, how high),
        # medicine stopped on purpose, the children provided for "before i go".
        _r("do it|date|plan is",
           r"\b(?:already|exactly|i|i just) know (?:exactly )?how (?:i would|id|i wil|i am going"
           r" to) do it\b(?! (?:kindly|nicely|gently|properly|right|without|respectfully"
           r"|politely|better)\b)",
           r"\b(?:does not know|do not know|nobody knows|no one knows)\b(?: \w+){0,6}? (?:got|have"
           r"|picked|chose|set) (?:a |the )?date\b",
           r"\bmy plan is (?!to\b)(?:\w+ ){0,2}?(?:the weekend|this weekend|tonight|tomorrow"
           r"|friday|saturday|sunday|when the kids|when everyone|after the kids)\b"),
        _r("burden|last thing|last one|last person",
           r"\b(?:sorry for being|i am|i have been) (?:such )?a burden\b(?: \w+){0,10}? (?:deleted"
           r"|last|goodbye|gone|anymore|no more|not for long)\b",
           r"\byou are the last (?:thing|one|person) i\b|\byou are the last (?:thing|one|person)"
           r" *$"),
        _r("way out",
           r"\bonly way out(?: of (?:this|here|it|the marriage|this marriage|this house))? is (?:in"
           r" a box|a box|in a coffin|a coffin|death|dying|feet first)\b"),
        _r("hapen",
           r"\blook after my (?:cat|dog|kids|plants|pets?|fish|bird|rabbit|son|daughter)\b"
           r"(?: \w+){0,3}? if anything (?:happens|were to happen|should happen)\b"),
        _r("dangerous|deadly|lethal|fatal",
           r"\b(?:which|what) (?:over the counter |otc )?(?:meds|pills|medications|medicines"
           r"|drugs) (?:are|would be|r) (?:the )?(?:most )?(?:dangerous|deadly|lethal|fatal)"
           r"(?: together| to mix| combined)?\b"),
        _r("high|tal",
           r"\bhow (?:high|tall) (?:does|do|would|should|must) (?:a |the )?(?:building|bridge"
           r"|fall|drop|jump|balcony|floor|roof) (?:have to|need to|be to) (?:be|kil)\b"),
        _r("on purpose",
           r"\bstopped taking (?:my )?(?:insulin|meds|medication|medications|pills|lithium"
           r"|heart pills|blood thinners)\b(?: \w+){0,4}? on purpose\b"),
        _r("before i go",
           r"\b(?:passes away|dies|died|is dead|is gone|gone|passed)\b(?: \w+){0,12}? before i"
           r" go\b(?! (?:to|on|out|back|home|into|for|away)\b)"),
        _r("around|here|so i do not|self inflicted|suicide|floors|stories|storeys|glas|blade"
           r"|razor|shard|scisors|forever|who gets|meters|metres|fet",
           r"\bif i am not (?:around|here)(?: \w+){0,4}? (?:anymore|after (?:this|tonight|tomorrow"
           r"|the weekend))\b",
           r"\bhope (?:he|she|they) (?:does it|kils me|finishes me)\b(?: \w+){0,3}? so i do not"
           r" have to\b",
           r"\b(?:life insurance|insurance)(?: \w+){0,6}? (?:self inflicted|suicide)\b",
           r"\bfrom (?:[0-9]+|\w+) (?:floors|stories|storeys|meters|metres|feet)(?: up| high)?"
           r"(?: \w+){0,4}? (?:survive|die|dead)\b",
           r"\bused (?:the|a|some) (?:glass|blade|razor|shard|scissors) on (?:my|myself)\b",
           r"\bsleep(?:ing)? forever\b(?: \w+){0,3}? (?:sounds|seems|would be|feels)\b",
           r"\b(?:sorting out|deciding|figuring out|writing down|working out) who gets my\b"),
        _r("takes me|take me|plan and a date|who to|hapens to me|hapen to me|aranged|in order",
           r"\b(?:pray|praying|prayed|hope|hoping|wish) (?:that )?(?:god|the lord|jesus|he)"
           r" (?:takes|wil take|would take|just takes) me\b",
           r"\bi (?:have|got|made) (?:a|the) plan and a date\b(?! (?:to|for) (?:leave|leaving|move"
           r"|moving|get out|go|escape)\b)",
           r"\blist of who to (?:call|contact|tel)(?: \w+){0,2}? after\b",
           r"\bwho gets (?:the|my) (?:cat|dog|kids|pets?|things|stuff|plants)\b(?: \w+){0,3}? if"
           r" (?:something|anything) (?:happens|were to happen) to me\b(?: \w+){0,8}? (?:arranged"
           r"|in order|sorted|this week|seriously)\b"),
        _r("date|fault|guts|prove|when you|found",
           r"\b(?:i have|i) (?:picked|chosen|set|got) a date(?: picked| set)?(?= *$| now\b"
           r"| already\b| and i\b| so\b)",
           r"\btell my \w+ (?:that )?it (?:was|is) (?:never|not) (?:her|his|their) fault\b",
           r"\bend it\b(?: \w+){0,12}? (?:prove (?:him|her|them) wrong|(?:have|had) the guts)\b",
           r"\b(?:feel it|does it hurt|is it painful|does it take long) when you (?:drown|hang"
           r"|jump|bleed out|overdose)\b",
           r"\bhow long (?:before|until|til) (?:someone|somebody|a person|you|i) (?:gets|get|is"
           r"|are|would be|wil be) found\b"),
        _r("after|sory|final|forgive|whel|hit me|hits me|over me|weight|funeral|check out|why"
           "|myself|reason",
           r"\bknow what to do after\b(?! (?:the|my|this|that|school|work|dinner|class|lunch"
           r"|it|we|i|you)\b)",
           r"\btell my (?:mom|mum|dad|mother|father|sister|brother|kids|family|daughter|son|wife"
           r"|husband|grandma|grandpa)(?: that)? i am sorry\b(?= *$| for everything\b| please\b)",
           r"\b(?:deleted|said bye|said goodbye|gave away)\b(?: \w+){0,14}? (?:feels|it feels|this"
           r" feels|it is) final\b",
           r"\bforgives? (?:people|someone|those|a person) who (?:leave early|take their (?:own )?life"
           r"|end it|end their (?:own )?life|go early|kil themselves)\b",
           r"\blet(?:ing|ting)? go of the (?:steering )?wheel\b",
           r"\bif (?:a|the) (?:bus|car|truck|train|lorry) (?:hit|hits|ran over|runs over) me\b"
           r"(?: \w+){0,4}? (?:relieved|fine|ok|okay|happy|glad|grateful|a relief)\b",
           r"\b(?:knot|noose|rope|beam|hook)(?: \w+){0,4}? (?:hold|holds|take|takes|support|supports)"
           r" (?:a persons|a person s|my|someones|someone s|human|a body s|body) weight\b",
           r"\b(?:end|kil) me\b(?: \w+){0,4}? (?:il|i wil|i am going to|i wil just) do it myself\b",
           r"\b(?:playlist|songs|music|outfit|flowers|readings) for my (?:own )?funeral\b",
           r"\b(?:plan|planning|planned) how to check out\b(?! of (?:the|a|my) (?:hotel|airbnb|room"
           r"|library|store)\b)",
           r"\b(?:highest|tallest) (?:bridge|building|cliff|parking garage|car park|tower)\b"
           r"(?: \w+){0,5}? (?:do not worry about why|dont worry about why|never mind why|no reason)\b"),
        _r("stop eating|starv",
           r"\b(?:stop eating|starve myself|starving myself)(?: \w+){0,2}? (?:until|til|till)"
           r" (?:it al ends|it ends|it is over|i die|i disappear|i am gone|everything ends"
           r"|it al stops|i stop)\b"),
        _r("tel",
           r"\b(?:i am done|it is over|i give up|goodbye|i am sorry|i am so sorry|he won|she won"
           r"|they won)\b(?: \w+){0,6}? tell (?:my \w+|her|him|them|everyone|my kids|the kids)"
           r"(?: that)? i (?:love|loved) (?:her|him|them|you|everyone)\b"),
        _r(words("PILLS"),
           r"\b<PILLS>(?: \w+){0,6}? (?:take|took|taking|swallow|had) (?:like |about |around"
           r" |maybe |over )?(?:[2-9][0-9]|[1-9][0-9]{2})\b",
           r"\bhow many <PILLS>(?: \w+){0,5}? (?:to die|to kil|would kil|would be lethal|are"
           r" lethal|is lethal|is fatal|to not wake up|to overdose|to od)\b"),
    ),
    # Rounds 19-20 (used): goodbyes in other words ("if i'm not online tomorrow please know it
    # wasn't anyone's fault", "pls tell my daughter i loved her"), "i was a mistake, maybe i
    # should fix it", hurt till it bled because "i deserved it", a death researched as a
    # practical question ("how many days before someone finds you").
    Group("goodbye_sideways",
        _r("fault|know|sory|love you",
           r"\bif i am not (?:online|here|around|on|alive|answering|back)\b(?: \w+){0,3}?"
           r" (?:tomorow|in the morning|by monday|after tonight|next week|later)\b(?: \w+){0,8}?"
           r" (?:fault|sory|love you|know that|know i)\b"),
        _r("loved",
           r"\b(?:please |pls |plz |can you )?tel (?:my (?:\w+ )?\w+|her|him|them|the kids"
           r"|everyone)(?: that)? i loved (?:her|him|them|you|everyone)\b"),
        _r("fix it|fix that|corect it|undo it|end it|fix the mistake",
           r"\b(?:i was|i am|i was just) (?:a mistake|an acident|never meant to be born)\b"
           r"(?: \w+){0,6}? (?:fix it|fix that|corect it|undo it|end it|fix the mistake)\b"),
        _r("bled|bleed|bleding",
           r"\b(?:scratched|scratch|picked|bit|hit|punched|burned|burnt|cut) my (?:arms?|legs?"
           r"|wrists?|thighs?|skin|hands?|stomach)\b(?: \w+){0,3}? (?:til|until) (?:they|it|i)"
           r" (?:bled|bleed|bleds|started bleding)\b(?: \w+){0,6}? (?:deserved|deserve|punish"
           r"|my fault|hate myself|made him|made her)\b"),
        _r("find|notice",
           r"\bhow (?:long|many days|many hours|many weeks) (?:before|until|til) (?:someone"
           r"|anyone|somebody|they|people) (?:finds?|would find|notices?|would notice) (?:you"
           r"|me|my body|a body|the body)\b(?: \w+){0,4}? (?:live alone|living alone|dead|body"
           r"|nobody|no one)\b"),
    ),
    # Round 21 (used): swerving into lorries, hurt till it bled again, "scratched till it
    # bled", a method thought about daily.
    Group("thought_of_daily",
        _r("swerving|driving|crashing|steering",
           r"\b(?:think|thinking|thought) about (?:swerving|driving|crashing|steering)"
           r" (?:into|of|in front of|of the road|of the bridge|under)\b"),
        _r("bled again",
           r"\b(?:scratched|cut|picked|burned|burnt|hit)(?: myself| my \w+)? (?:til|until)"
           r" (?:it|they|i) bled again\b"),
    ),
)

# =============================================================================================
# DISCLOSURE: abuse told in general or in the past (not an immediate threat).
# =============================================================================================

DISCLOSURE: Final[tuple[Group, ...]] = (
    # Cut off, fed by permission, made to abort, in debt, tracked, the pet hurt, groomed.
    Group("control_more",
        _r("sim|wifi|internet|router",
           r"\b(?:took|takes|taken|hid|hides|broke|cut|cuts|changed|changes|turned off|turns off)"
           r" (?:away )?(?:my|the) (?:sim|sim card|wifi password|wifi|internet|router)\b"
           r"(?: \w+){0,8}? (?:so i can not|i can not|can not) (?:contact|call|talk to|reach"
           r"|message|text)\b",
           r"\b(?:took|takes|taken|hid|hides|broke|snapped) (?:away )?my sim(?: card)?\b"),
        _r("abortion",
           r"\b(?:made|makes|forced|forces|pressured|pushed) me (?:into |to )?(?:get|have|getting"
           r"|having)? ?an abortion\b"),
        _r("food|meals|eat| i get| i am alowed",
           r"<PERSON><AUX_D> (?:keeps|kept|locks|locked|hides|hid) (?:the|all the|my) food\b",
           r"\b(?:decides|decided|controls|controlled) (?:how much|what|when|how many meals|how"
           r" often) i (?:eat|get to eat|get|am allowed)\b"),
        _r("debt|loan|credit|bils|overdraft",
           r"\b(?:put|puts|took out|takes out|opened|runs up|ran up) (?:all )?(?:the |his |her"
           r" |their )?(?:debts?|loans?|credit cards?|bills|overdraft) (?:out )?in my name\b"),
        _r("airtag|air tag|tracker|tracking device|gps",
           r"\b(?:found|find|discovered) an? (?:airtag|air tag|tile tracker|tracker|tracking"
           r" device|gps tracker|gps)\b(?: \w+){0,3}? (?:in|on|under|inside|sewn into|hidden in)"
           r" (?:my|our|the) \w+"),
        _r("cat|dog|puppy|kitten|pet|rabbit|bunny|hamster|bird",
           r"\b(?:he|she|they|<INTIMATE>) (?:threw|kicked|hit|hurt|strangled|choked|drowned"
           r"|killed|punched|slammed|stabbed|burned|starved) (?:my|our|the) (?:cat|dog|puppy"
           r"|kitten|pet|pets|rabbit|bunny|hamster|bird)\b"),
        _r("groom",
           r"\b(?:groomed (?:me|us|my)|(?:was|were|got|being) groomed)\b"),
        _r("wake|woke|waking",
           r"\b(?:wake|woke|wakes|waking) me up (?:at \d+ ?(?:am)?|in the middle of the night"
           r"|every night)\b(?: \w+){0,3}? to (?:shout|yell|scream|argue|fight|interrogate|lecture"
           r"|question)\b"),
        _r("touching",
           r"\b(?:keeps|kept|keep) touching (?:me|my (?:back|leg|legs|thigh|thighs|butt|bum|ass"
           r"|chest|breasts|hair|waist|knee))\b"),
        _r("meds|medication|pills|insulin|inhaler|tablets|prescription|antidepres",
           r"\b(?:flushed|threw away|throws away|binned|hid|hides|hiding|took away|takes away)"
           r" my (?:meds|medication|pills|insulin|inhaler|antidepressants|prescription|tablets)\b"),
        _r("every time i|barely|hardly",
           r"\bevery time i (?:make|have) plans\b(?: \w+){0,6}? (?:he|she|they) (?:suddenly )?"
           r"(?:gets sick|starts a fight|picks a fight|kicks off|gets angry|sulks)\b",
           r"\bi (?:barely|hardly) see (?:anyone|anybody|my friends|my family|friends|family)"
           r" (?:anymore|now)\b"),
        _r("through my",
           r"\b(?:go|goes|went|going) through my (?:phone|messages|texts|emails|email|laptop"
           r"|bag|things)\b"),
        _r("school|demon",
           r"\b(?:kept|keep|keeps) (?:me|us) (?:home|out) (?:from|of) school\b",
           r"\b(?:said|told \w+(?: \w+)?) i (?:had|have) (?:a demon|demons)\b"),
        _r("married|marry|i was 1",
           r"\b(?:chose|chooses|picked|picks|decided|decides) (?:who|whom) (?:we|i) (?:married"
           r"|marry|would marry)\b",
           r"\bi was 1[0-7] and he was [2-9][0-9]\b"),
        _r("turning up|showing up",
           r"<PERSON> kept (?:turning|showing) up (?:at|outside) (?:my|our)\b"),
        _r("abortion|aborted",
           r"\bwished (?:she|he|they|shed|hed) (?:had )?(?:had an abortion|aborted me)\b"),
        _r("hit|beaten|whip|spank|smack|strap|cane|padle",
           r"\b(?:were|was|got|get|are|being) (?:hit|beaten|whipped|spanked|smacked|strapped"
           r"|caned|paddled) (?:with|for|by)\b"),
        _r("sleep",
           r"\b(?:let|lets|allowed|allows) me (?:to )?sleep (?:\d+|two|three|four|five) hours\b"),
        _r("sent",
           r"\bsent (?:me )?\d{2,} (?:messages|texts|calls|emails|voicemails)\b"),
        _r("withh|camp|program|clinic|retreat",
           r"\b(?:withhold|withholds|withheld|withholding) (?:food|meals|water)\b",
           r"\bsent me (?:away )?to (?:a |an )?(?:camp|program|programme|clinic|retreat) to (?:fix"
           r"|cure|change|pray away)\b"),
        _r("used to|used tae|buckle",
           r"\bused (?:to|tae) (?:beat|hit|punch|kick|whip|belt|batter|thump|slap) (?:the|us|me"
           r"|them|my|his|her|new)\b",
           r"\bbuckle end\b"),
        _r("immigration",
           r"\b(?:ring|call|report (?:me|us|them) to|tel|phone) immigration\b"),
        _r("report",
           r"\b(?:tried to|when i|i) report(?:ed)? (?:him|her|them|it)\b(?: \w+){0,8}?"
           r" (?:laughed|ignored|did nothing|dismissed|covered for)\b"),
        _r("took my",
           r"\btook my (?:\w+ and )?(?:passport|documents|papers|id|visa)\b"),
        _r("tracking|tracker|spy|stalkerware|location|gps",
           r"\b(?:found|discovered) (?:a |an )?(?:tracking|tracker|spy|spyware|stalkerware"
           r"|location|gps) (?:app|software)\b"),
        _r("depend|lose|loose",
           r"\b(?:grade|grades|job|promotion|visa|shifts?|contract|place) (?:depended|depends"
           r"|depend) on (?:being nice|me being nice|sleeping with|going out with)\b",
           r"\b(?:lose|loose) my (?:job|shifts|visa|place|scholarship|room) if i (?:say|tel"
           r"|report|complain)\b"),
        _r("touches|touched|gropes|groped",
           r"\b(?:boss|manager|supervisor|teacher|coach|lecturer|pastor|uncle|stepdad|landlord"
           r"|owner|chef)\b(?: \w+){0,4}? (?:touches|touched|gropes|groped) me\b"),
        _r("made me",
           r"\bmade me (?:drop|cut off|stop seeing|give up|lose) (?:every|all|all my|my) (?:friend"
           r"|friends|family)\b"),
        _r("order",
           r"\b(?:no contact|restraining|protection|protective) order\b(?: \w+){0,6}? (?:keeps|kept"
           r"|still) (?:sending|contacting|texting|messaging|calling)\b"),
        _r("reads",
           r"\breads (?:the kids|my kids|my|our) (?:messages|texts|emails)\b"),
        _r("made me do",
           r"\blook what you made me do\b"),
        _r("camera",
           r"\bcameras? in (?:every|each|all the|the) (?:room|rooms|bedroom|bathroom|house)\b"),
    ),
    # Verbs that can be figurative ("it hit me", "this hurts me") need a person as subject.
    Group("physical_person",
        _r("hit|hurt|struck|strik|touch",
           r"<PERSON><AUX_D> (?:hit|hits|hitting|hurt|hurts|hurting|struck|strikes|striking"
           r"|touched|touches|touching|hit on) <OBJ_D>\b(?! (?:up|deeply|so much"
           r"|to the core|with the (?:truth|news|facts)|emotionally)\b)"),
    ),
    # Unambiguous acts: "my dad used to beat me", "she slapped me", "he raped me".
    Group("physical",
        _r((*words("ABUSE_VERB"), "threw", "throws", "kicked"),
           r"\b(?:<ABUSE_VERB>|threw (?:\w+ ){0,2}at|throws (?:\w+ ){0,2}at"
           r"|kicked (?:me|us) out of) <OBJ_D>\b"
           r"(?!(?<=choked me) up\b)(?!(?<=choked us) up\b)"
           r"(?! (?:a|an|some|lunch|dinner|breakfast|coffee|drink|up (?:from|at|after)|to it"
           r"|to the|at (?:chess|cards|pool|tennis|games?|mario|monopoly|\w+ing)|in (?:a|the)"
           r" (?:race|game|match|argument|debate|final)|up (?:emotionally|inside)|to (?:be|do"
           r"|try|get|study|work|finish|grow|go|my limits|the limit|apply)|forward|harder"
           r"|out of my comfort)\b)"),
    ),
    Group("body",
        _r("head|face|body",
           r"\b(?:slammed|slams|slamming|banged|bangs|banging|smashed|smashes|smashing|hit|hits"
           r"|shoved|pushed|threw|throws|knocked) my (?:head|face|body) (?:against|into|on|of"
           r"|through)\b"),
        _r("spit|spat",
           r"\b(?:spit|spits|spat|spitting) (?:in|on|at) (?:my|our|her) face\b"),
        _r("my|the",
           r"<PERSON><AUX_D> (?:touches|touched|touching|grabs|grabbed|grabbing|gropes|groped"
           r"|rubs|rubbed|feels|felt up|fondles|fondled|squeezes|squeezed|slaps|slapped"
           r"|pinches|pinched) (?:me on )?(?:my|the) (?:leg|legs|thigh|thighs|breasts?|boobs?"
           r"|chest|butt|bum|ass|backside|body|private parts|privates|crotch|genitals|waist"
           r"|hips?)\b"),
    ),
    Group("sexual",
        _r("rape|rapi|sexual|molest|forc|makes me|made me|pressur|take no|consensual|in bed"
           r"|consent|touched me|grope",
           r"\b(?:rape|raped|raping|rapes|rapist|sexually (?:abused|assaulted|abusing"
           r"|assaulting|harassed|coerced|exploited)|sexual (?:abuse|assault|violence"
           r"|coercion)|molested|molesting|forced (?:me|himself on me|herself on me)"
           r"|pressur\w* me into|things in bed (?:that )?i (?:do not|did not) want|forces"
           r" (?:me|himself on me)|forcing (?:me|himself on me)|makes me (?:have sex"
           r"|sleep with|do sexual|do things)|made me (?:have sex|sleep with|do sexual"
           r"|do things|perform)|pressur\w* me (?:into|to have) (?:sex|sleeping)"
           r"|(?:wil not|does not|did not) take no|non ?consensual|without (?:my )?consent"
           r"|touched me (?:inappropriately|when i was|without|down there|there)|grope\w*)\b"),
    ),
    # Money, documents, phone, friends: coercive control.
    Group("control",
        _r("control",
           r"<PERSON><AUX_D> (?:controls|controlled|controlling|control) (?:al |al of "
           r"|everything about |over )?(?:my|our|the) (?:money|finances|finance|bank|account"
           r"|accounts|cards?|spending|income|salary|pay|paycheck|wages|benefits|phone|life"
           r"|food|eating|medication|meds|car|clothes|friends|every move|movements|time"
           r"|schedule|social media|whereabouts|budget|everything)\b"),
        _r("money|paycheck|pay|wage|salary|income|benefit|saving|card|passport|document"
           r"|paper|id|keys|phone|visa|sim|laptop|medication|meds|pils|inhaler|glases",
           r"<PERSON><AUX_D> (?:takes|took|taking|keeps|kept|keeping|steals|stole|stealing"
           r"|withholds|withheld|holds|held|hides|hid|confiscated|confiscates|has taken|has"
           r"|smashed|broke|destroyed) (?:al |al of |half of |most of )?(?:my|our)(?: whole"
           r"| entire)? (?:money|paycheck|paychecks|pay|wages|salary|income|benefits|savings"
           r"|bank card|debit card|credit card|card|cards|passport|documents|papers|id|keys"
           r"|car keys|phone|visa|sim card|laptop|medication|meds|pills|inhaler|glasses)\b"),
        _r("food|things|stuf|clothes|phone|belongings|plate|diner|laptop|boks|glases|gifts"
           r"|photos",
           r"\b(?:throws|threw|smashes|smashed|breaks|broke|destroys|destroyed|rips|ripped|burns"
           r"|burned|cuts up|cut up) my (?:food|things|stuff|clothes|phone|belongings|plate|dinner"
           r"|laptop|books|glasses|gifts|photos)\b"),
        _r("money|saving|acount|pension|inheritance",
           r"<PERSON><AUX_D> (?:emptied|empties|drained|drains|cleared out|cleaned out|stole|steals"
           r"|took|takes|spent|spends|gambled away|gambles away) (?:al |al of |most of )?(?:the"
           r"|our|my) (?:money|savings|joint account|bank account|account|pension|inheritance"
           r"|rent money)\b"),
        _r("my name",
           r"\b(?:took|takes|opened|opens|taken|run up|ran up|maxed out|maxes out) (?:out )?"
           r"(?:loans?|credit cards?|debt|a loan|a credit card|cards) (?:in|under|on) my name\b"),
        _r("sign",
           r"\b(?:made|makes|forced|forces|pressured|pressures|got|tricked) me (?:to |into )?"
           r"sign(?:ing)? (?:over|away|a loan|the loan|loans|papers|documents|for|the house)\b",
           r"\bsigned over (?:my|the|our) (?:savings|house|money|car|property|inheritance"
           r"|paycheck|account)\b"),
        _r("alowance|pocket money", r"\bgives? me (?:an )?(?:allowance|pocket money)\b"),
        _r("alowed|permited|forbid|ban",
           r"\b(?:not allowed|not permitted|forbidden|forbids me|forbid me|banned me|bans me)"
           r"(?: to| from)? (?:see|seeing|have|having|go|going|talk|talking|leave|leaving|work"
           r"|working|wear|wearing|use|using|spend|spending|eat|eating|drive|driving|cal"
           r"|calling|text|texting|visit|visiting|speak|speaking|contact|contacting|keep"
           r"|keeping|open|make|making|my own|a phone|a job|friends|money)\b"),
        _r("let|alow",
           r"<PERSON><AUX_D> (?:does not|never|wil not|would not|did not|refuses to) (?:let"
           r"|lets|allow|allows) (?:me|us) (?:see|have|go|talk|leave|wear|work|visit|cal|text"
           r"|use|drive|sleep|eat|out|get|speak|contact|keep|spend|open|make|study|apply"
           r"|be alone|lock)\b"),
        _r("check|through|read|monitor|track|spies|spied|spying|hack|log|demand",
           r"<PERSON><AUX_D> (?:checks|check|checked|checking|goes through|went through"
           r"|going through|reads|read|reading|monitors|monitored|monitoring|tracks|tracked"
           r"|tracking|spies on|spied on|spying on|hacked|hacks|hacking|logs into|logged into"
           r"|demands|demanded) (?:al |al of )?(?:my|our) (?:phone|texts|messages|emails?"
           r"|location|car|browser|history|social media|socials|dms|chats|whatsapp|bank"
           r"|account|accounts|receipts|calls|call log|laptop|computer|diary|journal|mail"
           r"|instagram|facebook|password|passwords|pin)\b"),
        _r("mileage|milage|odometer|receipts|statements|where i|location",
           r"\b(?:check|checks|checked|checking|track|tracks|tracked|tracking|monitors?"
           r"|monitored|monitoring|wants to know|demands to know|questions me about) (?:the )?"
           r"(?:mileage|milage|odometer|receipts|bank statements|where i (?:go|am|have been|went"
           r"|was)|my (?:mileage|location|receipts|bank statements))\b"),
        _r("what i|where i|who i|when i|how much i",
           r"<PERSON><AUX_D> (?:controls|controlled|controlling|decides|decided|dictates|dictated"
           r"|chooses|chose|tells me) (?:what|where|who|when|how much) i (?:eat|wear|do|say|spend"
           r"|buy|go|see|talk to|sleep|can)\b"),
        _r("tracker|tracking|airtag|gps|spy|camera",
           r"\b(?:put|puts|installed|hid) (?:a )?(?:tracker|tracking app|tracking device"
           r"|airtag|gps tracker|spyware|spy app|camera|cameras) (?:on|in) (?:my|every|al the"
           r"|our)\b"),
        _r("isolat|cut me",
           r"\b(?:isolated|isolates|cut) me (?:of |of from |away from |from )(?:my|al my"
           r"|everyone)\b"),
        _r("quit|give up|leave|no money of my own",
           r"\b(?:made|makes|forced|forces|pressured|pressures) me (?:to )?(?:quit|give up"
           r"|leave) (?:my|work|school|colege|uni)\b",
           r"\bno money of my own\b"),
        _r("fast|starve|without food|knel|flor|outside|beg|confes|stand|eat|strip|slep",
           r"\b(?:makes?|made|forced|forces|would make|used to make) (?:me|us) (?:fast|starve"
           r"|go without food|kneel|sleep on the flor|sleep outside|sleep in the car|beg|confess"
           r"|stand (?:in the corner |outside )?for hours|eat (?:of the flor|soap)|strip)\b"),
        _r("permision|ask for money|beg for|account for",
           r"\bmakes? me (?:ask (?:for )?permission|ask for money|beg for|account for every)\b"),
        _r("out",
           r"<PERSON><AUX_D> (?:kicked|kicks|threw|throws) (?:me|us) out (?:of the (?:house|car"
           r"|flat|apartment)|in the|at night|with nothing|on the street)\b"),
    ),
    # Words that wound: screaming, insults, blame, threats to job, kids or papers.
    Group("verbal",
        _r("scream|yel|shout|swear|swore|curs|snap|rage|raging|raged|explod|roar|spit|hiss",
           r"\b(?:screams?|screamed|screaming|yells?|yelled|yelling|shouts?|shouted|shouting"
           r"|swears?|swore|swearing|curses|cursed|cursing|snaps|snapped|rages?|raged|raging"
           r"|explodes|exploded|exploding|roars|roared|spits|hisses) at (?:me|us|my (?:\w+ )?"
           r"<VICTIM>|the (?:kids|children|baby))\b"),
        _r("face",
           r"\b(?:screams?|screamed|screaming|yells?|yelled|yelling|shouts?|shouted|shouting"
           r"|swears?|swore|swearing|gets|got|getting|right up) (?:right )?in (?:my|our) face\b"),
        _r("cal me|cals me|caled me|caling me",
           r"\b(?:calls?|called|calling) me <INSULT>\b",
           r"\b(?:calls?|called|calling) me (?:a |an )?(?:\w+ ){1,2}(?:whore|slut|bitch|cunt"
           r"|idiot|loser|failure|pig|cow|retard|psycho|nutcase|freak|liar|waste of space"
           r"|piece of shit|piece of trash|moron|bastard|twat|skank|tramp|slag)\b"),
        _r("tel|told|says|said|saying|remind",
           r"\b(?:tells|told|telling|tell|says|said|saying|reminds|reminded|keeps telling"
           r"|kept telling|keeps saying|kept saying|always says|always tells me) (?:me )?"
           r"(?:that )?(?:i am|i m|i was|i wil never|nobody|no one|noone|no body|i should"
           r"|i deserve|i do not|i d be|i would be|i wil be|you are|your)(?: \w+){0,3}?"
           r" (?:<INSULT>|lucky to have|imagining|overreacting|il never find|never find anyone"
           r"|want me|wil want me|love me|wil love me|ever love me|ever want me|deserve (?:it"
           r"|this|to be)|kil myself|kys|go die|drop dead|lying|to blame|nothing without (?:him"
           r"|her)|homeless|on the street)\b"),
        _r("everyone|people|family|friends|police|kids|group|church",
           r"\b(?:tels|told|telling|tel) (?:everyone|people|my family|my friends|the police|the kids"
           r"|our friends|his family|her family|the church|the group) (?:that )?(?:i am|i was)"
           r" (?:crazy|mentally il|insane|unstable|a liar|lying|abusive|the abuser|the problem"
           r"|bipolar|psycho|making it up|imagining things|mental|a bad mother|a bad mom)\b"),
        _r("deserve|asked for",
           r"\b(?:tels|told|telling|says|said|saying|insists|insisted) (?:me )?(?:that )?i"
           r" (?:deserve|deserved|deserves|asked for) (?:it|this|that|to be \w+)\b"),
        _r("fault",
           r"\b(?:says|said|tells me|told me|insists|insisted|blames me|blamed me"
           r"|makes me fel like)(?: that)? (?:it is|it was|everything is|everything was"
           r"|this is|that is|al of it is) (?:al )?my fault\b"),
        _r("blam", r"<PERSON><AUX_D> (?:blames|blamed|blaming) me for\b"),
        _r("threat",
           r"\b(?:threaten|threatens|threatened|threatening) (?:me|us|to (?:leave|fire|take"
           r"|kick|tel|report|post|share|send|ruin|cut|divorce|cal|expose|withhold|stop|hurt"
           r"|kil|harm|out|sue|deport|have me|put me|throw me|lock me|leak|release|spread"
           r"|break|destroy|burn|end|leave me|take away|get me|get me fired|fire me|demote)"
           r"|my (?:job|visa|immigration|kids|children|status|career|family|reputation|pets?"
           r"|position|place|shifts?))\b"),
        _r("silent", r"\b(?:gives|giving|gave|give) me the silent treatment\b"),
        _r("gaslit|gaslight", r"\b(?:gaslights|gaslit|gaslighting|gaslighted) me\b"),
        _r("make me|makes me|made me|making me",
           r"\b(?:make|makes|made|making) me (?:fel|think) (?:like )?(?:i am |i m |i was )?"
           r"(?:crazy|insane|worthless|stupid|useless|like nothing|like a burden)\b"),
    ),
    # Naming abuse about oneself ("my ex was abusive", "i was abused as a child").
    Group("named",
        _r(words("ABUSIVE"),
           r"<PERSON><AUX_D>(?: (?:so|really|very|extremely|super|emotionally|physically"
           r"|verbally|sexually|financially|psychologically|mentally|kind of|quite|pretty))?"
           r" <ABUSIVE>\b"),
        _r(words("ABUSED"),
           r"\b(?:i am|i was|i have been|i m|being|been|was|were|got|get|gets|getting"
           r"|grew up being|we were|we are)(?: \w+)? <ABUSED>\b(?! (?:at|in) (?:the )?(?:game"
           r"|final|race|match|chess|poker)\b)"),
        _r("abuser|rapist|atacker|stalker|abusive|violent|controling",
           r"\bmy (?:abuser|abusers|rapist|attacker|stalker|abusive \w+|violent \w+"
           r"|controlling \w+)\b",
           r"\b(?:i am|i was|i m|we are|we were|stuck|trapped|living|live|lived|grew up"
           r"|growing up|i have been) (?:in|with) (?:an |a |my )?(?:abusive|violent"
           r"|controlling|toxic and abusive|emotionally abusive|physically abusive)\b"),
        _r("of him|of her|of them|of my|of what",
           r"\b(?:scared|afraid|terrified|frightened|fearful) of (?:him|her|them|my (?:\w+ )?"
           r"(?:<REL>|<DREL_EXTRA>)|what (?:he|she|they) (?:might|wil|would|could) do)\b"),
        _r("victim|survivor",
           r"\b(?:victim|survivor) of (?:domestic|abuse|rape|sexual|child abuse|violence"
           r"|coercive|narcissistic abuse|incest|trafficking|grooming)\b"),
        _r("black eye|bruise|marks|split lip|concusion|scars|fat lip|welts",
           r"\b(?:gave|gives|left|leaves|leaving) (?:me )?(?:with )?(?:a )?(?:black eye"
           r"|bruises?|bruised|marks|a split lip|a concussion|scars|a fat lip|welts)\b",
           r"\b(?:hide|hiding|cover|covering|cover up|covered|covering up) (?:up )?(?:the |my )?"
           r"(?:bruises|marks|black eye)\b"),
        _r("my arm|my wrist|my hair|my neck|my throat|my face|my jaw|my shoulder",
           r"\b(?:grabs|grabbed|grabbing|pulls|pulled|pulling|twists|twisted|twisting|squeezes"
           r"|squeezed|yanks|yanked|holds|held) (?:me by )?my (?:arm|arms|wrist|wrists|hair"
           r"|neck|throat|face|jaw|shoulders?)\b"),
        _r("arm|nose|rib|jaw|wrist|finger|hand|toth|teth|leg|colarbone|cheekbone|socket"
           r"|shoulder",
           r"<PERSON><AUX_D> (?:broke|broken|fractured|cracked|dislocated) my (?:arm|nose|ribs?"
           r"|jaw|wrist|finger|fingers|hand|tooth|teeth|leg|collarbone|cheekbone|eye socket"
           r"|shoulder)\b"),
        _r("hid ", r"\bhid (?:in|from|under)\b"),
        _r("egshels", r"\bwalk on eggshells (?:around|with) (?:him|her|them|my)\b"),
        _r("physical|rough|violent|handsy",
           r"<PERSON><AUX_D> (?:get|gets|got|getting) (?:physical|rough|violent|handsy)\b"),
    ),
    # Safety net: coercion that names no violence.
    Group("net_disclosure",
        _r("sex|sleep with",
           r"\b(?:made|make|makes|forced|force|forces|pressured|pressures|pushes) me (?:to )?(?:have"
           r" sex|sleep with|do sexual)"),
        _r("report me",
           r"\breport me to (?:immigration|the authorities|ice|the home office|the police|social"
           r" services)\b"),
        _r("who i",
           r"\b(?:decides?|choose|chooses|controls|picks) who i (?:can|am allowed to|may|get to)"
           r" (?:talk|speak|see|text|meet|call)\b"),
        _r("cut off|cut you|cut us|punish",
           r"\b(?:cut off|cut you off|cut us off) from (?:your|their|our|my) (?:family|families"
           r"|kids|children)\b",
           r"\b(?:took|takes|take) away (?:water|food|meals|my phone|my passport|my money)"
           r" (?:as|for) (?:a )?punish"),
    ),

    # Exploitation: papers and pay taken, debts, a group deciding who one sees or marries.
    Group("exploitation",
        _r("pasport|documents|papers|id|visa|wages|pay|salar|earnings",
           r"\b(?:keeps|kept|took|takes|taken|holds|held|confiscated|confiscates|hid|hides"
           r"|hand over|handed over|hands over|took away|takes away|made us give|makes us give"
           r"|made me give|makes me give) (?:\w+ ){0,2}?(?:my|our|al our|al my|al of our|the)"
           r" (?:passports?|documents|papers|id|ids|visas?|wages|pay|paychecks?|salary|salaries"
           r"|earnings|id cards?)\b"),
        _r("owe",
           r"\b(?:say|says|said|tels us|tels me|told us|told me) (?:that )?(?:i|we) owe (?:him"
           r"|her|them|the \w+)\b"),
        _r("who i|who we",
           r"\b(?:decides?|decided|chooses|chose|controls|picks|picked) who (?:i|we) (?:can |am"
           r" allowed to |are allowed to |may |get to )?(?:talk|speak|see|text|meet|call|marry"
           r"|date|be friends with|go out with)\b",
           r"\bwho (?:i am|we are|i m|were) allowed to (?:talk|speak|see|text|meet|call|marry"
           r"|date)\b"),
    ),
    # Sexual acts without consent, blows that left marks ("knocked out my tooth").
    Group("assault",
        _r("slep|unconscious|pased out|asleep|drunk|out of it",
           r"<PERSON><AUX_D> (?:has sex with|had sex with|sleeps with|slept with|touches|touched"
           r"|does things to|did things to|does stuff to|did stuff to|undresses|undressed) me"
           r" (?:while|when) i (?:am|was|m) (?:asleep|sleeping|drunk|unconscious|passed out"
           r"|out of it)\b"),
        _r("knocked|knocks",
           r"<PERSON><AUX_D> (?:knocked|knocks) (?:me (?:out|down|over|unconscious|to the flor)"
           r"|out my (?:tooth|teeth)|my (?:tooth|teeth) out)\b"),
    ),
    # Images used against someone ("he posted naked pics of me"), punishments, destruction,
    # sleep taken, injuries hidden, showing up and demanding to see messages.
    Group("coercion",
        _r("naked|nude|intimate|private|explicit|sexual|sex",
           r"\b(?:posted|posting|posts|shared|sharing|shares|sent|sending|leaked|leaking"
           r"|uploaded|spread|spreading|share|post|send|leak|release|released|showed|shows)"
           r" (?:my |our |her |some )?(?:naked|nude|intimate|private|explicit|sexual|sex)"
           r" (?:pics|pictures|photos|images|videos|video|tape|selfies)\b",
           r"\b(?:posted|shared|sent|leaked|uploaded|spread|post|share|send|leak) (?:my )?nudes\b"),
        _r("punish|awake|me up",
           r"\b(?:me|my|us|our)(?: \w+){0,8}? (?:as|for) (?:a )?punishment\b",
           r"\bkeeps? me (?:up|awake)(?: \w+){0,3}? (?:al night|arguing|screaming|yelling"
           r"|until|til|as punishment)\b"),
        _r("smash|brok|break|destroy|rip|tore|cut up|burn|threw|trash",
           r"<PERSON><AUX_D> (?:smashed|smashes|smashing|broke|breaks|destroyed|destroys"
           r"|ripped up|rips up|tore up|cut up|burned|burnt|threw out|threw away|trashed)"
           r" (?:my|al my|our) (?:\w+ )?(?:phone|things|stuff|guitar|laptop|clothes|belongings"
           r"|car|tv|computer|glasses|photos|books|art|paintings|gifts|furniture|room"
           r"|instrument|keepsakes)\b"),
        _r("hospital|er|a and e|emergency|slipped|fel|tripped|walked into|bumped|acident",
           r"\b(?:ended up|landed|was|been|end up) in (?:the )?(?:hospital|er|a and e"
           r"|emergency room)(?: \w+){0,3}? (?:after|because|when) (?:he|she|they|my)\b",
           r"\btold (?:them|the doctors?|the nurses?|everyone|people|the hospital|work)"
           r" (?:that )?i (?:slipped|fel|tripped|walked into|bumped into|had an accident)\b"),
        _r("demand|insist|unanounced|uninvited|without warning|makes me show",
           r"\b(?:demands|demanded|demanding|insists on|insisted on|makes me show)"
           r" (?:to (?:se|read|check) )?(?:my|al my) (?:phone|messages|texts|grades|emails"
           r"|passwords|bank|receipts|dms)\b",
           r"\b(?:shows|showed|turns|turned) up (?:at my \w+ )?(?:unannounced|uninvited|without"
           r" warning)\b"),
    ),
    # Control of money and food, touching, accounts made to get round a block, public
    # confession, being weighed in front of others, names called: told in the past or now.
    Group("told_more",
        _r("cent|peny|receipts|money|ate|eat|wore|wear|spent|did|do",
           r"\bcontrol(?:led|s|ling)? (?:every cent|every peny|al (?:the|my|our) money|my money"
           r"|the money|what i (?:ate|eat|wore|wear)|everything i (?:ate|eat|did|do|wore|wear|spent))\b",
           r"\b(?:show|showing|showed) (?:him|her|them) (?:the )?receipts\b"),
        _r("touch|grop|fondl",
           r"\b(?:would|used to|kept|started to|would always) (?:touch|touching|grope|groping"
           r"|fondle|fondling) me\b"),
        _r("acount|blocked",
           r"\bnew accounts? (?:every|each) (?:week|day|time)\b",
           r"\bblocked (?:him |her |them )?(?:like |over |about )?[0-9]+ (?:times|accounts"
           r"|numbers)\b"),
        _r("confes",
           r"\b(?:made|forced|make|force|makes|forces) (?:me|us|the kids) (?:to )?confess\b",
           r"\b(?:was|were) made to confess\b"),
        _r("weighed|weigh",
           r"\b(?:weighed|weigh|weighs) me(?: \w+){0,4}? in front of\b"),
        _r("work|job|bos|manager|employer|believe|permision|showing up|turning up|email|mesages"
           r"|texts|acounts|famil|sleep|confes|mistake|burden|alone|failure|freak|disgrace|ofice"
           r"|friends",
           r"\b(?:calls|called|calling|emails|emailed|contacts|contacted|rings|rang) my (?:work"
           r"|job|boss|manager|employer|office)\b",
           r"\bno one (?:would|wil) (?:ever )?believe (?:me|you)\b",
           r"\bkeeps? (?:showing|turning) up (?:where i am|at my|everywhere|wherever)\b",
           r"\b(?:made|makes|make|making) me ask (?:for )?permission\b",
           r"\bcut (?:me |us )?of (?:from )?(?:our|my) (?:family|families|friends)\b",
           r"\b(?:made|forced|makes) (?:us|me) (?:to )?sleep [0-9]+ hours\b",
           r"\bconfess in front of\b",
           r"\bcalls me (?:the|a) (?:mistake|burden|failure|freak|disgrace)\b",
           r"\bmakes me eat alone\b"),
        _r("leting|location|acount|photos|pics|pictures|videos|take the kids|get the kids|kep the kids",
           r"\bletting (?:himself|herself|themselves) in\b",
           r"\bif i (?:ever )?leave\b(?: \w+){0,4}? (?:take|get|keep) the kids\b",
           r"\b(?:makes|made|forces|forced) me share my location\b",
           r"\b(?:making|makes|made|keeps making) new accounts? to (?:message|contact|text|reach"
           r"|harass|stalk) me\b",
           r"\bsent (?:photos|pics|pictures|videos) of me to (?:his|her|their) (?:friends|mates"
           r"|family|group|coworkers)\b"),
        _r("imigration|ice|migracion|authorities|film|birth control|contraceptive|condoms"
           r"|the pil|shakes|shook|shaking|mocks|mocked|makes fun",
           r"\b(?:cal|call|report me to|tel|turn me in to) (?:immigration|ice|the authorities"
           r"|migracion)\b",
           r"\bfilms? (?:me|it)(?: \w+){0,3}? (?:and laughs|laughing|and laughed)\b",
           r"\b(?:hid|hides|threw away|flushed|took|swapped|poked holes in) my (?:birth control"
           r"|contraceptives?|the pill|condoms)\b",
           r"\b(?:shakes|shook|shaking) (?:her|him|the baby|my (?:baby|son|daughter))\b(?: \w+){0,3}?"
           r" (?:when|because|til|until)\b",
           r"\b(?:mocks|mocked|makes fun of) my (?:accent|weight|body|family|english|voice)\b"),
        _r("permision|times|clothes|what i wear|saying no|loan|credit",
           r"\b(?:i have to|have to|need to|i must|i am made to) ask (?:him |her |them )?(?:for )?"
           r"permission\b",
           r"\bcal(?:s|ed)? me [0-9]+ times\b",
           r"\b(?:picks|chooses|decides|picked|chose) (?:out )?(?:my clothes|what i wear)\b",
           r"\bsaying no (?:was not|is not|was never|is never) worth\b",
           r"\b(?:took out|opened|taken out) (?:a |several |two )?(?:loan|loans|credit card|credit"
           r" cards) in my name\b"),
        _r("email|mesages|texts|acount|icloud|facebok|instagram|phone",
           r"\b(?:got into|hacked|hacked into|reads|reading|read) (?:al )?my (?:email|emails"
           r"|messages|texts|accounts?|icloud|facebook|instagram|phone)\b(?: \w+){0,4}? (?:for"
           r" months|everything|without|behind)\b"),
        _r("caled|cals|caling",
           r"\b(?:called|calls|calling) (?:us|me|the girls|the boys|the kids|her|him) (?:a |an )?(?:fat|ugly|stupid|worthless|useless"
           r"|disgusting|whore|slut|pig|pigs|fat pigs|retarded|idiot|idiots)\b"),
    ),
    # Rounds 19-20 (used): control, money, work and pregnancy used as weapons.
    Group("control_body_money_work",
        _r("stuf|things|journal|diary|bag|drawers|room",
           r"\b(?:keps|keeps|always|constantly|is always) (?:going through|reading|searching"
           r"|checking|snoping through|snoping in) my (?:stuf|things|journal|diary|bag|drawers"
           r"|room)\b"),
        _r("birth control|pil|contracep|condom|implant|coil",
           r"\b(?:messed with|tampered with|hid|hides|threw away|flushed|poked holes in|swapped"
           r"|stopped me taking|took away|takes away) my (?:birth control|pil|pils|contraception"
           r"|contraceptives?|condoms?|implant|coil)\b"),
        _r("disability|benefit|pension|wages|pay|paycheck|salary|universal credit|alowance",
           r"\b(?:takes|took|keps|keeps|controls|has taken|has control of) (?:al )?my"
           r" (?:disability|benefits?|pension|wages|pay|paycheck|salary|universal credit"
           r"|alowance|disability money|benefit money)\b"),
        _r("let me",
           r"\b(?:wil not|does not|would not|never) let me (?:have|use|get|keep) (?:a|my|any)"
           r" (?:phone|car|bank acount|money|friends|job|keys)\b"),
        _r("work",
           r"\b(?:made|makes|forced|force|forces) (?:us|me) (?:to )?work\b(?: \w+){0,8}?"
           r" (?:never paid|not paid|no pay|for fre|without pay|unpaid|for nothing|not a cent"
           r"|a cent)\b"),
        _r("sign",
           r"\b(?:had|made|forced|pressured|pushed|got|told) me (?:to )?sign (?:over )?(?:my"
           r"|the) (?:house|home|car|savings|inheritance|money|property|flat)\b"),
        _r("shoved|pushed|slaped|punched|kicked|choked|strangled",
           r"\b(?:he|she|boyfriend|girlfriend|husband|wife|partner) (?:shoved|pushed|slapped"
           r"|punched|kicked|choked|strangled) (?:her|him) (?:into|against|down|over|onto)\b"),
        _r("phone|mesages|texts",
           r"\b(?:checks|goes through|reads|monitors|tracks) (?:her|his|their) (?:phone|messages"
           r"|texts)\b(?: \w+){0,4}? tels (?:her|him|them) (?:what to wear|who to (?:talk|se"
           r"|text)|where to go)\b"),
        _r("weapon|gun|pistol|knife|rifle|shotgun",
           r"\b(?:put|puts|placed|laid|left|would put|used to put) (?:his|her|a|the) (?:service"
           r" weapon|gun|pistol|knife|rifle|shotgun|weapon) on the table\b"),
    ),
    # Round 21 (used): work and money taken, a head held under water, "a dad who hit",
    # "controls everything", threats about papers, eating in the garage.
    Group("control_wages_papers_home",
        _r("landlord|police|imigration|home ofice|ice|authorities",
           r"\b(?:tel|report me to|cal|reports? me to) (?:the )?(?:landlord|police|imigration"
           r"|home ofice|ice|authorities)\b(?: \w+){0,3}? (?:i am not legal|i am ilegal|about my"
           r" (?:visa|status|papers))\b"),
        _r("slaps|hits|punches|kicks|scratches|bites|chokes|pushes|shoves",
           r"\b(?:he|she|my \w+) (?:slaps|hits|punches|kicks|scratches|bites|chokes|pushes"
           r"|shoves) and (?:slaps|hits|punches|kicks|scratches|bites|chokes|pushes|shoves) me\b"),
        _r("hand over|hand in",
           r"\bhand (?:over|in) (?:our|my|al our|al my|al of our|al of my) (?:whole |entire )?"
           r"(?:salary|salaries|wages|pay|paycheck|earnings|money|benefits)\b"),
        _r("under",
           r"\bhold (?:my|our|her|his) heads? under (?:the )?(?:water|bath|bath water|sink|tub)\b"),
        _r("controls everything",
           r"\bcontrols everything\b(?: \w+){0,3}? (?:what i (?:eat|wear|spend)|when i sleep"
           r"|who i (?:text|se|talk))\b"),
        _r("who hit|who beat",
           r"\b(?:dad|father|man|husband|mum|mom|mother|partner|boyfriend|wife|stepdad) who"
           r" (?:hit|hits|beat|beats)\b"),
        _r("tips|dock",
           r"\b(?:keps|takes|steals|pockets) (?:our|my|al our|al my) tips\b",
           r"\bdocks? (?:our|my) pay\b"),
        _r("died|ben born",
           r"\bwished (?:i had|id|i would have) (?:died|never ben born)\b"),
        _r("made me",
           r"\bmade me (?:eat|sleep|stay|live) (?:my \w+ )?(?:in|outside in) the (?:garage|shed"
           r"|basement|cupboard|yard|garden|car)\b"),
        _r("alowed",
           r"\b(?:were not|was not|are not|not) alowed to (?:raise|kep|se|talk to|contact)"
           r" (?:our|my) (?:own )?(?:kids|children|family|parents|son|daughter)\b"),
    ),
)


# =============================================================================================
# MEDICAL: an overdose or a poison already taken. Always self-harm at least, and the reply
# leads with the emergency number ("i took a bunch of pills", "i swallowed all my meds").
# =============================================================================================

_TAKEN = (
    r"(?:\bi |\bjust |\balready |\band |^)(?:(?:have|just|already|literally|actually|think i|kind of"
    r"|probably) ){0,2}(?:took|taken|swallowed|downed|ate|eaten|chugged|popped|had|injected"
    r"|overdosed on|od on)"
)
_AMOUNT = (
    r"(?:al|a load of|a whole load of|every single one of|a bunch of|a handful of|handfuls of|too many"
    r"|a lot of|lots of|loads of|heaps of|way too many|a ton of|an entire bottle of"
    r"|a whole bottle of|the whole bottle of|the entire bottle of|the bottle of|the rest of"
    r"|enough|[1-9][0-9]+|fifty|forty|thirty|twenty|fifteen|al of|al the|al my|al of my"
    r"|al of the|the whole packet of|a whole packet of|the whole box of|a box of|a packet of"
    r"|a pack of|the pack of|every|al these|al those|a fistful of|two bottles of|a bottle of"
    r"|(?:[2-9]|two|to|three|four|five) (?:packs|packets|boxes|bottles|strips) of"
    r"|a full bottle of|a new bottle of"
    r"|both bottles of|half a bottle of|half the bottle of|a few bottles of|the whole thing of)"
)

MEDICAL: Final[tuple[Group, ...]] = (
    Group("more_on_purpose_taken",
        _r("on purpose|deliberately",
           rf"{_MORE_ON_PURPOSE}",
           r"\bi (?:overdosed|od|oded)\b(?: \w+){0,3}? (?:on purpose|deliberately)\b"),
        _r("overdosed on|od on|oded on",
           r"^(?:just |i )?(?:overdosed|od|oded) on (?:my|the|his|her|al|some|a|lots|loads)\b"),
        _r("hang|strangle",
           # An attempt that hurt: "tried to hang myself ... my neck really hurts".
           r"\btried to (?:hang|strangle) myself\b(?: \w+){0,15}? (?:neck|throat|voice|breathe"
           r"|breathing)\b"),
        # "had a bottle of vodka and like 15 of the xanax", "whole strip of lithium plus ..."
        _r(words("PILLS"),
           r"\b(?:had|took|taken|swallowed|downed|and|plus|with|did)(?: \w+){0,6}? (?:like |about"
           r" |maybe |around )?(?:[1-9][0-9]?|a lot|loads|lots|a bunch|a handful|(?:a |the )?whole"
           r" (?:strip|packet|box|bottle|pack|blister)) (?:of )?(?:the |my |his |her )?<PILLS>\b"
           r"(?! (?:a day|today|this morning|as prescribed|like (?:the|my) (?:doctor|dr)))",
           # "did something stupid. pills. a lot. my hands have gone numb"
           r"\b(?:did something (?:stupid|bad|dumb)|i did it)\b(?: \w+){0,4}? <PILLS>\b"),
        _r("jumped",
           r"\bjumped (?:of|from) (?:the|a|my) (?:\w+ )?(?:roof|bridge|balcony|window|building"
           r"|car park|cliff|ledge)\b(?: \w+){0,10}? (?:ankle|leg|back|neck|head|bleeding|can not"
           r" (?:get up|move|walk|feel))\b"),
        _r("blod|soaked|not stoping",
           r"\b(?:the )?blood (?:will not|does not|is not|wil not) stop\b",
           r"\bcut\b(?: \w+){0,10}? (?:not stopping|soaked through|towel is soaked)\b"),
        # "a lot of blood on the bathroom floor. i cut my wrist"
        _r("blod|cut my",
           r"\bi cut my (?:wrist|wrists|throat)\b(?: \w+){0,6}? (?:blood|still|bleeding|coming"
           r"|wil not stop)\b",
           r"\b(?:lot of|so much|loads of|pool of) blood\b(?: \w+){0,8}? i cut my\b"),
        _r("bleding",
           r"\b(?:my )?(?:wrist|wrists|arm|arms|cut|cuts|thigh|leg)s? (?:wil not|do not|does not"
           r"|is not|are not|can not|would not) stop bleeding\b",
           r"\bcut (?:myself )?(?:deeper|too deep|to deep|deep)\b(?: \w+){0,10}? (?:still |wil not"
           r" stop |wont stop )?bleeding\b"),
    ),
    Group("overdose_taken",
        _r(words("PILLS"),
           rf"{_TAKEN}(?: \w+){{0,2}}? {_AMOUNT}(?: (?:my|the|of|these|those|his|her|mums|moms"
           r"|dads|sleeping|pain|mum s|mom s|dad s|heart|blood pressure|anxiety|thyroid|nans"
           r"|grans)){0,3} <PILLS>\b(?! (?:today|this morning|on time"
           r"|like (?:the|my) (?:doctor|dr)|as prescribed|for (?:the day|today)|with breakfast"
           r"|every day|daily)\b)",
           r"\b<PILLS>(?: \w+){0,8}? (?:took|swallowed|downed|ate|have taken|just took)"
           r" (?:them|it|those|these) al\b",
           r"\b(?:took|swallowed|downed|mixed|taken|had)(?: \w+){0,5}? <PILLS> (?:with|and)"
           r" (?:half a bottle of |a bottle of |some |a lot of |loads of |the |my |his |her )?(?:vodka"
           r"|alcohol|wine"
           r"|whisky|whiskey|booze|rum|beer|drink|gin|tequila)\b",
           r"\b<PILLS> (?:are|r|is|have|started) (?:kicking in|starting to work|working"
           r"|taking effect|started working)\b"),
        _r("al of them|them al|every single one|every last one",
           rf"{_TAKEN} (?:al of them|them al|every single one of them|every last one)\b"),
        _r("bleach|antifreze|poison|drain cleaner|weedkiler|pesticide|lye|windex|detergent"
           r"|lighter fluid|paint thiner",
           rf"{_TAKEN.replace('(?:took', '(?:drank|drunk|took')} (?:some |the |a bottle of "
           r"|a cup of |a glass of |a lot of |half a bottle of |a mouthful of |some of the "
           r"|a bit of |a bit of the |a handful of |a handful of the |handfuls of |a packet of "
           r"|the whole )?(?:bleach"
           r"|antifreeze|poison|drain cleaner|rat poison|weedkiller|pesticide|lye|windex"
           r"|detergent|lighter fluid|paint thinner|rat poison pellets|poison pellets)\b"),
        _r("overdos|od|an overdose",
           r"\bi (?:just |already |have |have just |think i |think i just )?(?:overdosed|oded)"
           r"\b(?! on (?:cofe|caffeine|sugar|chocolate|netflix|tv|carbs|candy|drama|content"
           r"|sun|work|pizza|love|memes|music|tea|energy drinks)\b)",
           r"\bi (?:just|already|have just|think i just) od\b",
           r"(?<!we )\b(?:took|taken|had|did) an overdose\b(?! (?:patient|patients|case|cases|cal|calls"
           r"|come|came|that|who|brought"
           r"|scene|on (?:my|the|her|his) (?:shift|ward|unit)))"),
    ),

    # Everything in the cabinet, chemicals mixed and breathed in, "took them" with symptoms.
    Group("poisoning_taken",
        _r("flo|dizy|slepy|drowsy|numb|weird|funy|sick|wozy|faint|light|blury|heavy|racing"
           r"|pounding|throwing up|vomit|burning|can not fel|can not stay|can not se",
           rf"{_TAKEN} (?:them|it al|those|these|the lot|everything|it|the pills|the tablets"
           r"|al of it)(?: \w+){0,8}? (?:fel|feling|am|getting|going|my (?:vision|heart|chest"
           r"|stomach|throat|head|hands|eyes)(?: is| are)?)(?: \w+){0,2}? (?:floaty|dizzy|sleepy"
           r"|drowsy|numb|weird|funny|sick|woozy|faint|light headed|lightheaded|blurry|heavy"
           r"|racing|pounding|throwing up|vomiting|burning|can not feel|can not stay awake"
           r"|can not see)\b"),
        _r("cabinet|drawer|cupboard|first aid|medicine",
           rf"{_TAKEN} (?:everything|everything i could find|whatever (?:was|i could find|i"
           r" found)|al (?:of )?the (?:meds|stuf|medicine)) (?:in|from) (?:the|my|mums|moms|dads"
           r"|our) (?:medicine cabinet|cabinet|drawer|cupboard|bathroom cabinet|first aid kit"
           r"|medicine box|medicine drawer)\b"),
        _r("breath|inhal|snif",
           r"\b(?:mixed|mixing) (?:al )?(?:the )?(?:bleach|ammonia|cleaning (?:stuff|products"
           r"|chemicals|suplies)|chemicals)(?: \w+){0,6}? (?:breathed|breathing|inhaled"
           r"|inhaling|sniffed)\b"),
        _r(words("PILLS"),
           rf"{_TAKEN}(?: \w+){{0,2}}? {_AMOUNT}(?: \w+){{1,2}}? <PILLS>\b(?! (?:today|this"
           r" morning|on time|like (?:the|my) (?:doctor|dr)|as prescribed|for (?:the day|today)"
           r"|with breakfast|every day|daily)\b)",
           r"\btook(?: \w+){0,5}? and (?:al|every one of|the rest of|a bunch of|a handful of)"
           r" (?:the |my |of the |of my )?(?:\w+ )?<PILLS>\b"),
    ),

    # Household poisons named by where they are kept, whole containers, insulin, and a cut that
    # will not stop bleeding: "i drank the stuff under the sink", "swallowed the whole bottle
    # from the cabinet", "injected my whole pen of insulin", "cut deeper and it wont stop".
    Group("taken_other",
        _r("sink|garage|shed|laundry|cleaning",
           rf"{_TAKEN.replace('(?:took', '(?:drank|drunk|took')}(?: \w+){{0,4}}? (?:under the"
           r" (?:kitchen |bathroom )?sink|from the (?:garage|shed|laundry)|in the (?:garage|shed)"
           r"|cleaning (?:stuff|products|spray|liquid|fluid))\b"),
        _r("whole|entire",
           r"\b(?:i |just |^)(?:just |already )?(?:swallowed|drank|downed|took|ate) (?:the|a|my)"
           r" (?:whole|entire) (?:bottle|packet|box|pack|strip|jar|container|tube|blister)\b"
           r"(?! of (?:water|wine|juice|soda|coke|pop|milk|beer|cider|ketchup|sauce|cereal"
           r"|cookies|biscuits|chocolate|candy|chips|crisps|ice cream|vitamins|gum)\b)"),
        _r(words("PILLS"),
           r"\b(?:she|he|they|my (?:sister|brother|friend|mum|mom|dad|son|daughter|partner"
           r"|wife|husband)) (?:just |has just |has |says she |says he |said she |said he )?"
           r"(?:took|swallowed|taken|downed) (?:al|a bunch of|a handful of|the whole bottle of"
           r"|every one of|too many of) (?:her|his|their|the) <PILLS>\b",
           r"\b(?:it is done|i did it)\b(?: \w+){0,2}? i (?:took|swallowed|have taken) (?:the|my"
           r"|al the|al my) <PILLS>\b"),
        _r(words("PILLS"),
           r"\b(?:taken|took|swallowed)(?: \w+){0,3}? <PILLS> (?:al of them|every one of them"
           r"|every last one|the whole bottle|the whole strip|the whole packet|the whole box"
           r"|the whole pack|the lot)\b",
           r"\bdid (?:the thing|it) with (?:the|my|al the|al my) <PILLS>\b"),
        _r("month|wek",
           r"\btook (?:my |a |the )?(?:whole|entire|al (?:of )?(?:my )?)(?: \w+)? (?:month|week"
           r"|months|weeks) (?:of|worth of|supply of)\b"),
        _r("did it|done",
           r"\b(?:it is done|i did it|i have done it|already did it)\b(?: \w+){0,2}? (?:i )?(?:took"
           r"|swallowed|drank) (?:them|it|al of them|everything|the pills|my pills|the tablets"
           r"|my meds|the meds)\b",
           r"\b(?:already did it|i did it|did it)\b(?: \w+){0,3}? (?:took|swallowed|drank)"
           r" (?:everything|al|al of|the whole|a whole|every)\b"),
        _r("saving|colecting|hoarding|stockpiling|keping",
           r"\b(?:taken|took|swallowed) (?:what|everything|al) (?:i had been|i have been|i was|i had)"
           r" (?:saving|saving up|collecting|hoarding|stockpiling|keeping)\b"),
        _r("stove|iron|hob|burner|fire|flame|oven|pan|lighter",
           r"\b(?:held|put|pressed|kept) my (?:arm|hand|hands|leg|wrist|skin|fingers) (?:on|against"
           r"|over|in) (?:the |a )?(?:stove|iron|hob|burner|fire|flame|oven|pan|lighter)\b"
           r"(?: \w+){0,8}? (?:on purpose|skin|bad|blister\w*|burn\w*)\b"),
        _r("emptied",
           r"\bemptied (?:the|my|mums|moms|our|his|her) (?:medicine cabinet|medicine drawer|pill box"
           r"|pill bottle|first aid kit|medicine box)\b"),
        _r("engine|motor",
           r"\b(?:in|inside) the car in the garage\b(?: \w+){0,10}? (?:engine|motor)s?(?: is)?"
           r" (?:running|on)\b",
           r"\b(?:engine|motor) running\b(?: \w+){0,8}? garage (?:door )?(?:closed|shut|down)\b",
           r"\b(?:sitting|sat|i am) in the (?:car in the )?garage (?:with|and) the (?:engine|motor)"
           r"(?: is)? (?:running|on)\b",
           r"\bgarage (?:door )?(?:closed|shut|down)\b(?: \w+){0,8}? (?:engine|motor) (?:running|on)\b"),
        _r("to dep",
           r"\b(?:went|cut|gone|going) too deep\b(?: \w+){0,8}? (?:will not stop|wont stop"
           r"|soaked|soaking|bleeding|stitches)\b"),
        _r("deper than",
           r"\bdeeper than (?:usual|before|ever|normal|last time)\b(?: \w+){0,10}? (?:will not"
           r" stop|wont stop|soaking|blood|bleeding|towel|stitches)\b"),
        _r("smel|fumes|eyes|burning|dizy",
           r"\bmixed (?:al )?(?:the |some )?(?:stuff|chemicals|cleaning (?:stuff|products)|bleach)"
           r"(?: \w+){0,10}? (?:bucket|bathroom|closed|shut)\b(?: \w+){0,12}? (?:smell|fumes"
           r"|eyes|burning|dizzy)\b"),
        _r("enough|broken|bent|can not|bleding|bone",
           r"\bjumped (?:of|from) (?:the |a |my )?(?:\w+ ){0,2}(?:roof|balcony|bridge|window|building"
           r"|ledge)(?: \w+){0,14}? (?:broken|bent wrong|can not (?:stand|move|walk|feel)"
           r"|bleeding|bone)\b",
           r"\bto see if it would be enough\b"),
        _r("ones",
           rf"{_TAKEN} (?:a bunch|a handful|a lot|lots|too many|al|loads|heaps) of (?:the|my)"
           r" (?:\w+ )?ones\b"),
        _r(words("PILLS"),
           r"\bmixed (?:my |the |some |a lot of )?(?:wine|vodka|alcohol|booze|drink|drinks|whisky"
           r"|whiskey|rum|beer|gin|tequila) with (?:al |al of |a bunch of |a handful of )?(?:my"
           r" |the |her |his )?(?:\w+ )?<PILLS>\b",
           r"\btook (?:like |about |around |maybe |over |at least )?(?:[2-9][0-9]|[1-9][0-9]{2})"
           r" (?:of (?:my |the |his |her )?)?<PILLS>\b"),
        _r("burned|burnt",
           r"\bburn(?:ed|t) (?:myself|my (?:arm|arms|leg|legs|hand|hands|skin|wrist|wrists|thigh"
           r"|thighs|stomach))(?: \w+){0,10}? (?:bad|badly|white|blisters?|peeling|can not"
           r" feel|deep|hospital|black|charred)\b"),
        _r("wrist|arm|thigh|leg|throat|neck",
           r"(?:\bi (?:just |have |already |really )?|^)cut (?:my |open my )?(?:wrist|wrists|arm"
           r"|arms|thigh|thighs|leg|legs|throat|neck)(?: \w+){0,6}? (?:deep|too deep|i can see"
           r"|something white|white|fat|bone|will not stop|is not stopping|gushing|spurting)\b"),
        _r("insulin",
           r"\binjected (?:way |a lot |far |much |so much )?(?:more|too much|al (?:of )?(?:my |the )?)"
           r" ?insulin\b(?: \w+){0,6}? (?:on purpose|than|dizy|shaky|sweaty|to)\b"),
        _r("on purpose",
           r"\b(?:punched|hit|cut|burned|burnt|smashed|slammed)(?: \w+){0,4}? on purpose\b"
           r"(?: \w+){0,10}? (?:to the bone|bone|see white|stitches|will not stop|wont stop"
           r"|bleeding|blistering)\b"),
        _r("injected",
           r"\binjected (?:my |the |a )?(?:whole|entire|al (?:of )?(?:my |the )?|every)"
           r"(?: \w+){0,2}? (?:pen|pens|insulin|vial|vials|syringe|syringes|dose|doses)\b"),
        _r("bleding|blod|lightheaded|light headed",
           r"(?:\bi (?:just |have |already |really |have been |was |am |been )?|^(?:have been |been )?)(?:cut"
           r"|cutting|opened|slit|sliced|stabbed)"
           r"(?! (?:my |the )?(?:finger|fingers|thumb|hand|lip|foot|toe|chin|knee|head|onion|bread"
           r"|hair|fabric|paper|wood|wire|rope|cake|meat)\b)(?: \w+){0,10}?"
           r" (?:(?:will not|does not|did not|can not|is not|wont) stop(?:ing|ping)? (?:the )?bleeding"
           r"|(?:a lot of|so much|lots of) blood|blood everywhere|light ?headed)\b"),
    ),
    # Rounds 19-20 (used): "already did it. pills.", "taken everything that was in the
    # medicine cabinet", "i think i took too many ... everything is spinning", a week of meds,
    # weed killer in two words, a car running in a closed garage, a wound gaping open.
    Group("taken_stock_or_fumes",
        _r(words("PILLS"),
           r"\b(?:already|just|i) (?:did it|done it|have done it)\b(?: \w+){0,4}? <PILLS>\b",
           rf"{_TAKEN} (?:my |the )?(?:whole|entire|al my|a) (?:week|weeks|month|months|weks)"
           r" (?:worth )?of <PILLS>\b"),
        _r("cabinet|cupboard|drawer|box|bag|kit",
           rf"{_TAKEN} (?:everything|al|whatever|what) (?:that )?(?:was |is |i found |i could"
           r" find )?(?:in|from) (?:the|my|his|her|our|mums|moms) (?:medicine|bathroom|med"
           r"|first aid|kitchen) (?:cabinet|cupboard|drawer|box|bag|kit)\b"),
        _r("to many",
           r"\bi (?:think i |might have |may have |probably )?(?:took|taken|had|swallowed)"
           r" (?:way )?to many\b(?: \w+){0,8}? (?:can not remember|spinning|dizy|sick|heart"
           r"|numb|blury|pasing out|faint|throwing up|vomiting)\b"),
        _r("wed kiler|weedkiler",
           rf"{_TAKEN.replace('(?:took', '(?:drank|drunk|took')} (?:some |some of |the |a bit of"
           r" |a bit of the |some of the )?(?:wed ?kiler|weed ?killer)\b"),
        _r("garage",
           r"(?<!with )\b(?:the|my|our|his|her) (?:car|cars|engine|generator)(?: is| has| s)?"
           r"(?: ben)? running (?:in|inside) (?:the |a |our |my )?(?:closed|shut|locked) garage\b",
           r"\b(?:car|cars|engine|generator)(?: is| has| s)?(?: ben)? running (?:in|inside)"
           r" (?:the |a |our |my )?garage\b(?: \w+){0,14}? (?:headache|dizy|sleepy|nauseous"
           r"|breathing|not sure why)\b"),
        _r("gaping|wide open|split open|se",
           r"\bcut\b(?: \w+){0,5}? (?:is )?(?:gaping|wide open|split open)\b",
           r"\bcut\b(?: \w+){0,8}? (?:can se|se the) (?:fat|bone|yelow|yelowish|white stuf"
           r"|the fat|muscle)\b"),
    ),
    # Round 21 (used): "i've taken something. doesn't matter what".
    Group("taken_unnamed",
        _r("taken something|took something",
           r"\b(?:i have|i|just|already) (?:taken|took) something\b(?: \w+){0,6}? (?:does not"
           r" matter what|wanted someone to know|want someone to know|wil not say|not saying"
           r" what|dont mater)\b"),
    ),
)
# fmt: on


# Too short or too plain for the meaning layer, yet often how people in danger or despair begin:
# the bot asks "are you safe right now?" rather than guessing a topic. (Cited by the crisis issue:
# "whats the point of anything", "im scared".)
# A group like the others, so the prefilter screens it: on a long calm text one regex of all
# these alternatives cost 1.5 ms, every time nothing else matched.
ASK_IF_SAFE: Final = Group(
    "ask_if_safe",
    _r(
        "point",
        r"\bwhat is the point(?: of (?:anything|it all|living|life|trying|going on|me|any of"
        r" (?:this|it)))?(?: anymore| any more)?\s*[?.!]*$",
        r"^(?:there is )?no point(?: anymore| in anything| to anything)?\s*[?.!]*$",
    ),
    # Questions that research a means: "how long does it take to drown", "what time does the
    # fast train go through my station, the one that doesnt stop".
    _r(
        "how long",
        r"\bhow long (?:does it|would it|will it) take (?:to|for (?:a person|someone|you|me)"
        r" to) (?:drown|bleed out|die|suffocate|hang|freeze to death|od|overdose)\b",
    ),
    _r(
        "train",
        r"\b(?:what time|when|which)\b(?: \w+){0,6}? trains?\b(?: \w+){0,8}? (?:does not|do not"
        r"|that does not|that do not) stop\b",
        r"\bwhat time (?:does|do) (?:the )?(?:fast|express|non stop|nonstop|freight) trains?"
        r" (?:go|pass|come|run) through\b",
    ),
    # Going to someone who died: "i just want to be with my nan again", "heaven ... see my
    # brother again ... soon", "joining my mum soon"; a last birthday.
    _r(
        "again",
        r"\bwant to be with my (?:nan|nana|gran|grandma|granny|grandad|grandpa|mum|mom|dad"
        r"|mother|father|brother|sister|son|daughter|baby|wife|husband|best friend) again\b",
        r"\b(?:heaven|afterlife|the other side)\b(?: \w+){0,15}? (?:see|be with|join|meet)"
        r" (?:my \w+|him|her|them) again\b",
    ),
    _r(
        "soon",
        r"\b(?:joining|join) my (?:mum|mom|dad|nan|gran|grandma|grandad|brother|sister|son"
        r"|daughter|wife|husband|best friend) soon\b",
    ),
    _r("last one", r"\bbirthday\b(?: \w+){0,12}? last one(?: anyway)?\b"),
    # Possessions given away, deserved more or "everything sorted"; passwords left.
    _r(
        "give|gave|giving|given",
        r"\b(?:giving|gave|give) (?:away )?(?:all )?(?:of )?my (?:\w+ ){0,4}?to (?:my|his|her)\b"
        r"(?: \w+){0,5}? (?:deserves? (?:them|it) more|will not need|do not need (?:them|it)"
        r" anymore)\b",
        r"\b(?:gave|giving|given) (?:away )?my (?:\w+ ){1,3}to my\b(?: \w+){0,12}? (?:everything"
        r" sorted|sorted everything|all sorted|in order|tied up)\b",
    ),
    _r("passwords", r"\b(?:wrote|writing|written|left) (?:down )?(?:all )?my passwords\b"),
    # Heights, doses, a will at 19, the edge, a plane going down.
    _r(
        "high|tall",
        r"\bhow (?:high|tall) (?:is )?(?:the )?(?:multi ?storey|multistory|car park|carpark"
        r"|parking garage|bridge|building|tower|cliff|roof|overpass|flyover|viaduct)\b",
    ),
    _r(
        "researching|looking up|googling|reading about",
        r"\b(?:researching|looking up|googling|reading about) (?:what|which|how much|the)"
        r" (?:dose|amount|pills|method|way)\b(?: \w+){0,4}? (?:would|will|to) (?:actually )?"
        r"(?:work|do it|be enough)\b",
    ),
    _r(
        "write a will|want my",
        r"\bwrite a will\b(?: \w+){0,4}? (?:when (?:you are|your|i am|you) |at )1[0-9]\b",
        r"\bwant my (?:cat|dog|pets?|kitten|puppy|rabbit) to go to\b",
    ),
    _r(
        "the edge",
        r"\b(?:slowing down|stopping|standing|parking|sitting) (?:at|near|on|by) the edge\b",
    ),
    _r(
        "hope",
        r"\bhope (?:the|my) (?:plane|flight|bus|train|car) (?:goes down|crashes|crash|derails)\b",
    ),
    _r("official", r"\b(?:a ghost|dead|invisible) already\b(?: \w+){0,6}? make it official\b"),
    _r(
        "come back|coming back",
        r"\b(?:going to|gona|will|il|want to) (?:drive|walk|go|swim|head)\b(?: \w+){0,6}?"
        r" (?:and )?(?:not|never) (?:come|coming) back\b",
    ),
    _r(
        "decision",
        r"\b(?:made|have made) (?:my|the) decision\b(?: \w+){0,4}? (?:calm|peace"
        r"|peaceful|relieved)\b",
    ),
    _r(
        "walking",
        r"\b(?:waters?|sea|ocean|river|lake|beach)\b(?: \w+){0,8}? (?:going to|gona"
        r"|will) keep walking\b",
    ),
    _r(
        "walked|came|turned up|showed up",
        r"\b(?:he|she|my ex) (?:just )?(?:walked|came|turned up|showed up) (?:into|in|at) my"
        r" (?:gym|work|office|school|class|church|building|cafe)\b",
    ),
    _r("gone", r"\b(?:after|once) i am gone\b"),
    _r("wake up", r"\bwhat if i (?:just )?(?:did not|didnt|never) wake up\b"),
    _r("might as well", r"\bmight as well (?:just )?(?:get it over with|end it)\b"),
    _r("days", r"\bnothing for \d+ days\b|\b(?:not|have not) eaten (?:in|for) \d+ days\b"),
    _r("again", r"\bif i (?:do not|dont|never) (?:message|text|come back|make it) again\b"),
    _r(
        "alright|ok|fine|better off",
        r"\b(?:would|will) (?:my|the) (?:daughter|son|kids|children|baby|dog|cat) be (?:alright"
        r"|ok|okay|fine|better off) (?:with|without)\b",
        r"\b(?:my|the) (?:daughter|son|kids|children|baby|dog|cat) (?:would|will) be (?:alright"
        r"|ok|okay|fine|better off) (?:with|without)\b",
    ),
    # A lone "i have a knife", "i'm so scared": short messages only (the whole message).
    _r(
        "knife|gun|blade|razor|rope|pills",
        r"^(?:i have|i got|i am holding|holding|got) (?:a |the |my |his |her )?(?:knife|gun|blade"
        r"|razor|rope|pills)(?: right now| now| in my hand| here)?\s*[?.!]*$",
    ),
    _r(
        "scared|terrified|frightened|afraid",
        r"^(?:(?:and|but|honestly|just|i think)\s+)?i am (?:so |really |very |just |too )?"
        r"(?:scared|terrified|frightened|afraid)(?: right now| rn| now| tonight)?\s*[?.!]*$",
    ),
    # Rounds 19-20 (used): a plan kept for when the children are away, "how deep is too
    # deep", a knot that won't slip, "forgive me for what i'm about to do", "i'll be with
    # grandma soon", why not get it over with, leaving a note, a gun that will not leave the
    # mind.
    _r(
        "planed it",
        r"\bplanned it (?:for|on)\b(?: \w+){0,4}? (?:when|while|once) (?:the kids"
        r"|my kids|the children|everyone|nobody|no one|he|she)\b(?: \w+){0,3}? (?:are|is|wil be"
        r"|has|have|gone|away|out|asleep)\b",
    ),
    _r(
        "deep",
        r"\bhow deep is to deep\b",
        r"\bhow deep (?:do|should|would|can|must) (?:i|you)"
        r" (?:cut|go)\b",
    ),
    _r("slip", r"\bknot\b(?: \w+){0,4}? (?:wil not|does not|would not) slip\b"),
    _r("forgive me", r"\bforgive me for what i am (?:about to|going to|gona) do\b"),
    _r(
        "son",
        r"\b(?:i wil|il|i l) be with (?:my )?(?:nan|nana|gran|grandma|granny|grandad|grandpa|mum|mom"
        r"|dad|mother|father|brother|sister|son|daughter|baby|wife|husband|best friend|god|jesus"
        r"|the angels) (?:again |very |real )?son\b",
    ),
    _r(
        "over with|end it|make it",
        r"\bwhy not (?:just )?(?:get it over with|end it)\b",
        r"\b(?:should|might|could) (?:just )?make it (?:physical|real|oficial|permanent|literal)\b",
    ),
    _r(
        "note|leter",
        r"\b(?:selfish|wrong|ok|okay|fair|cruel|mean|kinder|bad) (?:if|to|that) i"
        r" (?:only )?(?:leave|write|left|wrote) (?:a )?(?:note|leter)s? (?:for|to)\b",
    ),
    _r(
        "thinking about",
        r"\b(?:can not stop|keep|kep|always) thinking about (?:my )?(?:\w+ )?"
        r"(?:gun|guns|pills|rope|the bridge|razor|razors|the tracks|the train)\b(?: \w+){0,6}?"
        r" (?:know the code|in the safe|where (?:he|she|they) keps|in the drawer|loaded)\b",
    ),
    # Round 21 (used): starving on purpose, trains that cannot brake, plants left with a
    # friend, a plan and relief, a gun and its code, charcoal in a car, "what if i just
    # walked into the sea", "want to jump", "better off" with "one more thing".
    _r(
        "without",
        r"\bhow long can (?:a person|someone|you|i) (?:go|last|survive) without"
        r" (?:eating|food|water|drinking)\b(?: \w+){0,5}? (?:on purpose|deliberately|if (?:they"
        r"|you|i) stop)\b",
    ),
    _r(
        "brake|stop in time",
        r"\btrains?\b(?: \w+){0,4}? (?:do not|can not|does not)"
        r" (?:have time to )?(?:brake|stop in time)\b",
    ),
    _r(
        "look after|take care of|kep|have my",
        r"\btold (?:my|her|him) (?:\w+ ){0,2}to (?:look"
        r" after|take care of|kep|have) my (?:plants|cat|dog|pets?|kids|things|stuf)\b"
        r"(?: \w+){0,6}? (?:does not get why|asked why|why|it is fine|do not ask)\b",
    ),
    _r(
        "plan now",
        r"\bi have a plan now\b(?: \w+){0,6}? (?:fel beter|fel calm|at peace"
        r"|relieved|fel lighter|fel fine)\b",
    ),
    _r(
        "code|combination",
        r"\b(?:gun|guns|pils|rifle|pistol)\b(?: \w+){0,6}? (?:and )?i know"
        r" the (?:code|combination)\b",
    ),
    _r(
        "charcoal",
        r"\bcharcoal\b(?: \w+){0,6}? in (?:a|the|their|my|your)? ?(?:car|cars|tent"
        r"|rom|bathrom)\b",
    ),
    _r(
        "what if i",
        r"\bwhat if i (?:just )?(?:walked|walk|swam|swim|drove|drive|jumped|jump"
        r"|steped|step) (?:into|of|in front of) (?:the )?(?:sea|ocean|river|lake|trafic|a train"
        r"|the train|a bus|a bridge|the bridge|the tracks)\b",
    ),
    _r(
        "jump",
        r"^(?:i |i just |i realy |i so )?want to jump\b(?! (?:in|into|on|rope|higher"
        r"|start|ship|queue|the line|up|around|for)\b)",
    ),
    _r(
        "beter of",
        r"\bwould be beter of\b(?: \w+){0,4}? i am (?:just )?(?:one more thing"
        r"|a burden|the problem|in the way)\b",
    ),
    _r("for god|for ever", r"\b(?:want|wana|going) to sleep for (?:god|ever)\b"),
    _r(
        "for after",
        r"\bplan(?:ing|ned)? it for after\b(?: \w+){0,6}? (?:so i do not ruin|so"
        r" it does not ruin|birthday|christmas|exams|wedding)\b",
    ),
    _r(
        "emptied",
        r"\bemptied (?:the|al the|my|al my) (?:blister packs?|pil (?:bottles?"
        r"|boxes?|packets?))\b",
    ),
)
