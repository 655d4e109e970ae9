from tests.conftest import Harness, buttons


async def test_start_welcomes_with_menu_and_help_now(harness: Harness) -> None:
    [reply, ask] = await harness.send("/start")
    assert "which country" in ask.text and {"c", "csk", "h"} <= set(buttons(ask))
    assert "It isn't therapy or an emergency service" in reply.text
    assert "hw" in buttons(reply)  # How this works: the rest of the welcome
    assert "h" in buttons(reply)
    assert {"x", "d", "nc", "c"} <= set(buttons(reply))


async def test_help_lists_commands(harness: Harness) -> None:
    [reply] = await harness.send("/help")
    for command in ("/hotline", "/explain", "/daily", "/progress", "/country"):
        assert command in reply.text
    assert "h" in buttons(reply)


async def test_commands_registered_at_start(harness: Harness) -> None:
    registered = [params for method, params in harness.transport.calls if method == "setMyCommands"]
    assert registered
    names = {c["command"] for c in registered[0]["commands"]}
    assert {"hotline", "explain", "daily", "progress", "country", "help", "start"} <= names


async def test_unknown_command_is_answered_kindly(harness: Harness) -> None:
    [reply] = await harness.send("/frobnicate")
    assert "don't know that command" in reply.text
    assert "h" in buttons(reply)


async def test_forged_callback_data_shows_menu(harness: Harness) -> None:
    await harness.send("/start")
    for forged in (
        "d:t:g:9999",
        "xg:../../etc:0",
        "t:not-a-topic",
        "rv:abc",
        "💣",
        "c:ZZ",
        "d:z:g:0800:99",
    ):
        sent = await harness.press(forged)
        assert sent, forged
        assert "h" in buttons(sent[-1]), forged


async def test_every_screen_has_help_now(harness: Harness) -> None:
    """Safety rule 1: crisis help one tap away on every screen."""
    screens = [
        "m",
        "x",
        "xg:understanding:0",
        "xg:is-this-it:1",
        "t:hoovering:0",
        "t:hoovering:1",
        "d",
        "dn:grounding",
        "nc",
        "c",
        "help",
        "hc",
        "dn:encouragement",
        "nsa",
        "ds:grounding",
        "dp:grounding",
        "dpt:grounding",
        "ncs",
    ]
    await harness.send("/start")
    for data in screens:
        [reply] = await harness.press(data)
        assert any(d == "h" or d.startswith("hl:") for d in buttons(reply)), data
    for text in (
        "/start",
        "/help",
        "/explain",
        "/daily",
        "/progress",
        "/country",
        "why do i miss her",
        "🙂",
    ):
        replies = await harness.send(text)
        assert replies, text
        assert "h" in buttons(replies[-1]) or text == "/hotline", text


async def test_odd_and_overlong_input_is_answered(harness: Harness) -> None:
    for text in (
        "a" * 4096,
        "\u202e\u200b\u0000?",
        "ｗｈｙ ｄｏ ｉ ｍｉｓｓ ｈｉｍ",
        "🙂" * 500,
        "é" * 10,
        "\n\n\t ",
    ):
        replies = await harness.send(text)
        assert replies, repr(text[:20])
        # A real answer (a topic, suggestions, or "couldn't match"), never the error reply.
        assert replies[-1].text != harness.services.content.ui["something_wrong"]
        assert "h" in buttons(replies[-1])


async def test_non_text_messages_get_a_reply(harness: Harness) -> None:
    sent = await harness.chat.feed(
        {
            "message": {
                "message_id": 99,
                "date": 0,
                "chat": {"id": 1, "type": "private"},
                "from": {"id": 1, "is_bot": False, "first_name": "U"},
                "sticker": {
                    "file_id": "x",
                    "file_unique_id": "y",
                    "width": 1,
                    "height": 1,
                    "is_animated": False,
                    "is_video": False,
                    "type": "regular",
                },
            }
        }
    )
    assert sent and "only read text" in sent[-1].text


async def test_malformed_updates_do_not_crash(harness: Harness) -> None:
    # An update with nothing we handle, and a callback query without a message.
    assert await harness.chat.feed({}) == []
    sent = await harness.chat.feed(
        {
            "callback_query": {
                "id": "9",
                "from": {"id": 5, "is_bot": False, "first_name": "U"},
                "chat_instance": "1",
                "data": "m",
            }
        }
    )
    assert sent and sent[-1].chat_id == 5


async def test_start_suggests_the_country_from_the_language_never_decides(
    harness: Harness,
) -> None:
    sent = await harness.chat.feed(
        {
            "message": {
                "message_id": 5,
                "date": 0,
                "chat": {"id": 3, "type": "private"},
                "from": {"id": 3, "is_bot": False, "first_name": "U", "language_code": "en-GB"},
                "text": "/start",
                "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
            }
        }
    )
    ask = sent[-1]
    assert buttons(ask)[0] == "cs:GB"  # suggested first...
    assert 3 not in harness.services.countries  # ...but not chosen
    [skipped] = await harness.chat.press(3, "csk", ask.message_id)
    assert "United States" in skipped.text  # the default, until they choose
    [_, *rest] = await harness.chat.send(3, "/start")
    assert rest  # still no country chosen: asked again next time


async def test_start_does_not_ask_a_user_who_chose_a_country(harness: Harness) -> None:
    await harness.send("/country")
    await harness.press("cs:AU")
    assert len(await harness.send("/start")) == 1
