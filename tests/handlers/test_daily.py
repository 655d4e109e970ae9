from datetime import UTC, date, datetime, timedelta

import pytest

from tests.conftest import Harness, buttons


async def test_subscribe_with_typed_time_and_city(harness: Harness) -> None:
    [saved] = await harness.subscribe()
    assert "20:15" in saved.text and "Europe/London" in saved.text
    [sub] = await harness.services.repo.subscriptions(1)
    assert (sub.kind, sub.local_time, sub.timezone) == ("grounding", "20:15", "Europe/London")
    assert sub.next_due_utc == datetime(2026, 11, 21, 20, 15, tzinfo=UTC)


async def test_subscribe_with_buttons(harness: Harness) -> None:
    await harness.send("/daily")
    await harness.press("dn:grounding")
    [zones] = await harness.press("dt:grounding:0700")
    assert "dz:grounding:0700:1" in buttons(zones)
    [saved] = await harness.press("dz:grounding:0700:4")
    assert "America/New_York" in saved.text


@pytest.mark.parametrize("typed", ["25:00", "half eight", "8:75", "x" * 500, "🕗"])
async def test_unreadable_time_gets_example_and_keeps_step(harness: Harness, typed: str) -> None:
    await harness.send("/daily")
    await harness.press("dn:grounding")
    [reply] = await harness.send(typed)
    assert "couldn't read that as a time" in reply.text and "9pm" in reply.text
    [ok] = await harness.send("9pm")
    assert "21:00" in ok.text


async def test_unknown_zone_gets_example(harness: Harness) -> None:
    await harness.send("/daily")
    await harness.press("dn:grounding")
    await harness.send("8")
    [reply] = await harness.send("Atlantis")
    assert "couldn't find that time zone" in reply.text
    [ok] = await harness.send("UTC+5:30")
    assert "UTC+05:30" in ok.text


async def test_encouragement_asks_for_start_with_safety_plan(harness: Harness) -> None:
    [saved] = await harness.subscribe("e")
    # privacy: the lock-screen question comes first, then the start date
    assert "could someone else see your notifications" in saved.text
    [saved] = await harness.press("na:encouragement:0")
    assert "safety plan" in saved.text
    assert "nst" in buttons(saved)
    [started] = await harness.press("nst")
    assert "today is day <b>1</b>" in started.text  # day 1 is the first day, never day 0


async def test_pause_resume_stop(harness: Harness) -> None:
    await harness.subscribe()
    await harness.send("/daily")
    [menu] = await harness.press("dp:grounding")
    assert "dpi:grounding" in buttons(menu)
    [home] = await harness.press("dpi:grounding")
    assert "paused until you resume" in home.text
    await harness.press("dr:grounding")
    await harness.press("dp:grounding")
    [sub] = await harness.services.repo.subscriptions(1)
    assert not sub.paused
    await harness.press("dpd:grounding:7")
    [sub] = await harness.services.repo.subscriptions(1)
    assert sub.resume_on == date(2026, 11, 28)
    assert sub.next_due_utc == datetime(2026, 11, 28, 20, 15, tzinfo=UTC)
    await harness.press("dr:grounding")
    await harness.press("dp:grounding")
    await harness.press("dpt:grounding")
    [bad] = await harness.send("yesterday")
    assert "future date" in bad.text
    [home] = await harness.send("27 December")
    assert "paused until 2026-12-27" in home.text
    [confirm] = await harness.press("ds:grounding")
    assert "dsy:grounding" in buttons(confirm)
    assert len(await harness.services.repo.subscriptions(1)) == 1  # not yet
    await harness.press("dsy:grounding")
    assert await harness.services.repo.subscriptions(1) == []


async def test_discreet_toggle(harness: Harness) -> None:
    await harness.send("/daily")
    [home] = await harness.press("dd")
    assert "dd" in buttons(home)
    user = await harness.services.repo.get_user(1)
    assert user.discreet
    await harness.press("dd")
    assert not (await harness.services.repo.get_user(1)).discreet


async def test_daily_message_arrives_at_local_time(harness: Harness) -> None:
    await harness.subscribe("g", "8:30", "New York")
    harness.clock.set(datetime(2026, 11, 22, 13, 29, tzinfo=UTC))
    assert await harness.tick() == 0
    harness.clock.advance(timedelta(minutes=1))
    before = len(harness.transport.sent)
    assert await harness.tick() == 1
    [note] = harness.transport.sent[before:]
    assert note.text.startswith("Your daily note is here.")
    assert note.protected and not note.silent
    assert "h" in buttons(note)
    assert await harness.tick() == 0  # never twice


async def test_discreet_message_is_neutral_silent_and_opens_on_tap(harness: Harness) -> None:
    await harness.subscribe("e", "9", "UTC")
    await harness.press("nst")
    await harness.send("/daily")
    await harness.press("dd")
    harness.clock.set(datetime(2026, 11, 22, 9, 0, tzinfo=UTC))
    [note] = await harness.deliver()
    assert note.silent and note.protected
    assert "contact" not in note.text.lower() and "day" not in note.text.lower().replace(
        "daily", ""
    )
    reveal = next(d for d in buttons(note) if d.startswith("rv:"))
    [opened] = await harness.press(reveal)
    assert "safety plan" in opened.text
    # Another user cannot open it.
    [other] = await harness.press(reveal, user=2)
    assert "expired" in other.text and "safety plan" not in other.text
    # And the repository's own check, should the press come without its message.
    assert await harness.services.repo.outbox_content(int(reveal.split(":")[1]), 2) is None
