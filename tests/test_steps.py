"""A typed step ends in every way a person would expect, and survives a restart."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from bot.app import stop_services
from tests.conftest import Harness, buttons, make_harness, sqlite_url


async def _asked_for_time(harness: Harness) -> None:
    await harness.send("/daily")
    [question] = await harness.press("dn:grounding")
    assert "What time" in question.text


def _count_calls(harness: Harness, *names: str) -> list[str]:
    """From now on, the names of these repository methods as they are called, in order."""
    repo = harness.services.repo
    calls: list[str] = []
    for name in names:
        original = getattr(repo, name)

        async def counted(*args: object, _name: str = name, _f: object = original) -> object:
            calls.append(_name)
            return await _f(*args)  # type: ignore[operator]

        setattr(repo, name, counted)
    return calls


async def _reads_afresh(harness: Harness) -> None:
    """The next message is ordinary text: a question gets its topic, not a time hint."""
    [reply] = await harness.send("what is hoovering")
    assert "hoover" in reply.text.lower()
    assert "couldn't read" not in reply.text


async def test_menu_button_ends_the_step(harness: Harness) -> None:
    await _asked_for_time(harness)
    await harness.press("m")
    await _reads_afresh(harness)


async def test_any_command_ends_the_step(harness: Harness) -> None:
    await _asked_for_time(harness)
    await harness.send("/explain")
    await _reads_afresh(harness)


async def test_hotline_ends_the_step_without_waiting_for_the_database(harness: Harness) -> None:
    """Crisis help never waits for the database: the step ends in memory at once."""
    await _asked_for_time(harness)
    reads = _count_calls(harness, "get_user", "ensure_user")
    [lines] = await harness.send("/hotline")
    assert "988" in lines.text
    assert reads == []
    await _reads_afresh(harness)
    await asyncio.gather(*harness.services.background)
    assert (await harness.services.repo.get_user(1)).pending is None


async def test_another_screens_button_ends_the_step(harness: Harness) -> None:
    await _asked_for_time(harness)
    await harness.press("d")  # Cancel, back to /daily
    await _reads_afresh(harness)


async def test_thirty_minutes_end_the_step(harness: Harness) -> None:
    await _asked_for_time(harness)
    harness.clock.advance(timedelta(minutes=31))
    await _reads_afresh(harness)


async def test_within_thirty_minutes_the_step_still_waits(harness: Harness) -> None:
    await _asked_for_time(harness)
    harness.clock.advance(timedelta(minutes=29))
    [zone] = await harness.send("9pm")
    assert "21:00 in which time zone" in zone.text


async def test_crisis_ends_the_step(harness: Harness) -> None:
    await _asked_for_time(harness)
    [crisis] = await harness.send("i want to kill myself")
    assert "988" in crisis.text
    await _reads_afresh(harness)


async def test_a_question_instead_of_an_answer_is_read_as_text(harness: Harness) -> None:
    await _asked_for_time(harness)
    [reply] = await harness.send("what is hoovering and why does it work on me")
    assert "hoover" in reply.text.lower()
    await _reads_afresh(harness)  # and the step has ended


async def test_a_failed_attempt_gets_a_hint_and_the_step_waits(harness: Harness) -> None:
    await _asked_for_time(harness)
    [hint] = await harness.send("25:99")
    assert "couldn't read that as a time" in hint.text
    assert "d" in buttons(hint)  # Cancel
    [zone] = await harness.send("8")
    assert "08:00 in which time zone" in zone.text


async def test_a_step_survives_a_restart(tmp_path: Path, clock: object) -> None:
    url = sqlite_url(tmp_path)
    first = await make_harness(url, clock)  # type: ignore[arg-type]
    await _asked_for_time(first)
    await stop_services(first.app)
    await first.app.shutdown()
    second = await make_harness(url, clock)  # type: ignore[arg-type]
    try:
        [zone] = await second.send("7:45")
        assert "07:45 in which time zone" in zone.text
    finally:
        await stop_services(second.app)
        await second.app.shutdown()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("yesterday", "2026-11-20"),
        ("3 weeks ago", "2026-10-31"),
        ("11/01/2026", "2026-11-01"),  # the default country (US) writes the month first
        ("2026-11-01", "2026-11-01"),
    ],
)
async def test_no_contact_start_typed_as_people_type(
    harness: Harness, typed: str, expected: str
) -> None:
    await harness.send("/progress")
    await harness.press("nsa")
    [saved] = await harness.send(typed)
    assert f"Counting from {expected}" in saved.text


async def test_day_first_countries_read_day_first(harness: Harness) -> None:
    await harness.send("/country")
    await harness.press("cs:GB")
    await harness.send("/progress")
    await harness.press("nsa")
    [saved] = await harness.send("01/11/2026")
    assert "Counting from 2026-11-01" in saved.text


async def test_a_date_without_a_year_far_back_is_confirmed(harness: Harness) -> None:
    await harness.send("/progress")
    await harness.press("nsa")
    [question] = await harness.send("1 December")  # today is 21 November 2026
    assert "1 December 2025" in question.text
    [saved] = await harness.press(next(d for d in buttons(question) if d.startswith("nsc:")))
    assert "Counting from 2025-12-01" in saved.text


async def test_country_typed_by_name(harness: Harness) -> None:
    await harness.send("/country")
    [reply] = await harness.send("Germany")
    assert "Germany" in reply.text and "112" in reply.text and "findahelpline" in reply.text
    assert (await harness.services.repo.get_user(1)).country == "DE"
    [lines] = await harness.send("/hotline")
    assert "112" in lines.text


async def test_country_typed_with_lines(harness: Harness) -> None:
    await harness.send("/country")
    [reply] = await harness.send("new zealand")
    assert "New Zealand" in reply.text
    [crisis] = await harness.send("he is going to kill me")
    assert "111" in crisis.text


async def test_a_typed_pause_date_reads_the_user_once_and_writes_once(harness: Harness) -> None:
    """One read of the user per update, and one write transaction for the change."""
    await harness.subscribe()
    await harness.send("/daily")
    await harness.press("dp:grounding")
    await harness.press("dpt:grounding")
    calls = _count_calls(
        harness, "get_user", "ensure_user", "set_pending", "set_paused", "subscriptions"
    )
    [home] = await harness.send("27 December")
    assert "paused until 2026-12-27" in home.text
    assert calls.count("get_user") == 1 and "ensure_user" not in calls
    assert [c for c in calls if c.startswith("set_")] == ["set_paused"]  # ends the step too
    assert (await harness.services.repo.get_user(1)).pending is None


async def test_the_welcomes_country_question_takes_a_typed_country(harness: Harness) -> None:
    """Asked "which country are you in?" by /start, a newcomer types the answer."""
    _, question = await harness.send("/start")
    assert "which country" in question.text
    [reply] = await harness.send("Germany")
    assert "Germany" in reply.text and "112" in reply.text
    assert (await harness.services.repo.get_user(1)).country == "DE"


@pytest.mark.parametrize("typed", ["skip", "Skip.", "later", "saltar", "Después"])
async def test_the_welcomes_country_question_can_be_skipped_in_words(
    harness: Harness, typed: str
) -> None:
    await harness.send("/start")
    [reply] = await harness.send(typed)
    assert "until you choose a country" in reply.text
    assert (await harness.services.repo.get_user(1)).pending is None
    await _reads_afresh(harness)


async def test_a_question_after_the_welcome_is_answered_not_taken_for_a_country(
    harness: Harness,
) -> None:
    await harness.send("/start")
    await _reads_afresh(harness)


async def test_pressing_skip_ends_the_country_question(harness: Harness) -> None:
    _, question = await harness.send("/start")
    await harness.press(next(d for d in buttons(question) if d == "csk"))
    [reply] = await harness.send("ok")
    assert "couldn't find that country" not in reply.text
