"""when a typed step began, so steps end after 30 minutes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("pending_since", sa.DateTime(), nullable=True))
    # Steps were written in an older format with no start time: they have ended.
    op.execute("UPDATE users SET pending = NULL")


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("pending_since")
