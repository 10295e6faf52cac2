-- The extraction records of the batch (create_batch_to_load.sql), copied once: the staging
-- queries read these rather than every extraction, so a staging's memory and time stay those
-- of one batch however many articles await loading.
CREATE OR REPLACE TEMP TABLE batch_extractions AS
SELECT e.*
FROM extractions AS e
WHERE e.article_id IN (SELECT article_id FROM batch_to_load);
