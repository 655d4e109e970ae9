"""The fake Telegram server answers a real python-telegram-bot client like Telegram would."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Forbidden, RetryAfter
from telegram.ext import Application, CommandHandler, ContextTypes

from bench.fake_telegram import FakeTelegram, check_text

pytestmark = pytest.mark.asyncio

TOKEN = "123:abc"


@pytest.fixture
async def server() -> AsyncIterator[FakeTelegram]:
    fake = FakeTelegram()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
async def bot(server: FakeTelegram) -> AsyncIterator[Bot]:
    assert server.base_url is not None
    async with Bot(token=TOKEN, base_url=server.base_url) as client:
        yield client


@pytest.fixture
async def http(server: FakeTelegram) -> AsyncIterator[httpx.AsyncClient]:
    assert server.base_url is not None
    root = server.base_url.removesuffix("/bot")
    async with httpx.AsyncClient(base_url=root) as client:
        yield client


def user_message(chat_id: int, text: str) -> dict[str, Any]:
    user = {"id": chat_id, "is_bot": False, "first_name": "User"}
    chat = {"id": chat_id, "type": "private", "first_name": "User"}
    return {
        "message": {
            "message_id": 1,
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            "text": text,
        }
    }


async def test_get_me(bot: Bot, server: FakeTelegram) -> None:
    me = await bot.get_me()
    assert (me.id, me.is_bot, me.username) == (1000, True, "fake_bot")
    assert server.base_url is not None
    assert server.base_url.endswith("/bot")


async def test_send_message_is_recorded(bot: Bot, server: FakeTelegram) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="yes")]])
    first = await bot.send_message(
        42,
        "<b>Hi</b> &amp; <a href='https://x.org'>x</a>",
        parse_mode="HTML",
        reply_markup=keyboard,
        disable_notification=True,
        protect_content=True,
    )
    second = await bot.send_message(43, "plain")
    assert (first.message_id, first.chat.id, first.chat.type) == (1, 42, "private")
    assert first.from_user is not None
    assert first.from_user.id == 1000
    assert first.reply_markup == keyboard
    assert (second.message_id, second.text) == (1, "plain")
    record = server.sent[0]
    assert (record.method, record.chat_id, record.message_id) == ("sendMessage", 42, 1)
    assert record.text == first.text
    assert record.disable_notification
    assert record.protect_content
    assert record.monotonic <= time.monotonic()
    assert server.stats()["sends_by_method"] == {"sendMessage": 2}
    edited = await bot.edit_message_text("new", chat_id=42, message_id=1)
    assert not isinstance(edited, bool)
    assert edited.text == "new"
    assert await bot.answer_callback_query("q1") is True
    assert await bot.delete_message(42, 1) is True


async def test_unknown_field_missing_field_and_method(
    http: httpx.AsyncClient, server: FakeTelegram
) -> None:
    response = await http.post(
        f"/bot{TOKEN}/sendMessage", data={"chat_id": "1", "text": "x", "colour": "red"}
    )
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False
    assert body["error_code"] == 400
    assert body["description"].startswith("Bad Request:")
    assert "colour" in body["description"]
    missing = await http.post(f"/bot{TOKEN}/sendMessage", json={"chat_id": 1})
    assert missing.status_code == 400
    assert "text is required" in missing.json()["description"]
    unknown = await http.post(f"/bot{TOKEN}/sendTelepathy", data={})
    assert unknown.status_code == 404
    assert unknown.json() == {
        "ok": False,
        "error_code": 404,
        "description": "Not Found: method not found",
    }
    stats = server.stats()
    assert stats["spec_violations_by_method"] == {"sendMessage": 2, "sendTelepathy": 1}
    assert stats["spec_violations_total"] == 3
    assert len(stats["spec_violation_messages"]) == 3
    assert server.sent == []


async def test_per_bot_limit(http: httpx.AsyncClient, server: FakeTelegram) -> None:
    server.rate_per_bot = 5
    responses = [
        await http.post(f"/bot{TOKEN}/sendMessage", data={"chat_id": str(i), "text": "x"})
        for i in range(10)
    ]
    assert [r.status_code for r in responses] == [200] * 5 + [429] * 5
    body = responses[-1].json()
    assert body["error_code"] == 429
    assert body["parameters"] == {"retry_after": 1}
    assert body["description"] == "Too Many Requests: retry after 1"
    assert len(server.sent) == 5
    stats = server.stats()
    assert stats["rate_limited_total"] == 5
    assert stats["rate_limited_by_method"] == {"sendMessage": 5}


async def test_per_chat_limit(
    bot: Bot, server: FakeTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # else RetryAfter warns about int retry_after
    for _ in range(3):  # a burst of three is tolerated
        await bot.send_message(7, "x")
    with pytest.raises(RetryAfter) as info:
        await bot.send_message(7, "x")
    # at 1/s with a burst of 3 the window is 3 s: the first slot frees 3 s after the burst
    assert info.value.retry_after == dt.timedelta(seconds=3)
    await bot.send_message(8, "other chats are unaffected")
    server.configure(per_chat_burst=1)
    await bot.send_message(9, "x")
    with pytest.raises(RetryAfter) as info:
        await bot.send_message(9, "x")
    assert info.value.retry_after == dt.timedelta(seconds=1)
    assert server.stats()["rate_limited_total"] == 2
    assert len(server.sent) == 5


async def test_blocked_chat_is_forbidden(bot: Bot, server: FakeTelegram) -> None:
    server.configure(blocked_chats=[99])
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(99, "hello?")
    assert server.sent == []
    assert server.stats()["forbidden_total"] == 1


async def test_injected_update_and_long_poll(bot: Bot, server: FakeTelegram) -> None:
    uid = server.inject_update(user_message(42, "/start"))
    updates = await bot.get_updates(timeout=1)
    assert [u.update_id for u in updates] == [uid]
    assert updates[0].message is not None
    assert updates[0].message.text == "/start"
    assert server.first_get_updates_at is not None
    assert server.delivered_at[uid] >= server.injected_at[uid]
    assert await bot.get_updates(offset=uid + 1, timeout=0) == ()  # confirmed and gone

    waiting = asyncio.create_task(bot.get_updates(offset=uid + 1, timeout=5))
    await asyncio.sleep(0.2)
    started = time.monotonic()
    second = server.inject_update(user_message(42, "again"))
    updates = await asyncio.wait_for(waiting, 2)
    assert [u.update_id for u in updates] == [second]
    assert time.monotonic() - started < 0.5

    started = time.monotonic()
    assert await bot.get_updates(offset=second + 1, timeout=1) == ()
    assert 0.9 < time.monotonic() - started < 2
    assert server.stats()["get_updates_calls"] == 4


async def test_text_and_callback_data_checks(bot: Bot, server: FakeTelegram) -> None:
    long_button = InlineKeyboardButton("x", callback_data="y" * 65)
    with pytest.raises(BadRequest, match="callback_data"):
        await bot.send_message(1, "x", reply_markup=InlineKeyboardMarkup([[long_button]]))
    with pytest.raises(BadRequest, match="too long"):
        await bot.send_message(1, "x" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)unsupported start tag"):
        await bot.send_message(1, "<div>x</div>", parse_mode="HTML")
    await bot.send_message(1, "&lt;" * 4096, parse_mode="HTML")  # length counts after parsing
    assert server.stats()["spec_violations_by_method"] == {"sendMessage": 3}
    assert check_text("<b><i>x</b></i>", "HTML") != []
    assert check_text("<b>x", "HTML") == ['unclosed tag "b"']
    assert check_text("a < b & c", "HTML") != []
    assert check_text('<span class="tg-spoiler">x</span> <tg-spoiler>y</tg-spoiler>', "HTML") == []
    assert check_text("<pre><code class='language-py'>x</code></pre>", "HTML") == []


async def test_control_api(http: httpx.AsyncClient, server: FakeTelegram) -> None:
    injected = await http.post(
        "/_control/updates", json=[user_message(1, "a"), user_message(2, "b")]
    )
    ids = injected.json()["result"]
    assert len(ids) == 2
    assert ids[1] == ids[0] + 1
    assert set(ids) <= set(server.injected_at)
    config = await http.post("/_control/config", json={"rate_per_bot": 2, "blocked_chats": [5]})
    assert config.json()["result"]["rate_per_bot"] == 2
    assert server.blocked_chats == {5}
    for chat in (1, 2, 3):
        await http.post(f"/bot{TOKEN}/sendMessage", data={"chat_id": str(chat), "text": "x"})
    sent = (await http.get("/_control/sent", params={"since": 1})).json()["result"]
    assert [s["chat_id"] for s in sent] == [2]
    stats = (await http.get("/_control/stats")).json()["result"]
    assert stats["sends_total"] == 2
    assert stats["rate_limited_total"] == 1
    assert stats["chats"] == {"count": 2, "min": 1, "max": 1, "mean": 1.0}
    assert stats["updates_pending"] == 2
    await http.post("/_control/reset")
    assert server.sent == []
    assert server.stats()["updates_pending"] == 0


async def test_application_polls_and_replies(server: FakeTelegram) -> None:
    async def start(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text("welcome")

    assert server.base_url is not None
    app = Application.builder().token(TOKEN).base_url(server.base_url).build()
    app.add_handler(CommandHandler("start", start))
    async with app:
        await app.bot.set_my_commands([("start", "Start")])
        assert [c.command for c in await app.bot.get_my_commands()] == ["start"]
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        await app.start()
        message = user_message(42, "/start")
        message["message"]["entities"] = [{"type": "bot_command", "offset": 0, "length": 6}]
        server.inject_update(message)
        for _ in range(100):
            if server.sent:
                break
            await asyncio.sleep(0.02)
        await app.updater.stop()
        await app.stop()
    assert [(r.chat_id, r.text) for r in server.sent] == [(42, "welcome")]
    assert server.stats()["spec_violations_total"] == 0


async def test_slow_chats_accept_then_answer_late(server: FakeTelegram) -> None:
    """A send to a slow chat is recorded at once but answered after the client gave up."""
    from telegram.error import TimedOut
    from telegram.request import HTTPXRequest

    server.configure(slow_chats={5: 0.5})
    assert server.base_url is not None
    request = HTTPXRequest(read_timeout=0.1)
    async with Bot(token=TOKEN, base_url=server.base_url, request=request) as client:
        with pytest.raises(TimedOut):
            await client.send_message(5, "late")
        await client.send_message(6, "on time")
    assert [(r.chat_id, r.bot) for r in server.sent] == [(5, "123"), (6, "123")]
    assert server.configure()["slow_chats"] == {"5": 0.5}
