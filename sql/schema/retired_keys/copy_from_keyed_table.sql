-- Refill a table made again without its retired key from the copy set aside, then drop that.
INSERT INTO {table} BY NAME SELECT * FROM {table}_keyed;
DROP TABLE {table}_keyed;
