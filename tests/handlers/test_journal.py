"""/journal: write, read, date, delete one, delete all; offered when the pull is strong."""

from bot.callbacks import (
    JournalAskDay,
    JournalDeleteAllAsk,
    JournalDeleteAllYes,
    JournalDeleteAsk,
    JournalDeleteYes,
    JournalHome,
    JournalNew,
    JournalRecent,
)
from bot.policy import JOURNAL_PAGE_SIZE, JOURNAL_WHAT_LIMIT
from tests.conftest import Harness, buttons


async def write(harness: Harness, what: str, felt: str | None = None, user: int = 1) -> int:
    await harness.send("/journal", user)
    await harness.press(JournalNew(), user)
    [asked] = await harness.send(what, user)
    entry = int(next(d for d in buttons(asked) if d.startswith("jsk:")).split(":")[1])
    if felt is None:
        await harness.press(f"jsk:{entry}", user)
    else:
        await harness.send(felt, user)
    return entry


async def test_an_entry_is_written_and_read_back(harness: Harness) -> None:
    await harness.send("/journal")
    [ask] = await harness.press(JournalNew())
    assert "What happened?" in ask.text and str(JOURNAL_WHAT_LIMIT) in ask.text
    [felt] = await harness.send("He <b>smashed</b> my phone & blamed me")
    assert "How did it feel" in felt.text
    [saved] = await harness.send("Shaky, then numb")
    assert "Saved." in saved.text
    assert "He &lt;b&gt;smashed&lt;/b&gt; my phone &amp; blamed me" in saved.text  # escaped
    assert "Shaky, then numb" in saved.text and "Sat 21 Nov 2026" in saved.text
    [home] = await harness.send("/journal")
    assert "Entries so far: 1" in home.text
    label = next(label for row in home.buttons for label, data in row if data.startswith("jv:"))
    assert label.startswith("📅 Sat 21 Nov 2026 · He <b>smashed</b>")
    [entry] = await harness.press(next(d for d in buttons(home) if d.startswith("jv:")))
    assert "Shaky, then numb" in entry.text


async def test_the_date_can_be_changed_to_a_past_day(harness: Harness) -> None:
    entry = await write(harness, "he read my messages")
    await harness.press(JournalAskDay(entry))
    [bad] = await harness.send("next friday")
    assert "couldn't read" in bad.text or "past" in bad.text
    [moved] = await harness.send("yesterday")
    assert "Fri 20 Nov 2026" in moved.text


async def test_delete_one_and_delete_all_ask_first(harness: Harness) -> None:
    first = await write(harness, "one", "a")
    await write(harness, "two", "b")
    await harness.send("/journal")
    await harness.press(f"jv:{first}")
    [ask] = await harness.press(JournalDeleteAsk(first))
    assert "can't be brought back" in ask.text
    [home] = await harness.press(JournalDeleteYes(first))
    assert "Entries so far: 1" in home.text
    [ask_all] = await harness.press(JournalDeleteAllAsk())
    assert "Delete all 1 entries" in ask_all.text
    [empty] = await harness.press(JournalDeleteAllYes())
    assert "No entries yet" in empty.text
    assert await harness.services.repo.journal_count(1) == 0


async def test_entries_page_newest_first(harness: Harness) -> None:
    for n in range(JOURNAL_PAGE_SIZE + 2):
        await write(harness, f"entry {n}")
    [home] = await harness.send("/journal")
    assert "j:1" in buttons(home) and "j:0" not in buttons(home)
    first_label = next(lbl for row in home.buttons for lbl, d in row if d.startswith("jv:"))
    assert f"entry {JOURNAL_PAGE_SIZE + 1}" in first_label
    [older] = await harness.press(JournalHome(1))
    assert "j:0" in buttons(older)
    assert sum(d.startswith("jv:") for d in buttons(older)) == 2


async def test_too_long_says_the_limit_and_keeps_waiting(harness: Harness) -> None:
    await harness.send("/journal")
    await harness.press(JournalNew())
    [reply] = await harness.send("x" * (JOURNAL_WHAT_LIMIT + 1))
    assert f"{JOURNAL_WHAT_LIMIT} characters at most" in reply.text
    [felt] = await harness.send("shorter")
    assert "How did it feel" in felt.text


async def test_one_users_entry_never_opens_for_another(harness: Harness) -> None:
    entry = await write(harness, "mine")
    await harness.send("/journal", user=2)
    sent = await harness.chat.press(2, f"jv:{entry}")
    assert "mine" not in sent[-1].text


async def test_the_pull_offers_their_own_entries(harness: Harness) -> None:
    [plain] = await harness.send("i want to text him")
    assert "jr" not in buttons(plain)  # nothing written yet: the usual answer
    await write(harness, "He said sorry, then did it again two days later", "tired")
    [offer] = await harness.send("i want to text him so badly")
    assert "jr" in buttons(offer)  # the urge helper offers their own words
    assert "h" in buttons(offer)
    [mine] = await harness.press(JournalRecent())
    assert "He said sorry, then did it again two days later" in mine.text


async def test_an_urge_typed_as_an_answer_is_the_answer(harness: Harness) -> None:
    await write(harness, "first")
    await harness.send("/journal")
    await harness.press(JournalNew())
    [asked] = await harness.send("i want to text him")
    assert "How did it feel" in asked.text
