"""/progress as a picture: renders for any history, and says nothing about its subject."""

import re
from datetime import date, timedelta

import pytest

from bot.checkins.chart import build_figure, render_png, words_in
from bot.domain import Answer, Channel, History, HistoryEntry, TriggerKind
from tests.checkins.helpers import add_trigger_with_plan, checkins_in, session_of
from tests.conftest import Harness, buttons

TODAY = date(2026, 11, 21)
EMPTY = History((), ())
ONE_DAY = History(
    (HistoryEntry(TODAY, 8, Answer.TRIGGER, TriggerKind.EVENINGS, 1),),
    ((TODAY, Channel.CALL),),
)
YEAR = History(
    tuple(
        HistoryEntry(TODAY - timedelta(days=d), d % 11, Answer.OTHER, None, None)
        for d in range(365, -1, -1)
    ),
    tuple((TODAY - timedelta(days=d), Channel.MESSAGE) for d in range(360, -1, -9)),
)
# Only dates, numbers and the panel numbers may appear: no word says what it is about.
ALLOWED = re.compile(
    r"^(\d{1,4}|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|"
    r"Mon|Tue|Wed|Thu|Fri|Sat|Sun|[\d:.\-−]+)$"
)


@pytest.mark.parametrize("history", [EMPTY, ONE_DAY, YEAR], ids=["empty", "one-day", "year"])
def test_chart_renders_and_has_no_revealing_words(history: History) -> None:
    png = render_png(history, TODAY)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 1000
    shown = words_in(build_figure(history, TODAY))
    assert shown and all(ALLOWED.match(text) for text in shown), shown


async def test_progress_shows_history_in_words_and_sends_the_picture(harness: Harness) -> None:
    trigger = await add_trigger_with_plan(harness)
    for pull in (8, 3):
        await harness.send("/checkin")
        [what] = await harness.send(str(pull))
        session = int(next(d for d in buttons(what) if d.startswith("cw:")).split(":")[1])
        await harness.press(f"ct:{session}:{trigger}")
    [progress] = await harness.send("/progress")
    assert "Check-ins answered: 2" in progress.text
    assert "newest first: 3, 8" in progress.text
    assert "Came up most: Evenings and loneliness (2)" in progress.text
    [picture] = await harness.press("ncp")
    assert picture.method == "sendPhoto" and "h" in buttons(picture)
    assert "0 to 10" in picture.text  # the caption explains the numbered panels


async def test_no_history_no_picture_button(harness: Harness) -> None:
    [progress] = await harness.send("/progress")
    assert "ncp" not in buttons(progress) and "Lately" not in progress.text


async def test_a_scheduled_check_in_counts_in_the_history(harness: Harness) -> None:
    from tests.checkins.helpers import add_checkin

    await add_checkin(harness, harness.clock.now() + timedelta(minutes=1))
    harness.clock.advance(timedelta(minutes=1))
    [message] = checkins_in(await harness.deliver())
    await harness.press(f"cp:{session_of(message)}:6")
    await harness.press(f"cw:{session_of(message)}:contacted")
    [progress] = await harness.send("/progress")
    assert "Check-ins answered: 1" in progress.text
