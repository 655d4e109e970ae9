"""/stats: counts for ADMIN_IDS only, nothing personal."""

from datetime import timedelta
from pathlib import Path

from bot.scheduling.clock import FakeClock
from tests.conftest import make_harness, sqlite_url


async def test_stats_for_admins_only_and_only_counts(tmp_path: Path, clock: FakeClock) -> None:
    h = await make_harness(sqlite_url(tmp_path), clock, admin_ids=frozenset({99}))
    try:
        await h.subscribe("g", "12:10")
        await h.press("na:grounding:0")
        h.clock.advance(timedelta(minutes=10))
        assert len(await h.deliver()) == 1
        await h.send("i want to die")
        await h.send("he's outside my door right now and he's furious", user=2)
        await h.send("/journal", user=3)
        await h.press("jn", user=3)
        await h.send("a secret sentence", user=3)
        [refused] = await h.send("/stats")
        assert "don't know that command" in refused.text
        [stats] = await h.send("/stats", user=99)
        for needle in (
            "Users: 3",
            "Daily subscriptions: 1 (1 active)",
            "Daily notes sent: 1; skipped: 0; failed: 0",
            "danger 1, self-harm 1, disclosure 0",
            "Users with a journal: 1",
        ):
            assert needle in stats.text, needle
        assert "secret" not in stats.text and "Europe/London" not in stats.text
    finally:
        from bot.app import stop_services

        await stop_services(h.app)
        await h.app.shutdown()
