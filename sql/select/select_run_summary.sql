-- Headline counts of the warehouse, printed after `newsledger run`.
SELECT
    (SELECT count(*) FROM dim_article) AS articles,
    (SELECT count(*) FROM dim_entity) AS entities,
    (SELECT count(*) FROM fct_entity_mention) AS mentions,
    (SELECT count(*) FROM fct_figure) AS figures,
    (SELECT count(*) FROM fct_quote) AS quotes,
    (SELECT count(*) FROM fct_date_reference) AS dates,
    (SELECT count(*) FROM rejected_inputs) AS rejected_inputs,
    -- Articles whose latest extraction attempt failed (mart_articles: 'extraction_failed').
    (SELECT count(DISTINCT f.article_id)
        FROM failed_extractions AS f
        LEFT JOIN extractions AS e USING (article_id)
        WHERE e.extracted_at IS NULL OR f.failed_at > e.extracted_at) AS extraction_failures;
