"""Servers the distributed tests start for themselves: a throwaway PostgreSQL cluster.

The cluster lives in a temporary folder, listens on a free port of 127.0.0.1 only (its unix
socket in that folder too, away from the system's), and is stopped and removed on leaving.
PostgreSQL refuses to run as root, so when the tests run as root the cluster runs as the
`postgres` user.
"""

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

# Where the Debian and Ubuntu packages put the server; $PG_BIN overrides it.
PG_BIN_CANDIDATES = [Path(f"/usr/lib/postgresql/{v}/bin") for v in (17, 16, 15, 14)]
SERVER_USER = "postgres"
START_TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class Postgres:
    """A running PostgreSQL database: where to reach it and under which names."""

    host: str
    port: int
    user: str
    dbname: str

    @property
    def dsn(self) -> str:
        """The libpq connection string, as DuckDB's postgres extension takes it."""
        return f"dbname={self.dbname} host={self.host} port={self.port} user={self.user}"

    @property
    def url(self) -> str:
        """The database's URL, as Dagster's PostgreSQL storage takes it."""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.dbname}"

    def create_database(self, dbname: str) -> "Postgres":
        """Another database of the same server."""
        _run([str(pg_bin() / "createdb"), "-h", self.host, "-p", str(self.port), "-U", self.user,
              dbname])  # fmt: skip
        return Postgres(self.host, self.port, self.user, dbname)


def pg_bin() -> Path:
    """The folder of PostgreSQL's server programs; fails the test when none is installed."""
    candidates = [Path(os.environ["PG_BIN"])] if "PG_BIN" in os.environ else PG_BIN_CANDIDATES
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    pytest.fail(
        "PostgreSQL is not installed (no initdb in "
        f"{', '.join(str(c) for c in candidates)}); install it or set $PG_BIN",
        pytrace=False,
    )


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    # PostgreSQL will not run as root; any other user runs it as itself.
    return ["runuser", "-u", SERVER_USER, "--", *command] if os.geteuid() == 0 else command


def _run(command: list[str]) -> None:
    done = subprocess.run(_as_server_user(command), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")


@contextmanager
def postgres_server(dbname: str = "newsledger") -> Iterator[Postgres]:
    """A fresh PostgreSQL cluster with one database `dbname`, stopped and removed on leaving."""
    binaries = pg_bin()
    folder = Path(tempfile.mkdtemp(prefix="newsledger-pg-"))
    user = SERVER_USER if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
    if os.geteuid() == 0:
        entry = pwd.getpwnam(SERVER_USER)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    data = folder / "data"
    port = free_port()
    try:
        _run([str(binaries / "initdb"), "-D", str(data), "-U", user, "--auth=trust", "-E", "UTF8"])
        options = f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off"
        log = str(folder / "server.log")
        wait = str(START_TIMEOUT_SECONDS)
        _run([str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-l", log, "-t", wait,
              "-w", "start"])  # fmt: skip
        try:
            yield Postgres("127.0.0.1", port, user, "postgres").create_database(dbname)
        finally:
            _run([str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
