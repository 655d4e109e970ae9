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
from typing import Any

from bot.config import Settings, SettingsError, load_settings
from bot.content import Content, ContentError, load_content

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
    # At DEBUG, PTB's Bot logs every call's parameters and result: users' message texts.
    for chatty in ("telegram.Bot", "telegram.ext.ExtBot"):
        logging.getLogger(chatty).setLevel(max(logging.INFO, logging.getLogger().level))
    for handler in root.handlers:
        handler.addFilter(_Redact(secret))


async def _run(settings: Settings, content: Content) -> None:
    from telegram import Update
    from telegram.error import InvalidToken, NetworkError

    from bot.app import build_application, start_services, stop_services

    token = settings.require_token()
    application = build_application(settings, token=token, content=content)
    try:
        await application.initialize()
    except InvalidToken:
        raise SettingsError(
            "Telegram rejected TELEGRAM_BOT_TOKEN; check it with @BotFather."
        ) from None
    except NetworkError as exc:
        raise SettingsError(
            f"Cannot reach the Bot API at {settings.telegram_api_base_url}: {exc}"
        ) from None
    try:
        await start_services(application)
        assert application.updater is not None
        await application.updater.start_polling(allowed_updates=Update.ALL_TYPES)
        await application.start()
        log.info("running; press Ctrl+C to stop")
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        await application.updater.stop()
        await application.stop()
    finally:
        await stop_services(application)
        await application.shutdown()


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
    from bot.matching import TopicMatcher
    from bot.safety.detector import classify

    content = load_content()
    matcher = TopicMatcher(content.topics)
    for line in lines:
        if not line.strip():
            continue
        topics = [{"id": m.topic_id, "score": m.score} for m in matcher.rank(line)]
        print(
            json.dumps(
                {"text": line, "crisis": classify(line).value, "topics": topics}, ensure_ascii=False
            )
        )


async def _migrate(settings: Settings) -> None:
    from bot.db import make_engine, migrate

    engine = make_engine(settings)
    try:
        await migrate(engine)
    finally:
        await engine.dispose()
    print("database is up to date")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="run on Telegram with long polling (needs TELEGRAM_BOT_TOKEN)")
    chat = sub.add_parser("chat", help="talk to the bot in this terminal; no token needed")
    chat.add_argument("--user", type=int, default=1, help="the simulated user's id (default 1)")
    match = sub.add_parser("match", help="print where questions land: crisis level and topics")
    match.add_argument("text", nargs="*", help="a question; without one, read lines from stdin")
    sub.add_parser("migrate", help="apply database migrations")
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
        if args.command == "match":
            _match([" ".join(args.text)] if args.text else sys.stdin.read().splitlines())
            return 0
        content = load_content()  # fail fast, naming the file and entry
        runner: Any = {
            "run": lambda: _run(settings, content),
            "chat": lambda: _chat(settings, content, args.user),
            "migrate": lambda: _migrate(settings),
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
