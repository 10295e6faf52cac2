-- Grain: one row per speaker: an entity, or a name the extractor could not link to one, or
-- (speaker null) the quotations the text attributes to nobody.
-- Columns: speaker_entity_id, speaker (canonical name, else the name as given), title,
-- country_code (ISO 3166 alpha-3), quotes, articles, quoted_characters (total length of the
-- quotations), verbs (distinct speech verbs, comma-separated), first_published,
-- last_published (dates of the earliest and latest article quoting the speaker).
CREATE OR REPLACE VIEW mart_quotes_by_speaker AS
SELECT
    q.speaker_entity_id,
    coalesce(e.canonical_name, q.speaker_name) AS speaker,
    e.title,
    e.country_code,
    count(*) AS quotes,
    count(DISTINCT q.article_id) AS articles,
    sum(q.end_char - q.start_char) AS quoted_characters,
    string_agg(DISTINCT q.verb, ', ' ORDER BY q.verb) AS verbs,
    min(a.published_date) AS first_published,
    max(a.published_date) AS last_published
FROM fct_quote AS q
JOIN dim_article AS a USING (article_id)
LEFT JOIN dim_entity AS e ON e.entity_id = q.speaker_entity_id
GROUP BY ALL;
