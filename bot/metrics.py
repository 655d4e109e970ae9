"""Prometheus metrics, served at /metrics in webhook mode. Counts only: never text or ids."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

UPDATES = Counter("bot_updates_total", "Updates received", ["source"], registry=REGISTRY)
UPDATES_SKIPPED = Counter(
    "bot_updates_skipped_total",
    "Updates skipped: unparseable, or a repeated update_id",
    ["reason"],
    registry=REGISTRY,
)
REPLIES = Counter(
    "bot_replies_total", "Messages sent, by priority", ["priority"], registry=REGISTRY
)
RETRY_AFTER = Counter("bot_429_total", "Telegram 429 answers (retry_after)", registry=REGISTRY)
BULK = Counter("bot_bulk_total", "Scheduled messages, by outcome", ["outcome"], registry=REGISTRY)
QUEUE_DEPTH = Gauge("bot_queue_depth", "Sends waiting for their turn", registry=REGISTRY)
REPLY_LATENCY = Histogram(
    "bot_reply_latency_seconds",
    "From an update's arrival to the bot's reply",
    registry=REGISTRY,
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
