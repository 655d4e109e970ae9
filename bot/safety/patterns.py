"""Word lists and regular expressions for the crisis detector (see detector.py).

The patterns run on *normalised* text (detector.normalize): lowercase ASCII letters, digits and
single spaces, apostrophes joined ("he's" -> "hes"), common contractions and chat spellings
expanded ("hes" -> "he is", "wanna" -> "want to", "rn" -> "right now"), and every run of a
repeated letter folded to one letter ("kill" -> "kil", "killlll" -> "kil", "pleeease" -> "please").

Patterns are written in plain English and compiled by `_rx`, which folds doubled letters the same
way, so "kill" in a pattern also matches "kil" and "killlll" in a message. `<NAME>` inside a
pattern is replaced by the macro NAME below before compiling.

Rules for editing:
- Only bounded gaps (`(?: \\w+){0,4}`), never `.*`: every pattern must stay linear on 100k chars.
- Lookbehinds must be fixed width: use one `(?<!...)` per alternative.
- When a pattern is risky for figures of speech, exclude the figure with a lookahead next to it and
  add the figure to tests/safety/crisis_phrases.yaml as a `none` item.
"""

from __future__ import annotations

import re
from typing import Final

_RUNS: Final = re.compile(r"([a-z])\1+")
_PATTERN_RUNS: Final = re.compile(r"(?<!\\)([a-z])\1+")
_MACRO: Final = re.compile(r"<([A-Z_]+)>")


def fold(text: str) -> str:
    """Fold every run of one repeated letter to a single letter ("kill" -> "kil")."""
    return _RUNS.sub(r"\1", text)


def _alt(*words: str) -> str:
    return "(?:" + "|".join(words) + ")"


# --- Macros: building blocks shared by several patterns -------------------------------------

# Relationship nouns that can stand alone as the subject ("dad hit me", "boss screams at me").
_BARE_REL = (
    "partner", "husband", "hubby", "wife", "boyfriend", "girlfriend", "ex", "ex husband",
    "ex wife", "ex boyfriend", "ex girlfriend", "ex partner", "fiance", "fiancee", "spouse",
    "dad", "daddy", "father", "stepdad", "stepfather", "step dad", "step father", "mom", "mommy",
    "mum", "mummy", "mother", "stepmom", "stepmum", "stepmother", "step mom", "step mum",
    "parents", "brother", "sister", "stepbrother", "uncle", "aunt", "auntie", "grandpa",
    "grandfather", "grandma", "grandmother", "cousin", "boss", "manager", "supervisor",
    "leader", "pastor", "priest", "coach", "landlord", "roommate", "flatmate", "housemate",
    "abuser", "stalker", "attacker", "rapist", "baby daddy", "baby mama",
    "mother in law", "father in law", "brother in law", "sister in law", "stepson", "son",
)
# Nouns that only name a person after "my/the/his/her" ("my man", "the guy") - "man, this
# traffic" must not become a subject.
_DET_REL = (*_BARE_REL, "man", "guy", "family", "lover", "other half", "date", "teacher",
            "coworker", "co worker", "colleague", "neighbor", "neighbour", "guru", "master",
            "mentor", "elder", "trainer", "in laws", "daughter", "son in law", "group leader")

# People a threat can be aimed at.
_VICTIM = (
    "kids", "kid", "children", "child", "son", "sons", "daughter", "daughters", "baby", "babies",
    "family", "mom", "mum", "mother", "dad", "father", "sister", "brother", "dog", "cat", "pet",
    "pets", "parents", "friend", "friends", "boyfriend", "girlfriend", "wife", "husband",
    "partner", "little one", "toddler", "puppy", "siblings",
)

_ONLINE = (
    "instagram", "insta", "ig", "social media", "socials", "social", "twitter", "x", "tiktok",
    "facebook", "fb", "snapchat", "snap", "youtube", "spotify", "linkedin", "threads", "online",
    "the internet", "whatsapp", "telegram", "reddit", "strava", "bluesky", "twitch",
)

MACROS: Final[dict[str, str]] = {
    "REL": _alt(*_BARE_REL),
    "DREL": _alt(*_DET_REL),
    # The other person: pronoun, "my husband", "the boss", "her ex", "someone".
    "PERSON": (
        r"\b(?:he|she|they|someone|somebody|some guy|a guy|a man|this guy|that guy"
        r"|(?:my|the|our|his|her|their) (?:ex |former |old |new |step )?<DREL>s?"
        r"|<REL>s?)"
    ),
    "VICTIM": _alt(*_VICTIM),
    # Whom a threat or an attack is aimed at.
    "OBJ": (
        r"(?:me|us|her|him|them|himself|herself|themselves|themself|both of us|al of us"
        r"|everyone|everybody|my (?:\w+ )?<VICTIM>|the <VICTIM>|our <VICTIM>)"
    ),
    # Object of a disclosed act ("hits me", "beat my mom", "hurts the kids").
    "OBJ_D": r"(?:me|us|my (?:\w+ )?<VICTIM>|the <VICTIM>|our <VICTIM>)",
    # Small words allowed between subject and verb in present-tense patterns.
    "AUX": (
        r"(?: (?:is|are|was|were|s|has|have|had|been|being|still|currently|now|right now"
        r"|literally|actually|really|just|already|again|also|probably|definitely|totally|all"
        r"|so|getting|got|not|even|right|standing|sitting|waiting|hanging|parked|lurking"
        r"|walking|pacing|driving|here|there|out|back)){0,3}"
    ),
    # Small words allowed in habitual / past disclosures ("my dad used to hit me").
    "AUX_D": (
        r"(?: (?:is|was|s|has|had|have|used to|use to|would|will|keeps|kept|started|starts"
        r"|always|never|sometimes|often|once|even|also|again|just|still|been|really"
        r"|actually|literally|physically|then|first|tried to|tries to|did|does|got|gets"
        r"|not|to|would|constantly|regularly|repeatedly|allegedly|basically))"
    ),
    # Words a speaker uses to say they want to die ("i want to die", "i'm ready to die").
    "WANTDIE": _alt(
        "want", "wnat", "wamt", "wan", "wanted", "wanting", "would like", "d like", "like",
        "wish", "wished", "wishing", "hope", "hoping", "ready", "prepared", "deserve",
        "deserved", "need", "plan", "planning", "tempted", "decided", "long", "longing",
        "yearn", "yearning", "pray", "praying", "begging god", "asking god", "choose",
        "would rather", "just want",
    ),
    # Words of intent: fine before "end my life" but not before "die" ("my battery is about to
    # die", "we're all going to die someday").
    "INTEND": _alt(
        "going", "gona", "about", "trying", "try", "tried", "attempt", "attempted", "plan",
        "planning", "ready", "decided", "want", "wana", "need", "wish", "hope", "hoping",
    ),
    # "die" and typos; "dye" only without an object ("i wanna dye" but not "dye my hair").
    "DIE": (
        r"(?:die(?! (?:my|your|her|his|the|our|their) (?:hair|roots|clothes|shirt|jeans"
        r"|beard|eyebrows|fabric|eggs))"
        r"|dye(?! (?:my|your|her|his|the|our|their|it|them|a|an|some|this|that|these|those"
        r"|hair|clothes|eggs|fabric))"
        r"|di|dei|dy)"
    ),
    # Filler adverbs: "i want to just die", "i literally want to disappear".
    "ADV": r"(?: (?:just|literally|honestly|actually|really|simply|kinda|kind of|fucking|f"
           r"|seriously|truly|genuinely|so|already|finally|quietly|peacefully|go|like))",
    "MYSELF": r"(?:myself|my self|meself|me self|mysef|myslef|mself|myselfe|my selfe|myseld)",
    # Benign continuations after "disappear" ("disappear from social media for a while").
    "DISAPPEAR_OK": (
        r" (?:from (?!(?:this|the) (?:world|earth|planet)|everyone|existence|life\b)"
        r"|for (?:a|the|some|like|awhile)|to (?:a|the|my|another|somewhere|an|bali|paris)"
        r"|on (?:a|vacation|holiday)|into the (?:crowd|background)"
        r"|of (?:social|insta|the grid|grid|facebook|the internet|the map|\w+ for a))"
    ),
    "ONLINE": _alt(*_ONLINE),
    # Verbs of harm that only make sense in the future / conditional when used in their
    # base form ("he will hurt me"); their past tense is a disclosure ("he hurt me").
    "HARM_BASE": _alt(
        "hurt", "hit", "beat", "beat up", "punch", "kick", "slap", "rape", "attack", "harm",
        "find", "hunt down", "track down", "break", "cut", "choke", "burn", "throw", "drag",
        "do something to", "come after", "get rid of", "take it out on", "lay hands on",
        "put hands on", "put his hands on", "put her hands on", "smash",
    ),
    # Verbs of lethal harm, in base form ("he'll kill me", "she's going to strangle me").
    "KILL": _alt(
        "kil", "murder", "stab", "shoot", "strangle", "choke", "smother", "suffocate", "drown",
        "poison", "unalive", "end", "slaughter", "run over", "throttle",
    ),
    "WEAPON": _alt(
        "knife", "knives", "gun", "guns", "pistol", "handgun", "rifle", "shotgun", "firearm",
        "revolver", "weapon", "weapons", "blade", "machete", "axe", "ax", "hammer",
        "baseball bat", "bat", "crowbar", "screwdriver", "scissors", "taser", "tazer",
        "pepper spray", "razor", "box cutter", "boxcutter", "broken bottle", "rope", "cord",
        "chain", "belt", "tire iron", "golf club", "hatchet", "cleaver",
    ),
}


def _expand(source: str) -> str:
    for _ in range(6):  # macros nest a few levels deep at most
        expanded = _MACRO.sub(lambda m: MACROS[m.group(1)], source)
        if expanded == source:
            return expanded
        source = expanded
    return source


def _rx(*sources: str) -> re.Pattern[str]:
    """Compile one pattern from alternatives, with macros expanded and doubled letters folded."""
    joined = "|".join(f"(?:{s})" for s in sources)
    return re.compile(_PATTERN_RUNS.sub(r"\1", _expand(joined)))


# =============================================================================================
# DANGER: someone threatens or hurts the user now, or is about to.
# Each group is a tuple (name, pattern). Groups in DANGER_DIRECT always mean danger; groups in
# DANGER_HISTORIC_OK also describe past events and are downgraded to a disclosure when the
# message clearly places them in the past ("he used to threaten to kill us") with nothing
# present-tense alongside.
# =============================================================================================

DANGER_DIRECT: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    # He is at the door, in the house, breaking in: someone physically close right now.
    ("proximity", _rx(
        r"<PERSON><AUX> (?:right |just |standing |still |now )?(?:outside|downstairs"
        r"|at (?:the|my|our) (?:front |back )?(?:door|window|gate|house|place|flat|apartment"
        r"|work|job|office|school|parents|moms|mums|car|porch)"
        r"|in (?:the|my|our) (?:house|flat|apartment|home|building|driveway|yard|garden"
        r"|hallway|hall|stairwell|parking lot|car park|lobby|street|garage)"
        r"|in my (?:room|bedroom)"
        r"|in front of (?:the|my|our) (?:house|door|building|place|work|flat|apartment)"
        r"|on (?:the|my|our) (?:porch|doorstep|lawn|driveway|street|balcony)"
        r"|across the street|down the street|around the corner"
        r"|banging|pounding|hammering|knocking|kicking (?:the|my|in|down)|breaking (?:in|down|into|the)"
        r"|trying to (?:get|break|come|force (?:his|her|their|the) way) in"
        r"|coming up the stairs|coming in"
        r"|here(?= (?:and|now|right now|again|i|help|please|at|in|outside|with a)\b| *$))",
        # "he broke in", "someone is breaking down the door" (any subject).
        r"\b(?:broke|broken|breaking|break) (?:in|into (?:the|my|our) (?:house|place|flat|apartment|car))\b",
        r"\b(?:breaking|kicking|kicked|smashing|smashed|broke|bashing) (?:down |in )?(?:the|my|our) (?:front |back |bathroom |bedroom )?(?:door|window|windows)\b",
        r"\b(?:banging|pounding|hammering|kicking|beating) (?:on|at) (?:the|my|our) (?:front |back |bathroom |bedroom )?(?:door|window|windows|walls?)\b",
        r"\btrying to (?:get|break|force (?:his|her|their|the) way) in\b",
    )),
    # "he's on his way", "coming for me", "he found where I live".
    ("approach", _rx(
        r"\bon (?:his|her|their) way\b(?! (?:to|from) (?:work|the gym|school|the office|church"
        r"|class|a meeting|practice|his|her|their|the airport|the store))",
        r"\bcoming (?:for|after) (?:me|us|my|the kids)\b",
        r"\bcoming to (?:get|find|kil|hurt|take|grab|drag) (?:me|us)\b(?! (?:from|at|after))",
        r"<PERSON><AUX> (?:found|finds|tracked|traced|figured out|found out|knows|learned|discovered"
        r"|got) (?:out )?(?:where (?:i|we) (?:live|am|are|work|moved|stay|am staying|are staying|sleep"
        r"|am hiding|are hiding)|my (?:new )?(?:address|location|place|apartment|flat|house|shelter"
        r"|hotel|room|hiding place))",
        r"<PERSON><AUX> (?:found|tracked|traced) (?:me|us)\b(?! on\b| (?:a|an|some|the)\b)",
        r"\btracked (?:me|us) (?:down|here|to)\b",
    )),
    # Stalking as it happens; online "following" is excluded.
    ("stalking", _rx(
        r"<PERSON><AUX> (?:following|stalking|watching|tracking|chasing|circling|tailing|spying on)"
        r" (?:me|us|my (?:house|car|place|flat|apartment|home|kids|children|every move)|the house)"
        r"\b(?! on (?:<ONLINE>)\b| online\b| everywhere online)",
        r"\b(?:followed|chased|tailed|follows) (?:me|us) (?:home|here|to|from|al the way|in (?:his|her|their) car|around)\b",
        r"\b(?:his|her|their) (?:car|truck|van|bike) (?:is )?(?:outside|parked|out front|in front"
        r"|across the street|down the street|at my|near my|by my|in my)",
        r"\b(?:drives|driving|drove|walks|walking|walked|circling|circled|sits|sitting|parked)"
        r" (?:past|by|around|outside|in front of) (?:my|our|the) (?:house|place|apartment|flat|work"
        r"|building|school|street|home|office|door|window)\b",
        r"\bkeeps? (?:showing|turning|popping) up (?:at|outside|to|in front of)\b",
    )),
    # Violence in progress ("he's hitting me right now") - progressive tense with a person.
    ("attack_now", _rx(
        r"<PERSON>(?: (?:is|are|s|still|currently|now|right now|literally|actually|really|just"
        r"|again|also|al|so|started|starting)){0,3} (?:hitting|beating|choking|strangling"
        r"|punching|kicking|hurting|attacking|stabbing|shooting|raping|dragging|throttling"
        r"|smothering|suffocating|killing|slapping|grabbing|shoving|pushing|burning|biting"
        r"|whipping|threatening|strangling|torturing|assaulting) <OBJ>\b"
        r"(?! with (?:his|her|their|these|those|this|that|the|all|kindness|jokes|puns|love"
        r"|questions|texts|messages|silence|guilt))(?! (?:softly|emotionally|inside)\b)",
        r"\b(?:holding|pinning|pushing) (?:me|us) (?:down|against)\b",
        r"\b(?:throwing|hurling) (?:things|stuff|\w+) at (?:me|us|the kids)\b",
        r"\b(?:is|are|s) (?:smashing|breaking|throwing|punching|kicking|destroying|trashing|wrecking)"
        r" (?:things|stuff|everything|plates|dishes|glasses|furniture|holes|the (?:walls?|doors?"
        r"|house|place|tv|furniture|windows?)|my (?:things|stuff|phone|car))\b",
    )),
    # Violence that has just happened ("he just hit me", "he hit me an hour ago").
    ("attack_recent", _rx(
        r"<PERSON>(?: (?:literally|only|has|had|also))? just (?:hit|punched|slapped|kicked"
        r"|choked|strangled|attacked|stabbed|shoved|pushed|beat|hurt|raped|threw (?:\w+ ){1,2}at"
        r"|grabbed|bit|burned|smashed|broke|threatened|tried to|headbutted|shot) ",
        r"\b(?:hit|punched|slapped|kicked|choked|strangled|attacked|stabbed|shoved|pushed|beat"
        r"|hurt|raped|grabbed|bit|burned|headbutted|beat up|threatened|cut|shot) (?:<OBJ_D>)"
        r"(?: \w+){0,3}? (?:just now|right now|a (?:few |couple )?(?:minutes|mins|min|seconds"
        r"|moments?) ago|an hour ago|(?:an|one|two|2) hours? ago|tonight|this morning|this evening"
        r"|today|earlier today|earlier tonight|last night)\b",
        r"\b(?:i am|we are|my \w+ is) (?:bleeding|bleding) (?:badly|a lot|everywhere)?",
        r"\b(?:i think )?(?:my|her|his) (?:nose|arm|wrist|jaw|rib|ribs) is broken\b",
        r"\b(?:cant|can not|can t) breathe? (?:he|she|they)\b",
    )),
    # Being held: locked in, not allowed to leave, exit blocked.
    ("confined", _rx(
        r"\b(?:will not|is not|not|refuses to|refusing to|wouldnt|would not) (?:let|letting)"
        r" (?:me|us|the kids|my kids) (?:leave|go|out|get out|outside|escape|use (?:my|the|a)"
        r" phone|cal|go home|go anywhere|out of (?:the|his|her|their|this|my) \w+)\b"
        r"(?! (?:him|her|them|the relationship|the marriage|this relationship|to|see|out with)\b)",
        r"\b(?:blocking|blocked|blocks|standing in front of) (?:the|my|our) (?:door|doorway|exit|way out|way)\b",
        r"\b(?:i am|im|we are|i m|were|the kids are|i got) (?:locked|trapped|stuck|shut|being held)"
        r" (?:in|inside|in here)\b(?! (?:a |an |this |the |my |his |her )?(?:relationship|marriage"
        r"|cycle|loop|job|situation|mindset|bond|pattern|toxic|abusive|trauma|rut|traffic|queue"
        r"|line|meeting|lift|elevator|head|thoughts|feelings|past))",
        r"\blocked (?:myself|ourselves|us) in\b",
        r"\b(?:can not|cant) (?:leave|get out of|escape) (?:the|this|his|her|our) (?:house|room"
        r"|car|apartment|flat|building|bathroom|bedroom|basement)\b",
    )),
    # Hiding from someone ("i'm hiding in the bathroom"); "hiding from my responsibilities" is not.
    ("hiding", _rx(
        r"\bhiding (?:in|inside|under|behind) (?:the|my|a|his|her|our|their|an) (?:\w+ )?"
        r"(?:bathroom|closet|wardrobe|car|bedroom|room|basement|attic|garage|shed|cupboard"
        r"|toilet|loo|kitchen|bed|stairs|shower|bathtub|laundry|pantry|neighbou?rs?|garden"
        r"|bushes|woods|office|cellar|tub|van|truck|hallway|house|apartment|flat|hotel|shelter)\b",
        r"\bhiding from (?:him|her|them|<PERSON>)\b",
        r"\b(?:i am|im|we are|i m|were|currently|now|am) hiding\b(?= *$| (?:and|he|she|they|right now"
        r"|now|please|help|so|because|cause|as|until|since|from (?:him|her|them))\b)",
    )),
    # The user names the danger outright.
    ("explicit", _rx(
        r"\b(?:i am|im|i m|we are|were|my kids are|the kids are|my life is|our lives are"
        r"|my children are|i fel|i am in|i feel) (?:in (?:real |serious |imediate |grave )?danger"
        r"|not safe|unsafe)\b",
        r"\b(?:do not|dont|don t) fel safe\b(?! (?:in|with) (?:myself|my body|relationships|love"
        r"|crowds|my own skin|new relationships|men|women|people))",
        r"\b(?:fear|scared|afraid|terified|worried|frightened) for (?:my|our|the kids|my kids)"
        r" (?:life|lives|safety)\b",
        r"\b(?:cal|calling|caled|get|send|need|someone cal) (?:the )?(?:police|cops|911|999|000"
        r"|112|111|an ambulance|ambulance|emergency services)\b",
        r"\bsend help\b|\bsos\b|\bmayday\b",
        r"\b(?:i am|im|i m|we are) (?:going to|gona|about to) (?:get|be) (?:kiled|murdered|hurt"
        r"|beaten|beat up|stabbed|shot|raped)\b",
        r"\b(?:need|have|got) to (?:get out|leave|escape|run|get away)(?: of (?:here|the house|"
        r"this house))? (?:now|right now|rn|tonight|fast|quickly|imediately|asap)\b",
        r"\b(?:scared|afraid|terified|frightened|petrified) (?:right now|rn|to go home|to go back"
        r" (?:home|in|inside)|to leave the (?:room|bathroom|bedroom|house|car|closet)|he (?:wil|might)"
        r" come back|of what (?:he|she|they) (?:wil|might|could|is going to|s going to|are going to)"
        r" do(?: to (?:me|us|the kids))?(?= tonight| now| when| if| *$))\b",
    )),
)

DANGER_HISTORIC_OK: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    # A threat to kill or maim: "she said she'll kill me", "he's threatening to kill the kids".
    ("threat_kill", _rx(
        r"<PERSON>(?: \w+){0,4}? <KILL> <OBJ>\b(?! (?:a|an|down|up|some|with (?:his|her|their"
        r"|these|those|the|al|kindness|jokes|puns|love|questions))\b)",
        r"<PERSON>(?: \w+){0,4}? (?:slit|cut) (?:my|our|her|his) throat\b",
        r"<PERSON>(?: \w+){0,4}? (?:burn|blow up) (?:the|my|our) (?:house|place|car|apartment|flat)"
        r"(?: down)?\b",
        r"\b(?:hel|shel|theyl|hed|shed|theyd) <KILL> <OBJ>\b",
    )),
    # Serious harm with an explicit future: "im scared he will hurt me tonight".
    ("threat_harm", _rx(
        r"(?:<PERSON>(?: (?:is|are|s|stil|realy|definitely|probably|actualy|literaly|gets|so|al)){0,2}"
        r" (?:wil|is going to|are going to|going to|gona|is gona|is about to|about to|is trying to"
        r"|trying to|tries to|wants to|want to|threaten\w* to|plans to|planning to|is coming to"
        r"|coming to|might|may|could|promised to|swore to|says he wil|said he would|is ready to"
        r"|wil try to|is planing to)|\b(?:hel|shel|theyl))(?: (?:realy|actualy|definitely"
        r"|probably|just|finaly|literaly|try to|come and|come back and|come over and|come home and"
        r"|again|not))? <HARM_BASE> <OBJ>\b",
        r"<PERSON><AUX> going to make (?:me|you|us) pay\b",
    )),
    # Threats quoted from him: "he texted 'i know where you live'", "he said i'm dead".
    ("threat_quoted", _rx(
        r"\b(?:i wil|il|i am going to|i am gona|ima|i am about to|i wil fucking|i swear i wil)"
        r" (?:kil|murder|hurt|end|strangle|stab|shoot|find(?! you (?:a|an|some|the)\b)|beat|destroy|ruin)"
        r" (?:you|u|ya|your)\b",
        r"\b(?:you are|your|ur|youre|u r|you) (?:dead|going to die|gona die|a dead (?:man|woman|girl"
        r"|boy|bitch)|going to pay|gona pay|wil pay|finished)\b(?! to (?:me|him|her|us|them)\b)",
        r"\b(?:said|says|told me|texted|messaged|wrote|screamed|yelled|shouted|threatened"
        r"|keeps saying|kept saying|warned me)(?: that)? (?:i am|im|i m|i was|we are|were) (?:dead"
        r"|going to die|gona die|a dead (?:woman|man|girl))\b(?! to )",
        r"\bi know where you (?:live|are|work|sleep|stay|are staying)\b",
        r"\bwatch your back\b|\bsleep with one eye open\b",
        r"\b(?:never|not) (?:leave|get out of|make it out of|walk out of) (?:this|the|here|that)"
        r"(?: \w+)? alive\b",
        r"\b(?:i wil|il|i am going to) (?:find|get) you\b(?= *$| and\b| wherever\b| no matter\b)",
    )),
    # A weapon in his hands ("he has a knife", "he got the gun out", "he has a 🔪").
    ("weapon", _rx(
        r"<PERSON>(?: \w+){0,3}? (?:has|had|got|gets|get|holding|held|grabbed|grabbing|grabs|grab"
        r"|pulled|pulls|pulling|pulled out|took out|takes out|taking out|waving|waved|pointing"
        r"|pointed|brandishing|brandished|carrying|carries|bought|buying|showed me|showing me"
        r"|sharpening|loading|loaded|cleaning|came at me with|coming at me with|threatened me with"
        r"|threatening me with|threatens me with|threatened us with|chased me with|chasing me with"
        r"|with|owns|hiding|hid|put|pressed|pressing|keeps|kept|went for|reached for|reaching for"
        r"|went to get|getting|looking for)(?: (?:a|an|his|her|their|the|my|our|this|that|some"
        r"|two|three|out))?(?: (?:big|huge|kitchen|loaded|real|sharp|hunting|new|small))? <WEAPON>\b"
        r"(?! (?:colection|set|block|drawer|sharpener|emoji|shop|store|range|course|license|licence"
        r"|safe|cabinet|show)\b)",
        r"\b(?:knife|gun|blade|pistol|weapon|rifle|razor) (?:to|at|against|in) (?:my|our|her|the kids)"
        r" (?:throat|head|neck|face|chest|back|stomach|temple|side)\b",
        r"\b(?:pointing|pointed|aiming|aimed) (?:a |the |his |her |their )?<WEAPON> at (?:me|us|<OBJ>)\b",
    )),
    # Held before (downgradable): "he locked me in the basement".
    ("locked_in", _rx(
        r"\b(?:locked|locking|locks|lock|locked up) (?:me|us|the kids|my kids|my \w+)"
        r"(?: and (?:the|my|our) \w+)? (?:in|inside"
        r"|into|in here|up|in the|in a|in his|in her)\b",
        r"\b(?:trapped|trapping|traps|keeping|kept|keeps|holding|held|holds) (?:me|us|the kids|my kids)"
        r" (?:hostage|captive|prisoner|against (?:my|our) wil|locked|inside|in (?:the|this|his|her|a)"
        r" (?:room|house|car|basement|bathroom|apartment|flat|closet|garage|shed|bedroom))\b",
        r"\b(?:showed|shows|turned|turns) up (?:at|outside|to) (?:my|our|the) (?:door|house|place"
        r"|work|job|apartment|flat|school|home|car|office|work place|workplace|window)\b",
    )),
)

# Situations that mean danger only together with fear, anger or "now" (combined in detector.py):
# "he's coming home and he's drunk", "he's home and i'm scared".
COMING: Final = _rx(
    r"<PERSON><AUX> (?:coming|driving|heading|walking|on the way|racing|storming|rushing)"
    r" (?:here|over|back|home|to (?:my|our|the) (?:house|place|flat|apartment|work|door)|to me"
    r"|to us|this way|up the)\b",
)
NEAR: Final = _rx(
    r"<PERSON><AUX> (?:home|back|here|around|in the next room|in the other room|downstairs"
    r"|upstairs|next door|in the house|awake|up)\b",
)
# The other person in a rage, drunk or smashing things ("he's drunk again and i'm scared").
AGITATED_PERSON: Final = _rx(
    r"<PERSON><AUX>(?: (?:so|realy|very|extremely|super|completely|blind|absolutely))? (?:drunk"
    r"|wasted|high|raging|furious|livid|fuming|losing it|lost it|pissed|angry|mad|enraged"
    r"|out of control|in a rage|screaming|yelling|shouting|going crazy|going nuts|going psycho"
    r"|on a rampage|aggressive|violent|off his head|off her head|off (?:his|her) face)\b",
)
AGITATED: Final = _rx(
    r"\b(?:drunk|wasted|high|raging|rage|furious|livid|fuming|losing it|lost it|pissed"
    r"|angry|mad|enraged|out of control|aggressive|violent|psycho|crazy|screaming|yelling"
    r"|shouting|smashing|throwing things|punching (?:walls|the wall|things|doors)|on a rampage"
    r"|going off|kicking off)\b",
)
FEAR: Final = _rx(
    r"\b(?:scared|terified|afraid|frightened|panicking|panic|shaking|trembling|petrified"
    r"|terror|freaking out|fear)\b",
)
NOW: Final = _rx(
    r"\b(?:right now|rn|now|tonight|at the moment|atm|curently|this minute|as we speak|any minute"
    r"|any second|soon|in (?:a few|five|5|ten|10|twenty|20|fifteen|15|thirty|30) (?:minutes|mins"
    r"|min)|help|please)\b",
)
# Markers that place a threat in the past ("he used to...", "when i was little").
HISTORIC: Final = _rx(
    r"\b(?:used to|use to|when i was (?:a |an |in )?(?:little|younger|young|smal|kid|child|teen"
    r"|teenager|baby|girl|boy|\d+)|as a (?:kid|child|teen|teenager|little girl|little boy)"
    r"|growing up|grew up|years ago|(?:a |one |last )year ago|last year|in the past|back then"
    r"|back in|in my childhood|my childhood|long time ago|long ago|months ago|in high school"
    r"|in colege|in school|before i left|before we broke up|before the divorce|my late)\b",
)
# Present-tense markers that cancel the "historic" downgrade ("he used to, and now he says...").
PRESENT: Final = _rx(
    r"\b(?:now|right now|rn|tonight|today|this morning|this evening|again|still|anymore"
    r"|curently|at the moment|atm|this time|keps|outside|here|coming)\b",
)
# Laughter: "my mom is going to kill me when she sees this lol" is a figure of speech.
LAUGH: Final = _rx(r"\b(?:lol|lolz|lmao|lmfao|rofl|jk|xd|ha(?:ha)+h?|he(?:he)+|lolol)\b")
# Speech verbs: a reported threat ("he said he'll kill me lol") is never discounted as a joke.
SAID: Final = _rx(
    r"\b(?:said|says|saying|told|tels|telling|texted|texts|texting|messaged|wrote|threaten\w*"
    r"|swore|swears|warned|screamed|yeled|shouted|promised|voicemail|voice note)\b",
)

# =============================================================================================
# SELF_HARM: suicide, self-injury, wanting to die or disappear, overdose, goodbyes.
# =============================================================================================

SELF_HARM: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    # The words themselves, typos and euphemisms ("sucide", "unalive", "kms", "sewer slide").
    ("suicide_words", _rx(
        r"(?<!career )(?<!social )(?<!political )(?<!commercial )(?<!financial )"
        r"(?<!professional )(?<!electoral )\bs(?:u|ui|ue|iu|ou|uy)?i?(?:c|s|sc)i?d[a-z]*\b"
        r"(?! (?:squad|doors?|mission|bomb\w*|run|blonde)\b)",
        r"(?<![0-9] )(?<![0-9])\bkms\b",
        r"\bun ?aliv\w*",
        r"\bsewer ?slide\b|\bself ?delet\w*|\bctb\b|\bend it al\b|\bendit al\b",
        r"\b(?:end|ending|ended|take|taking|took) my (?:own )?life\b",
        r"\b(?:kil|kils|kiling|kiled|murder|end|ending|hang|hanging|hanged|drown|drowning"
        r"|shoot|shooting|poison|poisoning|suffocate|suffocating|strangle|strangling|starve"
        r"|starving|slit|stab|stabbing|delete|deleting|overdose|od|unalive|gas|electrocute"
        r"|knife|torch) <MYSELF>\b(?! in the fot\b)",
        # "off myself" folds to "of myself", so it needs a verb in front of it.
        r"\b(?:to|gona|wil|il|just|should|could|might|d|would|about to|going to) of <MYSELF>\b",
        r"\bi (?:could|should|might|wil|would) just (?:kil|end) <MYSELF>\b",
    )),
    # Death wishes, direct and indirect ("i want to die", "i wish i was never born").
    ("death_wish", _rx(
        r"\b<INTEND> to<ADV>{0,2} (?:end (?:it al|my life|my suffering|my own life|this life)"
        r"|kil myself|not wake up|never wake up|sleep forever|take my (?:own )?life)\b",
        r"\b<WANTDIE> to<ADV>{0,2} (?:<DIE>|be dead|be ded|not (?:be )?(?:alive|here anymore"
        r"|exist|wake up|live|be here)|stop (?:existing|living|breathing)|never wake up"
        r"|sleep forever|go to sleep forever|go to sleep and never wake up"
        r"|end (?:it|it al|everything|my life|things|my suffering|the pain|this pain|my pain"
        r"|my own life|this life)(?! (?:with|betwen|for good with|with him|with her|now with)\b)"
        r"|disappear(?!<DISAPPEAR_OK>)|vanish(?!<DISAPPEAR_OK>)|cease to exist|fade away"
        r"|not exist|be gone(?! (?:from|for|to|by|on|when)\b)|leave this world|join (?:my|her|him)"
        r" (?:\w+ )?in heaven|go to heaven|go to sleep and not wake up)\b",
        r"\bwish (?:i|id|i had|i would|i could|that i)(?: \w+){0,3}? (?:dead|died|die|never ben born"
        r"|not ben born|never born|not born|not exist|didnt exist|did not exist|wasnt born"
        r"|was not born|wasnt alive|was not alive|was not here|wasnt here|were not here"
        r"|werent here|disappear(?!<DISAPPEAR_OK>)|vanish|sleep forever|not wake up|never wake up"
        r"|never woke up|didnt wake up|did not wake up|stop existing|stop breathing"
        r"|gone(?! (?:from|for|to|by|on|when)\b))\b",
        r"\b(?:i|i d|id|i would|i had)(?: \w+){0,2}? (?:rather|prefer to|sooner) (?:be )?(?:dead|die)\b",
        r"\bhope (?:i|that i) (?:die|dont wake up|do not wake up|never wake up|get hit by|crash"
        r"|dont make it|do not make it|drop dead|just die)\b",
        r"\blet me die\b|\bi (?:should|deserve to|need to|ought to|must) (?:just )?(?:die|be dead)\b",
        r"\b(?:want|wish|pray|praying|hope|hoping|waiting|longing|ready) (?:for )?(?:death|to be dead"
        r"|it al to end|it to be over|it al to be over|to be over|this to be over)\b(?! with\b)",
        r"\b(?:want|wish|need|wanted|make|let) (?:it|this|everything|it al|al of this|al of it"
        r"|the pain|my life|life|the hurt) (?:to )?(?:end|be over|go away|finish)\b"
        r"(?! (?:with|betwen)\b)",
        r"\bfel(?:ing|s)? like (?:dying|ending it|ending (?:it al|my life|everything)|kiling myself"
        r"|disappearing forever|i (?:want|wana) to die|i should die|i should not be alive"
        r"|not being alive|not existing|giving up on life|i am dying inside and want it over)\b",
        r"\b(?:dont|do not) care if i (?:live or die|die|wake up|make it|am alive)\b",
        r"\bif i (?:died|disappeared|was gone|were gone|was dead|were dead|wasnt here|wasnt around"
        r"|was not here|was not around|killed myself|ended it|ended my life|didnt wake up"
        r"|did not wake up|never woke up|was not alive|wasnt alive|stopped existing|just vanished"
        r"|just disappeared|jumped)\b(?! (?:from|of|for a)\b)",
        r"\b(?:thinking|thought|think|thoughts|considering|considered|planning|planned|plan|ready"
        r"|decided|going|gona|want|wana|about|tempted|close|urge|urges|idea) (?:of|about|to|on)?"
        r" ?(?:just )?ending (?:it|it al|things|everything|my life|myself|my suffering)\b"
        r"(?! (?:with|betwen|for good with|of with)\b)",
        r"\bending (?:it|it al|things|everything|my life)\b(?= (?:tonight|today|now|right now|soon"
        r"|this week|tomorrow)\b| *$)",
        r"\b(?:to|gona|il|wil|should|just|could|might|about to|finaly) end it\b(?! (?:with|betwen"
        r"|for good with|of with|properly with|al with|now with|of|there)\b)",
        r"\bwhy (?:am i|should i|do i) (?:even )?(?:stil )?(?:alive|here|living|breathing|bother"
        r" living|bother to live|bother waking up)\b",
    )),
    # Burden and "better off without me".
    ("burden", _rx(
        r"\bbeter of (?:dead|without me|if i (?:\w+ ){0,2}(?:was|were|wasnt|werent|was not"
        r"|were not|died|disappeared|left this world|gone|not here|didnt exist|never existed"
        r"|killed myself|ended it|never born))\b",
        r"\b(?:everyone|everybody|every one|every1|the world|world|my family|the family|my kids"
        r"|the kids|my children|people|al of you|you al|they al|al of them|them al|my friends"
        r"|my parents|everyone else|evryone) (?:\w+ ){0,2}beter of\b(?! with\b| if (?:he|she|they|we)\b)",
        r"\b(?:no one|noone|nobody|no body|no1|not a single person|not one person) (?:would|wil|d"
        r"|is going to|gona|even)(?: even)? (?:care|miss me|notice|cry|mourn|come to my funeral"
        r"|remember me)\b(?! (?:about (?:my|the|what)|that i (?:left|blocked)|if i (?:left|leave"
        r"|blocked|quit|moved|went)))",
        r"\b(?:i am|im|i fel like|i am just|i fel|im just|i m|i am only)(?: such| just| only"
        r"| nothing but| a huge| a big| a total)? (?:a )?burden\b(?! to (?:him|her|them)\b)",
    )),
    # Hopelessness: no reason to live, can't go on.
    ("hopeless", _rx(
        r"\b(?:no|not any|nothing|zero|not a single|have no|dont have a|do not have a|dont have any"
        r"|do not have any|there is no|lost my|lost al) (?:reason|reasons|point|purpose|wil)"
        r" (?:to|in|for|of) (?:live|living|life|go on|going on|keep going|keep living|be alive"
        r"|being alive|stay alive|staying alive|be here|being here|exist|existing|wake up|waking up"
        r"|carry on|carrying on|continue|continuing|anything anymore|me to live|me being here)\b",
        r"\bnothing (?:left )?to live for\b|\bnothing left for me\b",
        r"\b(?:what is|whats|what s|wats) the point (?:of|in) (?:living|life|going on|being alive"
        r"|existing|anything anymore|it al|waking up|even trying anymore|any of this|me|being here"
        r"|even being here|carrying on)\b",
        r"\bno point (?:anymore|any more|in anything|in me)\b",
        r"\blife (?:is not|isnt|is no longer|aint|not) worth (?:living|it)\b|\bnot worth living\b",
        r"\b(?:tired|sick|exhausted|weary) of (?:living|being alive|life|existing|being here"
        r"|breathing|waking up|everything|it al|trying to stay alive)\b",
        r"\b(?:done|finished) with (?:life|living|being alive|everything|existing|it al|this world"
        r"|this life)\b(?! (?:he|she|they|about|related|to do|that)\b)",
        r"\b(?:fighting|trying|struggling|strugling) to stay alive\b",
        r"\bonly (?:way out|option|solution|escape|answer|choice)(?: left)?(?: is| i see is| i have)?"
        r" (?:to die|death|dying|suicide|ending it|to end it|to kil myself|to disappear)\b",
        r"\b(?:give|gave|given|giving) up on (?:life|living|myself|everything)\b",
        r"\b(?:hate|hating) being alive\b",
        r"\b(?:do not|dont|did not|never|no longer|dont even|do not even|cant|can not)(?: realy"
        r"| even| honestly)? (?:want|wana|wish|deserve|need|bear|stand) to (?:live|be alive|exist"
        r"|wake up|go on|be here(?= *$| anymore| any more| no more| on this earth| in this world"
        r"| tomorrow| now| at al)|keep living|keep going|continue|carry on|be around|live anymore"
        r"|be on this earth|be in this world|breathe)\b",
        r"\b(?:can not|cant|cannot|unable to|no longer|wont|wil not) (?:go on|keep going|carry on"
        r"|continue|do this|do it|take (?:it|this|any more|anymore|much more)|cope|handle (?:it"
        r"|this|life|anything)|live like this|be here|bear (?:it|this)|live with (?:this|myself)"
        r"|function|survive|keep fighting|fight (?:it|this)|hold on)(?: \w+){0,3}? (?:anymore"
        r"|any more|much longer|no more|for much longer|any longer)\b",
        r"\b(?:can not|cant|cannot) (?:go on|keep going|carry on|live with myself|keep fighting)\b"
        r"(?! (?:with|like this with|texting|seeing|talking|waiting|pretending|arguing|dating)\b)",
        r"\bno way out\b(?! of (?:this (?:parking|car park|meeting|contract|job|lease)))",
        r"\bi (?:just )?want (?:the|this|my) (?:pain|suffering|hurt|misery) to (?:stop|end|go away)\b",
    )),
    # Self-injury ("i've been cutting myself"); accidents ("cut myself shaving") excluded.
    ("self_injury", _rx(
        r"\b(?:cut|cuts|cutting|cuted|hurt|hurts|hurting|harm|harms|harming|burn|burns|burned"
        r"|burnt|burning|hit|hits|hitting|scratch|scratching|scratched|punch|punching|punched"
        r"|bruise|bruising|injure|injuring|injured|bite|biting|carve|carving|carved|punish"
        r"|punishing|bleed|bleeding|whip|whipping|mutilate|mutilating|beat|beating|slash"
        r"|slashing) <MYSELF>\b"
        r"(?! (?:of|out|shaving|cooking|chopping|slicing|opening|making|cleaning|gardening"
        r"|working|at (?:the|work|gym)|on (?:a|an|the|some|broken|my|his|her|paper)|by acident"
        r"|acidentaly|acidently|acidentally|while|playing|lifting|running|skiing|training"
        r"|trying to|in the (?:kitchen|gym|garden)|with (?:a|the) (?:kitchen|bread|paper|can)"
        r"|during|a bit (?:at|on|in)|when i fel|falling|on acident|up about|up over|up for"
        r"|for (?:not|forgetting|being|eating|the)|with (?:work|questions|guilt|doubt|worry)"
        r"|emotionaly|mentaly|by (?:staying|going|texting|thinking|checking|reading|looking)"
        r"|over (?:him|her|them|this|that)|again by|more by)\b)",
        r"\b(?:cut|cuts|cutting|slit|slitting|slice|slicing|carve|carving|burn|burning|burned"
        r"|burnt|scratch|scratching|slash|slashing) (?:my|open my) (?:wrists?|arms?|thighs?|legs?"
        r"|skin|stomach|body|hips?|veins?|throat)\b"
        r"(?! (?:on|shaving|cooking|chopping|while|by acident|acidentaly|in the|at the|with (?:a|the)"
        r" (?:kitchen|bread|paper|can)|open on)\b)",
        r"\bself ?(?:harm\w*|injur\w*|mutilat\w*|hurt\w*)\b",
        r"\b(?:sh|self harm) (?:again|relapse|relapsed|urges?|scars?)\b",
        r"\brelaps\w* (?:on |with |into |back into )?(?:sh|self ?harm\w*|cutting|cuting|burning"
        r"|my self harm)\b",
        r"\b(?:started|start|starting|began|begun|been|am|keep|kept|stop|quit|relapsed and)"
        r" cutting(?: again| myself)?\b(?! (?:back|down|out|ties|him|her|them|carbs|sugar|meat"
        r"|corners|class|classes|school|it|things|the|my|off|of|people|costs|contact|hair|wood|grass"
        r"|fabric|paper)\b)",
        r"\bcutting again\b|\bcut again\b(?! (?:my|the|his|her|it|ties)\b)",
        r"\b(?:razor ?blades?|a razor blade)\b",
        r"\b(?:holding|hiding|hid|staring at|sharpened|sharpening|bought) (?:a |the |my |some )?"
        r"(?:blade|blades|razor blade|razor blades|knife)(?! set)\b"
        r"(?! (?:for|to cut (?:the|my hair|paper|wood|vegetables|veggies|fabric)|from the shop))",
        r"\b(?:bleed|bleeding) out\b",
        r"\bbang(?:ing)? my head (?:against|on) (?:the )?wal (?:until|til|till) (?:it bleeds|i bleed"
        r"|i pas out)\b",
    )),
    # Overdose and pills ("took all my pills", "od tonight"); "overdosed on coffee" is not.
    ("overdose", _rx(
        r"\boverdos\w*\b(?! on (?:cofe|cofee|cafeine|sugar|chocolate|netflix|tv|carbs|candy|cute\w*"
        r"|drama|content|sun|work|pizza|love|vitamin c|gym|podcasts|memes|feelings|music|tea"
        r"|energy drinks)\b)",
        r"\bod(?:ing|ed|d)?\b(?= (?:on|tonight|again|now|right now|today|soon|this time|al)\b| *$)",
        r"\b(?:take|took|taking|swalow|swalowed|swalowing|down|downed|downing|chug|chugged"
        r"|have taken|had|pop|popped|popping|eat|ate|eating|overdose on|od on|going to take)"
        r"(?: \w+){0,2}? (?:al|every one of|every single one of|a bunch of|a handful of"
        r"|handfuls of|too many|a lot of|lots of|loads of|heaps of|way too many|an entire bottle of"
        r"|a whole bottle of|the whole bottle of|the entire bottle of|the bottle of|the rest of"
        r"|enough|10|20|30|40|50|fifty|thirty|twenty|al of|al the|al my|al of my|al of the"
        r"|the whole packet of|a whole packet of|the whole box of|a box of|a packet of|a pack of"
        r"|the pack of|every|al these|al those)(?: (?:my|the|of my|of the|these|those|his|her|mums"
        r"|moms|dads|sleeping|pain))? (?:pils|pils|meds|medication|medications|tablets|painkillers"
        r"|pain killers|antidepresants|paracetamol|tylenol|advil|ibuprofen|xanax|benzos|insulin"
        r"|oxy|opioids|percs|valium|sleeping pils|prescription|prescriptions|lithium|seroquel"
        r"|zoloft|prozac|melatonin|ambien|anything i can find)\b",
        r"\bhow (?:many|much) (?:\w+ )?(?:pils|tablets|meds|painkillers|paracetamol|tylenol"
        r"|insulin|xanax|sleeping pils|medication) (?:would it take|does it take|wil it take"
        r"|to (?:die|overdose|od|kil|end it|not wake up))\b",
        r"\b(?:lethal|fatal|deadly) (?:dose|amount|overdose)\b",
        r"\b(?:the|my|al the|al my|al these|al those|got the|have the) (?:pils|tablets|meds"
        r"|painkillers) (?:are )?(?:in my hand|in my hands|in front of me|ready|lined up"
        r"|counted out)\b",
        r"\benough (?:pils|meds|tablets|medication|pils|painkillers|insulin) to (?:kil|end|die"
        r"|overdose|not wake|never wake|do it|sleep forever|make it stop)\b",
        r"\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|colecting|colected|counting)"
        r" (?:up )?(?:my |the |some |al my )?(?:pils|meds|tablets|medication|painkillers)\b",
        r"\b(?:pils|meds|tablets|painkillers) (?:to|so i can|and) (?:end it|end everything|die"
        r"|not wake up|never wake up|sleep forever|make it stop)\b",
    )),
    # Methods and places ("jump off the bridge", "hang myself", "gun to my head").
    ("method", _rx(
        r"\b(?:jump|jumping|jumped|throw myself|throwing myself|leap|leaping|fling myself)"
        r" (?:of|from|of of|in front of|under|onto|into) (?:a |the |my |this |that |our |an )?"
        r"(?:\w+ )?(?:bridge|building|roof|rooftop|cliff|balcony|train|bus|car|truck|lorry|window"
        r"|tower|overpass|ledge|parking garage|car park|traffic|tracks|subway|metro|highway"
        r"|motorway|freeway|skyscraper|tall building|multi story|multistory|edge|top floor)\b",
        r"\b(?:step|stepping|walk|walking|drive|driving|swerve|swerving|crash|crashing|steer)"
        r" (?:my car |the car )?(?:in front of|into|of) (?:a |the |an |oncoming )?(?:train|bus"
        r"|car|truck|lorry|traffic|tree|wal|river|lake|sea|bridge|pole|oncoming traffic|cliff)\b",
        r"\bcrash (?:my|the) car on purpose\b|\bdrive (?:my car )?of (?:a|the) (?:cliff|bridge|road)\b",
        r"\b(?:tie|tied|tying|make|made|making|bought|built|hanging from|put my (?:head|neck) in)"
        r" (?:a |the |my )?noose\b|\b(?:tie|tied|tying|bought|buy|got|have|hanging|hang) (?:a |the |up a )?rope"
        r"\b(?! (?:swing|ladder|course|for (?:the|my) (?:swing|tent|boat|climbing|garden)|light))",
        r"\b(?:gun|pistol|rifle|shotgun) (?:to|in|against) my (?:own )?(?:head|mouth|temple|chin)\b",
        r"\bblow my (?:own )?brains out\b|\bput a bulet (?:in|through) my (?:head|brain)\b",
        r"\bcarbon monoxide\b|\bexhaust pipe\b|\bhose (?:in|to|into) the exhaust\b",
        r"\b(?:standing|siting|sat|stood|am|i am|im) on (?:the|a|this) (?:edge|ledge) of (?:the|a"
        r"|this) (?:bridge|roof|building|cliff|balcony|platform)\b|\bon the ledge\b",
        r"\bwalk into the (?:sea|ocean|lake|river) and (?:not|never) come back\b",
    )),
    # Farewells and final acts ("this is goodbye", "i wrote a note", "giving away my stuff").
    ("goodbye", _rx(
        r"\bthis is (?:my )?(?:final |last )?goodbye\b(?! to (?:him|her|them|you (?:him|her)"
        r"|this (?:relationship|job|city|town|place)|my ex)\b)",
        r"\bgoodbye forever\b|\bfinal goodbye\b|\bsorry for everything goodbye\b",
        r"\bmy last (?:message|goodbye|night|day|text|words|note)\b(?! (?:to (?:him|her|them)"
        r"|from (?:him|her|them)|of the (?:year|month|week)|at (?:work|school|the))\b)",
        r"\b(?:wont|wil not|not|wouldnt|would not) be (?:here|around|alive) (?:tomorrow|much longer"
        r"|for much longer|anymore|by morning|next week|to see)\b",
        r"\bnot going to be (?:here|around|alive) (?:tomorrow|much longer|anymore|for long)\b",
        r"\b(?:said|saying|say|said al) my goodbyes\b",
        r"\b(?:writing|wrote|written|leaving|left|finished) (?:a|my) (?:suicide |goodbye |last )?"
        r"(?:note|leter) (?:for|to) (?:my|everyone|the|you al)\b",
        r"\bgoodbye (?:note|leter)\b",
        r"\bgiving away (?:al )?my (?:things|stuff|belongings|posesions|pets|cat|dog|clothes)\b",
        r"\btel (?:my|the) (?:kids|family|mum|mom|parents|sister|brother) i (?:love|loved) them\b",
        r"\b(?:goodbye|bye) (?:everyone|al|world|cruel world)\b(?= *$| i\b| thank| sorry| love)",
        r"\bi wont be a problem (?:for you|for anyone|much longer|anymore)\b",
        r"\bthis is the end (?:for me|of me)\b|\bmy time is up\b",
    )),
)

# =============================================================================================
# DISCLOSURE: abuse in general or in the past (not an immediate threat).
# =============================================================================================

DISCLOSURE: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    # Verbs that can be figurative ("it hit me", "this hurts me") need a person as subject.
    ("physical_person", _rx(
        r"<PERSON><AUX_D>{0,3} (?:hit|hits|hitting|hurt|hurts|hurting|struck|strikes|striking"
        r"|touched|touches|touching|hit on) <OBJ_D>\b(?! (?:up|deeply|so much|to the core"
        r"|with the (?:truth|news|facts)|emotionaly)\b)",
    )),
    # Unambiguous acts: "my dad used to beat me", "she slapped me", "he raped me".
    ("physical", _rx(
        r"\b(?:beat|beats|beating|beaten|punch|punched|punches|punching|slap|slapped|slaps"
        r"|slapping|kick|kicked|kicks|kicking|choke|choked|chokes|choking|strangle|strangled"
        r"|strangles|strangling|throttle\w*|shove|shoved|shoves|shoving|push|pushed|pushes"
        r"|pushing|smack|smacked|smacks|smacking|spat on|spit on|spits on|spitting on|bit|bites"
        r"|biting|burned|burnt|burns|dragged|drags|dragging|grabbed|grabs|grabbing|restrained"
        r"|restrains|pinned|pins|pinning|whipped|whips|belted|abuse|abused|abuses|abusing"
        r"|assault|assaulted|assaults|assaulting|rape|raped|rapes|raping|molest|molested|molests"
        r"|molesting|attacked|attacks|attacking|bully|bullies|bullied|bullying|stalk|stalks"
        r"|stalked|harass|harasses|harassed|harassing|isolate|isolates|isolated|isolating"
        r"|gaslight|gaslights|gaslighted|gaslighting|gaslit|humiliate|humiliates|humiliated"
        r"|humiliating|belittle|belittles|belittled|belittling|insult|insults|insulted|insulting"
        r"|degrade|degrades|degraded|degrading|blackmail|blackmails|blackmailed|blackmailing"
        r"|manipulate|manipulates|manipulated|manipulating|punish|punishes|punished|punishing"
        r"|threaten|threatens|threatened|threatening|terrorise\w*|terrorize\w*|intimidate\w*"
        r"|torment\w*|groped|gropes|groping|locked|locks|slammed|slams|shook|shakes|headbutted"
        r"|starved|starves|tortured|tortures|beat up|beats up|threw (?:\w+ ){0,2}at"
        r"|throws (?:\w+ ){0,2}at|kicked (?:me|us) out of|controls|controlled|stalked) <OBJ_D>\b"
        r"(?! (?:a|an|some|lunch|dinner|breakfast|coffee|drink|up (?:from|at|after)|to it|to the"
        r"|at (?:chess|cards|pool|tennis|games?|mario|monopoly|\w+ing)|in (?:a|the) (?:race|game"
        r"|match|argument|debate|final)|up (?:emotionaly|inside)|to (?:be|do|try|get|study|work"
        r"|finish|grow|go|my limits|the limit|apply)|forward|harder|out of my comfort)\b)",
    )),
    ("sexual", _rx(
        r"\b(?:rape|raped|raping|rapes|rapist|sexualy (?:abused|assaulted|abusing|assaulting|harased"
        r"|coerced|exploited)|sexual (?:abuse|assault|violence|coercion)|molested|molesting"
        r"|forced (?:me|himself on me|herself on me)|forces (?:me|himself on me)|forcing (?:me"
        r"|himself on me)|makes me (?:have sex|sleep with|do sexual|do things)|made me (?:have sex"
        r"|sleep with|do sexual|do things|perform)|pressur\w* me (?:into|to have) (?:sex|sleeping)"
        r"|(?:wont|wil not|does not|doesnt|didnt|did not) take no|non ?consensual"
        r"|without (?:my )?consent|touched me (?:inapropriately|when i was|without|down there|there)"
        r"|grope\w*)\b",
    )),
    # Money, documents, phone, friends: coercive control.
    ("control", _rx(
        r"<PERSON><AUX_D>{0,3} (?:controls|controlled|controlling|control) (?:al |al of |everything"
        r" about |over )?(?:my|our|the) (?:money|finances|finance|bank|acount|acounts|cards?"
        r"|spending|income|salary|pay|paycheck|wages|benefits|phone|life|food|eating|medication"
        r"|meds|car|clothes|friends|every move|movements|time|schedule|social media|whereabouts"
        r"|budget|everything)\b",
        r"<PERSON><AUX_D>{0,3} (?:takes|took|taking|keeps|kept|keeping|steals|stole|stealing"
        r"|withholds|withheld|holds|held|hides|hid|confiscated|confiscates|has taken|has|smashed"
        r"|broke|destroyed) (?:al |al of |half of |most of )?(?:my|our)(?: whole| entire)? (?:money|paycheck|paychecks|pay"
        r"|wages|salary|income|benefits|savings|bank card|debit card|credit card|card|cards"
        r"|passport|documents|papers|id|keys|car keys|phone|visa|sim card|laptop)\b",
        r"\b(?:took|takes|opened|opens|taken|run up|ran up|maxed out|maxes out) (?:out )?(?:loans?"
        r"|credit cards?|debt|a loan|a credit card|cards) (?:in|under|on) my name\b",
        r"\bgives? me (?:an )?(?:allowance|pocket money)\b",
        r"\b(?:not alowed|not permited|forbidden|forbids me|forbid me|banned me|bans me)"
        r"(?: to| from)? (?:see|seeing|have|having|go|going|talk|talking|leave|leaving|work"
        r"|working|wear|wearing|use|using|spend|spending|eat|eating|drive|driving|cal|caling|text"
        r"|texting|visit|visiting|speak|speaking|contact|contacting|keep|keeping|open|make|making"
        r"|my own|a phone|a job|friends|money)\b",
        r"<PERSON><AUX_D>{0,3} (?:does not|doesnt|never|wil not|would not|wouldnt|did not|didnt"
        r"|refuses to|wont) (?:let|lets|alow|alows) (?:me|us) (?:see|have|go|talk|leave|wear|work"
        r"|visit|cal|text|use|drive|sleep|eat|out|get|speak|contact|keep|spend|open|make|study"
        r"|apply|be alone|lock)\b",
        r"<PERSON><AUX_D>{0,3} (?:checks|check|checked|checking|goes through|went through"
        r"|going through|reads|read|reading|monitors|monitored|monitoring|tracks|tracked|tracking"
        r"|spies on|spied on|spying on|hacked|hacks|hacking|logs into|loged into|logged into"
        r"|demands|demanded) (?:al |al of )?(?:my|our) (?:phone|texts|messages|emails?|location"
        r"|car|browser|history|social media|socials|dms|chats|whatsapp|bank|acount|acounts"
        r"|receipts|calls|cal log|laptop|computer|diary|journal|mail|instagram|facebook"
        r"|pasword|paswords|pin)\b",
        r"\b(?:put|puts|installed|hid) (?:a )?(?:tracker|tracking app|tracking device|airtag|gps"
        r" tracker|spyware|spy app|camera|cameras) (?:on|in) my\b",
        r"\b(?:isolated|isolates|cut) me (?:of |of from |away from |from )(?:my|al my|everyone)\b",
        r"\bmakes? me (?:ask (?:for )?permision|ask for money|beg for|account for every)\b",
        r"<PERSON><AUX_D>{0,3} (?:kicked|kicks|threw|throws) (?:me|us) out (?:of the (?:house|car"
        r"|flat|apartment)|in the|at night|with nothing|on the street)\b",
    )),
    # Words that wound: screaming, insults, blame, threats to job, kids or papers.
    ("verbal", _rx(
        r"\b(?:screams?|screamed|screaming|yells?|yelled|yelling|shouts?|shouted|shouting|swears?"
        r"|swore|swearing|curses|cursed|cursing|snaps|snapped|rages?|raged|raging|explodes"
        r"|exploded|exploding|roars|roared|spits|hisses) at (?:me|us|my (?:\w+ )?<VICTIM>"
        r"|the (?:kids|children|baby))\b",
        r"\b(?:calls?|caled|caling|cals) me (?:names|stupid|worthless|fat|ugly|useless|pathetic"
        r"|crazy|insane|psycho|a psycho|mental|hysterical|a whore|whore|a slut|slut|a bitch|bitch"
        r"|an idiot|idiot|a loser|loser|lazy|dumb|retarded|a retard|disgusting|a failure|failure"
        r"|a bad (?:mother|mom|mum|father|dad|wife|husband|parent|person)|a burden|trash|garbage"
        r"|a pig|pig|a cow|cow|too sensitive|dramatic|a liar|liar|nothing|a nobody|a cunt|cunt"
        r"|the c word|the n word|horrible names|awful names|nasty names|terible names|a \w+ bitch"
        r"|a \w+ whore|a waste|a waste of space|an embarasment|a disgrace|a joke|a fat \w+)\b",
        r"\b(?:tels|told|telling|tel|says|said|saying|reminds|reminded|keps telling|kept telling"
        r"|keps saying|kept saying|always says|always tels me) (?:me )?(?:that )?(?:i am|im|i m"
        r"|i was|i wil never|nobody|no one|noone|no body|i should|i deserve|i ll never|i do not"
        r"|i dont|i d be|i would be|i wil be|you are|your|ur)(?: \w+){0,3}? (?:worthless|stupid"
        r"|crazy|insane|ugly|fat|nothing|useless|pathetic|too sensitive|lucky to have|imagining"
        r"|overreacting|dramatic|a bad (?:mother|mom|mum|parent|wife|father)|lazy|dumb|a burden"
        r"|a failure|unlovable|a joke|il never find|never find anyone|want me|wil want me"
        r"|love me|wil love me|ever love me|ever want me|deserve (?:it|this|to be)|kil myself|kys"
        r"|go die|drop dead|disgusting|mental|a mess|a liar|lying|to blame|nothing without him"
        r"|nothing without her|homeless|on the street|stupid|an idiot|worthless|a whore)\b",
        r"\b(?:says|said|tels me|told me|insists|insisted|blames me|blamed me|makes me fel like)"
        r"(?: that)? (?:it is|it was|its|everything is|everything was|this is|that is|al of it is)"
        r" (?:al )?my fault\b",
        r"<PERSON><AUX_D>{0,3} (?:blames|blamed|blaming) me for\b",
        r"\b(?:threaten|threatens|threatened|threatening) (?:me|us|to (?:leave|fire|take|kick|tel"
        r"|report|post|share|send|ruin|cut|divorce|cal|expose|withhold|stop|hurt|kil|harm|out|sue"
        r"|deport|have me|put me|throw me|lock me|leak|release|spread|break|destroy|burn|end"
        r"|leave me|take away|get me|get me fired|fire me|demote)|my (?:job|visa|immigration"
        r"|kids|children|status|career|family|reputation|pets?|position|place|shifts?))\b",
        r"\b(?:gives|giving|gave|give) me the silent treatment\b",
        r"\b(?:gaslights|gaslit|gaslighting|gaslighted) me\b",
        r"\b(?:makes|made|making) me (?:fel|think) (?:like )?(?:i am|im|i m|i was)? ?(?:crazy|insane"
        r"|worthless|stupid|useless|like nothing|like a burden)\b",
    )),
    # Naming abuse about oneself ("my ex was abusive", "i was abused as a child").
    ("named", _rx(
        r"<PERSON><AUX_D>{0,3}(?: (?:so|realy|very|extremely|super|emotionaly|physicaly|verbaly"
        r"|sexualy|financialy|psychologicaly|mentaly|kind of|kinda|quite|pretty))? (?:abusive"
        r"|violent|controlling|aggressive|physical with me|dangerous|cruel|scary|terifying"
        r"|psychologicaly abusive)\b",
        r"\b(?:i am|im|i was|i have ben|i ve ben|ive ben|i m|being|been|was|were|got|get|gets"
        r"|getting|grew up being|we were|we are)(?: \w+)? (?:abused|raped|molested|assaulted"
        r"|groomed|trafficked|bullied|harassed|stalked|beaten|battered|choked|strangled"
        r"|threatened|manipulated|gaslit|gaslighted|isolated|controled|exploited|neglected"
        r"|sexualy abused|physicaly abused|emotionaly abused)\b(?! (?:at|in) (?:the )?(?:game"
        r"|final|race|match|chess|poker)\b)",
        r"\bmy (?:abuser|abusers|rapist|attacker|stalker|abusive \w+|violent \w+|controlling \w+)\b",
        r"\b(?:i am|im|i was|i m|we are|we were|stuck|trapped|living|live|lived|grew up|growing up"
        r"|i have ben|ive ben) (?:in|with) (?:an |a |my )?(?:abusive|violent|controlling"
        r"|toxic and abusive|emotionaly abusive|physicaly abusive)\b",
        r"\b(?:scared|afraid|terified|frightened|fearful) of (?:him|her|them|my (?:\w+ )?<DREL>"
        r"|what (?:he|she|they) (?:might|wil|would|could) do)\b",
        r"\b(?:victim|survivor) of (?:domestic|abuse|rape|sexual|child abuse|violence|coercive"
        r"|narcisistic abuse|incest|trafficking|grooming)\b",
        r"\b(?:gave|gives|left|leaves|leaving) (?:me )?(?:with )?(?:a )?(?:black eye|bruises?|bruised"
        r"|marks|a split lip|a concussion|scars|a fat lip|welts)\b",
        r"\b(?:grabs|grabbed|grabbing|pulls|pulled|pulling|twists|twisted|twisting|squeezes"
        r"|squeezed|yanks|yanked|holds|held) (?:me by )?my (?:arm|arms|wrist|wrists|hair|neck"
        r"|throat|face|jaw|shoulders?)\b",
        r"<PERSON><AUX_D>{0,3} (?:broke|broken|fractured|cracked|dislocated) my (?:arm|nose|ribs?"
        r"|jaw|wrist|finger|fingers|hand|tooth|teeth|leg|colarbone|cheekbone|eye socket|shoulder)\b",
        r"\b(?:hide|hiding|cover|covering|cover up|covered|covering up) (?:up )?(?:the |my )?"
        r"(?:bruises|marks|black eye)\b",
        r"\bhid (?:in|from|under)\b",
        r"\bwalk on egshels (?:around|with) (?:him|her|them|my)\b",
        r"<PERSON><AUX_D>{0,3} (?:get|gets|got|getting) (?:physical|rough|violent|handsy)\b",
    )),
)
