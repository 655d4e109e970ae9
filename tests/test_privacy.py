"""Nothing personal is stored, and neither message text nor the token reaches the logs."""

import logging
import sqlite3
from pathlib import Path

import pytest

from bot.__main__ import _Redact, setup_logging
from bot.config import Settings
from tests.conftest import Harness

TOKEN = "123456:" + "A" * 35


def test_token_is_redacted_and_httpx_is_quiet() -> None:
    setup_logging(Settings(telegram_bot_token=TOKEN, log_level="DEBUG", _env_file=None), TOKEN)  # type: ignore[call-arg]
    assert logging.getLogger("httpx").getEffectiveLevel() >= logging.WARNING
    # PTB's Bot logs call parameters and results (users' texts) at DEBUG: kept above it.
    assert logging.getLogger("telegram.Bot").getEffectiveLevel() > logging.DEBUG
    assert logging.getLogger("telegram.ext.ExtBot").getEffectiveLevel() > logging.DEBUG
    record = logging.LogRecord(
        "x", logging.INFO, "f", 1, "POST https://api/bot%s/getMe", (TOKEN,), None
    )
    _Redact(TOKEN).filter(record)
    assert TOKEN not in record.getMessage()
    assert "<token>" in record.getMessage()


async def test_database_holds_no_names_or_message_text(
    harness: Harness, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    secret_words = "my sisters wedding reminded me of him"
    with caplog.at_level(logging.DEBUG):
        await harness.send("/start")
        await harness.send(secret_words)
        await harness.send("i want to die")
        await harness.send("/daily")
        await harness.press("dn:grounding")
        await harness.send("7pm")
    assert secret_words not in caplog.text
    assert "want to die" not in caplog.text
    connection = sqlite3.connect(tmp_path / "test.sqlite3")
    dump = "\n".join(connection.iterdump())
    connection.close()
    assert secret_words not in dump
    assert "want to die" not in dump
    assert "User" not in dump  # the first name Telegram sends is never kept
