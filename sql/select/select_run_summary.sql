-- Headline counts of the warehouse, printed after `newsledger run`.
SELECT
    (SELECT count(*) FROM dim_article) AS articles,
    (SELECT count(*) FROM dim_entity) AS entities,
    (SELECT count(*) FROM fct_entity_mention) AS mentions,
    (SELECT count(*) FROM fct_figure) AS figures,
    (SELECT count(*) FROM fct_quote) AS quotes,
    (SELECT count(*) FROM fct_date_reference) AS dates,
    (SELECT count(*) FROM rejected_inputs) AS rejected_inputs;
