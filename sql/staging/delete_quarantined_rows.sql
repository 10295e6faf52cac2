-- Take this run's quarantined articles out of every staging table, so no row of theirs loads.
DELETE FROM stg_articles WHERE run_id = getvariable('run_id') AND article_id IN
    (SELECT article_id FROM quarantined_articles WHERE run_id = getvariable('run_id'));
DELETE FROM stg_entities WHERE run_id = getvariable('run_id') AND article_id IN
    (SELECT article_id FROM quarantined_articles WHERE run_id = getvariable('run_id'));
DELETE FROM stg_entity_mentions WHERE run_id = getvariable('run_id') AND article_id IN
    (SELECT article_id FROM quarantined_articles WHERE run_id = getvariable('run_id'));
DELETE FROM stg_figures WHERE run_id = getvariable('run_id') AND article_id IN
    (SELECT article_id FROM quarantined_articles WHERE run_id = getvariable('run_id'));
DELETE FROM stg_quotes WHERE run_id = getvariable('run_id') AND article_id IN
    (SELECT article_id FROM quarantined_articles WHERE run_id = getvariable('run_id'));
DELETE FROM stg_date_references WHERE run_id = getvariable('run_id') AND article_id IN
    (SELECT article_id FROM quarantined_articles WHERE run_id = getvariable('run_id'));
DELETE FROM stg_sentence_tones WHERE run_id = getvariable('run_id') AND article_id IN
DELETE FROM stg_theme_mentions WHERE run_id = getvariable('run_id') AND article_id IN
DELETE FROM stg_counts WHERE run_id = getvariable('run_id') AND article_id IN
    (SELECT article_id FROM quarantined_articles WHERE run_id = getvariable('run_id'));
