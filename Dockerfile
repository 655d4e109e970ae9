# Production image: the installed wheel (content included), long polling or webhook.
# Set TELEGRAM_BOT_TOKEN and DATABASE_URL.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY messages ./messages
RUN pip wheel --no-deps --no-cache-dir -w /dist .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
RUN useradd --create-home --uid 10001 bot
COPY --from=build /dist /dist
RUN pip install --no-compile /dist/*.whl && rm -rf /dist
USER bot
WORKDIR /home/bot
# SQLite lives here unless DATABASE_URL points at PostgreSQL.
VOLUME ["/home/bot/data"]
CMD ["trauma-bond-bot", "run"]
# Alive: webhook mode answers /healthz; long polling keeps a heartbeat file fresh.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["trauma-bond-bot", "healthcheck"]
