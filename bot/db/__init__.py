"""Storage: SQLAlchemy models, repositories, the engine and Alembic migrations.

Code outside bot/db/ uses `Repo` and the engine helpers named here, nothing else.
"""

from bot.db.engine import DatabaseUnavailable, make_engine, migrate
from bot.db.repo import Repo

__all__ = ["DatabaseUnavailable", "Repo", "make_engine", "migrate"]
