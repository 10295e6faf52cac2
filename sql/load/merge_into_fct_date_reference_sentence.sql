-- Replace the sentences of the batch's date references, and cut the sentences of every other
-- article that has none (one loaded before this table existed), from the text of the
-- reference's field (the title or the body). Only those articles' texts are read, so a load
-- reads the bodies of its batch, not of the whole warehouse.
-- A sentence runs from the end of the last [.!?] (an optional closing quote, then whitespace)
-- or line break before the date, to the first [.!?] followed by whitespace or the end of the
-- body, or the first line break, after it; it reaches at most 1,000 characters either side of
-- the date, so each date costs the same however long its article is.
DELETE FROM fct_date_reference_sentence
WHERE article_id IN (SELECT article_id FROM batch_articles);
CREATE OR REPLACE TEMP TABLE articles_without_sentences AS
SELECT article_id FROM fct_date_reference
EXCEPT
SELECT article_id FROM fct_date_reference_sentence;
INSERT INTO fct_date_reference_sentence BY NAME
SELECT
    d.date_reference_id,
    d.article_id,
    trim(
        regexp_replace(
            regexp_extract(
                substr(
                    CASE d.field WHEN 'title' THEN r.title ELSE r.body END,
                    greatest(d.start_char - 999, 1),
                    least(d.start_char, 1000)
                ),
                '^(?s:.*(?:[.!?]["”’]?\s+|\n))?([^\n]*)$',
                1
            )
            || d.surface
            || regexp_extract(
                substr(CASE d.field WHEN 'title' THEN r.title ELSE r.body END, d.end_char + 1, 1000),
                '^([^\n]*?(?:[.!?]["”’]?(?:\s|$)|\n|$))',
                1
            ),
            '\s+', ' ', 'g'
        )
    ) AS sentence
FROM fct_date_reference AS d
JOIN raw_articles AS r USING (article_id)
WHERE d.article_id IN (SELECT article_id FROM articles_without_sentences)
    AND r.article_id IN (SELECT article_id FROM articles_without_sentences);
