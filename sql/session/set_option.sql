-- Set the DuckDB option {name} (one of ours, never a user's) to $value on this connection.
SET {name} = $value;
