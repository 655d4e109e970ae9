"""Webhook mode: the secret header, repeated and unparseable updates, health and metrics."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.webhook import SECRET_HEADER, make_web_app
from tests.conftest import Harness
from tests.test_transport import BAD

SECRET = "s3cret-s3cret-s3cret"


def message(update_id: int, text: str, chat: int = 7) -> dict[str, object]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 0,
            "chat": {"id": chat, "type": "private"},
            "from": {"id": chat, "is_bot": False, "first_name": "U"},
            "text": text,
            **(
                {"entities": [{"type": "bot_command", "offset": 0, "length": len(text)}]}
                if text.startswith("/")
                else {}
            ),
        },
    }


@pytest.fixture
async def client(harness: Harness) -> AsyncIterator[TestClient]:  # type: ignore[type-arg]
    await harness.app.start()
    web_app = make_web_app(harness.app, SECRET, "/telegram")
    async with TestClient(TestServer(web_app)) as test_client:
        yield test_client
    await harness.app.stop()


async def _replies(harness: Harness, count: int) -> list[str]:
    for _ in range(200):
        if len(harness.transport.sent) >= count:
            break
        await asyncio.sleep(0.01)
    return [s.text for s in harness.transport.sent]


async def test_a_wrong_or_missing_secret_is_refused(client: TestClient, harness: Harness) -> None:  # type: ignore[type-arg]
    for headers in ({}, {SECRET_HEADER: "wrong"}, {SECRET_HEADER: SECRET + "x"}):
        response = await client.post("/telegram", json=message(1, "/hotline"), headers=headers)
        assert response.status == 403
    assert harness.transport.sent == []


async def test_an_update_is_answered_once_even_if_delivered_twice(
    client: TestClient,
    harness: Harness,  # type: ignore[type-arg]
) -> None:
    for _ in range(2):
        response = await client.post(
            "/telegram", json=message(5, "/hotline"), headers={SECRET_HEADER: SECRET}
        )
        assert response.status == 200
    texts = await _replies(harness, 1)
    await asyncio.sleep(0.1)
    assert len([t for t in harness.transport.sent if "911" in t.text]) == 1, texts


async def test_an_unparseable_update_is_skipped_and_the_next_answered(
    client: TestClient,
    harness: Harness,  # type: ignore[type-arg]
) -> None:
    bad = await client.post("/telegram", json=BAD, headers={SECRET_HEADER: SECRET})
    junk = await client.post("/telegram", data=b"{not json", headers={SECRET_HEADER: SECRET})
    assert bad.status == junk.status == 200  # Telegram would retry anything else forever
    await client.post("/telegram", json=message(12, "/hotline"), headers={SECRET_HEADER: SECRET})
    texts = await _replies(harness, 1)
    assert any("911" in t for t in texts)
    metrics = await (await client.get("/metrics")).text()
    assert 'bot_updates_skipped_total{reason="unparseable"}' in metrics
    assert "secret-question" not in metrics


async def test_health(client: TestClient, harness: Harness) -> None:  # type: ignore[type-arg]
    response = await client.get("/healthz")
    assert response.status == 200 and (await response.json()) == {"ok": True}
    await harness.services.repo.engine.dispose()
    from sqlalchemy.ext.asyncio import create_async_engine

    harness.services.repo.engine = create_async_engine("postgresql+asyncpg://x@127.0.0.1:1/none")
    assert (await client.get("/healthz")).status == 503
