"""A regular (not editable) install of the package runs the job: the SQL files, word lists and
templates ship inside it, and an installed newsledger works on the folder it is started in."""

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).parents[2]
SEED = ROOT / "tests" / "fixtures" / "articles" / "tokayev-visits-south-korea.txt"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the package installed from a copy of its sources; the
    dependencies come from the test environment's site-packages, named in a .pth file, so
    nothing but the package itself is installed."""
    work = tmp_path_factory.mktemp("install")
    source = work / "source"
    tracked = (
        subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, tracked):
        if (ROOT / name).is_file() or (ROOT / name).is_symlink():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name, follow_symlinks=False)
    env = work / "venv"
    venv.create(env, with_pip=False)
    packages = subprocess.run(
        [env / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    (Path(packages) / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(env / "bin" / "python"), "install",
         "--quiet", "--no-deps", str(source)],
        check=True, timeout=600,
    )  # fmt: skip
    shutil.rmtree(source)  # what runs now is what was installed
    return env


def test_the_installed_package_holds_its_sql(installed: Path) -> None:
    where = subprocess.run(
        [installed / "bin" / "python", "-c",
         "import orchestration.core.settings as s; print(s.SQL_DIR)"],
        capture_output=True, text=True, check=True, cwd=installed,
    ).stdout.strip()  # fmt: skip
    assert Path(where).is_relative_to(installed)
    assert (Path(where) / "schema" / "create_raw_articles.sql").is_file()


def test_the_installed_command_runs_the_job_on_the_folder_it_starts_in(
    installed: Path, tmp_path: Path
) -> None:
    articles = tmp_path / "data" / "articles"
    articles.mkdir(parents=True)
    shutil.copy(SEED, articles)
    done = subprocess.run(
        [installed / "bin" / "newsledger", "run"],
        capture_output=True, text=True, cwd=tmp_path, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    with duckdb.connect(str(tmp_path / "data" / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from dim_article").fetchone() == (1,)
        assert con.execute("select count(*) from dq_results where not success").fetchone() == (0,)
