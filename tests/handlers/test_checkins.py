"""/checkins: regular days, a date every year, once; zones; removal; limits."""

from datetime import UTC, datetime

from bot.domain import Repeat
from tests.checkins.helpers import add_checkin, add_trigger_with_plan
from tests.conftest import Harness, buttons


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


async def test_sunday_evenings_asks_the_zone_once(harness: Harness) -> None:
    [home] = await harness.send("/checkins")
    assert {"chd:0:0", "chy:0", "cho:0", "chc"} <= set(buttons(home))
    [days] = await harness.press("chd:0:0")
    assert not any(d.startswith("chta:") for d in buttons(days))  # no day chosen yet
    [days] = await harness.press("chd:64:0")  # Sunday
    assert "on Sundays" in days.text
    [times] = await harness.press("chta:w64")
    assert "cht:w64:2100" in buttons(times)
    [zone] = await harness.press("cht:w64:2100")  # this user has no zone yet
    assert "time zone" in zone.text
    [saved] = await harness.send("London")
    assert "on Sundays at 21:00 (Europe/London)" in saved.text
    assert "Sunday 22 November at 21:00" in saved.text
    [schedule] = await harness.services.repo.checkin_schedules(1)
    assert schedule.next_due_utc == utc(2026, 11, 22, 21)
    # The zone is now known: the next schedule does not ask again.
    await harness.send("/checkins")
    await harness.press("chd:0:0")
    await harness.press("chd:127:0")
    await harness.press("chta:w127")
    [saved] = await harness.send("9pm")
    assert "every day at 21:00 (Europe/London)" in saved.text


async def test_a_date_every_year_typed_including_29_february(harness: Harness) -> None:
    await harness.subscribe("g", "8", "UTC")
    await harness.send("/checkins")
    await harness.press("chy:0")
    [bad] = await harness.send("31 February")
    assert "couldn't read" in bad.text
    [times] = await harness.send("29 feb")
    assert "every year on 29 February" in times.text
    [saved] = await harness.press("cht:y0229:2000")
    assert "Sunday 28 February at 20:00" in saved.text  # 2027 has no 29 February
    [schedule] = await harness.services.repo.checkin_schedules(1)
    assert (schedule.repeat, schedule.month, schedule.day) == (Repeat.YEARLY, 2, 29)


async def test_once_in_hours_tonight_or_a_typed_time(harness: Harness) -> None:
    await harness.subscribe("g", "8", "Auckland")  # UTC+13: 01:00 on the 22nd there
    await harness.send("/checkins")
    [menu] = await harness.press("cho:0")
    assert {"chi:1:0", "chi:2:0", "chi:4:0"} <= set(buttons(menu))
    assert "cht:o:2100" in buttons(menu)  # 01:00 there: tonight is still ahead
    [saved] = await harness.press("chi:2:0")
    assert "03:00" in saved.text  # 01:00 + two hours, in the user's zone
    await harness.send("/checkins")
    await harness.press("cho:0")
    await harness.press("chta:o")
    [saved] = await harness.send("00:30")  # already past today there: tomorrow
    assert "Monday 23 November at 00:30" in saved.text
    schedules = await harness.services.repo.checkin_schedules(1)
    assert [s.next_due_utc for s in schedules] == [utc(2026, 11, 21, 14), utc(2026, 11, 22, 11, 30)]


async def test_a_check_in_for_a_trigger_and_removing_one(harness: Harness) -> None:
    trigger = await add_trigger_with_plan(harness)
    [add] = await harness.press(f"cha:{trigger}")
    assert f"chd:0:{trigger}" in buttons(add) and f"trv:{trigger}" in buttons(add)
    await harness.press(f"cho:{trigger}")
    [saved] = await harness.press(f"chi:1:{trigger}")
    assert f"trv:{trigger}" in buttons(saved)
    [schedule] = await harness.services.repo.checkin_schedules(1)
    assert schedule.trigger_id == trigger
    [home] = await harness.send("/checkins")
    [remove] = [d for d in buttons(home) if d.startswith("chx:")]
    [home] = await harness.press(remove)
    assert await harness.services.repo.checkin_schedules(1) == []
    # Removing the trigger removes its check-ins too (and no others).
    await harness.send("/triggers")
    await harness.press(f"trv:{trigger}")
    await harness.press(f"cha:{trigger}")
    await harness.press(f"cho:{trigger}")
    await harness.press(f"chi:4:{trigger}")
    await harness.send("/checkins")
    await harness.press("cho:0")
    await harness.press("chi:2:0")
    assert len(await harness.services.repo.checkin_schedules(1)) == 2
    await harness.send("/triggers")
    await harness.press(f"trv:{trigger}")
    await harness.press(f"trd:{trigger}")
    await harness.press(f"trdy:{trigger}")
    [left] = await harness.services.repo.checkin_schedules(1)
    assert left.trigger_id is None


async def test_a_removed_schedule_takes_its_queued_check_in_with_it(harness: Harness) -> None:
    daily = await add_checkin(harness, utc(2026, 11, 21, 13), repeat=Repeat.WEEKLY, weekdays=127)
    harness.clock.set(utc(2026, 11, 21, 13))
    await harness.services.dispatcher.tick()  # queued, not yet sent
    await harness.services.repo.delete_checkin_schedule(1, daily.id)
    await harness.services.sender.drain()
    assert [s for s in harness.transport.sent if "cp:" in str(s.buttons)] == []


async def test_forged_schedule_ids_touch_nothing(harness: Harness) -> None:
    await harness.send("/checkins")
    await harness.press("cho:0")
    await harness.press("chi:1:0")
    await harness.send("/checkins", user=2)
    harness.transport.messages[(2, harness.chat.last_message_id(2))].buttons.append(
        [("x", "chx:1")]
    )
    await harness.press("chx:1", user=2)
    assert len(await harness.services.repo.checkin_schedules(1)) == 1
    harness.transport.messages[(2, harness.chat.last_message_id(2))].buttons.append(
        [("x", "chi:1:1")]
    )
    await harness.press("chi:1:1", user=2)  # someone else's trigger: nothing is saved
    assert await harness.services.repo.checkin_schedules(2) == []


async def test_every_checkins_screen_has_help_now(harness: Harness) -> None:
    for data in ("ch", "cha:0", "chd:0:0", "chd:3:0", "chy:0", "cho:0", "chta:w3", "chc"):
        [reply] = await harness.press(data)
        assert "h" in buttons(reply), data
