"""check-ins: triggers and plans, check-in schedules and conversations, reasons, contact log;
the counter's mode and earlier runs; an outbox slot so one kind can send twice in a day

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _user_fk() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["chat_id"], ["users.chat_id"], ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "triggers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name_enc", sa.Text(), nullable=True),
        sa.Column("plan_do_enc", sa.Text(), nullable=True),
        sa.Column("plan_reach_enc", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _user_fk(),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_triggers_chat", "triggers", ["chat_id"])
    op.create_table(
        "checkin_schedules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("trigger_id", sa.Integer(), nullable=True),
        sa.Column("repeat", sa.String(length=10), nullable=False),
        sa.Column("weekdays", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=True),
        sa.Column("local_time", sa.String(length=5), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("next_due_utc", sa.DateTime(), nullable=True),
        sa.Column("deferred_from", sa.DateTime(), nullable=True),
        sa.Column("paused", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _user_fk(),
        sa.ForeignKeyConstraint(["trigger_id"], ["triggers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_checkin_schedules_due", "checkin_schedules", ["next_due_utc"])
    op.create_index("ix_checkin_schedules_chat", "checkin_schedules", ["chat_id"])
    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("schedule_id", sa.Integer(), nullable=True),
        sa.Column("trigger_id", sa.Integer(), nullable=True),
        sa.Column("outbox_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("step", sa.String(length=8), nullable=False),
        sa.Column("pull", sa.Integer(), nullable=True),
        sa.Column("answer", sa.String(length=12), nullable=True),
        sa.Column("answer_trigger_id", sa.Integer(), nullable=True),
        sa.Column("answer_kind", sa.String(length=16), nullable=True),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        _user_fk(),
        sa.ForeignKeyConstraint(["schedule_id"], ["checkin_schedules.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["trigger_id"], ["triggers.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["answer_trigger_id"], ["triggers.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_checkins_chat_status", "checkins", ["chat_id", "status"])
    op.create_table(
        "reasons",
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("text_enc", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _user_fk(),
        sa.PrimaryKeyConstraint("chat_id"),
    )
    op.create_table(
        "contact_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _user_fk(),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_contact_log_chat", "contact_log", ["chat_id", "day"])
    with op.batch_alter_table("no_contact") as batch:
        batch.add_column(
            sa.Column("mode", sa.String(length=8), nullable=False, server_default="none")
        )
        batch.add_column(sa.Column("runs", sa.Text(), nullable=False, server_default=""))
    # Daily rows keep slot '' and so keep their one-a-day key.
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("slot", sa.String(length=24), nullable=False, server_default=""))
        batch.drop_constraint("uq_outbox_day", type_="unique")
        batch.create_unique_constraint("uq_outbox_slot", ["chat_id", "kind", "local_date", "slot"])


def downgrade() -> None:
    op.execute("DELETE FROM outbox WHERE slot <> ''")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_constraint("uq_outbox_slot", type_="unique")
        batch.create_unique_constraint("uq_outbox_day", ["chat_id", "kind", "local_date"])
        batch.drop_column("slot")
    with op.batch_alter_table("no_contact") as batch:
        batch.drop_column("runs")
        batch.drop_column("mode")
    op.drop_index("ix_contact_log_chat", table_name="contact_log")
    op.drop_table("contact_log")
    op.drop_table("reasons")
    op.drop_index("ix_checkins_chat_status", table_name="checkins")
    op.drop_table("checkins")
    op.drop_index("ix_checkin_schedules_chat", table_name="checkin_schedules")
    op.drop_index("ix_checkin_schedules_due", table_name="checkin_schedules")
    op.drop_table("checkin_schedules")
    op.drop_index("ix_triggers_chat", table_name="triggers")
    op.drop_table("triggers")
