-- Articles this run staged: those still staged plus those already quarantined.
SELECT
    (SELECT count(*) FROM stg_articles WHERE run_id = getvariable('run_id'))
    + (SELECT count(DISTINCT article_id) FROM quarantined_articles
       WHERE run_id = getvariable('run_id')) AS staged_articles;
