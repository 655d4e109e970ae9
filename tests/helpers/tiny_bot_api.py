"""A tiny stand-in Bot API for command-line tests: `python tiny_bot_api.py PORT MODE`.

MODE "conflict": every call succeeds except getUpdates, which answers 409 Conflict.
MODE "html404": every call answers a 404 HTML page (a server that is not a Bot API).
"""

from __future__ import annotations

import sys

from aiohttp import web

ME = {
    "id": 1,
    "is_bot": True,
    "first_name": "B",
    "username": "b_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


def main() -> None:
    port, mode = int(sys.argv[1]), sys.argv[2]

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
    web.run_app(app, host="127.0.0.1", port=port, print=None)


if __name__ == "__main__":
    main()
