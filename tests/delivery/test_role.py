"""Only one instance sends; the next one to take over re-sends what was left mid-send."""

from datetime import UTC, datetime, time

from bot.config import Settings
from bot.content import Content
from bot.db import Repo, make_engine, migrate
from bot.delivery.role import SendingRole
from bot.scheduling.dispatcher import plan

NOW = datetime(2026, 11, 21, 13, 0, tzinfo=UTC)


async def new_repo(url: str) -> Repo:
    engine = make_engine(Settings(database_url=url, _env_file=None))  # type: ignore[call-arg]
    await migrate(engine)
    return Repo(engine)


async def test_one_sender_and_recovery_on_takeover(database_url: str, content: Content) -> None:
    first = await new_repo(database_url)
    await first.ensure_user(1, NOW)
    await first.save_subscription(1, "grounding", time(13).isoformat("minutes"), "UTC", NOW)
    await first.enqueue_due(
        NOW, lambda s, n: plan(s, n, NOW, content, Settings(_env_file=None).grace)
    )  # type: ignore[call-arg]
    first_role = SendingRole(first)
    assert await first_role.acquire()
    assert len(await first.claim_pending(10)) == 1  # then this instance dies mid-send
    if database_url.startswith("postgresql"):
        second = await new_repo(database_url)
        second_role = SendingRole(second)
        assert not await second_role.acquire()  # the first still holds the role
        await first.close()  # its connection goes, and with it the advisory lock
        assert await second_role.acquire()
        assert await second.outbox_counts() == {"pending": 1}
        await second.close()
    else:
        await first.close()
        restarted = await new_repo(database_url)
        assert await SendingRole(restarted).acquire()
        assert await restarted.outbox_counts() == {"pending": 1}
        await restarted.close()
