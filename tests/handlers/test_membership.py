from datetime import timedelta

from tests.conftest import Harness


def member_update(chat: dict[str, object], status: str) -> dict[str, object]:
    user = {"id": 7, "is_bot": False, "first_name": "U"}
    bot = {"id": 1000, "is_bot": True, "first_name": "Companion"}
    return {
        "my_chat_member": {
            "chat": chat,
            "from": user,
            "date": 0,
            "old_chat_member": {"status": "left", "user": bot},
            "new_chat_member": {
                "status": status,
                "user": bot,
                **({"until_date": 0} if status == "kicked" else {}),
            },
        }
    }


async def test_added_to_group_says_so_once_and_leaves(harness: Harness) -> None:
    group = {"id": -100, "type": "group", "title": "G"}
    sent = await harness.chat.feed(member_update(group, "member"))
    assert len(sent) == 1 and "private chats" in sent[0].text
    assert -100 in harness.transport.left


async def test_group_message_leaves(harness: Harness) -> None:
    sent = await harness.chat.send(
        7, "hello", chat={"id": -200, "type": "supergroup", "title": "S"}
    )
    assert "private chats" in sent[0].text
    assert -200 in harness.transport.left


async def test_block_pauses_schedules_until_user_resumes(harness: Harness) -> None:
    await harness.subscribe("g", "13:00", "UTC")
    private = {"id": 1, "type": "private", "first_name": "U"}
    await harness.chat.feed(member_update(private, "kicked"))
    [sub] = await harness.services.repo.subscriptions(1)
    assert sub.paused
    harness.clock.advance(timedelta(days=1, hours=2))
    assert await harness.tick() == 0
    # Coming back does not resume by itself.
    await harness.send("/start")
    [sub] = await harness.services.repo.subscriptions(1)
    assert sub.paused
    await harness.send("/daily")
    await harness.press("dr:grounding")
    [sub] = await harness.services.repo.subscriptions(1)
    assert not sub.paused
