from tests.conftest import Harness, buttons


async def test_explain_groups_pages_and_topics(harness: Harness) -> None:
    [menu] = await harness.send("/explain")
    groups = [d for d in buttons(menu) if d.startswith("xg:")]
    assert len(groups) == len(harness.services.content.groups) == 7
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


async def test_no_page_holds_a_single_topic(harness: Harness) -> None:
    from bot.handlers.explain import PAGE_SIZE, pages_of

    for group in harness.services.content.groups:
        pages = pages_of(group.topics)
        assert [t for page in pages for t in page] == list(group.topics)
        assert all(1 < len(page) <= PAGE_SIZE or len(group.topics) == 1 for page in pages)
    assert [len(p) for p in pages_of(tuple("abcdef"))] == [3, 3]
    assert [len(p) for p in pages_of(tuple("abcdefghi"))] == [5, 4]


async def test_topic_leads_back_to_its_theme_and_more_is_a_new_message(
    harness: Harness, content: object
) -> None:
    await harness.send("/explain")
    [theme] = await harness.press("xg:leaving:0")
    assert "📚 All themes" in [label for row in theme.buttons for label, _ in row]
    topic_data = next(d for d in buttons(theme) if d.startswith("t:"))
    [topic] = await harness.press(topic_data)
    assert "xg:leaving:0" in buttons(topic)  # ‹ back to the theme
    more = next(d for d in buttons(topic) if d.endswith(":1"))
    [extra] = await harness.press(more)
    assert extra.method == "sendMessage"  # the short answer stays above it
    assert "xg:leaving:0" in buttons(extra) and "h" in buttons(extra)


async def test_welcome_fits_a_phone_screen_and_how_it_works_has_the_rest(
    harness: Harness,
) -> None:
    from bot.console import to_plain

    [welcome, _] = await harness.send("/start")
    assert len(to_plain(welcome.text)) <= 420
    [rest] = await harness.press("hw")
    assert "Discreet mode" in rest.text and "h" in buttons(rest)
