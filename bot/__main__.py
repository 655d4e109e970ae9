"""Command line: run (long polling), chat (terminal), match (topic tool), migrate."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import signal
import sys
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.config import TELEGRAM_API, Settings, SettingsError, load_settings
from bot.content import Content, ContentError, load_content

if TYPE_CHECKING:
    from bot.context import AppType
    from bot.delivery.limiter import Limits

log = logging.getLogger("bot")


class _Redact(logging.Filter):
    """Belt and braces: the token never reaches a log line, whatever logged it."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secret and self.secret in record.getMessage():
            record.msg, record.args = record.getMessage().replace(self.secret, "<token>"), ()
        return True


def setup_logging(settings: Settings, secret: str = "", log_file: Path | None = None) -> None:
    """Log lines to stderr; for the terminal chat, to a file, with only warnings on stderr, so
    nothing lands between the bot's replies."""
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    root = logging.getLogger()
    root.setLevel(settings.log_level)
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setFormatter(fmt)
    if not root.handlers:  # as logging.basicConfig: a host that set up logging keeps its own
        root.addHandler(stderr)
    if log_file is not None:
        if not log_file.parent.exists():
            log_file.parent.mkdir(mode=0o700, parents=True)
        if not log_file.exists():
            os.close(os.open(log_file, os.O_CREAT | os.O_WRONLY, 0o600))
        to_file = logging.FileHandler(log_file, encoding="utf-8")
        to_file.setFormatter(fmt)
        root.addHandler(to_file)
        stderr.setLevel(logging.WARNING)
    # httpx logs every request URL, and Bot API URLs contain the token.
    for noisy in ("httpx", "httpcore", "apscheduler", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # PTB's request layer logs a body it cannot parse, with a traceback; the caller reports
    # the failure in one line, and a body may hold users' words.
    logging.getLogger("telegram.request").setLevel(logging.CRITICAL)
    # At DEBUG, PTB's Bot logs every call's parameters and result: users' message texts.
    for chatty in ("telegram.Bot", "telegram.ext.ExtBot"):
        logging.getLogger(chatty).setLevel(max(logging.INFO, logging.getLogger().level))
    for handler in root.handlers:
        handler.addFilter(_Redact(secret))
    # --- privacy: no log level writes update content (names, texts, phone numbers) ---
    from bot.privacy.logs import ScrubContent, quiet_loggers

    quiet_loggers()
    for handler in root.handlers:
        handler.addFilter(ScrubContent())
    # --- end privacy ---


async def _run(settings: Settings, content: Content, *, limits: Limits | None = None) -> None:
    """Long polling until SIGINT or SIGTERM. `limits`: Telegram's, unless a test says (its
    stand-in Bot API has none, and waiting out 3 sends in 3 s per chat proves nothing)."""
    from telegram import Update
    from telegram.error import Conflict, TelegramError

    from bot.app import start_services, stop_services

    application = await _start_bot(settings, content, limits=limits)
    stop = asyncio.Event()
    conflict: list[str] = []

    def on_polling_error(error: TelegramError) -> None:
        # 409: another process polls with this token. Long polling is for one instance;
        # say so once and stop, instead of logging the same error forever.
        if isinstance(error, Conflict) and not conflict:
            conflict.append(str(error))
            # The updater's last getUpdates at stop meets the same 409; it is expected now.
            logging.getLogger("telegram.ext.Updater").setLevel(logging.CRITICAL)
            stop.set()

    try:
        await start_services(application)
        assert application.updater is not None
        await application.updater.start_polling(
            allowed_updates=Update.ALL_TYPES, error_callback=on_polling_error
        )
        await application.start()
        log.info("running; press Ctrl+C to stop")
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        await application.updater.stop()
        await application.stop()
    finally:
        await stop_services(application)
        await application.shutdown()
    if conflict:
        raise SettingsError(
            "another process is already receiving updates for this bot (409 Conflict); long "
            "polling runs one instance only: stop the other, or use `webhook` for several."
        )


async def _start_bot(
    settings: Settings, content: Content, *, limits: Limits | None = None
) -> AppType:
    """The Application, initialized against the Bot API, with one clear line on failure."""
    from telegram.error import InvalidToken, NetworkError

    from bot.app import build_application

    token = settings.require_token()
    application = build_application(settings, token=token, content=content, limits=limits)
    try:
        try:
            await application.initialize()
        except BaseException:
            # PTB shuts down only a bot whose initialize finished: close the connection its
            # getMe opened, or it outlives the failure (until the process ends).
            await application.bot.request.shutdown()
            raise
    except InvalidToken:
        if settings.telegram_api_base_url != TELEGRAM_API:
            # A server that is not a Bot API answers 401/404 too: name both suspects.
            raise SettingsError(
                f"The Bot API at {settings.telegram_api_base_url} refused the token or is not a "
                "Bot API server; check TELEGRAM_API_BASE_URL and TELEGRAM_BOT_TOKEN."
            ) from None
        raise SettingsError(
            "Telegram rejected TELEGRAM_BOT_TOKEN; check it with @BotFather."
        ) from None
    except NetworkError as exc:
        raise SettingsError(
            f"Cannot reach the Bot API at {settings.telegram_api_base_url}: {exc}"
        ) from None
    return application


async def _webhook(settings: Settings, content: Content) -> None:
    from aiohttp import web
    from telegram import Update

    from bot.app import start_services, stop_services
    from bot.config import require_webhook, webhook_path
    from bot.webhook import make_web_app

    url, secret = require_webhook(settings)
    application = await _start_bot(settings, content)
    runner: web.AppRunner | None = None
    try:
        await start_services(application)
        await application.start()
        web_app = make_web_app(application, secret, webhook_path(settings))
        runner = web.AppRunner(web_app, access_log=None)  # access logs would show nothing useful
        await runner.setup()
        await web.TCPSite(runner, settings.webhook_listen, settings.webhook_port).start()
        await application.bot.set_webhook(
            url, secret_token=secret, allowed_updates=Update.ALL_TYPES
        )
        log.info("webhook mode: listening on port %d", settings.webhook_port)
        await _until_signal()
        await application.stop()
    finally:
        if runner is not None:
            await runner.cleanup()
        await stop_services(application)
        await application.shutdown()


async def _until_signal() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()


async def _chat(settings: Settings, content: Content, user_id: int) -> None:
    # The terminal is the conversation; keep PTB's lifecycle chatter out of it.
    logging.getLogger("telegram").setLevel(max(logging.WARNING, logging.getLogger().level))
    from bot.app import CONSOLE_TOKEN, build_application, start_services, stop_services
    from bot.console import LocalTelegram, printer, run_chat, to_plain
    from bot.context import services_of
    from bot.scheduling.clock import ShiftedClock
    from bot.steps import current_step

    tty = sys.stdin.isatty()
    transport = LocalTelegram(on_send=printer(tty))
    clock = ShiftedClock()
    application = build_application(
        settings, token=CONSOLE_TOKEN, request=transport, content=content, clock=clock
    )
    services = services_of(application)
    from bot.privacy.wiring import local_chat

    local_chat(application)  # privacy: a key file under ./data (0600), no flood control

    async def wait(delta: timedelta) -> None:
        """':wait 1h': the chat's clock moves on, and whatever fell due meanwhile arrives."""
        clock.advance(delta)
        if services.dispatcher is not None and services.sender is not None:
            await services.dispatcher.tick()
            await services.sender.drain()

    async def waiting_for_text(chat: int) -> bool:
        user = await services.repo.get_user(chat) if services.repo else None
        if user is None:
            return False
        return current_step(user.pending, user.pending_since, services.clock.now()) is not None

    async with application:  # initialize, and shut down whatever happens
        try:
            await start_services(application)
            await application.start()
            intro = to_plain(content.ui["console_intro"])
            await run_chat(application, transport, user_id, intro, waiting_for_text, wait)
            await application.stop()
        finally:
            await stop_services(application)


def _match(lines: list[str]) -> None:
    from bot.matching import matcher_for
    from bot.safety.crisis import CrisisDetector

    content = load_content()
    matcher = matcher_for(content.topics)
    detector = CrisisDetector()  # each line alone: no chat context
    for line in lines:
        if not line.strip():
            continue
        topics = [{"id": m.topic_id, "score": m.score} for m in matcher.rank(line)]
        assessment = detector.assess(line)
        row: dict[str, Any] = {"text": line, "crisis": assessment.level.value}
        if assessment.medical:
            row["medical"] = True
        row["topics"] = topics
        print(json.dumps(row, ensure_ascii=False))


def _healthcheck(settings: Settings) -> int:
    """0 if the bot in this container is alive: webhook mode asks /healthz; long polling
    checks that the heartbeat file is fresh (its loop runs)."""
    import time
    import urllib.request

    from bot.app import HEARTBEAT_FILE, HEARTBEAT_SECONDS

    if settings.webhook_url:
        url = f"http://127.0.0.1:{settings.webhook_port}/healthz"
        try:
            with urllib.request.urlopen(url, timeout=3) as response:  # loopback only
                return 0 if response.status == 200 else 1
        except OSError:
            return 1
    try:
        age = time.time() - HEARTBEAT_FILE.stat().st_mtime
    except OSError:
        return 1
    return 0 if age < 6 * HEARTBEAT_SECONDS else 1


async def _migrate(settings: Settings) -> None:
    from bot.db import make_engine, migrate

    engine = make_engine(settings)
    try:
        await migrate(engine)
    finally:
        await engine.dispose()
    print("database is up to date")


async def _rotate_key(settings: Settings, new_key: bool) -> None:
    """privacy: `rotate-key [--new-key]` (README: Encryption at rest)."""
    from bot.policy import ROTATE_BATCH
    from bot.privacy.keys import add_key_to_file, key_file, rotate

    if new_key:
        if settings.encryption_keys is not None:
            raise SettingsError(
                "--new-key writes the key file; with ENCRYPTION_KEYS, put a new key first there "
                "(python -c 'from bot.crypto import new_key_line; print(new_key_line())')."
            )
        kid = add_key_to_file(key_file(settings))
        print(f"key {kid} is now first in {key_file(settings)}; restart the bot so it writes with")
        print("it (it still reads the old keys), then run `python -m bot rotate-key`.")
        return
    active, changed = await rotate(settings, ROTATE_BATCH)
    print(f"re-encrypted {changed} stored texts under key {active}; none is left under another")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="run on Telegram with long polling (needs TELEGRAM_BOT_TOKEN)")
    sub.add_parser(
        "webhook", help="run on Telegram as a webhook server (WEBHOOK_URL, WEBHOOK_SECRET)"
    )
    chat = sub.add_parser("chat", help="talk to the bot in this terminal; no token needed")
    chat.add_argument("--user", type=int, default=1, help="the simulated user's id (default 1)")
    match = sub.add_parser("match", help="print where questions land: crisis level and topics")
    match.add_argument("text", nargs="*", help="a question; without one, read lines from stdin")
    sub.add_parser("migrate", help="apply database migrations")
    sub.add_parser("healthcheck", help="exit 0 if the running bot is alive (for containers)")
    sub.add_parser("new-key", help="print a fresh encryption key line for ENCRYPTION_KEYS")
    # --- privacy ---
    rotate = sub.add_parser(
        "rotate-key", help="re-encrypt stored text under the active key (the bot may run)"
    )
    rotate.add_argument(
        "--new-key", action="store_true", help="first put a fresh key first in the key file"
    )
    # --- end privacy ---
    args = parser.parse_args(argv)
    os.environ.setdefault("PTB_TIMEDELTA", "1")  # PTB 22: retry_after as timedelta, no warning
    try:
        settings = load_settings()
        secret = (
            settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
        )
        # The terminal chat logs to a file, so log lines never sit between the bot's replies.
        log_file = Path("data/chat.log") if args.command == "chat" else None
        setup_logging(settings, secret, log_file)
        if args.command == "new-key":
            from bot.crypto import new_key_line

            print(new_key_line())
            return 0
        if args.command == "healthcheck":
            return _healthcheck(settings)
        if args.command == "match":
            _match([" ".join(args.text)] if args.text else sys.stdin.read().splitlines())
            return 0
        content = load_content()  # fail fast, naming the file and entry
        runner: Any = {
            "run": lambda: _run(settings, content),
            "webhook": lambda: _webhook(settings, content),
            "chat": lambda: _chat(settings, content, args.user),
            "migrate": lambda: _migrate(settings),
            "rotate-key": lambda: _rotate_key(settings, args.new_key),  # privacy
        }[args.command]
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(runner())
    except (SettingsError, ContentError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a last resort: one line, never a traceback
        from bot.db import DatabaseUnavailable

        if isinstance(exc, DatabaseUnavailable):
            print(f"error: {exc}", file=sys.stderr)
            return 3
        log.exception("stopped by an unexpected error")
        print(
            f"error: stopped by an unexpected error ({type(exc).__name__}); see the log above",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
