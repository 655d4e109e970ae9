"""At LOG_LEVEL=DEBUG, `python -m bot run` writes no update content: names, usernames, texts,
phone numbers and journal words planted in a session are found nowhere in its log."""

import asyncio
import os
import sys
import time
from pathlib import Path
from typing import Any

from bench.fake_telegram import FakeTelegram
from bot.crypto import new_key_line

ROOT = Path(__file__).resolve().parents[2]
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


def person() -> dict[str, Any]:
    return {
        "id": USER,
        "is_bot": False,
        "first_name": PLANTED["first_name"],
        "last_name": PLANTED["last_name"],
        "username": PLANTED["username"],
        "language_code": "en",
    }


def chat() -> dict[str, Any]:
    return {
        "id": USER,
        "type": "private",
        "first_name": PLANTED["first_name"],
        "last_name": PLANTED["last_name"],
        "username": PLANTED["username"],
    }


def message(n: int, **fields: Any) -> dict[str, Any]:
    body = {"message_id": n, "date": int(time.time()), "chat": chat(), "from": person(), **fields}
    text = fields.get("text", "")
    if text.startswith("/"):
        body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"message": body}


def press(n: int, data: str, on: int) -> dict[str, Any]:
    return {
        "callback_query": {
            "id": str(n),
            "from": person(),
            "chat_instance": "1",
            "data": data,
            "message": {
                "message_id": on,
                "date": int(time.time()),
                "chat": chat(),
                "text": "…",
                "reply_markup": {"inline_keyboard": [[{"text": "x", "callback_data": data}]]},
            },
        }
    }


async def wait_for(condition: Any, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def test_debug_log_holds_no_update_content(tmp_path: Path) -> None:
    fake = FakeTelegram(per_chat_burst=100)
    base_url = await fake.start()
    log_path = tmp_path / "bot.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    env |= {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": base_url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}",
        "LOG_LEVEL": "DEBUG",
        "ENCRYPTION_KEYS": new_key_line("k1"),
        "PTB_TIMEDELTA": "1",
        "PYTHONPATH": str(ROOT),
        "NO_PROXY": "127.0.0.1,localhost",
    }
    with log_path.open("wb") as log:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=tmp_path,
            env=env,
            stdout=log,
            stderr=asyncio.subprocess.STDOUT,
        )
        try:
            await wait_for(lambda: fake.first_get_updates_at is not None)
            updates = [
                message(1, text="/start"),
                message(2, text=PLANTED["text"]),
                message(3, contact={"phone_number": PLANTED["phone"], "first_name": "Al"}),
                message(4, text="i want to die " + PLANTED["text"]),
                message(5, text="/journal"),
            ]
            for update in updates:
                fake.inject_update(update)
            await wait_for(lambda: len(fake.sent) >= 6)  # /start: welcome and country question
            await asyncio.sleep(2.1)  # flood control allows 4 at once, then one per 2 s
            fake.inject_update(press(6, "jn", on=fake.sent[-1].message_id or 1))
            await wait_for(lambda: len(fake.sent) >= 7)
            await asyncio.sleep(2.1)
            fake.inject_update(message(7, text=PLANTED["journal"]))
            await wait_for(lambda: len(fake.sent) >= 8)
            assert "How did it feel" in (fake.sent[-1].text or "")
        finally:
            process.terminate()
            await asyncio.wait_for(process.wait(), 15)
            await fake.stop()
    text = log_path.read_text(encoding="utf-8", errors="replace")
    assert " DEBUG " in text  # DEBUG was on
    for name, value in PLANTED.items():
        assert value not in text, f"{name} reached the log"
    assert TOKEN not in text
