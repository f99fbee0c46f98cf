"""Start a throw-away PostgreSQL server for tests (Debian's binaries under /usr/lib/postgresql/*/bin).

    with PostgresServer.start() as pg:           # initdb + postgres on 127.0.0.1:<free port>
        url = pg.create_database("journal_1")    # postgresql+psycopg://copilot@127.0.0.1:PORT/journal_1

The cluster lives in a fresh temporary folder, trusts loopback connections only, and is stopped
and removed on exit. PostgreSQL refuses to run as root, so under root the server runs as the
``postgres`` user (created by the Debian package) or, failing that, ``nobody``.

Install the binaries on Debian/Ubuntu with: apt-get update && apt-get install -y postgresql
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ui.screenshots import free_port

INSTALL_HINT = "apt-get update && apt-get install -y postgresql"
SUPERUSER = "copilot"


def find_bin_dir() -> Path | None:
    """The newest /usr/lib/postgresql/<major>/bin holding initdb and postgres (or $PG_BIN_DIR)."""
    candidates = [os.environ["PG_BIN_DIR"]] if os.environ.get("PG_BIN_DIR") else []

    def major(path: str) -> float:
        try:
            return float(Path(path).parent.name)
        except ValueError:
            return 0.0

    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=major, reverse=True)
    for c in candidates:
        d = Path(c)
        if (d / "initdb").is_file() and (d / "postgres").is_file():
            return d
    for name in ("initdb", "postgres"):  # on PATH (other distributions, Homebrew)
        if shutil.which(name) is None:
            return None
    return Path(shutil.which("initdb")).parent  # type: ignore[arg-type]


def missing_reason() -> str | None:
    """Why a server cannot be started here, or None when it can."""
    if find_bin_dir() is None:
        return f"PostgreSQL binaries not found (initdb, postgres); install them: {INSTALL_HINT}"
    if os.geteuid() == 0 and _run_as_user() is None:
        return "running as root and no 'postgres' or 'nobody' user to run the server as"
    return None


def _run_as_user() -> pwd.struct_passwd | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    return None


@dataclass
class PostgresServer:
    bin_dir: Path
    root: Path
    port: int
    process: subprocess.Popen
    log_path: Path
    _dbs: list[str] = field(default_factory=list)

    # ---- start / stop
    @classmethod
    def start(cls, *, timeout: float = 60.0) -> "PostgresServer":
        reason = missing_reason()
        if reason:
            raise RuntimeError(reason)
        bin_dir = find_bin_dir()
        assert bin_dir is not None
        user = _run_as_user()
        root = Path(tempfile.mkdtemp(prefix="copilot-pg-"))
        data, sock = root / "data", root / "sock"
        sock.mkdir()
        log_path = root / "server.log"
        log_path.touch()
        creds: dict = {}
        if user is not None:
            for p in (root, sock, log_path):
                os.chown(p, user.pw_uid, user.pw_gid)
            creds = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env.update(LC_ALL="C", LANG="C", TZ="UTC")
        init = subprocess.run(
            [str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
             "--no-locale", "--no-sync"],
            capture_output=True, text=True, env=env, cwd=root, **creds)
        if init.returncode != 0:
            shutil.rmtree(root, ignore_errors=True)
            raise RuntimeError(f"initdb failed ({init.returncode}): {init.stderr.strip() or init.stdout.strip()}")
        last_error = ""
        for _attempt in range(3):  # the free port may be taken between picking and binding it
            port = free_port()
            with open(log_path, "ab") as log:
                proc = subprocess.Popen(
                    [str(bin_dir / "postgres"), "-D", str(data), "-p", str(port), "-k", str(sock),
                     "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off",
                     "-c", "max_connections=50", "-c", "shared_buffers=16MB"],
                    stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, cwd=root,
                    start_new_session=True, **creds)
            server = cls(bin_dir, root, port, proc, log_path)
            try:
                server._wait_ready(timeout)
                return server
            except RuntimeError as exc:
                last_error = str(exc)
                server._stop_process()
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(last_error)

    def _wait_ready(self, timeout: float) -> None:
        import psycopg

        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"postgres exited with {self.process.returncode}: {self.log_tail()}")
            try:
                with psycopg.connect(self.dsn("postgres"), connect_timeout=2):
                    return
            except psycopg.OperationalError as exc:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"postgres did not accept connections in {timeout:.0f}s: {exc}; "
                                       f"{self.log_tail()}") from None
                time.sleep(0.1)

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def _stop_process(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # "fast" shutdown
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def stop(self) -> None:
        self._stop_process()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> "PostgresServer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- databases
    def dsn(self, dbname: str) -> str:
        return f"host=127.0.0.1 port={self.port} user={SUPERUSER} dbname={dbname}"

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str) -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.dsn("postgres"), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self._dbs.append(name)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.dsn("postgres"), autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
