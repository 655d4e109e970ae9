"""The HTTP seam to the Bot API, with one guard: an update the library cannot parse is skipped.

PTB parses a getUpdates batch as a whole; one update it cannot read (for example a poll option
without a field PTB requires) fails the batch every time, so the bot stops answering everyone,
and PTB logs the raw batch (texts, phone numbers) at CRITICAL. Here each update of a batch is
tried on its own before PTB sees it; one that does not parse is replaced by a bare update with
the same id (handlers ignore it, the offset moves on), counted, and nothing of it is logged.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from telegram import Update
from telegram.request import BaseRequest, HTTPXRequest, RequestData

from bot.metrics import UPDATES_SKIPPED

log = logging.getLogger(__name__)


def sanitize_updates(payload: bytes) -> bytes:
    """A getUpdates answer with every unparseable update replaced by a bare one."""
    try:
        body = json.loads(payload)
    except ValueError:
        return payload  # not JSON: PTB reports it as a network error, without content
    result = body.get("result") if isinstance(body, dict) else None
    if not isinstance(result, list):
        return payload
    cleaned: list[Any] = []
    skipped = 0
    for raw in result:
        if not isinstance(raw, dict) or not isinstance(raw.get("update_id"), int):
            skipped += 1  # no id to move past: dropped; the batch's other ids move the offset
            continue
        try:
            Update.de_json(raw, None)
        except Exception:  # any parse failure: skip this one update
            skipped += 1
            cleaned.append({"update_id": raw["update_id"]})
        else:
            cleaned.append(raw)
    if not skipped:
        return payload
    UPDATES_SKIPPED.labels("unparseable").inc(skipped)
    log.warning("skipped %d update(s) the library could not parse", skipped)
    return json.dumps({**body, "result": cleaned}).encode()


class GuardedRequest(HTTPXRequest):
    """PTB's httpx transport; getUpdates answers pass through sanitize_updates."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        status, payload = await super().do_request(
            url,
            method,
            request_data,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
        )
        if url.endswith("/getUpdates") and status == 200:
            payload = sanitize_updates(payload)
        return status, payload
