"""Flood control: one gentle line, the rest dropped; crisis texts and Help now never wait."""

from bot.policy import FLOOD_BURST
from bot.privacy.flood import FloodGate, Verdict
from tests.conftest import Harness


class Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def flooded(harness: Harness) -> Ticks:
    ticks = Ticks()
    harness.services.privacy.flood = FloodGate(clock=ticks)
    return ticks


def test_bucket_warns_once_then_drops_until_quiet() -> None:
    ticks = Ticks()
    gate = FloodGate(burst=3, per_second=1.0, clock=ticks)
    verdicts = [gate.check(1) for _ in range(6)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.WARN] + [Verdict.DROP] * 2
    assert gate.check(2) is Verdict.ALLOW  # other chats are untouched
    ticks.now = 1.0
    assert gate.check(1) is Verdict.DROP  # a flood that goes on gets nothing more
    ticks.now = 6.0  # quiet for a while: answered again, without a second warning
    assert gate.check(1) is Verdict.ALLOW
    ticks.now = 20.0  # full again: a new flood is told again
    assert [gate.check(1) for _ in range(4)][-1] is Verdict.WARN
    assert gate.held == 5


async def test_a_flood_gets_one_slow_down_line_and_crisis_replies_always(harness: Harness) -> None:
    flooded(harness)
    replies = []
    for n in range(40):
        replies += await harness.send(f"why do i miss him {n}")
        if n % 10 == 5:
            crisis = await harness.send("i want to die")
            assert crisis and "988" in crisis[0].text
    slow = [r for r in replies if "a lot of messages at once" in r.text]
    assert len(slow) == 1
    assert len(replies) == FLOOD_BURST + 1
    [help_now] = await harness.press("h")
    assert "911" in help_now.text
    assert [r.text for r in await harness.send("/hide")][-1] == "✓ Done."
    [other, *_] = await harness.send("/start", user=2)
    assert "quiet place" in other.text


async def test_a_person_who_waits_is_answered_again(harness: Harness) -> None:
    ticks = flooded(harness)
    for n in range(FLOOD_BURST + 3):
        await harness.send(f"hello {n}")
    assert await harness.send("still there?") == []
    ticks.now += 2.0 * FLOOD_BURST + 2.0  # the flood's own messages pushed the answer back
    [answer] = await harness.send("what is hoovering")
    assert "hoover" in answer.text.lower()
