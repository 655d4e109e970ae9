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


def setup_logging(settings: Settings, secret: str = "") -> None:
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # httpx logs every request URL, and Bot API URLs contain the token.
    for noisy in ("httpx", "httpcore", "apscheduler", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # At DEBUG, PTB's Bot logs every call's parameters and result: users' message texts.
    for chatty in ("telegram.Bot", "telegram.ext.ExtBot"):
        logging.getLogger(chatty).setLevel(max(logging.INFO, logging.getLogger().level))
    for handler in logging.getLogger().handlers:
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
    await stop_services(application)
    await application.shutdown()


async def _chat(settings: Settings, content: Content, user_id: int) -> None:
    # The terminal is the conversation; keep PTB's lifecycle chatter out of it.
    logging.getLogger("telegram").setLevel(max(logging.WARNING, logging.getLogger().level))
    from bot.app import CONSOLE_TOKEN, build_application, start_services, stop_services
    from bot.console import LocalTelegram, printer, run_chat, to_plain

    tty = sys.stdin.isatty()
    transport = LocalTelegram(on_send=printer(tty))
    application = build_application(
        settings, token=CONSOLE_TOKEN, request=transport, content=content
    )
    await application.initialize()
    try:
        await start_services(application)
        await application.start()
        intro = application.bot_data["services"].content.ui["console_intro"]
        await run_chat(application, transport, user_id, to_plain(intro))
        await application.stop()
    finally:
        await stop_services(application)
        await application.shutdown()


def _match(lines: list[str]) -> None:
    from bot.matching import TopicMatcher
    from bot.safety.crisis import CrisisDetector

    content = load_content()
    matcher = TopicMatcher(content.topics)
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


async def _migrate(settings: Settings) -> None:
    from bot.db.engine import make_engine, migrate

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
        setup_logging(settings, secret)
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
        from bot.db.engine import DatabaseUnavailable

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
