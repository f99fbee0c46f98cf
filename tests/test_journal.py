"""The reply journal on SQLite (tmp dir) and on a real PostgreSQL server (marked `server`)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from copilot import journal as journal_mod
from copilot import migrations
from copilot.case import Case, CustomerProfile, Message
from copilot.errors import JournalError, UsageError
from copilot.journal import Journal, JournalInputError, edit_distance, normalize_customer_key

try:
    import pg_server
except ImportError:  # tests/ imported as a package
    from tests import pg_server  # type: ignore[no-redef]

REPO = Path(__file__).resolve().parents[1]
EET = timezone(timedelta(hours=2), "EET")
START = datetime(2026, 11, 18, 9, 0, tzinfo=EET)  # Wednesday
LATEST = migrations.discover()[-1].version


class Clock:
    """Deterministic clock: every reading is one minute after the previous one."""

    def __init__(self, start: datetime = START) -> None:
        self.t = start

    def __call__(self) -> datetime:
        self.t += timedelta(minutes=1)
        return self.t


# --------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="session")
def pg():
    reason = pg_server.missing_reason()
    if reason:
        pytest.skip(reason)
    server = pg_server.PostgresServer.start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.server)])
def url(request, tmp_path):
    """A fresh, empty journal database URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'journal.sqlite3'}"
        return
    pg = request.getfixturevalue("pg")
    name = f"journal_{uuid.uuid4().hex[:12]}"
    u = pg.create_database(name)
    yield u
    pg.drop_database(name)


@pytest.fixture()
def clock():
    return Clock()


@pytest.fixture()
def journal(url, clock):
    j = Journal(url, clock=clock)
    yield j
    j.close()


@pytest.fixture()
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'journal.sqlite3'}"


def _case(name="Maija Meikäläinen", message="Missä pakettini on? Seurantakoodi JJFI123456789.", **extra):
    return {"message": message, "customer": {"name": name}, "channel": "email",
            "history": [{"role": "customer", "text": "Tilasin kengät.", "at": "2026-11-10T12:00"}], **extra}


def _draft(text="Hei Maija! Selvitän asian ja palaan huomenna.", lang="fi"):
    return {"text": text, "lang": lang, "model": "fake/composer",
            "sources": [{"path": "toimitus.md", "heading": "Viivästykset", "score": 0.8}],
            "specifics": [{"kind": "tracking_id", "value": "JJFI123456789"}],
            "warnings": ["no greeting name"], "review": {"score": 81.5, "flags": []}}


def _raw(url: str, sql: str):
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(sql)).all()
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- migrations

def test_migrations_are_numbered_files_with_version_and_upgrade():
    found = migrations.discover()
    assert [m.version for m in found] == list(range(1, len(found) + 1))
    folder = Path(migrations.__file__).parent
    for m in found:
        assert (folder / f"{m.name}.py").is_file()
        assert m.name.startswith(f"{m.version:04d}_")


def test_open_migrates_once_and_reopen_is_idempotent(url):
    Journal(url).close()
    first = _raw(url, "SELECT version, name, applied_at FROM schema_version ORDER BY version")
    assert [r[0] for r in first] == list(range(1, LATEST + 1))
    assert first[0][1] == "0001_initial"
    with Journal(url) as j:
        assert j.schema_version == LATEST
    with Journal(url) as j:
        j.record_case(_case())
    assert _raw(url, "SELECT version, name, applied_at FROM schema_version ORDER BY version") == first
    tables = set(sa.inspect(sa.create_engine(url)).get_table_names())
    assert {"schema_version", "cases", "drafts", "sent", "feedback", "followups"} <= tables


def _fake_migration(calls, fail=False):
    def upgrade(conn):
        calls.append(1)
        conn.execute(sa.text("CREATE TABLE extra_notes (id INTEGER PRIMARY KEY, note TEXT)"))
        conn.execute(sa.text("INSERT INTO extra_notes (id, note) VALUES (1, 'x')"))
        if fail:
            raise RuntimeError("migration broke half way")
    return migrations.Migration(LATEST + 1, f"{LATEST + 1:04d}_extra_notes", upgrade)


def test_new_migration_is_applied_in_order_on_reopen(url, monkeypatch):
    Journal(url).close()
    calls: list[int] = []
    real = migrations.discover
    monkeypatch.setattr(migrations, "discover", lambda: real() + [_fake_migration(calls)])
    with Journal(url) as j:
        assert j.schema_version == LATEST + 1
    with Journal(url) as j:
        assert j.schema_version == LATEST + 1
    assert calls == [1]
    assert _raw(url, "SELECT note FROM extra_notes") == [("x",)]


def test_failed_migration_rolls_back_whole(url, monkeypatch):
    Journal(url).close()
    real = migrations.discover
    monkeypatch.setattr(migrations, "discover", lambda: real() + [_fake_migration([], fail=True)])
    with pytest.raises(RuntimeError, match="half way"):
        Journal(url)
    assert "extra_notes" not in sa.inspect(sa.create_engine(url)).get_table_names()  # DDL rolled back too
    assert _raw(url, "SELECT max(version) FROM schema_version") == [(LATEST,)]
    monkeypatch.setattr(migrations, "discover", real)
    with Journal(url) as j:  # still usable at the old version
        assert j.schema_version == LATEST


def test_newer_schema_is_refused(url):
    Journal(url).close()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO schema_version (version, name, applied_at) "
                             "VALUES (99, '0099_future', '2030-01-01 00:00:00')"))
    engine.dispose()
    with pytest.raises(JournalError, match="newer"):
        Journal(url)


def test_concurrent_first_opens_migrate_once(url):
    errors: list[BaseException] = []

    def open_it():
        try:
            Journal(url).close()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert _raw(url, "SELECT count(*) FROM schema_version") == [(LATEST,)]


# --------------------------------------------------------------------------- SQLite settings

def test_sqlite_wal_full_sync_foreign_keys(sqlite_url, tmp_path):
    with Journal(sqlite_url) as j:
        with j._engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    raw = sqlite3.connect(tmp_path / "journal.sqlite3")
    try:  # WAL is persistent in the file
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        raw.close()


def test_sqlite_writes_take_the_write_lock_up_front(sqlite_url):
    with Journal(sqlite_url) as j:
        seen: list[str] = []
        sa.event.listen(j._engine, "before_cursor_execute", lambda conn, cur, stmt, *a: seen.append(stmt.strip()))
        case_id = j.record_case(_case())
        assert seen[0] == "BEGIN IMMEDIATE"  # writers queue on the lock instead of failing mid-way
        seen.clear()
        j.get_case(case_id)
        assert seen[0] == "BEGIN"  # readers do not block writers (WAL)


def test_sqlite_foreign_keys_enforced(sqlite_url):
    with Journal(sqlite_url) as j, j._engine.begin() as conn, pytest.raises(sa.exc.IntegrityError):
        conn.execute(sa.text("INSERT INTO drafts (case_id, text, sources_json, specifics_json, warnings_json, "
                             "created_at) VALUES (999, 'x', '[]', '[]', '[]', '2026-01-01 00:00:00')"))


def test_default_url_from_settings_is_sqlite_in_home(home):
    with Journal.from_settings() as j:
        assert j.dialect == "sqlite"
        j.record_case(_case())
    assert (home / "journal.sqlite3").is_file()


# --------------------------------------------------------------------------- the API

def test_full_flow_round_trip(journal, clock):
    case_id = journal.record_case(_case())
    draft_id = journal.record_draft(case_id, _draft())
    fb_id = journal.record_feedback(draft_id, -1, "liian muodollinen")
    sent_text = "Hei Maija! Selvitän asian ja palaan huomenna klo 12 mennessä."
    sent_at = datetime(2026, 11, 18, 10, 0, tzinfo=EET)
    sent_id = journal.record_sent(draft_id, sent_text, {"score": 92.0, "flags": ["ok"]}, now=sent_at)
    assert all(isinstance(i, int) for i in (case_id, draft_id, fb_id, sent_id))

    rec = journal.get_case(case_id)
    assert rec.customer_key == "maija meikäläinen"
    assert rec.channel == "email" and rec.message.startswith("Missä pakettini")
    assert rec.history == [{"role": "customer", "text": "Tilasin kengät.", "at": "2026-11-10T12:00:00",
                            "channel": None}]
    assert rec.created_at.tzinfo == timezone.utc and START < rec.created_at < clock.t  # the journal's clock
    (d,) = rec.drafts
    assert (d.text, d.lang, d.model) == (_draft()["text"], "fi", "fake/composer")
    assert d.sources == _draft()["sources"] and d.specifics == _draft()["specifics"]
    assert d.warnings == ["no greeting name"] and d.review == {"score": 81.5, "flags": []}
    assert [(f.thumbs, f.reason) for f in d.feedback] == [(-1, "liian muodollinen")]
    (s,) = rec.sent
    assert (s.text, s.draft_id, s.case_id) == (sent_text, draft_id, case_id)
    assert s.edit_distance == edit_distance(_draft()["text"], sent_text) > 0
    assert s.review == {"score": 92.0, "flags": ["ok"]}
    assert s.sent_at == sent_at and s.sent_at.tzinfo == timezone.utc
    (fu,) = rec.followups
    assert fu.text == "Selvitän asian ja palaan huomenna klo 12 mennessä."
    assert fu.due_at == datetime(2026, 11, 19, 12, 0, tzinfo=EET)
    assert fu.sent_id == sent_id and fu.done_at is None
    assert rec.to_case() == Case(message=rec.message, channel="email",
                                 history=(Message("customer", "Tilasin kengät.", datetime(2026, 11, 10, 12, 0)),))


def test_record_case_accepts_case_objects(journal):
    case = Case(message="Hello, my invoice is wrong.", channel="chat",
                customer=CustomerProfile(name="John SMITH"),
                history=(Message("customer", "Earlier question", channel="email"),))
    rec = journal.get_case(journal.record_case(case))
    assert rec.customer_key == "john smith" and rec.channel == "chat"
    assert rec.history[0]["text"] == "Earlier question"


def test_record_draft_accepts_objects(journal):
    from dataclasses import dataclass

    @dataclass
    class Source:
        path: str
        score: float

    @dataclass
    class Draft:
        text: str
        language: str
        model_id: str
        sources: list
        warnings: tuple

    case_id = journal.record_case(_case())
    draft_id = journal.record_draft(case_id, Draft("Hello", "en", "gpt-x", [Source("a.md", 0.5)], ("w",)))
    (d,) = journal.get_case(case_id).drafts
    assert d.id == draft_id and (d.lang, d.model) == ("en", "gpt-x")
    assert d.sources == [{"path": "a.md", "score": 0.5}] and d.warnings == ["w"] and d.review is None


def test_record_sent_writes_english_followups_and_none_without_promises(journal):
    case_id = journal.record_case(_case(name="John", message="Where is my refund?"))
    d1 = journal.record_draft(case_id, _draft("Hi John, the refund is on its way.", lang="en"))
    journal.record_sent(d1, "Hi John, the refund is on its way.", None)
    assert journal.open_followups() == []
    d2 = journal.record_draft(case_id, _draft("Hi John, I'll check.", lang="en"))
    now = datetime(2026, 11, 18, 10, 0, tzinfo=EET)
    journal.record_sent(d2, "Hi John, I'll check it and we'll email you by Friday. I will call you tomorrow at 3 pm.",
                        None, now=now)
    fus = journal.open_followups(now)
    assert [(f.text, f.due_at) for f in fus] == [
        ("I will call you tomorrow at 3 pm.", datetime(2026, 11, 19, 15, 0, tzinfo=EET)),
        ("I'll check it and we'll email you by Friday.", datetime(2026, 11, 20, 16, 0, tzinfo=EET)),
    ]
    assert all(f.customer_key == "john" and not f.overdue for f in fus)


def test_open_followups_overdue_and_mark_done(journal):
    case_id = journal.record_case(_case())
    draft_id = journal.record_draft(case_id, _draft())
    now = datetime(2026, 11, 18, 10, 0, tzinfo=EET)
    journal.record_sent(draft_id, "Soitan tänään klo 15. Lähetän kuitin perjantaina.", None, now=now)
    later = datetime(2026, 11, 18, 15, 30, tzinfo=EET)
    first, second = journal.open_followups(later)
    assert first.due_at < second.due_at
    assert first.overdue and not second.overdue
    journal.mark_done(first.id, now=later)
    journal.mark_done(first.id, now=later + timedelta(hours=1))  # idempotent: keeps the first time
    assert [f.id for f in journal.open_followups(later)] == [second.id]
    (done,) = [f for f in journal.get_case(case_id).followups if f.id == first.id]
    assert done.done_at == later and not done.overdue
    with pytest.raises(JournalInputError, match="no follow-up 9999"):
        journal.mark_done(9999)


def test_customer_history_newest_first(journal, clock):
    a1 = journal.record_case(_case(name="Maija Meikäläinen", message="Ensimmäinen kysymys"))
    d1 = journal.record_draft(a1, _draft("Vastaus yksi"))
    journal.record_sent(d1, "Vastaus yksi, lähetetty", None, now=clock())
    journal.record_case(_case(name="Other Person", message="Muu asiakas"))
    journal.record_case({"message": "Nimetön 1"})
    journal.record_case({"message": "Nimetön 2"})
    a2 = journal.record_case(_case(name="  MAIJA   meikäläinen ", message="Toinen kysymys"))
    d2 = journal.record_draft(a2, _draft("Vastaus kaksi"))
    journal.record_sent(d2, "Vastaus kaksi, lähetetty", None, now=clock())

    hist = journal.customer_history("Maija Meikäläinen")
    assert [(h.kind, h.text) for h in hist] == [
        ("sent", "Vastaus kaksi, lähetetty"), ("case", "Toinen kysymys"),
        ("sent", "Vastaus yksi, lähetetty"), ("case", "Ensimmäinen kysymys")]
    assert [h.at for h in hist] == sorted((h.at for h in hist), reverse=True)
    assert hist[0].to_message().role == "agent" and hist[1].to_message().role == "customer"
    assert [h.text for h in journal.customer_history("maija meikäläinen", limit=2)] == \
        ["Vastaus kaksi, lähetetty", "Toinen kysymys"]
    assert [h.case_id for h in journal.customer_history("maija meikäläinen", exclude_case_id=a2)] == [a1, a1]
    assert journal.customer_history(None) == [] and journal.customer_history("   ") == []
    assert journal.customer_history("nobody") == []


def test_customer_key_from_dict_fields(journal):
    assert journal.get_case(journal.record_case({"message": "x", "customer_key": "ID-42"})).customer_key == "id-42"
    assert journal.get_case(journal.record_case(
        {"message": "x", "customer": {"name": "Ann", "email": "Ann@Example.FI"}})).customer_key == "ann@example.fi"
    assert journal.get_case(journal.record_case({"message": "x", "customer": "Ann"})).customer_key == "ann"
    assert journal.get_case(journal.record_case({"message": "x"})).customer_key is None
    assert normalize_customer_key("040 123-4567") == normalize_customer_key("0401234567") == "0401234567"


def test_recent_cases_and_get_case(journal):
    ids = [journal.record_case(_case(message=f"viesti {i}")) for i in range(5)]
    recent = journal.recent_cases(3)
    assert [c.id for c in recent] == ids[::-1][:3]
    assert [c.message for c in recent] == ["viesti 4", "viesti 3", "viesti 2"]
    assert journal.get_case(123456) is None
    assert journal.recent_cases(0) == []


def test_bad_arguments(journal):
    case_id = journal.record_case(_case())
    draft_id = journal.record_draft(case_id, _draft())
    for call, match in [
        (lambda: journal.record_case({"message": "  "}), "empty"),
        (lambda: journal.record_case({"message": "x", "channel": "fax"}), "channel"),
        (lambda: journal.record_case(42), "Case or a dict"),
        (lambda: journal.record_draft(999, _draft()), "no case 999"),
        (lambda: journal.record_sent(999, "teksti", None), "no draft 999"),
        (lambda: journal.record_sent(draft_id, "", None), "empty"),
        (lambda: journal.record_feedback(draft_id, 0, None), r"\+1 or -1"),
        (lambda: journal.record_feedback(draft_id, True, None), r"\+1 or -1"),
        (lambda: journal.record_feedback(999, 1, None), "no draft 999"),
    ]:
        with pytest.raises(JournalInputError, match=match) as info:
            call()
        assert isinstance(info.value, JournalError) and isinstance(info.value, UsageError)
    assert journal.get_case(case_id).sent == []


def test_failure_inside_send_rolls_back_everything(journal, monkeypatch):
    case_id = journal.record_case(_case())
    draft_id = journal.record_draft(case_id, _draft())

    def boom(*a, **k):
        raise RuntimeError("extractor crashed")

    monkeypatch.setattr(journal_mod, "find_commitments", boom)
    with pytest.raises(RuntimeError):
        journal.record_sent(draft_id, "Soitan huomenna.", None)
    rec = journal.get_case(case_id)
    assert rec.sent == [] and rec.followups == [] and len(rec.drafts) == 1


def test_edit_distance():
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("", "abc") == 3
    assert edit_distance("hyvää päivää", "hyvää päivää") == 0
    assert edit_distance("Hei Maija", "Hei Mäija") == 1  # characters, not bytes


def test_times_are_utc_aware_and_naive_means_local(journal):
    case_id = journal.record_case(_case())
    draft_id = journal.record_draft(case_id, _draft())
    naive = datetime(2026, 11, 18, 10, 0)
    journal.record_sent(draft_id, "Kiitos!", None, now=naive)
    (s,) = journal.get_case(case_id).sent
    assert s.sent_at == naive.astimezone() and s.sent_at.tzinfo == timezone.utc


# --------------------------------------------------------------------------- bad URLs

@pytest.mark.parametrize(("bad", "match"), [
    ("", "empty journal URL"),
    ("not a url", "not a SQLAlchemy URL"),
    ("mysql://u@localhost/db", "not supported"),
    ("sqlite+nosuchdriver:///x.db", "no SQLAlchemy driver"),
])
def test_bad_url_gives_one_line_fix(bad, match):
    with pytest.raises(JournalError, match=match) as info:
        Journal(bad)
    msg = str(info.value)
    assert "\n" not in msg and "COPILOT_JOURNAL_URL" in msg


def test_unwritable_sqlite_place(tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    with pytest.raises(JournalError, match="cannot create the journal folder") as info:
        Journal(f"sqlite:///{blocker / 'sub' / 'journal.sqlite3'}")
    assert "\n" not in str(info.value)


def test_not_a_database_file(tmp_path):
    f = tmp_path / "journal.sqlite3"
    f.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(JournalError, match="journal open failed") as info:
        Journal(f"sqlite:///{f}")
    assert "\n" not in str(info.value)


def test_unreachable_postgres_hides_password():
    with pytest.raises(JournalError) as info:
        Journal("postgresql://copilot:s3cret@127.0.0.1:1/journal?connect_timeout=2")
    msg = str(info.value)
    assert "s3cret" not in msg and "\n" not in msg and "127.0.0.1" in msg


# --------------------------------------------------------------------------- crashes (SQLite, real processes)

def _run(script: str, url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
           "JOURNAL_URL": url}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=120)


def _consistent(path: Path) -> None:
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = raw.execute("SELECT count(*) FROM followups f LEFT JOIN sent s ON s.id = f.sent_id "
                              "WHERE s.id IS NULL").fetchone()[0]
        assert orphans == 0
    finally:
        raw.close()


def test_killed_after_draft_before_send_keeps_acknowledged_rows(tmp_path):
    path = tmp_path / "journal.sqlite3"
    url = f"sqlite:///{path}"
    proc = _run("""
        import json, os, signal
        from copilot.journal import Journal
        j = Journal(os.environ["JOURNAL_URL"])
        case_id = j.record_case({"message": "Missä paketti?", "customer": "Maija"})
        draft_id = j.record_draft(case_id, {"text": "Palaan asiaan huomenna.", "lang": "fi"})
        print(json.dumps([case_id, draft_id]), flush=True)
        os.kill(os.getpid(), signal.SIGKILL)  # kill -9: no cleanup, no close, no atexit
        print("unreachable")
    """, url)
    assert proc.returncode == -9, proc.stderr
    case_id, draft_id = json.loads(proc.stdout.splitlines()[0])
    assert "unreachable" not in proc.stdout
    _consistent(path)
    with Journal(url) as j:
        rec = j.get_case(case_id)
        assert rec.message == "Missä paketti?" and [d.id for d in rec.drafts] == [draft_id]
        assert rec.sent == [] and j.open_followups() == []
        j.record_sent(draft_id, "Palaan asiaan huomenna.", None)  # the journal goes on
        assert len(j.open_followups()) == 1
    _consistent(path)


def test_killed_inside_send_transaction_leaves_no_half_send(tmp_path):
    path = tmp_path / "journal.sqlite3"
    url = f"sqlite:///{path}"
    proc = _run("""
        import json, os, signal
        import copilot.journal as jm
        j = jm.Journal(os.environ["JOURNAL_URL"])
        case_id = j.record_case({"message": "Where is my parcel?", "customer": "John"})
        draft_id = j.record_draft(case_id, {"text": "I'll call you tomorrow.", "lang": "en"})
        print(json.dumps([case_id, draft_id]), flush=True)
        def die(*a, **k):  # runs after the sent row is inserted, before the commit
            os.kill(os.getpid(), signal.SIGKILL)
        jm.find_commitments = die
        j.record_sent(draft_id, "I'll call you tomorrow.", None)
    """, url)
    assert proc.returncode == -9, proc.stderr
    case_id, draft_id = json.loads(proc.stdout.splitlines()[0])
    _consistent(path)
    with Journal(url) as j:
        rec = j.get_case(case_id)
        assert [d.id for d in rec.drafts] == [draft_id]
        assert rec.sent == [] and rec.followups == []


def test_two_processes_write_concurrently(tmp_path):
    path = tmp_path / "journal.sqlite3"
    url = f"sqlite:///{path}"
    Journal(url).close()
    script = """
        import os
        from copilot.journal import Journal
        j = Journal(os.environ["JOURNAL_URL"])
        for i in range(40):
            c = j.record_case({"message": f"m{i}", "customer": str(os.getpid())})
            d = j.record_draft(c, {"text": "I'll call you tomorrow.", "lang": "en"})
            j.record_sent(d, "I'll call you tomorrow.", None)
        print("ok")
    """
    env = {**os.environ, "PYTHONPATH": str(REPO), "JOURNAL_URL": url}
    procs = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], env=env, cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1][-2000:] for o in outs]
    _consistent(path)
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("SELECT count(*) FROM cases").fetchone()[0] == 80
        assert raw.execute("SELECT count(*) FROM sent").fetchone()[0] == 80
        assert raw.execute("SELECT count(*) FROM followups").fetchone()[0] == 80
    finally:
        raw.close()


def test_pg_helper_says_how_to_install_when_binaries_are_missing(monkeypatch):
    monkeypatch.setattr(pg_server, "find_bin_dir", lambda: None)
    reason = pg_server.missing_reason()
    assert reason and "apt-get update && apt-get install -y postgresql" in reason
