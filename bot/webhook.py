"""Webhook mode: a small aiohttp server in front of the Application.

- POST <path>: Telegram's updates. The secret header is compared in constant time (403 if it
  differs); a repeated update_id (Telegram retries, or two deliveries) is answered 200 and
  dropped; an update the library cannot parse is skipped and counted, never logged.
- GET /healthz: 200 while the application runs (and the database answers), 503 otherwise.
- GET /metrics: Prometheus counts (bot/metrics.py), nothing personal.
Several instances behind one load balancer share PostgreSQL; all answer users, and one of them
(the holder of the sending lock) dispatches and sends the scheduled messages.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections import OrderedDict
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from telegram import Update

from bot.context import AppType, services_of
from bot.metrics import REGISTRY, UPDATES, UPDATES_SKIPPED

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1_000_000  # Telegram's updates are far smaller; anything bigger is not from it
SEEN_IDS = 10_000  # update_ids remembered to drop repeats


class RecentIds:
    """The last N update ids, to drop a repeated delivery."""

    def __init__(self, size: int = SEEN_IDS) -> None:
        self._ids: OrderedDict[int, None] = OrderedDict()
        self._size = size

    def first_time(self, update_id: int) -> bool:
        if update_id in self._ids:
            return False
        self._ids[update_id] = None
        if len(self._ids) > self._size:
            self._ids.popitem(last=False)
        return True


def make_web_app(application: AppType, secret: str, path: str) -> web.Application:
    """The aiohttp app; `application` must be initialized and started by the caller."""
    seen = RecentIds()
    expected = secret.encode()

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            return web.Response(status=403)
        if (request.content_length or 0) > MAX_BODY:
            return web.Response(status=413)
        try:
            raw: Any = json.loads(await request.read())
        except ValueError:
            UPDATES_SKIPPED.labels("unparseable").inc()
            return web.Response(status=200)  # Telegram would retry a non-200 forever
        update_id = raw.get("update_id") if isinstance(raw, dict) else None
        if not isinstance(update_id, int):
            UPDATES_SKIPPED.labels("unparseable").inc()
            return web.Response(status=200)
        if not seen.first_time(update_id):
            UPDATES_SKIPPED.labels("repeated").inc()
            return web.Response(status=200)
        try:
            update = Update.de_json(raw, application.bot)
        except Exception:  # a shape the library cannot read: skip it, log nothing of it
            UPDATES_SKIPPED.labels("unparseable").inc()
            log.warning("skipped an update the library could not parse")
            return web.Response(status=200)
        UPDATES.labels("webhook").inc()
        await application.update_queue.put(update)
        return web.Response(status=200)

    async def healthz(_: web.Request) -> web.Response:
        services = services_of(application)
        healthy = application.running and services.repo is not None
        if healthy and services.repo is not None:
            healthy = await services.repo.ping()
        return web.json_response({"ok": healthy}, status=200 if healthy else 503)

    async def metrics(_: web.Request) -> web.Response:
        return web.Response(
            body=generate_latest(REGISTRY), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    app = web.Application(client_max_size=MAX_BODY)
    app.router.add_post(path, receive)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    return app
