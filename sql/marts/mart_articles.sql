-- Grain: one row per article body in raw_articles, loaded or not.
-- Columns: article_id, source, title, outlet, url, published_date, word_count, loaded_at
-- (null until loaded), entities (distinct entities mentioned), mentions, figures, quotes,
-- dates (date expressions), dq_verdict, dq_expectations, dq_run_id, language (ISO 639-1, as
-- detected when read; null for articles read before languages were), authors, not_extracted
-- (why the model did not read the article: only English articles go through it; null when it
-- did).
-- dq_verdict is 'extraction_failed' when the article's latest extraction attempt raised
-- (failed_extractions holds a failure newer than any extraction of it; dq_expectations is the
-- failure as "ErrorClass: message", dq_run_id null; it is retried by the next extractor
-- version); 'quarantined' when error-level expectations held back the article's latest
-- extraction (dq_expectations lists them, suite.expectation); 'pending' when that extraction
-- is neither loaded nor quarantined yet; otherwise 'warnings' when the validation run that
-- ended last before the load failed warn-level expectations (listed in dq_expectations; the
-- warnings are recorded per run, not per article), else 'passed'. dq_run_id is the run that
-- quarantined the article or validated its load (null while pending).
CREATE OR REPLACE VIEW mart_articles AS
WITH
mentions AS (
    SELECT article_id, count(DISTINCT entity_id) AS entities, count(*) AS mentions
    FROM fct_entity_mention
    GROUP BY article_id
),
figures AS (
    SELECT article_id, count(*) AS figures FROM fct_figure GROUP BY article_id
),
quotes AS (
    SELECT article_id, count(*) AS quotes FROM fct_quote GROUP BY article_id
),
dates AS (
    SELECT article_id, count(*) AS dates FROM fct_date_reference GROUP BY article_id
),
quarantined AS (
    -- Quarantines of the latest extraction only: a newer extraction is staged again.
    SELECT
        q.article_id,
        arg_max(q.run_id, q.quarantined_at) AS run_id,
        string_agg(DISTINCT q.suite || '.' || q.expectation, ', '
            ORDER BY q.suite || '.' || q.expectation) AS expectations
    FROM quarantined_articles AS q
    JOIN extractions AS e USING (article_id)
    WHERE q.quarantined_at >= e.extracted_at
    GROUP BY q.article_id
),
failed AS (
    -- Failures newer than the article's extraction, if it has one: its latest attempt failed.
    SELECT
        f.article_id,
        arg_max(f.error_class || ': ' || f.error_message, f.failed_at) AS reason
    FROM failed_extractions AS f
    LEFT JOIN extractions AS e USING (article_id)
    WHERE e.extracted_at IS NULL OR f.failed_at > e.extracted_at
    GROUP BY f.article_id
),
runs AS (
    SELECT
        run_id,
        max(validated_at) AS validated_at,
        string_agg(DISTINCT suite || '.' || expectation, ', ' ORDER BY suite || '.' || expectation)
            FILTER (WHERE NOT success AND severity = 'warn') AS warnings
    FROM dq_results
    GROUP BY run_id
),
loads AS (
    SELECT d.article_id, d.loaded_at, r.run_id, r.warnings
    FROM dim_article AS d
    ASOF LEFT JOIN runs AS r ON d.loaded_at >= r.validated_at
)
,
judged AS (
    SELECT
        r.*,
        d.published_date AS loaded_published_date,
        d.word_count,
        d.loaded_at,
        CASE
            WHEN fl.article_id IS NOT NULL THEN 'extraction_failed'
            WHEN x.article_id IS NOT NULL THEN 'quarantined'
            WHEN d.article_id IS NULL OR d.extracted_at < e.extracted_at THEN 'pending'
            WHEN l.warnings IS NOT NULL THEN 'warnings'
            ELSE 'passed'
        END AS dq_verdict,
        x.expectations AS quarantined_by,
        fl.reason AS failure,
        x.run_id AS quarantine_run_id,
        l.warnings,
        l.run_id AS load_run_id,
        coalesce(r.language <> 'en', false) AS other_language
    FROM raw_articles AS r
    LEFT JOIN extractions AS e USING (article_id)
    LEFT JOIN dim_article AS d USING (article_id)
    LEFT JOIN loads AS l USING (article_id)
    LEFT JOIN quarantined AS x USING (article_id)
    LEFT JOIN failed AS fl USING (article_id)
)
SELECT
    j.article_id,
    j.source,
    j.title,
    j.outlet,
    j.url,
    coalesce(j.loaded_published_date, j.published_date) AS published_date,
    j.word_count,
    j.loaded_at,
    coalesce(m.entities, 0) AS entities,
    coalesce(m.mentions, 0) AS mentions,
    coalesce(f.figures, 0) AS figures,
    coalesce(q.quotes, 0) AS quotes,
    coalesce(t.dates, 0) AS dates,
    j.dq_verdict,
    CASE j.dq_verdict
        WHEN 'extraction_failed' THEN j.failure
        WHEN 'quarantined' THEN j.quarantined_by
        WHEN 'warnings' THEN j.warnings
    END AS dq_expectations,
    CASE j.dq_verdict
        WHEN 'quarantined' THEN j.quarantine_run_id
        WHEN 'pending' THEN NULL
        WHEN 'extraction_failed' THEN NULL
        ELSE j.load_run_id
    END AS dq_run_id,
    j.language,
    j.authors,
    CASE WHEN j.other_language
        THEN 'language ' || j.language || ': only English articles are extracted'
    END AS not_extracted
FROM judged AS j
LEFT JOIN mentions AS m USING (article_id)
LEFT JOIN figures AS f USING (article_id)
LEFT JOIN quotes AS q USING (article_id)
LEFT JOIN dates AS t USING (article_id);
