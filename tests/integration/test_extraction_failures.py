"""An article extraction cannot handle fails alone: the run succeeds, loads the rest, and says
which article failed and why; later runs are not held up by it."""

import shutil
from pathlib import Path

import dagster as dg
import duckdb
from spacy.language import Language
from spacy.tokens import Doc

from orchestration.core.jobs import ingest_run_config
from orchestration.core.resources import WarehouseResource
from orchestration.core.sql import read_sql
from orchestration.definitions import defs
from orchestration.extract.nlp import build_pipeline
from orchestration.extract.resources import NlpResource
from orchestration.ingest.resources import SourcesResource
from orchestration.quality.resources import QualityResource
from orchestration.reports.files import reports_dir
from orchestration.runner import reported
from tests.conftest import FIXTURES, SEED

MARKER = "UNREADABLE-BY-THE-RUN-COMPONENT"
BAD_BODY = (
    "The port authority said on Tuesday that the new ferry line would start in May, linking "
    "the two islands for the first time in a decade and carrying about 300 passengers a day. "
    f"{MARKER}\n"
)


@Language.component("newsledger_test_refuse_in_run")
def refuse_marker(doc: Doc) -> Doc:
    """Raise on a doc holding MARKER, as a component meeting text it cannot handle."""
    if MARKER in doc.text:
        raise ValueError(f"cannot handle {MARKER}")
    return doc


class RefusingNlp(NlpResource):
    """The extraction pipeline with a last component that raises on MARKER."""

    def pipeline(self) -> Language:
        """The full pipeline plus the refusing component."""
        nlp = build_pipeline()
        nlp.add_pipe("newsledger_test_refuse_in_run", last=True)
        return nlp


def run(folder: Path, warehouse: Path) -> dg.ExecuteInProcessResult:
    """The newsledger job on `folder` into `warehouse`, extracting with RefusingNlp."""
    return defs.resolve_job_def("newsledger_job").execute_in_process(
        run_config=ingest_run_config([str(folder)]),
        resources={
            "warehouse": WarehouseResource(path=str(warehouse)),
            "nlp": RefusingNlp(),
            "sources": SourcesResource(),
            "quality": QualityResource(docs_dir=str(warehouse.parent / "quality_docs")),
        },
        raise_on_error=False,
    )


def test_a_failing_article_is_recorded_and_the_rest_loads(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    shutil.copy(SEED, first)
    (first / "ferry-line.txt").write_text(BAD_BODY, encoding="utf-8")
    shutil.copy(FIXTURES / "articles" / "harbour-reopens.json", second)
    warehouse = tmp_path / "warehouse.duckdb"

    result = run(first, warehouse)

    assert result.success
    assert reported(result, "extractions", "articles_extracted") == 1
    assert reported(result, "extractions", "extraction_failures") == 1
    assert "ValueError" in reported(result, "extractions", "failures")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        failed = con.execute(
            "SELECT r.source, f.error_class, f.error_message, f.failed_at FROM failed_extractions"
            " AS f JOIN raw_articles AS r USING (article_id)"
        ).fetchall()
        verdicts = dict(
            con.execute(
                "SELECT regexp_extract(source, '[^/]+$'), dq_verdict || ' ' || dq_expectations"
                " FROM mart_articles WHERE dq_verdict = 'extraction_failed'"
                " UNION ALL SELECT regexp_extract(source, '[^/]+$'), dq_verdict FROM mart_articles"
                " WHERE loaded_at IS NOT NULL"
            ).fetchall()
        )
        summary = con.execute(read_sql("select/select_run_summary.sql")).fetchone()
    [(source, error_class, message, failed_at)] = failed
    assert (Path(source).name, error_class, message) == (
        "ferry-line.txt",
        "ValueError",
        f"cannot handle {MARKER}",
    )
    assert verdicts["ferry-line.txt"] == f"extraction_failed ValueError: cannot handle {MARKER}"
    assert verdicts[SEED.name] in {"passed", "warnings"}
    assert summary[-1] == 1
    index = (reports_dir(warehouse) / "index.html").read_text(encoding="utf-8")
    assert "Extraction failed" in index and f"ValueError: cannot handle {MARKER}" in index

    later = run(second, warehouse)

    assert later.success
    assert reported(later, "extractions", "articles_extracted") == 1
    assert reported(later, "extractions", "extraction_failures") == 0
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT failed_at FROM failed_extractions").fetchall() == [(failed_at,)]
        loaded = con.execute("SELECT count(*) FROM dim_article").fetchone()
    assert loaded == (2,)
