import pytest

from tests.conftest import Harness, buttons


async def test_hotline_shows_us_lines_by_default(harness: Harness) -> None:
    [reply] = await harness.send("/hotline")
    for needle in (
        "911",
        "1-800-799-7233",
        "88788",
        "988",
        "741741",
        "checked 2026-11-21",
        "thehotline.org",
    ):
        assert needle in reply.text
    assert "hc" in buttons(reply)


async def test_other_countries_are_one_tap_away(harness: Harness) -> None:
    await harness.send("/hotline")
    [listing] = await harness.press("hc")
    assert "hl:GB" in buttons(listing) and "hl:fallback" in buttons(listing)
    [uk] = await harness.press("hl:GB")
    assert "0808 2000 247" in uk.text and "116 123" in uk.text and "55" in uk.text
    [elsewhere] = await harness.press("hl:fallback")
    assert "findahelpline.com" in elsewhere.text and "112" in elsewhere.text


async def test_country_choice_changes_help_now(harness: Harness) -> None:
    await harness.send("/country")
    [saved] = await harness.press("cs:AU")
    assert "Australia" in saved.text
    [reply] = await harness.press("h")
    assert "1800 737 732" in reply.text and "13 11 14" in reply.text
    assert harness.services.countries[1] == "AU"


async def test_hotline_needs_no_database(harness: Harness) -> None:
    """Help now answers from memory even when the database is gone."""
    await harness.send("/country")
    await harness.press("cs:NZ")
    await harness.services.repo.engine.dispose()
    # Point the repository at a server that is not there.
    from sqlalchemy.ext.asyncio import create_async_engine

    harness.services.repo.engine = create_async_engine(
        "postgresql+asyncpg://nobody@127.0.0.1:1/none"
    )
    harness.services.repo._session.configure(bind=harness.services.repo.engine)
    [reply] = await harness.send("/hotline")
    assert "0800 733 843" in reply.text
    [crisis] = await harness.send("i want to kill myself")
    assert "1737" in crisis.text
    [menu] = await harness.send("/daily")
    assert "can't reach my notes" in menu.text
    assert "h" in buttons(menu)
    # What needs no stored data still answers: explanations, questions, small talk, /start.
    [answer] = await harness.send("what is hoovering")
    assert harness.services.content.topics["hoovering"].short[:40] in answer.text
    [themes] = await harness.send("/explain")
    assert "xg:leaving:0" in buttons(themes)
    [hello] = await harness.send("hi")
    assert "I'm here" in hello.text
    [welcome, *_] = await harness.send("/start")
    assert "quiet place" in welcome.text


async def test_a_hanging_database_is_reported_in_seconds_not_a_minute(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL accepting connections but never answering: screens that need stored data
    say so within the connect timeout; explanations answer at once. (The engine's connect
    timeout is shortened here: waiting out the real 3 s proves nothing more.)"""
    import socket
    import threading
    import time

    from bot.config import Settings
    from bot.db import engine as engine_module
    from bot.db.engine import make_engine

    timeout = 0.3
    monkeypatch.setattr(engine_module, "CONNECT_TIMEOUT_S", timeout)

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept_and_say_nothing() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept_and_say_nothing, daemon=True)
    thread.start()
    repo = harness.services.repo
    await repo.engine.dispose()
    settings = Settings(  # type: ignore[call-arg]
        database_url=f"postgresql+asyncpg://postgres@127.0.0.1:{port}/test", _env_file=None
    )
    repo.engine = make_engine(settings)
    repo._session.configure(bind=repo.engine)
    try:
        started = time.monotonic()
        [progress] = await harness.send("/progress")
        waited = time.monotonic() - started
        assert "can't reach my notes" in progress.text
        assert waited < 2 * timeout + 2  # not asyncpg's default 60 s
        started = time.monotonic()
        [answer] = await harness.send("what is hoovering")
        assert "hoover" in answer.text.lower()
        assert time.monotonic() - started < 1  # the database just failed: not tried again
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        listener.close()
        await repo.engine.dispose()
