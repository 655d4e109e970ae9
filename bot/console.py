"""The terminal transport: the real Application talking to a local stand-in for Telegram.

`LocalTelegram` plugs in through PTB's request seam (BaseRequest), so `python -m bot chat` and
the tests run the same handlers, scheduler and database as production. `LocalChat` turns
typed lines and button presses into Telegram updates.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from telegram import Update
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

BOT_USER = {
    "id": 1000,
    "is_bot": True,
    "first_name": "Companion",
    "username": "companion_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


@dataclass
class Sent:
    """One thing the bot did in a chat: a new message or an edit of an earlier one."""

    method: str
    chat_id: int
    message_id: int
    text: str
    buttons: list[list[tuple[str, str]]] = field(default_factory=list)
    silent: bool = False
    protected: bool = False


class LocalTelegram(BaseRequest):
    """Answers Bot API calls locally and records what the bot sends."""

    def __init__(self, on_send: Callable[[Sent], None] | None = None) -> None:
        self.sent: list[Sent] = []
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.blocked: set[int] = set()
        self.left: set[int] = set()
        self.failures: list[tuple[int, dict[str, Any]]] = []  # queued error answers, for tests
        self._on_send = on_send
        self._ids: dict[int, itertools.count[int]] = {}
        self.messages: dict[tuple[int, int], Sent] = {}
        self.deleted: list[tuple[int, int]] = []  # (chat, message id) asked to be deleted

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        self.calls.append((endpoint, params))
        if endpoint in {"sendMessage", "editMessageText"} and self.failures:
            status, payload = self.failures.pop(0)
            return status, json.dumps(payload).encode()
        result = self._answer(endpoint, params)
        if result is None:
            return 403, json.dumps(
                {
                    "ok": False,
                    "error_code": 403,
                    "description": "Forbidden: bot was blocked by the user",
                }
            ).encode()
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _answer(self, endpoint: str, params: dict[str, Any]) -> Any:
        if endpoint == "getMe":
            return BOT_USER
        if endpoint == "getUpdates":
            return []
        if endpoint == "leaveChat":
            self.left.add(int(params["chat_id"]))
            return True
        if endpoint == "deleteMessages":  # /hide: gone from the chat, as in Telegram
            return self._delete(int(params["chat_id"]), params["message_ids"])
        if endpoint not in {"sendMessage", "editMessageText", "sendPhoto"}:
            return True
        chat_id = int(params["chat_id"])
        if chat_id in self.blocked:
            return None
        if endpoint in {"sendMessage", "sendPhoto"}:
            message_id = self.next_message_id(chat_id)
        else:
            message_id = int(params["message_id"])
        markup = params.get("reply_markup") or {}
        if isinstance(markup, str):
            markup = json.loads(markup)
        buttons = [
            [(b["text"], b.get("callback_data", "")) for b in row]
            for row in markup.get("inline_keyboard", [])
        ]
        sent = Sent(
            endpoint,
            chat_id,
            message_id,
            str(params.get("text", params.get("caption", ""))),
            buttons,
            bool(params.get("disable_notification")),
            bool(params.get("protect_content")),
        )
        self.sent.append(sent)
        self.messages[(chat_id, message_id)] = sent
        if self._on_send is not None:
            self._on_send(sent)
        return {
            "message_id": message_id,
            "date": int(time.time()),
            "text": sent.text,
            "chat": {"id": chat_id, "type": "private", "first_name": "You"},
            "from": BOT_USER,
        }

    def next_message_id(self, chat_id: int) -> int:
        """One counter per chat for both sides' messages, as in a private chat on Telegram."""
        return next(self._ids.setdefault(chat_id, itertools.count(1)))

    def _delete(self, chat_id: int, raw_ids: Any) -> bool:
        ids = json.loads(raw_ids) if isinstance(raw_ids, str) else raw_ids
        if not 1 <= len(ids) <= 100:
            raise ValueError("deleteMessages takes 1-100 ids")
        gone = [int(m) for m in ids if self.messages.pop((chat_id, int(m)), None) is not None]
        self.deleted.extend((chat_id, m) for m in ids)
        if gone and self._on_send is not None:
            self._on_send(Sent("deleteMessages", chat_id, 0, f"({len(gone)} messages deleted)"))
        return True


class LocalChat:
    """Feeds updates to the Application the way Telegram would, one at a time per call."""

    def __init__(
        self, application: Application[Any, Any, Any, Any, Any, Any], transport: LocalTelegram
    ) -> None:
        self.app = application
        self.transport = transport
        self._update_ids = itertools.count(1)

    def _user(self, user_id: int) -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": "User"}

    async def feed(self, raw: dict[str, Any]) -> list[Sent]:
        """Process one raw update through the update processor; return what the bot sent."""
        before = len(self.transport.sent)
        raw = {"update_id": next(self._update_ids), **raw}
        update = Update.de_json(raw, self.app.bot)
        await self.app.update_processor.process_update(update, self.app.process_update(update))
        return self.transport.sent[before:]

    async def send(self, user_id: int, text: str, chat: dict[str, Any] | None = None) -> list[Sent]:
        message = {
            "message_id": self.transport.next_message_id(user_id),
            "date": int(time.time()),
            "chat": chat or {"id": user_id, "type": "private", "first_name": "User"},
            "from": self._user(user_id),
            "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return await self.feed({"message": message})

    async def press(self, user_id: int, data: str, message_id: int | None = None) -> list[Sent]:
        """Press a button: the message it is on comes along with its keyboard, as Telegram
        sends it (by default the newest message that carries this data, else the newest)."""
        message_id = message_id or self.message_with(user_id, data) or self.last_message_id(user_id)
        shown = self.transport.messages.get((user_id, message_id))
        keyboard = [
            [{"text": label, "callback_data": value} for label, value in row]
            for row in (shown.buttons if shown else [])
        ]
        query = {
            "id": str(next(self._update_ids)),
            "from": self._user(user_id),
            "chat_instance": "1",
            "data": data,
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "text": "…",
                "chat": {"id": user_id, "type": "private", "first_name": "User"},
                **({"reply_markup": {"inline_keyboard": keyboard}} if keyboard else {}),
            },
        }
        return await self.feed({"callback_query": query})

    def message_with(self, chat_id: int, data: str) -> int | None:
        """The newest message in the chat whose current keyboard carries this data."""
        for (chat, message_id), sent in sorted(self.transport.messages.items(), reverse=True):
            if chat == chat_id and any(value == data for row in sent.buttons for _, value in row):
                return message_id
        return None

    def last_message_id(self, chat_id: int) -> int:
        ids = [s.message_id for s in self.transport.sent if s.chat_id == chat_id]
        return ids[-1] if ids else 1

    def last_buttons(self, chat_id: int) -> tuple[int, list[tuple[str, str]]]:
        """The buttons of the newest message in the chat that has any, flattened."""
        for sent in reversed(self.transport.sent):
            if sent.chat_id == chat_id and sent.buttons:
                current = self.transport.messages[(chat_id, sent.message_id)]
                return sent.message_id, [b for row in current.buttons for b in row]
        return 0, []


def to_plain(text: str, bold: bool = False) -> str:
    """Telegram HTML for a terminal: tags dropped (bold kept on a real terminal)."""
    if bold:
        text = re.sub(r"<b>(.*?)</b>", "\033[1m\\1\033[0m", text, flags=re.S)
    text = re.sub(r'<a href="([^"]+)">(.*?)</a>', r"\2 (\1)", text, flags=re.S)
    return html.unescape(re.sub(r"</?[a-z-]+[^>]*>", "", text))


def render(sent: Sent, tty: bool) -> str:
    lines = [to_plain(sent.text, bold=tty)]
    if sent.method == "sendPhoto":  # a terminal can't show it; say that it came
        lines.insert(0, "(picture: chart)")
    marks = [
        mark
        for mark, on in (
            ("updated", sent.method == "editMessageText"),
            ("silent: no sound or vibration", sent.silent),
            ("protected: can't be forwarded or saved", sent.protected),
        )
        if on
    ]
    if marks:
        lines.insert(0, f"({'; '.join(marks)})")
    number = itertools.count(1)
    for row in sent.buttons:
        lines.append("   ".join(f"[{next(number)}] {label}" for label, _ in row))
    return "\n".join(lines)


async def run_chat(
    application: Application[Any, Any, Any, Any, Any, Any],
    transport: LocalTelegram,
    user_id: int,
    intro: str,
    waiting_for_text: Callable[[int], Awaitable[bool]],
    wait: Callable[[timedelta], Awaitable[None]] | None = None,
) -> None:
    """Greet as /start would, then read lines until end of input.

    A bare number presses that button of the latest message only when it has that many buttons
    and the bot is not waiting for a typed answer; otherwise it is sent as text. Lines are read
    in a thread, so due daily notes arrive while the chat waits, piped or not. A line
    ``:wait 1h`` (or 90m, 2d) moves the chat's clock on, so a script can receive what falls
    due meanwhile; it never reaches the bot.
    """
    chat = LocalChat(application, transport)
    tty = sys.stdin.isatty()
    if tty:
        print(intro)
    await chat.send(user_id, "/start")
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            break
        line = line.rstrip("\n")
        if not tty:
            print(f"> {line}", flush=True)
        if not line.strip():
            continue
        if wait is not None and (delta := read_wait(line)) is not None:
            await wait(delta)
            continue
        message_id, buttons = chat.last_buttons(user_id)
        number = line.strip()
        if (
            number.isdigit()
            and 1 <= int(number) <= len(buttons)
            and not await waiting_for_text(user_id)
        ):
            await chat.press(user_id, buttons[int(number) - 1][1], message_id)
        else:
            await chat.send(user_id, line[1:] if line.startswith("\\") else line)


_WAIT = re.compile(r"^:wait\s+(\d{1,4})\s*([smhd])$")


def read_wait(line: str) -> timedelta | None:
    """':wait 61m' -> 61 minutes; anything else is a message."""
    match = _WAIT.match(line.strip())
    if match is None:
        return None
    unit = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}[match[2]]
    return timedelta(**{unit: int(match[1])})


def printer(tty: bool) -> Callable[[Sent], None]:
    def on_send(sent: Sent) -> None:
        print(render(sent, tty) + "\n", flush=True)

    return on_send
