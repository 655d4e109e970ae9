"""Settings, read once from the environment (and an optional .env) and passed in."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.policy import DEFAULT_GRACE

DEFAULT_SQLITE_URL = "sqlite+aiosqlite:///./data/bot.sqlite3"
TELEGRAM_API = "https://api.telegram.org/bot"
_TOKEN_SHAPE = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{30,}$")
_URL_SHAPE = re.compile(r"^(sqlite\+aiosqlite|postgresql\+asyncpg)://")


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line for a person."""


class Settings(BaseSettings):
    """Everything the bot reads from its environment."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = TELEGRAM_API
    database_url: str = DEFAULT_SQLITE_URL
    default_country: str = "US"
    default_timezone: str = "UTC"
    log_level: str = "INFO"
    # Bulk (scheduled) sends per second; Telegram allows about 30, we leave headroom for replies.
    bulk_rate_per_second: float = Field(default=25.0, gt=0, le=10_000)
    # Total sends per second the sender plans for (bulk + interactive).
    global_rate_per_second: float = Field(default=30.0, gt=0, le=10_000)
    grace_minutes: int = Field(default=int(DEFAULT_GRACE.total_seconds() // 60), ge=0, le=24 * 60)
    dispatch_interval_seconds: float = Field(default=2.0, gt=0, le=60)
    # Webhook mode (`python -m bot webhook`): the public HTTPS address Telegram posts to, the
    # secret it sends back in a header, and where this process listens (behind a proxy).
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    # Encryption at rest (bot/crypto.py): `id:base64key[,id:base64key]`, the active key first;
    # or a file with one such line per key. Never stored in the database.
    encryption_keys: SecretStr | None = None
    encryption_key_file: Path | None = None
    # --- privacy: Telegram user ids allowed /stats (counts only): ADMIN_IDS=123,456 ---
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _admins(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p.strip() for p in value.replace(";", ",").split(",") if p.strip()]
            if not all(re.fullmatch(r"-?\d{1,20}", p) for p in parts):
                raise ValueError("ADMIN_IDS must be Telegram user ids separated by commas")
            return frozenset(int(p) for p in parts)
        return value

    # --- end privacy ---

    @field_validator("default_country")
    @classmethod
    def _country(cls, value: str) -> str:
        value = value.strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", value):
            raise ValueError("DEFAULT_COUNTRY must be a two-letter code such as US or GB")
        return value

    @field_validator("default_timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"DEFAULT_TIMEZONE {value!r} is not an IANA time zone") from exc
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        value = value.strip().upper()
        if value not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL")
        return value

    @field_validator("database_url")
    @classmethod
    def _url(cls, value: str) -> str:
        value = value.strip()
        if value.startswith("postgresql://") or value.startswith("postgres://"):
            value = "postgresql+asyncpg://" + value.split("://", 1)[1]
        elif value.startswith("sqlite:///"):
            value = "sqlite+aiosqlite:///" + value.removeprefix("sqlite:///")
        if not _URL_SHAPE.match(value):
            raise ValueError(
                "DATABASE_URL must start with sqlite+aiosqlite:// or postgresql+asyncpg://"
            )
        return value

    @property
    def grace(self) -> timedelta:
        return timedelta(minutes=self.grace_minutes)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def sqlite_path(self) -> Path | None:
        """The database file, so its folder can be created on first run."""
        if not self.is_sqlite:
            return None
        raw = self.database_url.split(":///", 1)[1].split("?", 1)[0]
        return None if raw in {"", ":memory:"} else Path(raw)

    def require_token(self) -> str:
        """The token, checked for Telegram's shape; SettingsError if it is missing or malformed."""
        if self.telegram_bot_token is None or not self.telegram_bot_token.get_secret_value():
            raise SettingsError(
                "TELEGRAM_BOT_TOKEN is not set. Get one from @BotFather, put it in .env "
                "or the environment, or try the bot without one: python -m bot chat"
            )
        token = self.telegram_bot_token.get_secret_value().strip()
        if not _TOKEN_SHAPE.match(token):
            raise SettingsError(
                "TELEGRAM_BOT_TOKEN does not look like a bot token (expected digits, a colon, "
                "then 30+ letters, digits, _ or -)."
            )
        return token


def require_webhook(settings: Settings) -> tuple[str, str]:
    """(WEBHOOK_URL, WEBHOOK_SECRET), checked; SettingsError if either is missing or bad."""
    url = (settings.webhook_url or "").strip()
    if not url.startswith("https://"):
        raise SettingsError("WEBHOOK_URL must be the bot's public https:// address for Telegram.")
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    if not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", secret):
        raise SettingsError(
            "WEBHOOK_SECRET must be 16-256 letters, digits, _ or - (Telegram sends it back)."
        )
    return url, secret


def webhook_path(settings: Settings) -> str:
    """The path part of WEBHOOK_URL, where updates are posted ("/telegram" if none)."""
    from urllib.parse import urlsplit

    path = urlsplit(settings.webhook_url or "").path
    return path if path and path != "/" else "/telegram"


def load_settings() -> Settings:
    """Read settings, turning validation errors into one readable line."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]).upper() or "settings"
        message = str(first.get("msg", "invalid value")).removeprefix("Value error, ")
        raise SettingsError(f"{field}: {message}") from None
