"""Every button's callback data, defined once: a small typed value with pack, parse and pattern.

The idea is aiogram's CallbackData in a few lines. A class names its prefix and typed fields;
`pack()` writes `prefix:field:field`, `parse()` reads it back or returns None for anything that
does not fit (wrong prefix, field count, type or range), and `pattern()` is the predicate PTB's
CallbackQueryHandler takes. Handlers receive the parsed value from `of(update)`.

Whether the user really received the button is checked where the press arrives
(`bot.handlers.common.offered`): the data must be on the message the press came from.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar, Self, get_type_hints

from telegram import Update

from bot.domain import Answer, Channel, ContactMode, Kind, Plan, TriggerKind

SEPARATOR = ":"
WORD = re.compile(r"[A-Za-z0-9_-]{1,40}")
# Ids from our own tables fit easily; anything longer is forged (and would overflow a column).
MAX_INT = 2**31 - 1


class CallbackData:
    """Base of every callback: subclasses are frozen dataclasses with a `prefix`."""

    prefix: ClassVar[str]
    registry: ClassVar[dict[str, type[CallbackData]]] = {}

    def __init_subclass__(cls, *, prefix: str, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if prefix in CallbackData.registry:
            raise TypeError(f"callback prefix {prefix!r} is used twice")
        cls.prefix = prefix
        CallbackData.registry[prefix] = cls

    def pack(self) -> str:
        values = [_format(getattr(self, f.name)) for f in dataclasses.fields(self)]  # type: ignore[arg-type]
        return SEPARATOR.join([self.prefix, *values])

    @classmethod
    def parse(cls, data: object) -> Self | None:
        """The value, or None if the data is not exactly one of ours."""
        if not isinstance(data, str):
            return None
        prefix, *raw = data.split(SEPARATOR)
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        if prefix != cls.prefix or len(raw) != len(fields):
            return None
        hints = get_type_hints(cls)
        values = {}
        for field, text in zip(fields, raw, strict=True):
            value = _read(hints[field.name], text)
            if value is None:
                return None
            values[field.name] = value
        try:
            return cls(**values)
        except ValueError:  # a subclass's own check (__post_init__) refused it
            return None

    @classmethod
    def pattern(cls) -> Callable[[object], bool]:
        """For CallbackQueryHandler(pattern=...): true for data this class parses."""
        return lambda data: cls.parse(data) is not None

    @classmethod
    def of(cls, update: Update) -> Self:
        """The parsed value of the pressed button (its handler's pattern already matched)."""
        query = update.callback_query
        value = cls.parse(query.data if query is not None else None)
        if value is None:
            raise ValueError(f"not a {cls.__name__} callback")
        return value


def parse_any(data: object) -> CallbackData | None:
    """Whichever callback the data is, or None."""
    if not isinstance(data, str):
        return None
    cls = CallbackData.registry.get(data.split(SEPARATOR, 1)[0])
    return None if cls is None else cls.parse(data)


def _format(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, StrEnum):
        return value.value
    return str(value)


def _read(kind: Any, text: str) -> object | None:
    if kind is bool:
        return {"1": True, "0": False}.get(text)
    if kind is int:
        if not text.isdigit() or len(text) > 10 or int(text) > MAX_INT:
            return None
        return int(text)
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        try:
            return kind(text)
        except ValueError:
            return None
    if kind is str:
        return text if WORD.fullmatch(text) else None
    raise TypeError(f"callback field type {kind!r} is not supported")


# --- the callbacks ----------------------------------------------------------------------------
# Short prefixes: Telegram allows 64 bytes of callback data.


@dataclass(frozen=True)
class Menu(CallbackData, prefix="m"):
    """The main menu."""


@dataclass(frozen=True)
class Commands(CallbackData, prefix="help"):
    """The list of commands."""


@dataclass(frozen=True)
class HelpNow(CallbackData, prefix="h"):
    """Help now: the user's own country's lines, from memory."""


@dataclass(frozen=True)
class CountryLines(CallbackData, prefix="hl"):
    """Another country's lines."""

    code: str


@dataclass(frozen=True)
class OtherCountries(CallbackData, prefix="hc"):
    """Every country we hold lines for."""


@dataclass(frozen=True)
class CountryMenu(CallbackData, prefix="c"):
    """Which country's lines Help now shows."""


@dataclass(frozen=True)
class SetCountry(CallbackData, prefix="cs"):
    code: str


@dataclass(frozen=True)
class ExplainMenu(CallbackData, prefix="x"):
    """The themes of topics."""


@dataclass(frozen=True)
class ExplainGroup(CallbackData, prefix="xg"):
    group: str
    page: int


@dataclass(frozen=True)
class ShowTopic(CallbackData, prefix="t"):
    topic: str
    more: bool = False


@dataclass(frozen=True)
class DailyHome(CallbackData, prefix="d"):
    """The /daily screen."""


@dataclass(frozen=True)
class DailyNew(CallbackData, prefix="dn"):
    """Subscribe, or change the time: asks for the time."""

    kind: Kind


@dataclass(frozen=True)
class DailyTime(CallbackData, prefix="dt"):
    kind: Kind
    hhmm: str

    def __post_init__(self) -> None:
        if not re.fullmatch(r"([01]\d|2[0-3])[0-5]\d", self.hhmm):
            raise ValueError("not a time")


@dataclass(frozen=True)
class DailyZone(CallbackData, prefix="dz"):
    """A zone button: `pick` is an index into the common zones, or -1 for the user's own."""

    kind: Kind
    hhmm: str
    pick: int

    def __post_init__(self) -> None:
        DailyTime(self.kind, self.hhmm)  # the same check on the time


KEEP_ZONE = 0  # DailyZone.pick for "keep my zone"; common zones are 1..n


@dataclass(frozen=True)
class PauseMenu(CallbackData, prefix="dp"):
    kind: Kind


@dataclass(frozen=True)
class PauseDays(CallbackData, prefix="dpd"):
    kind: Kind
    days: int

    def __post_init__(self) -> None:
        if self.days not in (1, 7):
            raise ValueError("not an offered pause")


@dataclass(frozen=True)
class PauseAskDate(CallbackData, prefix="dpt"):
    kind: Kind


@dataclass(frozen=True)
class PauseForever(CallbackData, prefix="dpi"):
    kind: Kind


@dataclass(frozen=True)
class Resume(CallbackData, prefix="dr"):
    kind: Kind


@dataclass(frozen=True)
class StopAsk(CallbackData, prefix="ds"):
    kind: Kind


@dataclass(frozen=True)
class StopYes(CallbackData, prefix="dsy"):
    kind: Kind


@dataclass(frozen=True)
class ToggleDiscreet(CallbackData, prefix="dd"):
    """Discreet mode on or off."""


@dataclass(frozen=True)
class Progress(CallbackData, prefix="nc"):
    """The no-contact counter."""


@dataclass(frozen=True)
class SlipAsk(CallbackData, prefix="ncs"):
    """ "I reached out / got pulled back": asks before restarting the run."""


@dataclass(frozen=True)
class SlipYes(CallbackData, prefix="ncy"):
    pass


@dataclass(frozen=True)
class StartToday(CallbackData, prefix="nst"):
    """No-contact began today."""


@dataclass(frozen=True)
class StartAsk(CallbackData, prefix="nsa"):
    """Asks which day no-contact began."""


@dataclass(frozen=True)
class ConfirmStart(CallbackData, prefix="nsc"):
    """A typed start date whose year was unclear, confirmed: days since 1970-01-01."""

    day: int


@dataclass(frozen=True)
class Reveal(CallbackData, prefix="rv"):
    """Open a discreet note inside the chat."""

    outbox_id: int


@dataclass(frozen=True)
class HowItWorks(CallbackData, prefix="hw"):
    """The rest of the welcome: what the bot does, staying discreet, therapy."""


@dataclass(frozen=True)
class Grounding(CallbackData, prefix="gr"):
    """A grounding exercise, now."""


@dataclass(frozen=True)
class SkipCountry(CallbackData, prefix="csk"):
    """Not now: Help now keeps showing the default country's lines."""


@dataclass(frozen=True)
class SafetyAnswer(CallbackData, prefix="sa"):
    """An answer to "Are you safe right now?"; "struggling" carries the closest topics."""

    DANGER: ClassVar[str] = "d"
    SELF_HARM: ClassVar[str] = "s"
    STRUGGLING: ClassVar[str] = "ok"

    choice: str
    topic1: str
    topic2: str

    def __post_init__(self) -> None:
        if self.choice not in (self.DANGER, self.SELF_HARM, self.STRUGGLING):
            raise ValueError("not an offered answer")


# --- privacy: /privacy, /stop, /hide, /delete, /journal, /safetyplan, lock screens ---------------
# (bot/handlers/privacy.py, hide.py, journal.py, safetyplan.py, notify.py)


@dataclass(frozen=True)
class PrivacyHome(CallbackData, prefix="pv"):
    """What is kept and how to remove it."""


@dataclass(frozen=True)
class PrivacyTelegram(CallbackData, prefix="pvt"):
    """What Telegram itself keeps: devices, older history, auto-delete."""


@dataclass(frozen=True)
class PrivacyDiscreet(CallbackData, prefix="pvd"):
    """Discreet mode on or off, from the privacy screen."""


@dataclass(frozen=True)
class StopAll(CallbackData, prefix="so"):
    """Stop every unprompted message ('Stop these' on a note, /stop)."""


@dataclass(frozen=True)
class HideNow(CallbackData, prefix="hd"):
    """Quick exit: delete this chat's last 48 hours."""


@dataclass(frozen=True)
class HideInfo(CallbackData, prefix="hdi"):
    """What /hide did, and how to clear what it can't."""


@dataclass(frozen=True)
class DeleteAsk(CallbackData, prefix="del"):
    """Delete everything: asks once."""


@dataclass(frozen=True)
class DeleteYes(CallbackData, prefix="dely"):
    """Delete everything; with `hide`, clear the chat's last 48 hours too."""

    hide: bool


@dataclass(frozen=True)
class NotifyAnswer(CallbackData, prefix="na"):
    """'Could someone else see your notifications?' answered, after saving a schedule."""

    kind: Kind
    discreet: bool


@dataclass(frozen=True)
class JournalHome(CallbackData, prefix="j"):
    """The journal: entries newest first, a page at a time."""

    page: int = 0


@dataclass(frozen=True)
class JournalNew(CallbackData, prefix="jn"):
    """Write an entry."""


@dataclass(frozen=True)
class JournalRead(CallbackData, prefix="jv"):
    entry: int


@dataclass(frozen=True)
class JournalSkipFelt(CallbackData, prefix="jsk"):
    """Save an entry without 'how it felt'."""

    entry: int


@dataclass(frozen=True)
class JournalAskDay(CallbackData, prefix="jday"):
    entry: int


@dataclass(frozen=True)
class JournalDeleteAsk(CallbackData, prefix="jd"):
    entry: int


@dataclass(frozen=True)
class JournalDeleteYes(CallbackData, prefix="jdy"):
    entry: int


@dataclass(frozen=True)
class JournalDeleteAllAsk(CallbackData, prefix="jx"):
    pass


@dataclass(frozen=True)
class JournalDeleteAllYes(CallbackData, prefix="jxy"):
    pass


@dataclass(frozen=True)
class JournalRecent(CallbackData, prefix="jr"):
    """The user's own recent entries, offered when the pull is strong (check-ins reuse it)."""


@dataclass(frozen=True)
class PlanMenu(CallbackData, prefix="p"):
    """Both safety plans."""


@dataclass(frozen=True)
class PlanShow(CallbackData, prefix="pp"):
    """One plan: its parts, filled or not, and what can be done."""

    plan: Plan


@dataclass(frozen=True)
class PlanView(CallbackData, prefix="pw"):
    """The whole plan as written, with the country's lines."""

    plan: Plan


@dataclass(frozen=True)
class PlanSection(CallbackData, prefix="ps"):
    plan: Plan
    section: str


@dataclass(frozen=True)
class PlanEdit(CallbackData, prefix="pe"):
    """Write (or rewrite) one part; `build` goes on to the next part afterwards."""

    plan: Plan
    section: str
    build: bool = False


@dataclass(frozen=True)
class PlanBuild(CallbackData, prefix="pb"):
    """Step by step from the first part not yet written."""

    plan: Plan


@dataclass(frozen=True)
class PlanClearPart(CallbackData, prefix="pcp"):
    plan: Plan
    section: str


@dataclass(frozen=True)
class PlanClearAsk(CallbackData, prefix="pc"):
    plan: Plan


@dataclass(frozen=True)
class PlanClearYes(CallbackData, prefix="pcy"):
    plan: Plan


# --- end privacy -------------------------------------------------------------------------------
# --- checkins branch: triggers, check-ins, the urge helper, the counter's picture -------------
# Ids are the rows' own; handlers check that a row belongs to the chat that pressed.

_HHMM = re.compile(r"([01]\d|2[0-3])[0-5]\d")
_SPEC = re.compile(r"(w\d{1,3}|y\d{4}|o)(t\d{1,9})?")
_FOLLOW_HOURS = (1, 2, 4)


@dataclass(frozen=True)
class TriggersHome(CallbackData, prefix="tr"):
    """/triggers: the user's situations, plans and reasons."""


@dataclass(frozen=True)
class TriggerAdd(CallbackData, prefix="tra"):
    """Which situation to add."""


@dataclass(frozen=True)
class TriggerPick(CallbackData, prefix="trk"):
    kind: TriggerKind


@dataclass(frozen=True)
class TriggerOpen(CallbackData, prefix="trv"):
    trigger: int


@dataclass(frozen=True)
class TriggerPlan(CallbackData, prefix="trp"):
    """Write (or rewrite) the plan for a trigger."""

    trigger: int


@dataclass(frozen=True)
class TriggerSkip(CallbackData, prefix="trs"):
    """Skip 'whom can you reach' for now."""

    trigger: int


@dataclass(frozen=True)
class TriggerDelete(CallbackData, prefix="trd"):
    trigger: int


@dataclass(frozen=True)
class TriggerDeleteYes(CallbackData, prefix="trdy"):
    trigger: int


@dataclass(frozen=True)
class ReasonsEdit(CallbackData, prefix="rsn"):
    """Write the reasons for keeping distance."""


@dataclass(frozen=True)
class CheckinsHome(CallbackData, prefix="ch"):
    """/checkins: when the bot checks in."""


@dataclass(frozen=True)
class CheckinAdd(CallbackData, prefix="cha"):
    """Regular, on a date, or once (trigger 0: not tied to one)."""

    trigger: int


@dataclass(frozen=True)
class CheckinDays(CallbackData, prefix="chd"):
    """Weekday toggles: the mask so far (bit 0 = Monday)."""

    mask: int
    trigger: int

    def __post_init__(self) -> None:
        if self.mask > 127:
            raise ValueError("not a weekday mask")


@dataclass(frozen=True)
class CheckinDate(CallbackData, prefix="chy"):
    """Asks for a date, every year."""

    trigger: int


@dataclass(frozen=True)
class CheckinOnce(CallbackData, prefix="cho"):
    """Once: in a few hours, tonight, or a typed time."""

    trigger: int


@dataclass(frozen=True)
class CheckinIn(CallbackData, prefix="chi"):
    hours: int
    trigger: int

    def __post_init__(self) -> None:
        if self.hours not in _FOLLOW_HOURS:
            raise ValueError("not an offered delay")


@dataclass(frozen=True)
class CheckinTime(CallbackData, prefix="cht"):
    """A time (HHMM) for a schedule spec (bot/checkins/spec.py)."""

    spec: str
    hhmm: str

    def __post_init__(self) -> None:
        if not _SPEC.fullmatch(self.spec) or not _HHMM.fullmatch(self.hhmm):
            raise ValueError("not a schedule")


@dataclass(frozen=True)
class CheckinTimeAsk(CallbackData, prefix="chta"):
    """Show the time buttons for a spec (and wait for a typed time)."""

    spec: str

    def __post_init__(self) -> None:
        if not _SPEC.fullmatch(self.spec):
            raise ValueError("not a schedule")


@dataclass(frozen=True)
class CheckinZone(CallbackData, prefix="chz"):
    """A common zone (1..n) for a schedule whose user has none yet."""

    spec: str
    hhmm: str
    pick: int

    def __post_init__(self) -> None:
        CheckinTime(self.spec, self.hhmm)


@dataclass(frozen=True)
class CheckinDelete(CallbackData, prefix="chx"):
    schedule: int


@dataclass(frozen=True)
class CheckinNow(CallbackData, prefix="chc"):
    """Check in now, unprompted by any schedule."""


@dataclass(frozen=True)
class CheckinPull(CallbackData, prefix="cp"):
    session: int
    value: int

    def __post_init__(self) -> None:
        if not 0 <= self.value <= 10:
            raise ValueError("not 0-10")


@dataclass(frozen=True)
class CheckinClose(CallbackData, prefix="cq"):
    """Not now: the check-in closes quietly."""

    session: int


@dataclass(frozen=True)
class CheckinWhat(CallbackData, prefix="cw"):
    """What is going on, other than one of the user's triggers."""

    session: int
    answer: Answer

    def __post_init__(self) -> None:
        if self.answer is Answer.TRIGGER:
            raise ValueError("triggers are answered with CheckinTrigger")


@dataclass(frozen=True)
class CheckinTrigger(CallbackData, prefix="ct"):
    session: int
    trigger: int


@dataclass(frozen=True)
class CheckinElse(CallbackData, prefix="ce"):
    """Something other than the check-in's own trigger: the 'what is going on' buttons."""

    session: int


@dataclass(frozen=True)
class CheckinFollow(CallbackData, prefix="cf"):
    """Check on me again in a few hours."""

    session: int
    hours: int

    def __post_init__(self) -> None:
        if self.hours not in _FOLLOW_HOURS:
            raise ValueError("not an offered delay")


@dataclass(frozen=True)
class CheckinGround(CallbackData, prefix="cg"):
    """A grounding exercise now."""

    session: int


@dataclass(frozen=True)
class ContactLog(CallbackData, prefix="cl"):
    """Log that the other person got in touch: which day (days ago: 0 or 1)."""

    session: int
    days_ago: int

    def __post_init__(self) -> None:
        if self.days_ago not in (0, 1):
            raise ValueError("not an offered day")


@dataclass(frozen=True)
class ContactDateAsk(CallbackData, prefix="cld"):
    """Another day: asks for it."""

    session: int


@dataclass(frozen=True)
class ContactChannel(CallbackData, prefix="cc"):
    """The channel, for the day chosen (days since 1970-01-01)."""

    session: int
    day: int
    channel: Channel


@dataclass(frozen=True)
class UrgeLater(CallbackData, prefix="ul"):
    """Check back when the urge helper's pause ends."""


@dataclass(frozen=True)
class ProgressPicture(CallbackData, prefix="ncp"):
    """/progress as a picture."""


@dataclass(frozen=True)
class CounterMode(CallbackData, prefix="ncm"):
    """Count days of no contact, or of limited contact."""

    mode: ContactMode


@dataclass(frozen=True)
class CheckinsResume(CallbackData, prefix="chr"):
    """Check-ins paused by /stop start again."""
