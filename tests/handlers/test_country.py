"""/country across instances: a country saved through one is seen by the others at once."""

from __future__ import annotations

import asyncio

import pytest

from bot.app import stop_services
from tests.conftest import make_harness


@pytest.mark.postgres
async def test_a_country_saved_on_one_instance_reaches_the_other(
    database_url: str, clock: object
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("one process on SQLite: nothing to share")
    first = await make_harness(database_url, clock)  # type: ignore[arg-type]
    second = await make_harness(database_url, clock)  # type: ignore[arg-type]
    try:
        await first.send("/country")
        await first.press("cs:GB")
        for _ in range(250):  # at most 5 s; typically a few milliseconds
            if second.services.countries.get(1) == "GB":
                break
            await asyncio.sleep(0.02)
        assert second.services.countries.get(1) == "GB"
        [reply] = await second.send("/hotline")  # the other instance answers with the UK lines
        assert "999" in reply.text
    finally:
        for h in (first, second):
            await stop_services(h.app)
            await h.app.shutdown()
