"""Crisis replies in any state, before anything else."""

from tests.conftest import Harness, buttons


async def test_danger_gets_emergency_number_at_once(harness: Harness) -> None:
    [reply] = await harness.send("he's outside my door right now and he's furious")
    assert "911" in reply.text and "1-800-799-7233" in reply.text
    assert "safety comes first" in reply.text
    assert "h" in buttons(reply)


async def test_self_harm_gets_crisis_lines(harness: Harness) -> None:
    [reply] = await harness.send("i want to die")
    assert "988" in reply.text and "911" in reply.text and "741741" in reply.text


async def test_disclosure_offers_abuse_line_gently(harness: Harness) -> None:
    [reply] = await harness.send("my husband hits me when he drinks")
    assert "not your fault" in reply.text
    assert "1-800-799-7233" in reply.text
    assert "911" not in reply.text  # not an emergency reply


async def test_figures_of_speech_pass(harness: Harness) -> None:
    [reply] = await harness.send("cutting him off was the best thing i did")
    assert "988" not in reply.text and "911" not in reply.text


async def test_crisis_in_the_middle_of_a_flow(harness: Harness) -> None:
    """Asked for a time, the user writes a crisis message: the crisis reply comes at once and
    ends the step, so the next message is read afresh, not as a time."""
    await harness.send("/daily")
    await harness.press("dn:grounding")
    [crisis] = await harness.send("i dont want to be alive anymore")
    assert "988" in crisis.text
    [after] = await harness.send("what is hoovering")
    assert "hoover" in after.text.lower() and "couldn't read" not in after.text


async def test_crisis_uses_the_users_country(harness: Harness) -> None:
    await harness.send("/country")
    await harness.press("cs:GB")
    [reply] = await harness.send("he is going to kill me")
    assert "999" in reply.text and "55" in reply.text
    assert "911" not in reply.text


async def test_crisis_logs_never_hold_the_text(harness: Harness, caplog: object) -> None:
    import logging

    with caplog.at_level(logging.DEBUG):  # type: ignore[attr-defined]
        await harness.send("i want to end my life tonight")
    assert "end my life" not in caplog.text  # type: ignore[attr-defined]


async def test_a_question_with_a_disclosure_still_offers_its_topic(harness: Harness) -> None:
    [reply] = await harness.send("is it abuse if he checks my phone and hits me when i go out")
    assert "1-800-799-7233" in reply.text
    assert any(d.startswith("t:") and d != "t:safety-planning:0" for d in buttons(reply))


async def test_crisis_reply_keeps_to_the_point_and_offers_another_country(
    harness: Harness,
) -> None:
    [reply] = await harness.send("he is outside with a knife")
    assert "source:" not in reply.text and "checked" not in reply.text  # on the hotline screen
    assert "copy" in reply.text
    assert "hc" in buttons(reply)
    labels = [label for row in reply.buttons for label, _ in row]
    assert "🌍 Not in United States?" in labels


async def test_texting_is_mentioned_only_where_a_line_takes_texts(harness: Harness) -> None:
    [us] = await harness.send("he is outside with a knife")
    assert "take texts" in us.text  # the US domestic violence line takes texts
    await harness.send("/country")
    await harness.press("cs:CA")
    [canada] = await harness.send("he is outside with a knife")
    assert "take texts" not in canada.text  # no Canadian danger line listed takes texts


async def test_buttons_under_a_crisis_reply_open_a_new_message(harness: Harness) -> None:
    [reply] = await harness.send("i want to kill myself")
    [lines] = await harness.chat.press(1, "h", reply.message_id)
    assert lines.method == "sendMessage"  # the reply with the numbers stays as it was
    assert harness.transport.messages[(1, reply.message_id)].text == reply.text
