"""The update processor: one chat's updates in order, a crisis overtakes, other chats run."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from telegram import Chat, Message, Update

from bot.processing import PerChatUpdateProcessor


def text_update(update_id: int, chat_id: int, text: str) -> Update:
    chat = Chat(chat_id, Chat.PRIVATE)
    message = Message(update_id, datetime(2026, 11, 21, tzinfo=UTC), chat, text=text)
    return Update(update_id, message=message)


def urgent(update: Update) -> bool:
    return bool(update.message and update.message.text == "crisis")


async def test_one_chats_updates_run_in_order() -> None:
    processor = PerChatUpdateProcessor(urgent)
    finished: list[int] = []

    async def work(n: int, delay: float) -> None:
        await asyncio.sleep(delay)
        finished.append(n)

    # The first is slowest; in one chat they must still finish in arrival order.
    await asyncio.gather(
        *(
            processor.do_process_update(text_update(n, 1, "hi"), work(n, delay))
            for n, delay in ((1, 0.03), (2, 0.0), (3, 0.01))
        )
    )
    assert finished == [1, 2, 3]


async def test_a_crisis_overtakes_a_slow_update_in_its_chat() -> None:
    processor = PerChatUpdateProcessor(urgent)
    finished: list[str] = []
    slow_started = asyncio.Event()
    release = asyncio.Event()

    async def slow() -> None:
        slow_started.set()
        await release.wait()
        finished.append("slow")

    async def crisis() -> None:
        finished.append("crisis")

    slow_task = asyncio.create_task(processor.do_process_update(text_update(1, 1, "hi"), slow()))
    await slow_started.wait()
    await processor.do_process_update(text_update(2, 1, "crisis"), crisis())
    assert finished == ["crisis"]  # answered while the slow update still holds the chat
    release.set()
    await slow_task
    assert finished == ["crisis", "slow"]


async def test_other_chats_run_concurrently() -> None:
    processor = PerChatUpdateProcessor(urgent)
    release = asyncio.Event()
    finished: list[int] = []

    async def blocked() -> None:
        await release.wait()
        finished.append(1)

    async def quick() -> None:
        finished.append(2)

    first = asyncio.create_task(processor.do_process_update(text_update(1, 1, "hi"), blocked()))
    await asyncio.sleep(0)
    await processor.do_process_update(text_update(2, 2, "hi"), quick())
    assert finished == [2]  # chat 2 did not wait for chat 1
    release.set()
    await first
    assert finished == [2, 1]
    assert processor._locks == {}  # idle chats are forgotten
