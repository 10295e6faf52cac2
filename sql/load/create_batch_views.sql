-- The rows this run staged and its checks passed, as connection-local views for the merges.
-- Staging rows of another run (or quarantined ones, already removed) are never loaded.
CREATE OR REPLACE TEMP VIEW batch_articles AS
    SELECT * FROM stg_articles WHERE run_id = getvariable('run_id');
CREATE OR REPLACE TEMP VIEW batch_entities AS
    SELECT * FROM stg_entities WHERE run_id = getvariable('run_id');
CREATE OR REPLACE TEMP VIEW batch_entity_mentions AS
    SELECT * FROM stg_entity_mentions WHERE run_id = getvariable('run_id');
CREATE OR REPLACE TEMP VIEW batch_figures AS
    SELECT * FROM stg_figures WHERE run_id = getvariable('run_id');
CREATE OR REPLACE TEMP VIEW batch_quotes AS
    SELECT * FROM stg_quotes WHERE run_id = getvariable('run_id');
CREATE OR REPLACE TEMP VIEW batch_date_references AS
    SELECT * FROM stg_date_references WHERE run_id = getvariable('run_id');
CREATE OR REPLACE TEMP VIEW batch_sentence_tones AS
    SELECT * FROM stg_sentence_tones WHERE run_id = getvariable('run_id');
CREATE OR REPLACE TEMP VIEW batch_theme_mentions AS
    SELECT * FROM stg_theme_mentions WHERE run_id = getvariable('run_id');
CREATE OR REPLACE TEMP VIEW batch_counts AS
    SELECT * FROM stg_counts WHERE run_id = getvariable('run_id');
