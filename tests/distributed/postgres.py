"""A throwaway PostgreSQL cluster on a free loopback port, for Dagster's storage.

PostgreSQL refuses to run as root, so the cluster is made and run by the `postgres` user, in a
temporary folder it owns (its socket there too), and removed with everything in it at the end.
"""

import os
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.distributed.cluster import free_port

BIN = Path("/usr/lib/postgresql/15/bin")
SYSTEM_USER = "postgres"
USER = "dagster"
DATABASE = "dagster"


@dataclass(frozen=True)
class Postgres:
    """Where the cluster listens and how to log in."""

    port: int
    password: str

    def environment(self) -> dict[str, str]:
        """The variables deploy/dagster.yaml reads its connection from."""
        return {
            "DAGSTER_PG_HOST": "127.0.0.1",
            "DAGSTER_PG_PORT": str(self.port),
            "DAGSTER_PG_USER": USER,
            "DAGSTER_PG_PASSWORD": self.password,
            "DAGSTER_PG_DB": DATABASE,
        }


def as_postgres(*command: str | Path) -> None:
    """Run a PostgreSQL program as the `postgres` user, failing with its output."""
    subprocess.run(
        ["runuser", "-u", SYSTEM_USER, "--", *map(str, command)],
        check=True,
        capture_output=True,
        text=True,
    )


@contextmanager
def postgres_cluster() -> Iterator[Postgres]:
    """A new cluster with a database for Dagster, stopped and removed on leaving."""
    root = Path(tempfile.mkdtemp(prefix="newsledger-pg-"))
    shutil.chown(root, SYSTEM_USER, SYSTEM_USER)
    data, password_file = root / "data", root / "password"
    server = Postgres(free_port(), secrets.token_hex(16))
    password_file.write_text(server.password, encoding="utf-8")
    shutil.chown(password_file, SYSTEM_USER, SYSTEM_USER)
    try:
        as_postgres(BIN / "initdb", "-D", data, "-U", USER, f"--pwfile={password_file}",
                    "--auth=scram-sha-256", "--encoding=UTF8", "--no-sync")  # fmt: skip
        as_postgres(BIN / "pg_ctl", "start", "-D", data, "-w", "-l", root / "server.log",
                    "-o", f"-h 127.0.0.1 -p {server.port} -k {root}")  # fmt: skip
        try:
            subprocess.run(
                [BIN / "createdb", "-h", "127.0.0.1", "-p", str(server.port), "-U", USER, DATABASE],
                check=True,
                env={**os.environ, "PGPASSWORD": server.password},
            )
            yield server
        finally:
            as_postgres(BIN / "pg_ctl", "stop", "-D", data, "-m", "fast", "-w")
    finally:
        shutil.rmtree(root, ignore_errors=True)
