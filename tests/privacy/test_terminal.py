"""Scripted terminal chats (`python -m bot chat`, input from a pipe) show each privacy and
safety feature working end to end: the journal, both plans, /privacy, /stop, /hide, /delete."""

import sqlite3
import stat
from pathlib import Path

from bot.domain import Plan
from bot.handlers.safetyplan import SECTIONS
from tests.helpers.cli import run


def chat(tmp_path: Path, lines: list[str]) -> str:
    result = run(["chat"], tmp_path, stdin="\n".join(lines) + "\n", DATABASE_URL=None)
    assert result.returncode == 0, result.stderr
    return result.stdout


def in_order(out: str, *needles: str) -> None:
    position = 0
    for needle in needles:
        position = out.index(needle, position)  # each after the one before


def test_a_journal_entry_is_written_and_read_back(tmp_path: Path) -> None:
    out = chat(
        tmp_path,
        [
            "/journal",
            "1",
            "He read my messages and shouted for an hour.",
            "Small.",
            "/journal",
            "2",
        ],
    )
    in_order(
        out,
        "> 1",
        "What happened?",
        "How did it feel",
        "Saved.",
        "> /journal",
        "Entries so far: 1",
        "> 2",
        "He read my messages and shouted for an hour.",
        "Small.",
    )
    key = tmp_path / "data" / "secret.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    database = (tmp_path / "data" / "bot.sqlite3").read_bytes()
    assert b"shouted for an hour" not in database  # stored encrypted


def test_both_plans_are_built_and_shown(tmp_path: Path) -> None:
    safe = [f"safe answer {n}" for n in range(len(SECTIONS[Plan.SAFE]))]
    mine = [f"my answer {n}" for n in range(len(SECTIONS[Plan.SELF]))]
    out = chat(tmp_path, ["/safetyplan", "1", "1", *safe, "/safetyplan", "2", "1", *mine])
    in_order(
        out,
        "Staying safe around the other person",
        "most dangerous",
        "1-800-799-7233",
        "part 1 of 10",
        "That's every part",
        *safe,
        "When I might hurt myself",
        "part 1 of 6",
        "That's every part",
        *mine,
        "988",
    )


def test_privacy_says_what_is_kept_and_what_telegram_keeps(tmp_path: Path) -> None:
    out = chat(tmp_path, ["/privacy", "5"])
    in_order(out, "What I keep", "Never kept", "Who can see it", "What Telegram keeps")
    assert "Settings › Devices" in out and "Auto-delete" in out


def test_stop_ends_every_note_in_one_tap(tmp_path: Path) -> None:
    out = chat(tmp_path, ["/daily", "1", "9pm", "London", "2", "/stop", "/daily"])
    in_order(
        out,
        "could someone else see your notifications",
        "Discreet mode is off",
        "> /stop",
        "won't send you anything",
        "> /daily",
        "paused until you resume",
    )


def test_hide_clears_the_chat_and_explains(tmp_path: Path) -> None:
    out = chat(tmp_path, ["what is hoovering", "i want to die", "/hide", "1"])
    in_order(out, "> /hide", "messages deleted)", "✓ Done.", "> 1", "48 hours", "Auto-delete")


def test_delete_removes_everything_after_one_question(tmp_path: Path) -> None:
    out = chat(
        tmp_path,
        ["/journal", "1", "an entry to delete", "/delete", "1", "/journal"],
    )
    in_order(
        out, "> /delete", "Delete everything", "> 1", "✓ Done.", "> /journal", "No entries yet"
    )
    connection = sqlite3.connect(tmp_path / "data" / "bot.sqlite3")
    try:
        assert connection.execute("SELECT COUNT(*) FROM journal_entries").fetchone() == (0,)
    finally:
        connection.close()
