-- The extraction records of the batch (create_batch_to_load.sql), copied once: the staging
-- queries read these rather than every extraction, so a staging's memory and time stay those
-- of one batch however many articles await loading. The batch's span of extraction times lets
-- the scan skip the records of every other span (those loaded before, and the backlog after)
-- without reading their payloads.
CREATE OR REPLACE TEMP TABLE batch_extractions AS
SELECT e.*
FROM extractions AS e
WHERE e.article_id IN (SELECT article_id FROM batch_to_load)
    AND e.extracted_at BETWEEN (SELECT min(extracted_at) FROM batch_to_load)
    AND (SELECT max(extracted_at) FROM batch_to_load);
