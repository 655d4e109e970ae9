# Production image: long polling on Telegram. Set TELEGRAM_BOT_TOKEN and DATABASE_URL.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
RUN useradd --create-home --uid 10001 bot

COPY pyproject.toml README.md ./
COPY bot ./bot
COPY messages ./messages
RUN pip install --no-compile .

USER bot
# SQLite lives here unless DATABASE_URL points at PostgreSQL.
VOLUME ["/app/data"]
CMD ["python", "-m", "bot", "run"]
