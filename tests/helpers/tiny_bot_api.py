"""A tiny stand-in Bot API for command-line tests, served on a thread (`serving(MODE)`).

MODE "conflict": every call succeeds except getUpdates, which answers 409 Conflict.
MODE "html404": every call answers a 404 HTML page (a server that is not a Bot API).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from aiohttp import web

from tests.helpers.threaded import loop_on_a_thread

ME = {
    "id": 1,
    "is_bot": True,
    "first_name": "B",
    "username": "b_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


def make_app(mode: str) -> web.Application:
    async def answer(request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if mode == "html404":
            return web.Response(status=404, text="<html>nope</html>", content_type="text/html")
        if method == "getUpdates":
            return web.json_response(
                {
                    "ok": False,
                    "error_code": 409,
                    "description": "Conflict: terminated by other "
                    "getUpdates request; make sure that only one bot instance is running",
                },
                status=409,
            )
        result: object = ME if method == "getMe" else True
        return web.json_response({"ok": True, "result": result})

    app = web.Application()
    app.router.add_route("*", "/{token}/{method}", answer)
    return app


@contextlib.contextmanager
def serving(mode: str) -> Iterator[str]:
    """The stand-in on a free port of 127.0.0.1; its base URL."""
    with loop_on_a_thread() as call:
        runner = web.AppRunner(make_app(mode), access_log=None)

        async def start() -> int:
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            return int(runner.addresses[0][1])

        port = call(start())
        try:
            yield f"http://127.0.0.1:{port}/bot"
        finally:
            call(runner.cleanup())
