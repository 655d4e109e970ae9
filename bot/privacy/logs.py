"""No log line holds what people send: PTB's debug logs carry whole updates (names, texts,
phone numbers) and call parameters, and SQLAlchemy's and aiosqlite's carry query parameters.

`quiet_loggers` keeps those loggers above DEBUG at every LOG_LEVEL; `ScrubContent`, on every
handler, drops any DEBUG record from them that gets through anyway and replaces any Telegram
object, dict or list in a record's arguments by its type name.
"""

from __future__ import annotations

import logging

from telegram import TelegramObject

# Loggers that write message content or query parameters below this level.
QUIET = {
    "telegram": logging.INFO,
    "sqlalchemy": logging.WARNING,
    "aiosqlite": logging.WARNING,
    "asyncpg": logging.WARNING,
}


def quiet_loggers() -> None:
    for name, floor in QUIET.items():
        logger = logging.getLogger(name)
        logger.setLevel(max(floor, logger.level))


def _scrub(value: object) -> object:
    if isinstance(value, TelegramObject | dict | list | tuple | set | bytes):
        return f"<{type(value).__name__}>"
    return value


class ScrubContent(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < QUIET.get(record.name.split(".", 1)[0], logging.NOTSET):
            return False
        if isinstance(record.args, dict):
            record.args = {k: _scrub(v) for k, v in record.args.items()}
        elif record.args:
            record.args = tuple(_scrub(v) for v in record.args)
        return True
