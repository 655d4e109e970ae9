"""claims carry the sender's epoch; a message that may have been delivered is retried once

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        # The epoch of the sending role under which the row was claimed ('sending').
        batch.add_column(sa.Column("claimed_epoch", sa.BigInteger(), nullable=True))
        # Attempts that may have reached Telegram without our knowing (0, 1 or 2).
        batch.add_column(
            sa.Column("uncertain", sa.SmallInteger(), nullable=False, server_default="0")
        )
        # A retry after such an attempt waits until then.
        batch.add_column(sa.Column("not_before", sa.DateTime(), nullable=True))
    # One row: the epoch of the sending role, raised by every new holder. A test database
    # reset that drops the other tables may leave it; it only ever counts up.
    if not sa.inspect(op.get_bind()).has_table("sender_epoch"):
        op.create_table(
            "sender_epoch",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("epoch", sa.BigInteger(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
        op.execute("INSERT INTO sender_epoch (id, epoch) VALUES (1, 0)")


def downgrade() -> None:
    op.drop_table("sender_epoch")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("not_before")
        batch.drop_column("uncertain")
        batch.drop_column("claimed_epoch")
