"""Everyday words get fitting short replies, never a random topic."""

from __future__ import annotations

import pytest

from bot.smalltalk import SmallTalk, classify_small_talk
from tests.conftest import Harness, buttons


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hi", SmallTalk.GREETING),
        ("Hello!", SmallTalk.GREETING),
        ("good morning", SmallTalk.GREETING),
        ("thanks", SmallTalk.THANKS),
        ("thank you so much!!", SmallTalk.THANKS),
        ("ok", SmallTalk.OK),
        ("Okay.", SmallTalk.OK),
        ("menu", SmallTalk.MENU),
        ("help", SmallTalk.HELP),
        ("?", SmallTalk.HELP),
        ("???", SmallTalk.HELP),
        ("😭", SmallTalk.DISTRESS),
        ("😭😭😭", SmallTalk.DISTRESS),
        ("💔", SmallTalk.DISTRESS),
        ("hi why do i miss him", None),
        ("help me understand hoovering", None),
        ("thanks but why does he keep coming back", None),
        ("🙂", None),
    ],
)
def test_classify(text: str, kind: SmallTalk | None) -> None:
    assert classify_small_talk(text) is kind


async def test_greeting_gets_hello_and_the_menu(harness: Harness) -> None:
    [reply] = await harness.send("hi")
    assert reply.text == harness.services.content.ui["smalltalk_greeting"]
    assert {"x", "d", "h"} <= set(buttons(reply))


async def test_thanks_gets_youre_welcome_and_help_now(harness: Harness) -> None:
    [reply] = await harness.send("thanks")
    assert "welcome" in reply.text and "h" in buttons(reply)
    assert not [d for d in buttons(reply) if d.startswith("t:")]  # no topic about memory


async def test_ok_and_menu(harness: Harness) -> None:
    [ok] = await harness.send("ok")
    assert ok.text == harness.services.content.ui["smalltalk_ok"] and "x" in buttons(ok)
    [menu] = await harness.send("menu")
    assert menu.text == harness.services.content.ui["menu"] and "x" in buttons(menu)


@pytest.mark.parametrize("text", ["?", "???", "what can you do"])
async def test_help_leads_with_help_now_then_the_commands(harness: Harness, text: str) -> None:
    [reply] = await harness.send(text)
    assert reply.text.index("Help now") < reply.text.index("/explain")
    assert "h" in buttons(reply)


async def test_a_bare_help_is_taken_as_a_call_for_help(harness: Harness) -> None:
    """Typed alone, "help" may come from someone in danger: the crisis reply, with numbers."""
    [reply] = await harness.send("help")
    assert "911" in reply.text


async def test_distress_emoji_gets_presence_help_now_and_grounding(harness: Harness) -> None:
    [reply] = await harness.send("😭")
    assert "I'm here" in reply.text
    assert buttons(reply)[:2] == ["h", "gr"]
    [exercise] = await harness.press("gr")
    grounding = {e.text for e in harness.services.content.daily.grounding}
    assert exercise.text in grounding and "h" in buttons(exercise)


async def test_small_talk_during_a_step_ends_it_except_ok(harness: Harness) -> None:
    await harness.send("/daily")
    await harness.press("dn:grounding")
    [hint] = await harness.send("ok")  # "ok" is no time: a hint, and the step waits
    assert "couldn't read that as a time" in hint.text
    [menu] = await harness.send("menu")
    assert menu.text == harness.services.content.ui["menu"]
    [after] = await harness.send("9")  # the step has ended: not read as a time
    assert "in which time zone" not in after.text


async def test_the_example_in_help_is_answered_directly(harness: Harness) -> None:
    [help_text] = await harness.send("/help")
    assert '"what is hoovering"' in help_text.text
    [answer] = await harness.send("what is hoovering")
    assert harness.services.content.topics["hoovering"].short[:40] in answer.text
