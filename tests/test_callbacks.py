"""Every button's data is defined once, round-trips, refuses forgeries, and has a handler."""

from __future__ import annotations

import pytest
from telegram.ext import CallbackQueryHandler

from bot import callbacks as cb
from bot.app import register
from bot.domain import Answer, Channel, ContactMode, Kind, Plan, TriggerKind
from bot.handlers import start
from bot.handlers.text import ROUTES
from bot.steps import Step, Waiting
from tests.conftest import Harness

# One example of every callback; the test below fails when a new one has no example here.
SAMPLES: list[cb.CallbackData] = [
    cb.CheckinsResume(),
    cb.Menu(),
    cb.Commands(),
    cb.HelpNow(),
    cb.CountryLines("GB"),
    cb.OtherCountries(),
    cb.CountryMenu(),
    cb.SetCountry("AU"),
    cb.ExplainMenu(),
    cb.ExplainGroup("leaving", 1),
    cb.ShowTopic("hoovering", more=True),
    cb.DailyHome(),
    cb.DailyNew(Kind.ENCOURAGEMENT),
    cb.DailyTime(Kind.GROUNDING, "0830"),
    cb.DailyZone(Kind.GROUNDING, "2359", 3),
    cb.PauseMenu(Kind.GROUNDING),
    cb.PauseDays(Kind.GROUNDING, 7),
    cb.PauseAskDate(Kind.ENCOURAGEMENT),
    cb.PauseForever(Kind.GROUNDING),
    cb.Resume(Kind.GROUNDING),
    cb.StopAsk(Kind.GROUNDING),
    cb.StopYes(Kind.ENCOURAGEMENT),
    cb.ToggleDiscreet(),
    cb.Progress(),
    cb.SlipAsk(),
    cb.SlipYes(),
    cb.StartToday(),
    cb.StartAsk(),
    cb.ConfirmStart(20_000),
    cb.Reveal(123),
    cb.HowItWorks(),
    cb.Grounding(),
    cb.SkipCountry(),
    cb.SafetyAnswer(cb.SafetyAnswer.STRUGGLING, "grief", "-"),
    # --- privacy ---
    cb.PrivacyHome(),
    cb.PrivacyTelegram(),
    cb.PrivacyDiscreet(),
    cb.StopAll(),
    cb.HideNow(),
    cb.HideInfo(),
    cb.DeleteAsk(),
    cb.DeleteYes(hide=True),
    cb.NotifyAnswer(Kind.ENCOURAGEMENT, discreet=True),
    cb.JournalHome(2),
    cb.JournalNew(),
    cb.JournalRead(17),
    cb.JournalSkipFelt(17),
    cb.JournalAskDay(17),
    cb.JournalDeleteAsk(17),
    cb.JournalDeleteYes(17),
    cb.JournalDeleteAllAsk(),
    cb.JournalDeleteAllYes(),
    cb.JournalRecent(),
    cb.PlanMenu(),
    cb.PlanShow(Plan.SAFE),
    cb.PlanView(Plan.SELF),
    cb.PlanSection(Plan.SAFE, "documents"),
    cb.PlanEdit(Plan.SELF, "surroundings", build=True),
    cb.PlanBuild(Plan.SAFE),
    cb.PlanClearPart(Plan.SELF, "signs"),
    cb.PlanClearAsk(Plan.SAFE),
    cb.PlanClearYes(Plan.SELF),
    # --- end privacy ---
    # checkins branch
    cb.TriggersHome(),
    cb.TriggerAdd(),
    cb.TriggerPick(TriggerKind.EVENINGS),
    cb.TriggerOpen(7),
    cb.TriggerPlan(7),
    cb.TriggerSkip(7),
    cb.TriggerDelete(7),
    cb.TriggerDeleteYes(7),
    cb.ReasonsEdit(),
    cb.CheckinsHome(),
    cb.CheckinAdd(0),
    cb.CheckinDays(0b1000001, 7),
    cb.CheckinDate(7),
    cb.CheckinOnce(0),
    cb.CheckinIn(4, 7),
    cb.CheckinTime("w127t123456789", "2130"),
    cb.CheckinTimeAsk("y0229"),
    cb.CheckinZone("o", "0700", 11),
    cb.CheckinDelete(2_000_000_000),
    cb.CheckinNow(),
    cb.CheckinPull(2_000_000_000, 10),
    cb.CheckinClose(5),
    cb.CheckinWhat(5, Answer.REACHED_OUT),
    cb.CheckinTrigger(5, 7),
    cb.CheckinElse(5),
    cb.CheckinFollow(5, 2),
    cb.CheckinGround(5),
    cb.ContactLog(5, 1),
    cb.ContactDateAsk(5),
    cb.ContactChannel(5, 20_000, Channel.IN_PERSON),
    cb.UrgeLater(),
    cb.ProgressPicture(),
    cb.CounterMode(ContactMode.LIMITED),
]


def test_every_callback_has_an_example() -> None:
    assert {type(s) for s in SAMPLES} == set(cb.CallbackData.registry.values())


@pytest.mark.parametrize("value", SAMPLES, ids=lambda v: type(v).__name__)
def test_pack_parse_round_trip_within_telegrams_limit(value: cb.CallbackData) -> None:
    packed = value.pack()
    assert len(packed.encode()) <= 64
    assert type(value).parse(packed) == value
    assert cb.parse_any(packed) == value
    assert type(value).pattern()(packed)


@pytest.mark.parametrize(
    ("cls", "data"),
    [
        (cb.Reveal, "rv:999999999999999999"),  # overflows a PostgreSQL integer
        (cb.Reveal, "rv:-1"),
        (cb.Reveal, "rv:abc"),
        (cb.DailyTime, "dt:grounding:2400"),
        (cb.DailyTime, "dt:gardening:0800"),
        (cb.DailyZone, "dz:grounding:0800"),
        (cb.PauseDays, "dpd:grounding:30"),
        (cb.ShowTopic, "t:../../etc:0"),
        (cb.ShowTopic, "t:hoovering:2"),
        (cb.ExplainGroup, "xg:leaving:1:2"),
        (cb.Menu, "m:x"),
        (cb.HelpNow, "h:GB"),
        # checkins branch
        (cb.CheckinPull, "cp:5:11"),
        (cb.CheckinPull, "cp:5:-1"),
        (cb.CheckinPull, "cp:99999999999:5"),
        (cb.CheckinWhat, "cw:5:trigger"),
        (cb.CheckinWhat, "cw:5:gone"),
        (cb.CheckinFollow, "cf:5:3"),
        (cb.CheckinIn, "chi:8:0"),
        (cb.CheckinDays, "chd:128:0"),
        (cb.CheckinTime, "cht:w127:2460"),
        (cb.CheckinTime, "cht:x127:2100"),
        (cb.CheckinTimeAsk, "chta:w127t"),
        (cb.ContactLog, "cl:5:2"),
        (cb.ContactChannel, "cc:5:20000:pigeon"),
        (cb.TriggerPick, "trk:exes"),
        (cb.CounterMode, "ncm:total"),
    ],
)
def test_forged_data_does_not_parse(cls: type[cb.CallbackData], data: str) -> None:
    assert cls.parse(data) is None
    assert not cls.pattern()(data)


def test_a_prefix_cannot_be_used_twice() -> None:
    with pytest.raises(TypeError, match="used twice"):

        class Again(cb.CallbackData, prefix="m"):
            pass


async def test_every_callback_has_a_handler(harness: Harness) -> None:
    """Each sample is taken by a feature's handler, not by the 'expired button' fallback."""
    handlers = [
        h
        for group in harness.app.handlers.values()
        for h in group
        if isinstance(h, CallbackQueryHandler) and h.pattern is not None
    ]
    for value in SAMPLES:
        packed = value.pack()
        taken = [h for h in handlers if h.pattern(packed)]  # type: ignore[operator]
        assert taken, f"{type(value).__name__} has no handler"
        assert all(h.callback is not start.expired_button for h in taken)
    assert register  # the one place handlers are registered


def test_every_step_has_a_route_and_round_trips() -> None:
    assert set(ROUTES) == set(Waiting)
    for waiting in Waiting:
        step = Step(waiting, Kind.GROUNDING)
        assert Step.parse(step.format()) == step
    assert Step.parse("dt:g") is None  # the old format reads as no step
    assert Step.parse("daily_time:gardening") is None
