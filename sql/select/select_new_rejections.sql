-- How many incoming rejections (by place and bytes) are not recorded yet: those
-- merge_into_rejected_inputs.sql adds, when run before it in the same transaction.
SELECT count(*)
FROM (SELECT DISTINCT source, sha256 FROM incoming_rejections) AS r
ANTI JOIN rejected_inputs USING (source, sha256);
