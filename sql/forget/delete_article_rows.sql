-- The rows of one article in one table; {table} is a quoted name from select_article_tables.sql.
DELETE FROM {table} WHERE article_id = $article_id;
