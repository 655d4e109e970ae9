"""Start and stop: shutting down after a database outage ends cleanly, with one log line."""

from __future__ import annotations

import logging

import pytest

from bot.app import stop_services
from bot.domain import StorageError
from tests.conftest import Harness


async def test_stop_after_a_database_outage_does_not_raise(
    harness: Harness, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = harness.services
    repo, sender = services.repo, services.sender
    real_close, real_stop = repo.close, sender.stop

    async def outage() -> None:
        raise StorageError("OperationalError")

    monkeypatch.setattr(services.sender, "stop", outage)
    monkeypatch.setattr(services.repo, "close", outage)
    with caplog.at_level(logging.WARNING):
        await stop_services(harness.app)  # must not raise
    assert services.sender is None and services.repo is None
    assert caplog.text.count("shutdown:") == 2
    assert "Traceback" not in caplog.text
    await stop_services(harness.app)  # and a second call is harmless
    await real_stop()
    await real_close()
