"""The reply journal: cases, drafts, sent replies, feedback and follow-ups.

``Journal(url)`` takes a SQLAlchemy URL (``Settings.journal``: sqlite in COPILOT_HOME by default;
``postgresql+psycopg://user:pw@host/db`` for a shared server). On open, the numbered migrations in
``copilot.migrations`` are applied in order, one transaction each, recorded in ``schema_version``.

Durability: every write runs in one transaction that is committed before the call returns.
SQLite runs in WAL mode with ``synchronous=FULL`` (a commit is fsynced) and foreign keys on;
write transactions start with ``BEGIN IMMEDIATE`` so concurrent writers wait (busy timeout)
instead of failing half way.

Times: stored in UTC; returned as timezone-aware UTC datetimes. Naive datetimes passed in are
read as local time. ``record_sent`` reads commitments in the sent text (``copilot.followups``)
relative to ``now`` (default: the local clock) and stores them as follow-ups in the same
transaction as the sent row.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from rapidfuzz.distance import Levenshtein

from copilot import migrations
from copilot.case import CHANNELS, Case, Message
from copilot.errors import JournalError, UsageError
from copilot.followups import find_commitments

__all__ = [
    "Journal", "JournalInputError", "CaseRecord", "DraftRecord", "SentRecord", "FeedbackRecord",
    "FollowUp", "HistoryEntry", "normalize_customer_key", "edit_distance",
]

_PG_ADVISORY_LOCK = 0x636F70696C6F74  # "copilot": serialises migrations between processes


class JournalInputError(JournalError, UsageError):
    """A journal call with a bad argument (unknown id, empty text, thumbs not ±1)."""


# --------------------------------------------------------------------------- helpers

def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance in characters (insert, delete, substitute each cost 1)."""
    return Levenshtein.distance(a, b)


def normalize_customer_key(value: object) -> str | None:
    """One key per customer: Unicode NFKC, case-folded, blanks collapsed, phone separators removed.

    ``" Maija  MEIKÄLÄINEN "`` -> ``"maija meikäläinen"``; ``"040 123-4567"`` -> ``"0401234567"``.
    """
    if value is None:
        return None
    s = unicodedata.normalize("NFKC", str(value)).casefold()
    s = re.sub(r"\s+", " ", s).strip(" .,;:'\"<>")
    if re.fullmatch(r"\+?[\d\s()\-./]{6,}", s):
        s = re.sub(r"[\s()\-./]", "", s)
    return s or None


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return _jsonable(value.value)
    if isinstance(value, Path):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return _jsonable(to_dict())
    return str(value)


def _dumps(value: Any) -> str:
    return json.dumps(_jsonable(value), ensure_ascii=False, sort_keys=True)


def _loads(raw: str | None) -> Any:
    return None if raw is None else json.loads(raw)


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    """First present, non-None field of a mapping or an object."""
    for name in names:
        value = obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)
        if value is not None:
            return value
    return default


def _utc(value: datetime) -> datetime:
    return value.astimezone(timezone.utc)  # naive -> read as local time


class UTCDateTime(sa.types.TypeDecorator):
    """Aware UTC datetimes in and out on every backend (SQLite keeps no zone: stored as UTC text)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        value = _utc(value)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


# --------------------------------------------------------------------------- schema (current version)

_md = sa.MetaData()
schema_version = sa.Table(
    "schema_version", _md,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("applied_at", UTCDateTime, nullable=False),
)
cases = sa.Table(
    "cases", _md,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("customer_key", sa.String(320)),
    sa.Column("channel", sa.String(20)),
    sa.Column("message", sa.Text),
    sa.Column("history_json", sa.Text),
    sa.Column("created_at", UTCDateTime),
)
drafts = sa.Table(
    "drafts", _md,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id")),
    sa.Column("text", sa.Text),
    sa.Column("lang", sa.String(16)),
    sa.Column("model", sa.String(200)),
    sa.Column("sources_json", sa.Text),
    sa.Column("specifics_json", sa.Text),
    sa.Column("warnings_json", sa.Text),
    sa.Column("review_json", sa.Text),
    sa.Column("created_at", UTCDateTime),
)
sent = sa.Table(
    "sent", _md,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id")),
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id")),
    sa.Column("text", sa.Text),
    sa.Column("edit_distance", sa.Integer),
    sa.Column("review_json", sa.Text),
    sa.Column("sent_at", UTCDateTime),
)
feedback = sa.Table(
    "feedback", _md,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id")),
    sa.Column("thumbs", sa.SmallInteger),
    sa.Column("reason", sa.Text),
    sa.Column("created_at", UTCDateTime),
)
followups = sa.Table(
    "followups", _md,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sent_id", sa.Integer, sa.ForeignKey("sent.id")),
    sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id")),
    sa.Column("text", sa.Text),
    sa.Column("due_at", UTCDateTime),
    sa.Column("done_at", UTCDateTime),
)


# --------------------------------------------------------------------------- records

@dataclass(frozen=True)
class FeedbackRecord:
    id: int
    draft_id: int
    thumbs: int
    reason: str | None
    created_at: datetime


@dataclass(frozen=True)
class DraftRecord:
    id: int
    case_id: int
    text: str
    lang: str | None
    model: str | None
    sources: list
    specifics: list
    warnings: list
    review: Any
    created_at: datetime
    feedback: list[FeedbackRecord] = field(default_factory=list)


@dataclass(frozen=True)
class SentRecord:
    id: int
    draft_id: int
    case_id: int
    text: str
    edit_distance: int
    review: Any
    sent_at: datetime


@dataclass(frozen=True)
class FollowUp:
    id: int
    sent_id: int
    case_id: int
    text: str
    due_at: datetime
    done_at: datetime | None
    customer_key: str | None = None
    overdue: bool = False  # due_at <= the `now` given to open_followups


@dataclass(frozen=True)
class CaseRecord:
    id: int
    customer_key: str | None
    channel: str
    message: str
    history: list[dict]
    created_at: datetime
    drafts: list[DraftRecord] = field(default_factory=list)
    sent: list[SentRecord] = field(default_factory=list)
    followups: list[FollowUp] = field(default_factory=list)

    def to_case(self) -> Case:
        return Case.from_dict({"message": self.message, "history": self.history, "channel": self.channel})


@dataclass(frozen=True)
class HistoryEntry:
    """One item of a customer's timeline: an earlier case (their message) or a reply sent to them."""

    kind: str  # "case" | "sent"
    at: datetime
    text: str
    case_id: int
    channel: str
    sent_id: int | None = None
    draft_id: int | None = None

    def to_message(self) -> Message:
        return Message(role="customer" if self.kind == "case" else "agent", text=self.text, at=self.at,
                       channel=self.channel)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- engine

_URL_HINT = ("set COPILOT_JOURNAL_URL like sqlite:////abs/path/journal.sqlite3 "
             "or postgresql+psycopg://user:password@host:5432/dbname")


def _safe(url: sa.URL) -> str:
    return url.render_as_string(hide_password=True)


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


def _make_engine(raw_url: str) -> sa.Engine:
    if not isinstance(raw_url, str) or not raw_url.strip():
        raise JournalError(f"empty journal URL; {_URL_HINT}")
    try:
        url = sa.make_url(raw_url.strip())
    except sa.exc.ArgumentError:
        raise JournalError(f"journal URL {raw_url!r} is not a SQLAlchemy URL; {_URL_HINT}") from None
    backend = url.get_backend_name()
    if backend == "postgres":  # the common libpq spelling; SQLAlchemy wants "postgresql"
        url = url.set(drivername="postgresql")
        backend = "postgresql"
    if backend not in ("sqlite", "postgresql"):
        raise JournalError(f"journal backend {backend!r} is not supported (sqlite or postgresql); {_URL_HINT}")
    kwargs: dict[str, Any] = {}
    if backend == "postgresql":
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")  # psycopg 3 is the driver we ship with
        kwargs["pool_pre_ping"] = True
    else:
        db = url.database
        if db and db != ":memory:" and not db.startswith("file:") and "mode=memory" not in str(url.query):
            try:
                Path(db).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise JournalError(f"cannot create the journal folder for {db}: {exc.strerror}; "
                                   "set COPILOT_HOME or COPILOT_JOURNAL_URL to a writable place") from None
        kwargs["connect_args"] = {"timeout": 15}
    try:
        engine = sa.create_engine(url, **kwargs)
    except sa.exc.NoSuchModuleError:
        raise JournalError(f"no SQLAlchemy driver for {url.drivername!r}; {_URL_HINT}") from None
    except ImportError as exc:
        raise JournalError(f"the database driver for {url.drivername!r} is not installed ({exc.name}); use "
                           "postgresql+psycopg:// after: pip install 'reply-copilot[postgres]'") from None
    if backend == "sqlite":
        _sqlite_events(engine)
    return engine


def _sqlite_events(engine: sa.Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (transactional DDL, IMMEDIATE writes)
        cur = dbapi_conn.cursor()
        try:
            cur.execute("PRAGMA busy_timeout = 15000")
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = FULL")
            cur.execute("PRAGMA foreign_keys = ON")
        finally:
            cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("journal_write") else "BEGIN")


# --------------------------------------------------------------------------- the journal

class Journal:
    """Reply journal over SQLAlchemy (SQLite WAL by default, PostgreSQL for a shared journal)."""

    def __init__(self, url: str, *, clock: Callable[[], datetime] | None = None) -> None:
        self._engine = _make_engine(url)
        self.url = _safe(self._engine.url)
        self.dialect = self._engine.dialect.name
        self._clock = clock or (lambda: datetime.now().astimezone())
        try:
            self._migrate()
        except BaseException:
            self._engine.dispose()
            raise

    @classmethod
    def from_settings(cls, settings: Any = None) -> "Journal":
        from copilot.config import Settings

        return cls((settings or Settings.from_env()).journal)

    # ---- lifecycle
    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> "Journal":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Journal({self.url!r})"

    # ---- transactions
    @contextmanager
    def _tx(self, what: str, *, write: bool) -> Iterator[sa.Connection]:
        try:
            with self._engine.connect() as conn:
                if write:
                    conn.execution_options(journal_write=True)
                with conn.begin():
                    yield conn
        except (JournalError, UsageError):
            raise
        except sa.exc.OperationalError as exc:
            msg = _first_line(exc)
            hint = ("another process is writing the journal; try again" if "locked" in msg or "busy" in msg
                    else f"check the database is reachable and writable; {_URL_HINT}")
            raise JournalError(f"journal {what} failed at {self.url}: {msg}; {hint}") from exc
        except sa.exc.SQLAlchemyError as exc:
            hint = f"; {_URL_HINT}" if what == "open" else ""
            raise JournalError(f"journal {what} failed at {self.url}: {_first_line(exc)}{hint}") from exc

    def _now(self) -> datetime:
        return self._clock()

    # ---- migrations
    def _migrate(self) -> None:
        all_migrations = migrations.discover()
        latest = all_migrations[-1].version
        with self._tx("open", write=True) as conn:
            self._lock(conn)
            schema_version.create(conn, checkfirst=True)
            current = conn.scalar(sa.select(sa.func.max(schema_version.c.version))) or 0
        if current > latest:
            raise JournalError(f"the journal at {self.url} has schema version {current}, newer than this "
                               f"copilot knows ({latest}); upgrade reply-copilot or use another journal")
        for mig in all_migrations:
            if mig.version <= current:
                continue
            with self._tx(f"migration {mig.name}", write=True) as conn:
                self._lock(conn)
                done = conn.scalar(sa.select(sa.func.max(schema_version.c.version))) or 0
                if done >= mig.version:  # another process applied it meanwhile
                    continue
                mig.upgrade(conn)
                conn.execute(schema_version.insert().values(version=mig.version, name=mig.name,
                                                            applied_at=self._now()))

    def _lock(self, conn: sa.Connection) -> None:
        if self.dialect == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_ADVISORY_LOCK})
        # SQLite: BEGIN IMMEDIATE already holds the write lock

    @property
    def schema_version(self) -> int:
        with self._tx("read", write=False) as conn:
            return conn.scalar(sa.select(sa.func.max(schema_version.c.version))) or 0

    # ---- writes
    def record_case(self, case: Case | Mapping[str, Any]) -> int:
        """Store a case (a ``Case`` or its dict form) and return its id."""
        if isinstance(case, Case):
            message, channel = case.message, case.channel
            history = [m.to_dict() for m in case.history]
            key = normalize_customer_key(case.customer.name)
        elif isinstance(case, Mapping):
            message = _get(case, "message", "customer_message", default="")
            channel = _get(case, "channel", default="chat")
            history = []
            for item in case.get("history") or []:
                history.append(item.to_dict() if isinstance(item, Message) else Message.from_dict(item).to_dict())
            key = normalize_customer_key(_customer_key_of(case))
        else:
            raise JournalInputError(f"record_case expects a Case or a dict, got {type(case).__name__}")
        if not isinstance(message, str) or not message.strip():
            raise JournalInputError("record_case needs the customer's message (got an empty text)")
        if channel not in CHANNELS:
            raise JournalInputError(f"channel {channel!r} is not one of {CHANNELS}")
        with self._tx("record_case", write=True) as conn:
            return conn.execute(cases.insert().values(
                customer_key=key, channel=channel, message=message, history_json=_dumps(history),
                created_at=self._now()).returning(cases.c.id)).scalar_one()

    def record_draft(self, case_id: int, draft: Mapping[str, Any] | Any) -> int:
        """Store a draft (a dict or a ``Draft``-like object) for a recorded case; return its id."""
        text = _get(draft, "text", default="")
        if not isinstance(text, str):
            raise JournalInputError(f"the draft text must be a string, got {type(text).__name__}")
        values = dict(
            case_id=case_id, text=text,
            lang=_get(draft, "lang", "language"),
            model=_get(draft, "model", "model_id"),
            sources_json=_dumps(_get(draft, "sources", default=[])),
            specifics_json=_dumps(_get(draft, "specifics", default=[])),
            warnings_json=_dumps(_get(draft, "warnings", default=[])),
            review_json=None if _get(draft, "review") is None else _dumps(_get(draft, "review")),
        )
        with self._tx("record_draft", write=True) as conn:
            if conn.scalar(sa.select(cases.c.id).where(cases.c.id == case_id)) is None:
                raise JournalInputError(f"no case {case_id} in the journal; record_case() first")
            return conn.execute(drafts.insert().values(created_at=self._now(), **values)
                                .returning(drafts.c.id)).scalar_one()

    def record_sent(self, draft_id: int, text: str, review: Mapping[str, Any] | Any = None, *,
                    now: datetime | None = None) -> int:
        """Store the text the agent sent for a draft, its edit distance from the draft, the review,
        and the follow-ups promised in it, all in one transaction. Returns the sent id.

        ``now``: the send time, also the base for "tomorrow" etc. (default: local clock).
        """
        if not isinstance(text, str) or not text.strip():
            raise JournalInputError("record_sent needs the sent text (got an empty text)")
        now = now or self._now()
        with self._tx("record_sent", write=True) as conn:
            row = conn.execute(sa.select(drafts.c.case_id, drafts.c.text, drafts.c.lang)
                               .where(drafts.c.id == draft_id)).first()
            if row is None:
                raise JournalInputError(f"no draft {draft_id} in the journal; record_draft() first")
            sent_id = conn.execute(sent.insert().values(
                draft_id=draft_id, case_id=row.case_id, text=text,
                edit_distance=edit_distance(row.text or "", text),
                review_json=None if review is None else _dumps(review), sent_at=now,
            ).returning(sent.c.id)).scalar_one()
            commitments = find_commitments(text, now=now, lang=row.lang)
            if commitments:
                conn.execute(followups.insert(), [
                    {"sent_id": sent_id, "case_id": row.case_id, "text": c.text, "due_at": c.due_at,
                     "done_at": None} for c in commitments])
            return sent_id

    def record_feedback(self, draft_id: int, thumbs: int, reason: str | None = None) -> int:
        """Thumbs up (+1) or down (-1) on a draft, with an optional reason. Returns the feedback id."""
        if isinstance(thumbs, bool) or thumbs not in (1, -1):
            raise JournalInputError(f"thumbs must be +1 or -1, got {thumbs!r}")
        with self._tx("record_feedback", write=True) as conn:
            if conn.scalar(sa.select(drafts.c.id).where(drafts.c.id == draft_id)) is None:
                raise JournalInputError(f"no draft {draft_id} in the journal")
            return conn.execute(feedback.insert().values(
                draft_id=draft_id, thumbs=int(thumbs), reason=(reason or None), created_at=self._now(),
            ).returning(feedback.c.id)).scalar_one()

    def mark_done(self, followup_id: int, *, now: datetime | None = None) -> None:
        """Mark a follow-up done (idempotent: the first done time is kept)."""
        with self._tx("mark_done", write=True) as conn:
            result = conn.execute(followups.update()
                                  .where(followups.c.id == followup_id, followups.c.done_at.is_(None))
                                  .values(done_at=now or self._now()))
            if result.rowcount == 0 and conn.scalar(
                    sa.select(followups.c.id).where(followups.c.id == followup_id)) is None:
                raise JournalInputError(f"no follow-up {followup_id} in the journal")

    # ---- reads
    def open_followups(self, now: datetime | None = None, *, limit: int | None = None) -> list[FollowUp]:
        """Follow-ups not yet done, soonest due first; ``overdue`` is set against ``now``."""
        now_utc = _utc(now or self._now())
        query = (sa.select(followups, cases.c.customer_key)
                 .join(cases, cases.c.id == followups.c.case_id)
                 .where(followups.c.done_at.is_(None))
                 .order_by(followups.c.due_at, followups.c.id))
        if limit is not None:
            query = query.limit(limit)
        with self._tx("open_followups", write=False) as conn:
            rows = conn.execute(query).all()
        return [_followup(r, now_utc) for r in rows]

    def get_case(self, case_id: int) -> CaseRecord | None:
        """A case with its drafts (and their feedback), sent replies and follow-ups; None if unknown."""
        found = self._cases(sa.select(cases).where(cases.c.id == case_id))
        return found[0] if found else None

    def recent_cases(self, limit: int = 20) -> list[CaseRecord]:
        """The newest cases first, each with drafts, sent replies and follow-ups."""
        return self._cases(sa.select(cases).order_by(cases.c.created_at.desc(), cases.c.id.desc()).limit(limit))

    def customer_history(self, customer_key: str | None, limit: int = 10, *,
                         exclude_case_id: int | None = None) -> list[HistoryEntry]:
        """Earlier cases and sent replies of one customer, newest first (the side panel's timeline).

        The key is normalised like at record time, so a raw name or phone number works.
        Cases recorded without a customer are never grouped together.
        """
        key = normalize_customer_key(customer_key)
        if key is None or limit <= 0:
            return []
        case_q = sa.select(cases).where(cases.c.customer_key == key)
        sent_q = (sa.select(sent, cases.c.channel).join(cases, cases.c.id == sent.c.case_id)
                  .where(cases.c.customer_key == key))
        if exclude_case_id is not None:
            case_q = case_q.where(cases.c.id != exclude_case_id)
            sent_q = sent_q.where(sent.c.case_id != exclude_case_id)
        case_q = case_q.order_by(cases.c.created_at.desc(), cases.c.id.desc()).limit(limit)
        sent_q = sent_q.order_by(sent.c.sent_at.desc(), sent.c.id.desc()).limit(limit)
        with self._tx("customer_history", write=False) as conn:
            entries = [HistoryEntry("case", r.created_at, r.message, r.id, r.channel)
                       for r in conn.execute(case_q)]
            entries += [HistoryEntry("sent", r.sent_at, r.text, r.case_id, r.channel, r.id, r.draft_id)
                        for r in conn.execute(sent_q)]
        # newest first; at equal times a reply comes after (so above) its case
        entries.sort(key=lambda e: (e.at, e.case_id, e.kind == "sent", e.sent_id or 0), reverse=True)
        return entries[:limit]

    def _cases(self, query: sa.Select) -> list[CaseRecord]:
        with self._tx("read", write=False) as conn:
            case_rows = conn.execute(query).all()
            ids = [r.id for r in case_rows]
            if not ids:
                return []
            draft_rows = conn.execute(sa.select(drafts).where(drafts.c.case_id.in_(ids))
                                      .order_by(drafts.c.id)).all()
            draft_ids = [r.id for r in draft_rows]
            fb_rows = conn.execute(sa.select(feedback).where(feedback.c.draft_id.in_(draft_ids))
                                   .order_by(feedback.c.id)).all() if draft_ids else []
            sent_rows = conn.execute(sa.select(sent).where(sent.c.case_id.in_(ids)).order_by(sent.c.id)).all()
            fu_rows = conn.execute(sa.select(followups, cases.c.customer_key)
                                   .join(cases, cases.c.id == followups.c.case_id)
                                   .where(followups.c.case_id.in_(ids))
                                   .order_by(followups.c.due_at, followups.c.id)).all()
        now_utc = _utc(self._now())
        fb_by_draft: dict[int, list[FeedbackRecord]] = {}
        for r in fb_rows:
            fb_by_draft.setdefault(r.draft_id, []).append(
                FeedbackRecord(r.id, r.draft_id, r.thumbs, r.reason, r.created_at))
        out = []
        for c in case_rows:
            out.append(CaseRecord(
                id=c.id, customer_key=c.customer_key, channel=c.channel, message=c.message,
                history=_loads(c.history_json) or [], created_at=c.created_at,
                drafts=[DraftRecord(d.id, d.case_id, d.text, d.lang, d.model, _loads(d.sources_json) or [],
                                    _loads(d.specifics_json) or [], _loads(d.warnings_json) or [],
                                    _loads(d.review_json), d.created_at, fb_by_draft.get(d.id, []))
                        for d in draft_rows if d.case_id == c.id],
                sent=[SentRecord(s.id, s.draft_id, s.case_id, s.text, s.edit_distance, _loads(s.review_json),
                                 s.sent_at) for s in sent_rows if s.case_id == c.id],
                followups=[_followup(f, now_utc) for f in fu_rows if f.case_id == c.id],
            ))
        return out


def _followup(row: Any, now_utc: datetime) -> FollowUp:
    return FollowUp(id=row.id, sent_id=row.sent_id, case_id=row.case_id, text=row.text, due_at=row.due_at,
                    done_at=row.done_at, customer_key=row.customer_key,
                    overdue=row.done_at is None and row.due_at <= now_utc)


def _customer_key_of(case: Mapping[str, Any]) -> Any:
    explicit = _get(case, "customer_key", "customer_id")
    if explicit is not None:
        return explicit
    customer = case.get("customer")
    if isinstance(customer, Mapping):
        return _get(customer, "id", "customer_id", "email", "phone", "name")
    if isinstance(customer, str):
        return customer
    if customer is not None:  # a CustomerProfile
        return getattr(customer, "name", None)
    return None
