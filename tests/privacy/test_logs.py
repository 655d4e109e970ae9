"""At LOG_LEVEL=DEBUG, `python -m bot run` writes no update content: names, usernames, texts,
phone numbers and journal words planted in a session are found nowhere in its log.

The command's own steps run in this process (settings from the environment, its logging set-up,
long polling against a stand-in Bot API, stopped by SIGTERM), with Telegram's per-chat limits
off: the stand-in has none, and waiting them out (3 sends in 3 s a chat) proves nothing here.
"""

import asyncio
import contextlib
import logging
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from bench.fake_telegram import FakeTelegram
from bot.__main__ import _run, setup_logging
from bot.config import load_settings
from bot.content import load_content
from bot.crypto import new_key_line
from bot.delivery.limiter import Limits
from tests.helpers.cli import fresh_logging, signals_kept

TOKEN = "123456:" + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghi"
PLANTED = {
    "first_name": "Zephyrinequill",
    "last_name": "Marrowbright",
    "username": "planted_username_qx",
    "text": "my planted sentence about the lake house",
    "journal": "planted journal words about the red car",
    "phone": "+15550199887",
}
USER = 4242
WRITER = 4343  # a second chat for the journal, so neither goes over flood control's burst


def person(user: int = USER) -> dict[str, Any]:
    return {
        "id": user,
        "is_bot": False,
        "first_name": PLANTED["first_name"],
        "last_name": PLANTED["last_name"],
        "username": PLANTED["username"],
        "language_code": "en",
    }


def chat(user: int = USER) -> dict[str, Any]:
    return {
        "id": user,
        "type": "private",
        "first_name": PLANTED["first_name"],
        "last_name": PLANTED["last_name"],
        "username": PLANTED["username"],
    }


def message(n: int, user: int = USER, **fields: Any) -> dict[str, Any]:
    body = {
        "message_id": n,
        "date": int(time.time()),
        "chat": chat(user),
        "from": person(user),
        **fields,
    }
    text = fields.get("text", "")
    if text.startswith("/"):
        body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"message": body}


def press(n: int, data: str, on: int, user: int = USER) -> dict[str, Any]:
    return {
        "callback_query": {
            "id": str(n),
            "from": person(user),
            "chat_instance": "1",
            "data": data,
            "message": {
                "message_id": on,
                "date": int(time.time()),
                "chat": chat(user),
                "text": "…",
                "reply_markup": {"inline_keyboard": [[{"text": "x", "callback_data": data}]]},
            },
        }
    }


async def wait_for(condition: Any, bot: asyncio.Task[None], seconds: float = 30.0) -> None:
    """Until the condition holds; the bot's own error if it stopped meanwhile."""
    deadline = time.monotonic() + seconds
    while not condition():
        if bot.done():
            bot.result()
            raise AssertionError("the bot stopped")
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.01)


async def test_debug_log_holds_no_update_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeTelegram(per_chat_burst=100)
    base_url = await fake.start()
    log_path = tmp_path / "bot.log"
    for name in list(os.environ):
        if name.startswith(("TELEGRAM_", "DATABASE_")):
            monkeypatch.delenv(name)
    for name, value in {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": base_url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}",
        "LOG_LEVEL": "DEBUG",
        "ENCRYPTION_KEYS": new_key_line("k1"),
        "NO_PROXY": "127.0.0.1,localhost",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    with (
        log_path.open("w", encoding="utf-8") as log,
        fresh_logging(),
        signals_kept(),
        contextlib.redirect_stderr(log),
    ):
        settings = load_settings()
        setup_logging(settings, TOKEN)  # as `python -m bot run` does: to stderr, here the file
        # In a new process asyncio's first line is at DEBUG; here the loop is running already.
        logging.getLogger("bot").debug("debug lines are written")
        bot = asyncio.create_task(_run(settings, load_content(), limits=Limits.unlimited()))
        try:
            await wait_for(lambda: fake.first_get_updates_at is not None, bot)
            updates = [
                message(1, text="/start"),
                message(2, text=PLANTED["text"]),
                message(3, contact={"phone_number": PLANTED["phone"], "first_name": "Al"}),
                message(4, text="i want to die " + PLANTED["text"]),
                message(1, WRITER, text="/journal"),
            ]
            for update in updates:
                fake.inject_update(update)
            await wait_for(lambda: len(fake.sent) >= 6, bot)  # /start: welcome and country question
            journal = [s for s in fake.sent if s.chat_id == WRITER][-1]
            fake.inject_update(press(6, "jn", on=journal.message_id or 1, user=WRITER))
            await wait_for(lambda: len(fake.sent) >= 7, bot)
            fake.inject_update(message(7, WRITER, text=PLANTED["journal"]))
            await wait_for(lambda: len(fake.sent) >= 8, bot)
            assert "How did it feel" in (fake.sent[-1].text or "")
            # Stopped as a container stops it; its handler is in place once it said so.
            assert "running; press Ctrl+C to stop" in log_path.read_text(encoding="utf-8")
            os.kill(os.getpid(), signal.SIGTERM)
            await asyncio.wait_for(bot, 15)
        finally:
            if not bot.done():
                bot.cancel()
                with contextlib.suppress(BaseException):
                    await bot
            for sig in (signal.SIGINT, signal.SIGTERM):
                asyncio.get_running_loop().remove_signal_handler(sig)
            await fake.stop()
    text = log_path.read_text(encoding="utf-8", errors="replace")
    assert " DEBUG bot: debug lines are written" in text  # DEBUG was on
    for name, value in PLANTED.items():
        assert value not in text, f"{name} reached the log"
    assert TOKEN not in text
