from tests.conftest import Harness, buttons


async def test_explain_groups_pages_and_topics(harness: Harness) -> None:
    [menu] = await harness.send("/explain")
    groups = [d for d in buttons(menu) if d.startswith("xg:")]
    assert len(groups) == 5
    [page0] = await harness.press("xg:is-this-it:0")
    assert "xg:is-this-it:1" in buttons(page0)
    topics0 = [d for d in buttons(page0) if d.startswith("t:")]
    assert len(topics0) == 5
    [page1] = await harness.press("xg:is-this-it:1")
    assert "xg:is-this-it:0" in buttons(page1)
    # A page we never offered is refused kindly, with the menu and Help now.
    [out_of_range] = await harness.press("xg:is-this-it:7")
    assert "expired" in out_of_range.text and "h" in buttons(out_of_range)


async def test_topic_shows_short_more_related_and_help(harness: Harness, content: object) -> None:
    await harness.send("/explain")
    await harness.press("xg:leaving:0")
    [topic] = await harness.press("t:hoovering:0")
    assert content.topics["hoovering"].short[:40] in topic.text  # type: ignore[attr-defined]
    assert "t:hoovering:1" in buttons(topic) and "h" in buttons(topic)
    for related in content.topics["hoovering"].related:  # type: ignore[attr-defined]
        assert f"t:{related}:0" in buttons(topic)
    [more] = await harness.press("t:hoovering:1")
    assert content.topics["hoovering"].more[:40] in more.text  # type: ignore[attr-defined]


async def test_free_text_confident_answer(harness: Harness, content: object) -> None:
    [reply] = await harness.send("what is hoovering")
    assert content.topics["hoovering"].short[:40] in reply.text  # type: ignore[attr-defined]


async def test_free_text_unsure_offers_three(harness: Harness) -> None:
    [reply] = await harness.send("feelings")
    topic_buttons = [d for d in buttons(reply) if d.startswith("t:")]
    assert reply.text == harness.services.content.ui["explain_suggest"]
    assert len(topic_buttons) == 3
    assert "x" in buttons(reply)


async def test_free_text_with_no_match_says_so(harness: Harness) -> None:
    [reply] = await harness.send("blorp fizzle")
    assert reply.text == harness.services.content.ui["explain_no_match"]
    assert [d for d in buttons(reply) if d.startswith("t:")] == []
    assert "x" in buttons(reply)
