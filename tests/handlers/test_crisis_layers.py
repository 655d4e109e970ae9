"""The crisis layers as a person meets them: "Are you safe right now?", captions, overdoses,
Spanish and other languages, and context across messages."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Harness, buttons


def media(update_id: int, caption: str | None, chat: int = 1) -> dict[str, Any]:
    message: dict[str, Any] = {
        "message_id": update_id,
        "date": 0,
        "chat": {"id": chat, "type": "private"},
        "from": {"id": chat, "is_bot": False, "first_name": "U"},
        "photo": [{"file_id": "f", "file_unique_id": "u", "width": 1, "height": 1}],
    }
    if caption is not None:
        message["caption"] = caption
    return {"message": message}


async def _check_question(harness: Harness) -> Any:
    [question] = await harness.send("whats the point of anything")
    assert "Are you safe right now?" in question.text
    return question


async def test_near_crisis_gets_are_you_safe_with_every_answer(harness: Harness) -> None:
    question = await _check_question(harness)
    data = buttons(question)
    assert data[-2:] == ["h", "m"]
    assert [d.split(":")[1] for d in data[:3]] == ["d", "s", "ok"]


async def test_in_danger_now_leads_to_the_danger_reply(harness: Harness) -> None:
    question = await _check_question(harness)
    [reply] = await harness.chat.press(1, buttons(question)[0], question.message_id)
    assert reply.method == "sendMessage" and "911" in reply.text and "1-800-799-7233" in reply.text


async def test_might_hurt_myself_leads_to_the_self_harm_reply(harness: Harness) -> None:
    question = await _check_question(harness)
    [reply] = await harness.chat.press(1, buttons(question)[1], question.message_id)
    assert "988" in reply.text


async def test_just_struggling_leads_to_grounding_and_topics(harness: Harness) -> None:
    question = await _check_question(harness)
    [reply] = await harness.chat.press(1, buttons(question)[2], question.message_id)
    grounding = [e.text for e in harness.services.content.daily.grounding]
    assert any(g in reply.text for g in grounding)
    assert "gr" in buttons(reply) and "h" in buttons(reply)


async def test_a_photo_caption_is_read_for_crisis(harness: Harness) -> None:
    [reply] = await harness.chat.feed(media(50, "i want to die"))
    assert "988" in reply.text


async def test_a_photo_caption_question_is_answered(harness: Harness) -> None:
    [reply] = await harness.chat.feed(media(51, "what is hoovering"))
    assert harness.services.content.topics["hoovering"].short[:40] in reply.text


async def test_media_without_words_keeps_help_now_one_tap_away(harness: Harness) -> None:
    [reply] = await harness.chat.feed(media(52, None))
    assert "only read text" in reply.text and "h" in buttons(reply)


async def test_an_overdose_taken_leads_with_the_emergency_number(harness: Harness) -> None:
    [reply] = await harness.send("i took a bunch of pills")
    assert reply.text.startswith("<b>Call <b><code>911</code></b> now.</b>")


async def test_an_overdose_abroad_leads_with_that_countrys_number(harness: Harness) -> None:
    await harness.send("/country")
    await harness.press("cs:GB")
    [reply] = await harness.send("i swallowed all my meds")
    assert reply.text.startswith("<b>Call <b><code>999</code></b> now.</b>")


@pytest.mark.parametrize("text", ["quiero morir", "me quiero matar", "me esta pegando ayuda"])
async def test_spanish_crisis_gets_help(harness: Harness, text: str) -> None:
    [reply] = await harness.send(text)
    assert "911" in reply.text or "988" in reply.text


async def test_another_language_is_told_so_with_help_now(harness: Harness) -> None:
    [reply] = await harness.send("ich habe eine Frage zu meiner Beziehung mit meinem Freund")
    assert reply.text == harness.services.content.ui["other_language"]
    assert "findahelpline" in reply.text and "h" in buttons(reply)


async def test_spanish_that_is_no_crisis_is_told_the_topics_are_in_english(
    harness: Harness,
) -> None:
    [reply] = await harness.send("hola, tengo una pregunta sobre mi relacion con mi novio")
    assert reply.text == harness.services.content.ui["spanish_note"]
    assert not [d for d in buttons(reply) if d.startswith("t:")]


async def test_meaning_spread_over_two_messages_is_caught(harness: Harness) -> None:
    await harness.send("i cant do this anymore")
    [reply] = await harness.send("i have the pills right here")
    assert "988" in reply.text or "Are you safe" in reply.text


async def test_after_a_crisis_reply_the_next_question_is_answered(harness: Harness) -> None:
    await harness.send("/daily")
    await harness.press("dn:grounding")
    [danger] = await harness.send("he is outside my door with a knife")
    assert "911" in danger.text
    [answer] = await harness.send("what is hoovering")
    assert harness.services.content.topics["hoovering"].short[:40] in answer.text
