"""A fake Telegram Bot API server for benchmarks, run in-process or standalone.

What it fakes: ``/bot{token}/{method}`` with getMe, long-polling getUpdates, webhook and
command methods, sendMessage and the other message-sending methods (minimal but valid
Message objects, message ids counting up per chat), message edits, answerCallbackQuery,
deleteMessage and sendChatAction. Every other method of the spec answers ``true``.
deleteWebhook(drop_pending_updates=True) drops queued updates, as Telegram does.

What it checks: every request against ``telegram/bot-api-10.1.json`` (unknown method -> 404;
missing required, unknown or mistyped Integer/Boolean parameter -> 400), text length 1-4096
after entity parsing, Telegram's HTML subset (allowed tags, attributes, balance, bare ``<``
and ``&``) and callback_data of 1-64 bytes. 400s and 404s are counted as spec violations.
Markdown text length is estimated leniently (markup characters are not counted).

Flood limits like Telegram's: a per-bot sliding 1-second window (default 30 sends) and a
per-chat sliding window of ``per_chat_burst / per_chat_rate`` seconds holding at most
``per_chat_burst`` sends (default 3 in 3 s: 1/s sustained, bursts of 3 tolerated). Sends over
either limit get 429 with ``retry_after`` and are not recorded; sends to ``blocked_chats``
get 403 (after taking their rate-limit slot). Sends to ``slow_chats`` (chat -> seconds) are
accepted and recorded at once but answered that much later, like a Telegram that accepted a
message and answered too late for the client's read timeout. "Sends" are the methods
returning a Message or MessageId (send*, forward*, copy*, edits). All times are
``time.monotonic()``.

Control API (JSON): POST /_control/updates, GET /_control/stats, GET /_control/sent?since=K,
POST /_control/reset, POST /_control/config. Standalone:
``python -m bench.fake_telegram --port 8081 --rate 30 --per-chat 1``.
In-process, call FakeTelegram's methods from the event loop that ran start() (not thread-safe).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import math
import re
import time
import zlib
from collections import Counter, deque
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from aiohttp import web

SPEC_PATH = Path(__file__).parent / "telegram" / "bot-api-10.1.json"
BOT_USER: dict[str, Any] = {
    "id": 1000,
    "is_bot": True,
    "first_name": "Fake Bot",
    "username": "fake_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
    "can_connect_to_business": False,
    "has_main_web_app": False,
}
_MESSAGE_RETURNS = {"Message", "Array of Message", "MessageId", "Array of MessageId"}
_HTML_TAGS = re.compile(
    r"b|strong|i|em|u|ins|s|strike|del|a|code|pre|blockquote|tg-spoiler|span|tg-emoji"
)
_BARE_AMP = re.compile(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)")
_BARE_LT = re.compile(r"<(?![a-zA-Z/])")
_MD_MARKUP = re.compile(r"\\(.)|[*_~`|]|\]\([^)]*\)|\[", re.S)


@dataclasses.dataclass(frozen=True)
class SentRecord:
    """One accepted send (also returned by GET /_control/sent)."""

    monotonic: float  # time.monotonic() when accepted
    wall: float  # time.time() when accepted
    method: str
    chat_id: int | str | None
    text: str | None  # text, or caption for media
    disable_notification: bool
    protect_content: bool
    message_id: int | None
    bot: str = ""  # the bot id part of the token it came with (tells two clients apart)


class _HtmlCheck(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if not _HTML_TAGS.fullmatch(tag):
            self.errors.append(f'unsupported start tag "{tag}"')
        elif tag == "a" and not a.get("href"):
            self.errors.append("<a> without href")
        elif tag == "span" and a.get("class") != "tg-spoiler":
            self.errors.append('<span> without class="tg-spoiler"')
        elif tag == "tg-emoji" and not a.get("emoji-id"):
            self.errors.append("<tg-emoji> without emoji-id")
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.errors.append(f'unsupported self-closing tag "{tag}"')

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f'unexpected end tag "{tag}"')
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.errors.append("comments are not supported")


def check_text(text: str, parse_mode: str | None) -> list[str]:
    """Problems with a message text: Telegram's HTML subset and the 1-4096 length."""
    errors: list[str] = []
    mode = (parse_mode or "").lower()
    plain = text
    if mode == "html":
        checker = _HtmlCheck()
        checker.feed(text)
        checker.close()
        errors += checker.errors + [f'unclosed tag "{t}"' for t in checker.stack]
        if _BARE_AMP.search(text) or _BARE_LT.search(text):
            errors.append("unescaped & or < (use &amp; &lt;)")
        plain = "".join(checker.text)
    elif mode in ("markdown", "markdownv2"):
        plain = _MD_MARKUP.sub(lambda m: m.group(1) or "", text)  # lenient: never over-counts
    elif mode:
        errors.append(f"unsupported parse_mode {parse_mode!r}")
    if not plain.strip():
        errors.append("message text is empty")
    elif len(plain) > 4096:
        errors.append(f"message is too long ({len(plain)} > 4096 characters)")
    return errors


def check_markup(markup: Any) -> list[str]:
    """callback_data of every inline keyboard button must be 1-64 bytes."""
    if not isinstance(markup, dict) or not isinstance(markup.get("inline_keyboard"), list):
        return []
    errors = []
    for row in markup["inline_keyboard"]:
        for button in row if isinstance(row, list) else []:
            data = button.get("callback_data") if isinstance(button, dict) else None
            if isinstance(data, str) and not 1 <= len(data.encode()) <= 64:
                errors.append(f"BUTTON_DATA_INVALID: callback_data is {len(data.encode())} bytes")
    return errors


def _chat_key(chat_id: Any) -> int | str | None:
    if chat_id is None or isinstance(chat_id, int):
        return chat_id
    try:
        return int(chat_id)
    except ValueError:
        return str(chat_id)


class FakeTelegram:
    """The fake server; use it from the event loop that ran start()."""

    def __init__(
        self,
        *,
        rate_per_bot: int = 30,
        per_chat_rate: float = 1.0,
        per_chat_burst: int = 3,
        blocked_chats: Iterable[int | str] = (),
        spec_path: Path = SPEC_PATH,
    ) -> None:
        self.rate_per_bot = rate_per_bot  # sends per sliding second per bot; <= 0: no limit
        self.per_chat_rate = per_chat_rate  # sustained sends per second per chat; <= 0: none
        self.per_chat_burst = per_chat_burst
        self.blocked_chats: set[int | str] = set()
        self.slow_chats: dict[int | str, float] = {}  # chat -> seconds before answering
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        self.methods: dict[str, dict[str, Any]] = {m.lower(): v for m, v in spec["methods"].items()}
        self.base_url: str | None = None
        self._runner: web.AppRunner | None = None
        self._next_update_id = 1
        self._message_ids: Counter[int | str | None] = Counter()
        self._commands: list[Any] = []
        self._wakeup = asyncio.Event()
        self._closing = False
        self.reset()
        self.configure(blocked_chats=blocked_chats)

    def reset(self) -> None:
        """Forget records, counters and pending updates (not config, ids or message ids)."""
        self.sent: list[SentRecord] = []
        self.pending: list[dict[str, Any]] = []
        self.injected_at: dict[int, float] = {}  # update_id -> monotonic injection time
        self.delivered_at: dict[int, float] = {}  # update_id -> first returned by getUpdates
        self.get_updates_times: list[float] = []  # arrival of each getUpdates request
        self.throttled: list[tuple[float, str, int | str | None, int]] = []  # t, method, chat, N
        self.requests: Counter[str] = Counter()
        self.sends_by_method: Counter[str] = Counter()
        self.sends_by_chat: Counter[int | str | None] = Counter()
        self.rate_limited: Counter[str] = Counter()
        self.forbidden: Counter[str] = Counter()
        self.violations: Counter[str] = Counter()
        self.violation_messages: list[str] = []
        self._bot_window: deque[float] = deque()
        self._chat_windows: dict[int | str, deque[float]] = {}

    @property
    def first_get_updates_at(self) -> float | None:
        return self.get_updates_times[0] if self.get_updates_times else None

    def configure(self, **cfg: Any) -> dict[str, Any]:
        """Set rate_per_bot, per_chat_rate, per_chat_burst, blocked_chats and/or slow_chats."""
        for key in ("rate_per_bot", "per_chat_rate", "per_chat_burst"):
            if cfg.get(key) is not None:
                setattr(self, key, type(getattr(self, key))(cfg[key]))
        if cfg.get("blocked_chats") is not None:
            self.blocked_chats = {
                k for c in cfg["blocked_chats"] if (k := _chat_key(c)) is not None
            }
        if cfg.get("slow_chats") is not None:
            self.slow_chats = {
                k: float(v)
                for c, v in dict(cfg["slow_chats"]).items()
                if (k := _chat_key(c)) is not None
            }
        return {
            "rate_per_bot": self.rate_per_bot,
            "per_chat_rate": self.per_chat_rate,
            "per_chat_burst": self.per_chat_burst,
            "blocked_chats": list(self.blocked_chats),
            "slow_chats": {str(k): v for k, v in self.slow_chats.items()},
        }

    def inject_update(self, update: dict[str, Any]) -> int:
        """Queue an update (without update_id) for getUpdates; returns the assigned id."""
        uid = self._next_update_id
        self._next_update_id += 1
        self.pending.append({**update, "update_id": uid})
        self.injected_at[uid] = time.monotonic()
        self._wake()
        return uid

    def _wake(self) -> None:
        self._wakeup.set()
        self._wakeup = asyncio.Event()

    def stats(self) -> dict[str, Any]:
        per_chat = list(self.sends_by_chat.values())
        return {
            "sends_total": len(self.sent),
            "sends_by_method": dict(self.sends_by_method),
            "requests_by_method": dict(self.requests),
            "rate_limited_total": self.rate_limited.total(),
            "rate_limited_by_method": dict(self.rate_limited),
            "forbidden_total": self.forbidden.total(),
            "spec_violations_total": self.violations.total(),
            "spec_violations_by_method": dict(self.violations),
            "spec_violation_messages": list(self.violation_messages),
            "chats": {
                "count": len(per_chat),
                "min": min(per_chat, default=0),
                "max": max(per_chat, default=0),
                "mean": sum(per_chat) / len(per_chat) if per_chat else 0.0,
            },
            "first_get_updates_at": self.first_get_updates_at,
            "get_updates_calls": len(self.get_updates_times),
            "updates_injected": len(self.injected_at),
            "updates_pending": len(self.pending),
            "updates_delivered": len(self.delivered_at),
        }

    # --- lifecycle -------------------------------------------------------------------------
    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve on host:port (0 = any free port); returns PTB's base_url, ".../bot"."""
        self._closing, self._wakeup = False, asyncio.Event()  # bind to this loop
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_post("/_control/updates", self._ctl_updates)
        app.router.add_get("/_control/stats", self._ctl_stats)
        app.router.add_get("/_control/sent", self._ctl_sent)
        app.router.add_post("/_control/reset", self._ctl_reset)
        app.router.add_post("/_control/config", self._ctl_config)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound_port = self._runner.addresses[0][1]
        self.base_url = f"http://{host}:{bound_port}/bot"
        return self.base_url

    async def stop(self) -> None:
        self._closing = True
        self._wake()  # release long polls at once
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # --- Bot API ---------------------------------------------------------------------------
    @staticmethod
    def _ok(result: Any) -> web.Response:
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    def _error(code: int, description: str, **params: Any) -> web.Response:
        body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
        if params:
            body["parameters"] = params
        return web.json_response(body, status=code)

    def _violation(self, method: str, code: int, message: str) -> web.Response:
        self.violations[method] += 1
        if len(self.violation_messages) < 20:
            self.violation_messages.append(f"{method}: {message}")
        prefix = "Not Found" if code == 404 else "Bad Request"
        return self._error(code, f"{prefix}: {message}")

    async def _read_params(self, request: web.Request, spec: dict[str, Any]) -> dict[str, Any]:
        types = {f["name"]: f["types"] for f in spec.get("fields", [])}
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json" and request.can_read_body:
            body = await request.json()
            params.update(body if isinstance(body, dict) else {})
        elif request.can_read_body:
            for name, value in (await request.post()).items():
                if isinstance(value, str):
                    params[name] = value
                elif name in types:  # an uploaded file; attach:// parts are not parameters
                    params[name] = "<file>"
        for name, value in params.items():  # PTB sends non-string values JSON-encoded
            if isinstance(value, str) and types.get(name, ["?"]) != ["String"]:
                with contextlib.suppress(ValueError):
                    params[name] = json.loads(value)
        return params

    def _check(self, spec: dict[str, Any], params: dict[str, Any]) -> list[str]:
        fields = {f["name"]: f for f in spec.get("fields", [])}
        errors = [f"unknown parameter {n!r}" for n in params if n not in fields]
        errors += [
            f"{n} is required"
            for n, f in fields.items()
            if f["required"] and params.get(n) in (None, "")
        ]
        for name, value in params.items():
            kind = fields.get(name, {}).get("types")
            integer = isinstance(value, int) and not isinstance(value, bool)
            if (kind == ["Integer"] and not integer) or (
                kind == ["Boolean"] and not isinstance(value, bool)
            ):
                errors.append(f"parameter {name!r} must be {kind[0]}, got {value!r}")
        if spec["name"] in ("sendMessage", "editMessageText") and isinstance(
            params.get("text"), str
        ):
            errors += check_text(params["text"], params.get("parse_mode"))
        return errors + check_markup(params.get("reply_markup"))

    def _rate_check(self, chat: int | str | None, now: float) -> float:
        """Seconds until a slot frees (0 = allowed; the slot is then taken)."""
        wait = 0.0
        bot = self._bot_window
        while bot and bot[0] <= now - 1.0:
            bot.popleft()
        if self.rate_per_bot > 0 and len(bot) >= self.rate_per_bot:
            wait = bot[len(bot) - self.rate_per_bot] + 1.0 - now
        window = self._chat_windows.setdefault(chat, deque()) if chat is not None else None
        burst = max(1, self.per_chat_burst)
        if window is not None and self.per_chat_rate > 0:
            span = burst / self.per_chat_rate
            while window and window[0] <= now - span:
                window.popleft()
            if len(window) >= burst:
                wait = max(wait, window[len(window) - burst] + span - now)
        if wait <= 0:
            bot.append(now)
            if window is not None:
                window.append(now)
        return wait

    async def _handle_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        spec = self.methods.get(method.lower())
        if spec is None:
            return self._violation(method, 404, "method not found")
        name: str = spec["name"]
        self.requests[name] += 1
        if name == "getUpdates":
            self.get_updates_times.append(time.monotonic())
        try:
            params = await self._read_params(request, spec)
        except ValueError as exc:
            return self._violation(name, 400, f"can't parse request body: {exc}")
        errors = self._check(spec, params)
        if errors:
            return self._violation(name, 400, "; ".join(errors))
        returns = set(spec.get("returns", []))
        if returns & _MESSAGE_RETURNS and not name.startswith("get"):
            bot = request.match_info["token"].split(":", 1)[0]
            response = self._send(name, returns, params, bot)
            chat = _chat_key(params.get("chat_id"))
            delay = self.slow_chats.get(chat, 0.0) if chat is not None else 0.0
            if delay > 0 and response.status == 200:
                await asyncio.sleep(delay)  # accepted and recorded; the answer comes late
            return response
        return self._ok(await self._simple(name, params))

    def _send(
        self, name: str, returns: set[str], params: dict[str, Any], bot: str = ""
    ) -> web.Response:
        chat = _chat_key(params.get("chat_id"))
        now = time.monotonic()
        wait = self._rate_check(chat, now)
        if wait > 0:
            retry = max(1, math.ceil(wait))
            self.rate_limited[name] += 1
            self.throttled.append((now, name, chat, retry))
            return self._error(429, f"Too Many Requests: retry after {retry}", retry_after=retry)
        if chat in self.blocked_chats:
            self.forbidden[name] += 1
            return self._error(403, "Forbidden: bot was blocked by the user")
        text = params.get("text", params.get("caption"))
        result: Any = True
        message_id: int | None = None
        if "MessageId" in returns or "Array of MessageId" in returns:
            ids = params.get("message_ids") or [0]
            result = [{"message_id": self._new_id(chat)} for _ in ids]
            message_id = result[0]["message_id"]
            result = result if "Array of MessageId" in returns else result[0]
        elif "inline_message_id" not in params:
            edit = name.startswith(("edit", "stop")) or name == "setGameScore"
            message_id = int(params.get("message_id", 0)) if edit else self._new_id(chat)
            result = self._message(chat, message_id, params, edit)
            if "Array of Message" in returns:
                result = [result] + [
                    self._message(chat, self._new_id(chat), {}, False)
                    for _ in params.get("media", [])[1:]
                ]
        self.sent.append(
            SentRecord(
                now,
                time.time(),
                name,
                chat,
                text if isinstance(text, str) else None,
                bool(params.get("disable_notification")),
                bool(params.get("protect_content")),
                message_id,
                bot,
            )
        )
        self.sends_by_method[name] += 1
        self.sends_by_chat[chat] += 1
        return self._ok(result)

    def _new_id(self, chat: int | str | None) -> int:
        self._message_ids[chat] += 1
        return self._message_ids[chat]

    @staticmethod
    def _message(
        chat: int | str | None, message_id: int, params: dict[str, Any], edit: bool
    ) -> dict[str, Any]:
        chat_id = chat if isinstance(chat, int) else -(10**12) - zlib.crc32(str(chat).encode())
        msg: dict[str, Any] = {
            "message_id": message_id,
            "date": int(time.time()),
            "from": BOT_USER,
            "chat": {"id": chat_id, "type": "private", "first_name": "User"}
            if isinstance(chat, int)
            else {"id": chat_id, "type": "channel", "title": str(chat)},
        }
        if edit:
            msg["edit_date"] = msg["date"]
        for key in ("text", "caption"):
            if isinstance(params.get(key), str):
                msg[key] = params[key]
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            msg["reply_markup"] = markup
        return msg

    async def _simple(self, name: str, params: dict[str, Any]) -> Any:
        if name == "getMe":
            return BOT_USER
        if name == "getUpdates":
            return await self._get_updates(params)
        if name == "deleteWebhook" and params.get("drop_pending_updates"):
            self.pending.clear()
        if name == "setMyCommands":
            self._commands = list(params.get("commands") or [])
        if name == "getMyCommands":
            return self._commands
        if name == "getWebhookInfo":
            return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        return True

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset, limit = int(params.get("offset") or 0), int(params.get("limit") or 100)
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        while True:
            if offset < 0:
                batch = self.pending[offset:]
            else:  # an offset confirms (forgets) every earlier update, as Telegram does
                self.pending = [u for u in self.pending if u["update_id"] >= offset]
                batch = self.pending
            left = deadline - time.monotonic()
            if batch or left <= 0 or self._closing:
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), left)
        now = time.monotonic()
        for update in batch[: max(1, min(limit, 100))]:
            self.delivered_at.setdefault(update["update_id"], now)
        return batch[: max(1, min(limit, 100))]

    # --- control API -----------------------------------------------------------------------
    async def _ctl_updates(self, request: web.Request) -> web.Response:
        body = await request.json()
        return self._ok(
            [self.inject_update(u) for u in (body if isinstance(body, list) else [body])]
        )

    async def _ctl_stats(self, _: web.Request) -> web.Response:
        return self._ok(self.stats())

    async def _ctl_sent(self, request: web.Request) -> web.Response:
        since = int(request.query.get("since", "0"))
        return self._ok([dataclasses.asdict(r) for r in self.sent[since:]])

    async def _ctl_reset(self, _: web.Request) -> web.Response:
        self.reset()
        return self._ok(True)

    async def _ctl_config(self, request: web.Request) -> web.Response:
        return self._ok(self.configure(**(await request.json())))


async def _serve(args: argparse.Namespace) -> None:
    server = FakeTelegram(
        rate_per_bot=args.rate,
        per_chat_rate=args.per_chat,
        per_chat_burst=args.burst,
        blocked_chats=args.blocked,
    )
    print(await server.start(args.host, args.port), flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--rate", type=int, default=30, help="sends per second per bot")
    parser.add_argument("--per-chat", type=float, default=1.0, help="sends per second per chat")
    parser.add_argument("--burst", type=int, default=3, help="per-chat burst")
    parser.add_argument("--blocked", type=int, nargs="*", default=[], help="blocked chat ids")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(parser.parse_args()))


if __name__ == "__main__":
    main()
