"""The bot's policy in one place: numbers a reviewer may want to change, each with its reason.

Operators tune delivery through settings (bot/config.py); these are product decisions.
"""

from __future__ import annotations

from datetime import time, timedelta

# --- conversation ------------------------------------------------------------------------------
# A question asked in words waits this long for its answer; after that the next message is
# read afresh (people come back hours later with something else on their mind).
STEP_TIMEOUT = timedelta(minutes=30)
# Longest typed answer read as a time, a date or a place; longer text is a message, not an answer.
MAX_ANSWER_LENGTH = 60

# --- daily notes -------------------------------------------------------------------------------
# Offered as buttons when choosing a time; any other time can be typed.
TIME_BUTTONS = (time(7), time(8), time(9), time(12), time(18), time(21))
# Offered as buttons when choosing a time zone; anything else can be typed (a city, an offset).
COMMON_ZONES = (
    "Europe/London",
    "Europe/Dublin",
    "Europe/Berlin",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "Australia/Sydney",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "UTC",
)
# A daily note later than this after downtime is skipped (never sent in the middle of the
# night); the GRACE_MINUTES setting overrides it.
DEFAULT_GRACE = timedelta(minutes=120)

# --- no-contact encouragement -----------------------------------------------------------------
# Stages of the encouragement notes, by the day of the current run on which each begins:
# withdrawal is strongest in the first days, the first weeks are about steadiness, then later.
ENCOURAGEMENT_STAGES = (
    ("first_days", 0),
    ("first_weeks", 7),
    ("later", 30),
    ("after_90_days", 90),
    ("after_a_year", 365),
)
# Stages whose notes stay in the mix once a later stage begins, so long runs don't see the
# same few notes every week (after day 90: "later" and "after_90_days", and so on).
CUMULATIVE_FROM = "later"
# Days of a run that get their own milestone note instead of an ordinary one.
MILESTONES = (1, 3, 7, 14, 30, 60, 90, 180, 365)


def stages_for(days: int) -> tuple[str, ...]:
    """The stages whose notes may be sent on this day of a run: the current one, and from
    "later" on, the later stages reached so far."""
    current = stage_for(days)
    names = [name for name, _ in ENCOURAGEMENT_STAGES]
    start = names.index(CUMULATIVE_FROM)
    if names.index(current) < start:
        return (current,)
    return tuple(names[start : names.index(current) + 1])


def stage_for(days: int) -> str:
    """The encouragement stage for the day of a run."""
    current = ENCOURAGEMENT_STAGES[0][0]
    for name, begins in ENCOURAGEMENT_STAGES:
        if days >= begins:
            current = name
    return current


# --- hotlines --------------------------------------------------------------------------------
# Every purpose a hotline line can have, in the order the full hotline screen shows them.
HOTLINE_PURPOSES = ("emergency", "domestic_abuse", "crisis", "directory")
# Commands that show the hotlines; they skip every queue like crisis messages.
HOTLINE_COMMANDS = ("hotline", "help_now", "sos")
# Where "11/01/2026" means 1 November (month first); everywhere else it means 11 January.
MONTH_FIRST_COUNTRIES = frozenset({"US"})


# --- privacy -----------------------------------------------------------------------------------
# Telegram lets a bot delete messages in a private chat for 48 hours. /hide tries ids recorded
# within a margin under that (our clock and Telegram's differ a little); older ones are pruned.
HIDE_WINDOW = timedelta(hours=47, minutes=45)
# deleteMessages takes up to 100 ids; one /hide tries at most this many (a flood can be long).
DELETE_BATCH = 100
HIDE_MAX_IDS = 3000
# Message ids wait in memory this long before they are written (one insert for many).
MESSAGE_LOG_FLUSH_SECONDS = 1.0
# Ids of chats with no user row yet (say, a crisis message first) stay in memory only; this
# many at most, the oldest dropped first.
MESSAGE_LOG_MEMORY_CAP = 200_000
# Flood control on ordinary messages and button presses (crisis texts, Help now, /hide and
# /stop never wait): a burst of 4, then one every 2 seconds. Telegram lets a bot send about one
# message a second to a chat, so ordinary replies use at most half of that and a crisis reply
# always finds room. A flood gets nothing more until it stops: each message over the limit
# pushes the next answer back (at most FLOOD_BURST / rate seconds after the flood ends).
FLOOD_BURST = 4
FLOOD_REFILL_PER_SECOND = 0.5
FLOOD_EXEMPT_COMMANDS = ("hide", "stop")
# Longest text kept for each typed input (Telegram allows 4,096 characters a message).
JOURNAL_WHAT_LIMIT = 2000
JOURNAL_FELT_LIMIT = 1000
PLAN_SECTION_LIMIT = 800
# Entries a user can keep: enough for years of writing, not enough to fill a disk.
JOURNAL_MAX_ENTRIES = 1000
JOURNAL_PAGE_SIZE = 5
# Entries shown when the pull is strong.
JOURNAL_RECENT = 3
# Rows re-encrypted per transaction by `python -m bot rotate-key`.
ROTATE_BATCH = 200
# --- end privacy -------------------------------------------------------------------------------
# --- check-ins (checkins branch) ----------------------------------------------------------------
# How strong the pull is (0-10) decides the reply: a brief word up to LOW_PULL, the user's own
# plan, a grounding exercise and a follow-up from HIGH_PULL; in between, a word and the plan.
LOW_PULL = 3
HIGH_PULL = 7
# An unanswered check-in closes quietly after this; until then no other check-in is sent.
CHECKIN_EXPIRY = timedelta(hours=3)
# A check-in due while another conversation is open tries again after this (same occurrence,
# within the grace window), so it waits its turn instead of interrupting.
CHECKIN_RETRY = timedelta(minutes=5)
# 'Check on me in ...' choices, and the urge helper's pause before it checks back.
FOLLOW_UP_HOURS = (1, 2, 4)
URGE_DELAY = timedelta(minutes=10)
# Times offered as buttons for check-ins (evenings are when the pull is often strongest).
CHECKIN_TIMES = (time(9), time(13), time(18), time(20), time(21), time(22))
# Limits that keep screens short and rows few.
MAX_TRIGGERS = 12
MAX_SCHEDULES = 12
TRIGGER_NAME_LIMIT = 200
PLAN_LIMIT = 500
REASONS_LIMIT = 800
