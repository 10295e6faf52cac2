-- Tag this connection with the Dagster run it works for; staging SQL reads it with getvariable.
SET VARIABLE run_id = $run_id;
