"""Lock-screen safety: every unprompted text keeps the lines a lock screen shows neutral, and
carries Pause and Stop these; subscribing asks about notifications; the bot's own
descriptions are neutral."""

import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from bot.content import Content
from bot.delivery.outbox import Rendered, render
from bot.domain import Kind, OutboxView
from tests.conftest import Harness

# Lines a lock screen may show: the first three.
SHOWN = 3
BANNED = re.compile(
    r"\d|\b(abus\w*|trauma\w*|bond\w*|no[- ]?contact|contact\w*|recover\w*|relapse|slip\w*|"
    r"hurt\w*|harm\w*|violen\w*|react\w*|harsh\w*|crisis|hotline|therapy|ex|partner|suicid\w*|"
    r"leav\w*|went back|go(ing)? back|reach(ed)? out|days?|count\w*|streak|withdrawal|"
    r"safety|danger\w*|hoover\w*|craving\w*|urge\w*|miss\w*)\b",
    re.I,
)


def unprompted(content: Content) -> Iterator[tuple[str, Rendered]]:
    """Every message the bot can send unprompted, rendered as it would be sent. (Check-ins,
    once they exist, belong here too.)"""
    daily = content.daily
    keys = [(Kind.GROUNDING, e.id) for e in daily.grounding]
    keys += [(Kind.ENCOURAGEMENT, e.id) for s in daily.encouragement.values() for e in s]
    keys += [(Kind.ENCOURAGEMENT, e.id) for e in daily.after_slip]
    keys += [(Kind.ENCOURAGEMENT, f"m{d}") for d in daily.milestones]
    for kind, key in keys:
        for discreet in (False, True):
            for days in (1, 42):
                row = OutboxView(7, 1, kind, date(2026, 11, 21), key, days, days + 3, discreet)
                yield f"{kind}:{key}:{discreet}:{days}", render(content, row)


def plain_lines(text: str) -> list[str]:
    return re.sub(r"<[^>]+>", "", text).split("\n")


def test_every_unprompted_text_keeps_its_first_three_lines_neutral(content: Content) -> None:
    checked = 0
    for where, message in unprompted(content):
        lines = plain_lines(message.text)
        nonblank = [line for line in lines if line.strip()]
        for line in lines[:SHOWN] + nonblank[:SHOWN]:
            assert not BANNED.search(line), f"{where}: {line!r}"
        checked += 1
    assert checked > 400


def test_the_check_catches_what_it_should(content: Content) -> None:
    for bad in ("Day 5.", "If they react violently", "if you went back", "Your count: 3"):
        assert BANNED.search(bad)


@pytest.mark.parametrize("discreet", [False, True])
def test_every_unprompted_message_has_pause_stop_and_help(content: Content, discreet: bool) -> None:
    for kind in Kind:
        key = content.daily.grounding[0].id if kind is Kind.GROUNDING else "m7"
        row = OutboxView(7, 1, kind, date(2026, 11, 21), key, 7, 7, discreet)
        message = render(content, row)
        data = [b.callback_data for r in message.markup.inline_keyboard for b in r]
        assert f"dp:{kind}" in data and "so" in data and "h" in data
        assert message.silent is discreet


async def test_pause_and_stop_these_work_from_a_note(harness: Harness) -> None:
    await harness.subscribe("g", "12:30")
    await harness.press("na:grounding:0")
    harness.clock.advance(timedelta(minutes=30))
    [note] = await harness.deliver()
    [pause] = await harness.chat.press(1, "dp:grounding", note.message_id)
    assert "Pause for how long" in pause.text
    harness.clock.advance(timedelta(days=1))
    [note] = await harness.deliver()
    [stopped] = await harness.chat.press(1, "so", note.message_id)
    assert "won't send you anything" in stopped.text
    assert all(s.paused for s in await harness.services.repo.subscriptions(1))


async def test_subscribing_asks_about_notifications_and_sets_discreet(harness: Harness) -> None:
    [saved] = await harness.subscribe("g")
    assert "could someone else see your notifications" in saved.text
    [yes] = await harness.press("na:grounding:1")
    assert yes.text.startswith("🔒 Discreet mode is on")
    assert (await harness.services.repo.get_user(1)).discreet
    [saved] = await harness.subscribe("g", "9am")
    [no] = await harness.press("na:grounding:0")
    assert no.text.startswith("🔓 Discreet mode is off")
    assert not (await harness.services.repo.get_user(1)).discreet


async def test_the_bots_descriptions_are_set_neutral_and_within_limits(harness: Harness) -> None:
    ui = harness.services.content.ui
    calls = dict(harness.transport.calls)
    assert calls["setMyDescription"]["description"] == ui["bot_description"]
    assert calls["setMyShortDescription"]["short_description"] == ui["bot_short_description"]
    assert len(ui["bot_description"]) <= 512 and len(ui["bot_short_description"]) <= 120
    for key in ("bot_description", "bot_short_description"):
        assert "<" not in ui[key] and "&" not in ui[key]
        assert not BANNED.search(ui[key]), key
