"""privacy: message ids for /hide, the reality-check journal, safety plans

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30

Free-text columns (journal_entries.what/felt, safety_plan_sections.body) hold only ciphertext
from bot/crypto.py. Every table's chat_id cascades from users, so /delete removes all of it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "message_log",
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["chat_id"], ["users.chat_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("chat_id", "message_id"),
    )
    op.create_index("ix_message_log_at", "message_log", ["at"], unique=False)
    op.create_table(
        "journal_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("felt", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["chat_id"], ["users.chat_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_journal_chat", "journal_entries", ["chat_id", "id"], unique=False)
    op.create_table(
        "safety_plan_sections",
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("plan", sa.String(length=16), nullable=False),
        sa.Column("section", sa.String(length=32), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["chat_id"], ["users.chat_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("chat_id", "plan", "section"),
    )


def downgrade() -> None:
    op.drop_table("safety_plan_sections")
    op.drop_index("ix_journal_chat", table_name="journal_entries")
    op.drop_table("journal_entries")
    op.drop_index("ix_message_log_at", table_name="message_log")
    op.drop_table("message_log")
