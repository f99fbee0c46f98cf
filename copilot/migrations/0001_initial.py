"""Initial journal schema: cases, drafts, sent replies, feedback, follow-ups."""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 1


def upgrade(conn: sa.Connection) -> None:
    md = sa.MetaData()
    ts = sa.DateTime(timezone=True)
    sa.Table(
        "cases", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("customer_key", sa.String(320), nullable=True, index=True),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("history_json", sa.Text, nullable=False),
        sa.Column("created_at", ts, nullable=False, index=True),
    )
    sa.Table(
        "drafts", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("lang", sa.String(16), nullable=True),
        sa.Column("model", sa.String(200), nullable=True),
        sa.Column("sources_json", sa.Text, nullable=False),
        sa.Column("specifics_json", sa.Text, nullable=False),
        sa.Column("warnings_json", sa.Text, nullable=False),
        sa.Column("review_json", sa.Text, nullable=True),
        sa.Column("created_at", ts, nullable=False),
    )
    sa.Table(
        "sent", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("edit_distance", sa.Integer, nullable=False),
        sa.Column("review_json", sa.Text, nullable=True),
        sa.Column("sent_at", ts, nullable=False, index=True),
    )
    sa.Table(
        "feedback", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("thumbs", sa.SmallInteger, sa.CheckConstraint("thumbs IN (-1, 1)", name="ck_feedback_thumbs"),
                  nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("created_at", ts, nullable=False),
    )
    sa.Table(
        "followups", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("sent_id", sa.Integer, sa.ForeignKey("sent.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("due_at", ts, nullable=False),
        sa.Column("done_at", ts, nullable=True),
        sa.Index("ix_followups_open", "done_at", "due_at"),
    )
    md.create_all(conn)
