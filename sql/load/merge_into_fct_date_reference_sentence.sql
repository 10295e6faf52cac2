-- Replace the sentences of the batch's date references, and cut the sentence of every other
-- date reference that has none (those loaded before this table existed), from the text of the
-- reference's field (the title or the body).
-- A sentence runs from the end of the last [.!?] (an optional closing quote, then whitespace)
-- or line break before the date, to the first [.!?] followed by whitespace or the end of the
-- body, or the first line break, after it; it reaches at most 1,000 characters either side of
-- the date, so each date costs the same however long its article is.
DELETE FROM fct_date_reference_sentence
WHERE article_id IN (SELECT article_id FROM batch_articles);
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
ANTI JOIN fct_date_reference_sentence AS s USING (date_reference_id);
