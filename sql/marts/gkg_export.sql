-- Grain: one row per loaded article, in GDELT GKG 2.1 column order, each field in the
-- codebook's format: blocks separated by ';' (V2.1QUOTATIONS: by '#'), fields inside a block by
-- '#' (locations, dates), ',' (name and offset, amounts) or '|' (quotations). Offsets are our
-- exact character offsets into raw_articles.body, so only the body's facts are listed (GDELT
-- reads the document's text; the title's facts, whose offsets index the title, are left out). Country codes are FIPS 10-4, as in GDELT
-- (mapped from ISO alpha-3 through ref_country). V1.5TONE and V2GCAM's VADER dimension come
-- from dim_article's tone columns (VADER's lexicon standing in for GDELT's). Themes are codes
-- of GDELT's GKG theme taxonomy (fct_theme_mention); counts come from fct_count. Fields we have
-- no data for (images, embeds, translation) are empty. `newsledger export gkg` writes this
-- view as a GDELT file: tab-separated, no header.
-- Columns: GKGRECORDID, V2.1DATE, V2SOURCECOLLECTIONIDENTIFIER, V2SOURCECOMMONNAME,
-- V2DOCUMENTIDENTIFIER, V1COUNTS, V2.1COUNTS, V1THEMES, V2ENHANCEDTHEMES, V1LOCATIONS,
-- V2ENHANCEDLOCATIONS, V1PERSONS, V2ENHANCEDPERSONS, V1ORGANIZATIONS, V2ENHANCEDORGANIZATIONS,
-- V1.5TONE, V2.1ENHANCEDDATES, V2GCAM, V2.1SHARINGIMAGE, V2.1RELATEDIMAGES,
-- V2.1SOCIALIMAGEEMBEDS, V2.1SOCIALVIDEOEMBEDS, V2.1QUOTATIONS, V2.1ALLNAMES, V2.1AMOUNTS,
-- V2.1TRANSLATIONINFO, V2EXTRASXML.

-- Text made safe for a GKG field: the field's delimiters, tabs and line breaks become spaces,
-- so lengths and offsets still hold.
CREATE OR REPLACE MACRO gkg_text(text, delimiters) AS
    translate(
        text,
        delimiters || chr(9) || chr(10) || chr(13),
        repeat(' ', length(delimiters) + 3)
    );

CREATE OR REPLACE VIEW gkg_export AS
WITH
articles AS (
    SELECT
        d.article_id,
        d.loaded_at,
        coalesce(d.published_date, CAST(r.ingested_at AS DATE)) AS published,
        r.url,
        r.outlet,
        -- A file's path from the folder it was read from; for a warehouse loaded before that
        -- was kept, the file's name: never a path only one machine has.
        coalesce(r.relative_path, regexp_extract(r.source, '[^/\\]+$')) AS relative_path,
        r.title,
        d.word_count,
        -- V1.5TONE: Tone, Positive Score, Negative Score, Polarity, Activity Reference Density,
        -- Self/Group Reference Density, Word Count; empty for an article loaded before tone.
        CASE WHEN d.tone IS NOT NULL THEN
            concat_ws(
                ',', d.tone, d.positive_score, d.negative_score, d.polarity, d.activity_density,
                d.self_group_density, d.tone_word_count
            )
        END AS tone,
        -- V2GCAM: the word count, then GCAM's VADER dimension (c26.1 the words in VADER's
        -- lexicon, v26.1 their mean valence) when any word is in it.
        'wc:' || coalesce(d.tone_word_count, d.word_count)
            || CASE WHEN d.gcam_vader_words > 0
                THEN ',c26.1:' || d.gcam_vader_words || ',v26.1:' || d.gcam_vader_valence
                ELSE ''
            END AS gcam,
        d.authors
    FROM dim_article AS d
    JOIN raw_articles AS r USING (article_id)
),
places AS (
    -- Location type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
    -- Places in a country with a FIPS code; a LOC or FAC also needs coordinates.
    SELECT
        e.entity_id,
        CASE
            WHEN c.country_code IS NOT NULL THEN 1
            WHEN s.state_code IS NOT NULL THEN 2
            WHEN e.latitude IS NOT NULL AND e.country_code = 'USA' THEN 3
            WHEN e.latitude IS NOT NULL THEN 4
            ELSE 5
        END AS location_type,
        gkg_text(
            CASE
                WHEN c.country_code IS NOT NULL THEN e.canonical_name
                ELSE e.canonical_name || ', ' || home.name
            END,
            ';#'
        ) AS full_name,
        home.fips AS country_fips,
        CASE
            WHEN c.country_code IS NOT NULL THEN home.fips
            WHEN s.state_code IS NOT NULL THEN 'US' || s.state_code
            ELSE ''
        END AS adm1,
        coalesce(CAST(e.latitude AS VARCHAR), '') AS latitude,
        coalesce(CAST(e.longitude AS VARCHAR), '') AS longitude,
        CASE
            WHEN c.country_code IS NOT NULL THEN home.fips
            WHEN s.state_code IS NOT NULL THEN 'US' || s.state_code
            ELSE coalesce(CAST(e.geonames_id AS VARCHAR), '')
        END AS feature_id
    FROM dim_entity AS e
    JOIN ref_country AS home ON home.country_code = e.country_code
    LEFT JOIN ref_country AS c ON c.geonames_id = e.geonames_id
    LEFT JOIN ref_us_state AS s ON s.geonames_id = e.geonames_id
    WHERE home.fips IS NOT NULL
        AND e.entity_type IN ('GPE', 'LOC', 'FAC')
        AND (e.latitude IS NOT NULL OR c.country_code IS NOT NULL OR e.entity_type = 'GPE')
),
place_mentions AS (
    SELECT
        m.article_id,
        m.entity_id,
        m.start_char,
        p.location_type || '#' || p.full_name || '#' || p.country_fips || '#' || p.adm1
            AS head,
        p.latitude || '#' || p.longitude || '#' || p.feature_id AS tail
    FROM fct_entity_mention AS m
    JOIN places AS p USING (entity_id)
    WHERE m.field = 'body'
),
locations AS (
    SELECT
        article_id,
        string_agg(DISTINCT head || '#' || tail, ';' ORDER BY head || '#' || tail) AS v1,
        string_agg(head || '##' || tail || '#' || start_char, ';' ORDER BY start_char) AS v2
    FROM place_mentions
    GROUP BY article_id
),
named_mentions AS (
    SELECT
        m.article_id,
        e.entity_type,
        gkg_text(e.canonical_name, ';,#') AS name,
        gkg_text(m.surface, ';,#') AS surface,
        m.start_char
    FROM fct_entity_mention AS m
    JOIN dim_entity AS e USING (entity_id)
    WHERE m.field = 'body'
),
names AS (
    SELECT
        article_id,
        string_agg(DISTINCT name, ';' ORDER BY name) FILTER (WHERE entity_type = 'PERSON')
            AS v1_persons,
        string_agg(name || ',' || start_char, ';' ORDER BY start_char)
            FILTER (WHERE entity_type = 'PERSON') AS v2_persons,
        string_agg(DISTINCT name, ';' ORDER BY name) FILTER (WHERE entity_type = 'ORG')
            AS v1_organizations,
        string_agg(name || ',' || start_char, ';' ORDER BY start_char)
            FILTER (WHERE entity_type = 'ORG') AS v2_organizations,
        string_agg(surface || ',' || start_char, ';' ORDER BY start_char) AS all_names
    FROM named_mentions
    GROUP BY article_id
),
dates AS (
    -- Resolution: 4 day, 2 month, 1 year; unknown parts are 0.
    SELECT
        article_id,
        string_agg(
            CASE granularity WHEN 'day' THEN 4 WHEN 'month' THEN 2 ELSE 1 END
                || '#' || coalesce(TRY_CAST(substr(resolved_value, 6, 2) AS INTEGER), 0)
                || '#' || coalesce(TRY_CAST(substr(resolved_value, 9, 2) AS INTEGER), 0)
                || '#' || CAST(substr(resolved_value, 1, 4) AS INTEGER)
                || '#' || start_char,
            ';' ORDER BY start_char
        ) AS enhanced_dates
    FROM fct_date_reference
    WHERE granularity IN ('day', 'month', 'year') AND resolved_value IS NOT NULL
        AND field = 'body'
    GROUP BY article_id
),
amounts AS (
    -- Every figure with a value but ordinals; the object is the unit (ISO 4217 for money).
    SELECT
        article_id,
        string_agg(
            CASE
                WHEN value = trunc(value) AND abs(value) < 1e18
                    THEN CAST(CAST(value AS BIGINT) AS VARCHAR)
                ELSE CAST(value AS VARCHAR)
            END || ',' || gkg_text(coalesce(unit, ''), ';,#') || ',' || start_char,
            ';' ORDER BY start_char
        ) AS amounts
    FROM fct_figure
    WHERE kind <> 'ordinal' AND value IS NOT NULL AND field = 'body'
    GROUP BY article_id
),
themes AS (
    SELECT
        article_id,
        string_agg(DISTINCT theme, ';' ORDER BY theme) AS v1,
        string_agg(theme || ',' || start_char, ';' ORDER BY start_char, theme) AS v2
    FROM fct_theme_mention
    WHERE field = 'body'
    GROUP BY article_id
),
quotations AS (
    SELECT
        article_id,
        string_agg(
            start_char || '|' || (end_char - start_char) || '|' || coalesce(verb, '') || '|'
                || gkg_text(quote_text, '#|'),
            '#' ORDER BY start_char
        ) AS quotations
    FROM fct_quote
    WHERE field = 'body'
    GROUP BY article_id
),
count_blocks AS (
    -- CountType#Count#ObjectType, then the place in V1LOCATIONS' seven fields (type 0 and the
    -- rest empty when the sentence names none, or a place GKG cannot code).
    SELECT
        c.article_id,
        c.start_char,
        c.count_type || '#' || CAST(CAST(c.value AS BIGINT) AS VARCHAR) || '#'
            || gkg_text(coalesce(c.object, ''), ';#') || '#'
            || coalesce(
                p.location_type || '#' || p.full_name || '#' || p.country_fips || '#' || p.adm1
                    || '#' || p.latitude || '#' || p.longitude || '#' || p.feature_id,
                '0######'
            ) AS block
    FROM fct_count AS c
    LEFT JOIN places AS p ON p.entity_id = c.location_entity_id
    WHERE c.field = 'body' AND c.value < 1e18
),
counts AS (
    -- V1COUNTS: each distinct count once; V2.1COUNTS: every count, with its offset.
    SELECT
        article_id,
        string_agg(DISTINCT block, ';' ORDER BY block) AS v1,
        string_agg(block || '#' || start_char, ';' ORDER BY start_char) AS v2
    FROM count_blocks
    GROUP BY article_id
)
SELECT
    strftime(a.loaded_at, '%Y%m%d%H%M%S') || '-'
        || row_number() OVER (PARTITION BY date_trunc('second', a.loaded_at) ORDER BY a.article_id)
        AS "GKGRECORDID",
    CAST(strftime(a.published, '%Y%m%d%H%M%S') AS BIGINT) AS "V2.1DATE",
    CASE WHEN a.url IS NOT NULL THEN 1 ELSE 2 END AS "V2SOURCECOLLECTIONIDENTIFIER",
    gkg_text(
        coalesce(regexp_extract(a.url, '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)', 1), a.outlet, ''),
        ''
    ) AS "V2SOURCECOMMONNAME",
    gkg_text(coalesce(a.url, a.relative_path), '') AS "V2DOCUMENTIDENTIFIER",
    coalesce(k.v1, '') AS "V1COUNTS",
    coalesce(k.v2, '') AS "V2.1COUNTS",
    coalesce(th.v1, '') AS "V1THEMES",
    coalesce(th.v2, '') AS "V2ENHANCEDTHEMES",
    coalesce(l.v1, '') AS "V1LOCATIONS",
    coalesce(l.v2, '') AS "V2ENHANCEDLOCATIONS",
    coalesce(n.v1_persons, '') AS "V1PERSONS",
    coalesce(n.v2_persons, '') AS "V2ENHANCEDPERSONS",
    coalesce(n.v1_organizations, '') AS "V1ORGANIZATIONS",
    coalesce(n.v2_organizations, '') AS "V2ENHANCEDORGANIZATIONS",
    coalesce(a.tone, '') AS "V1.5TONE",
    coalesce(t.enhanced_dates, '') AS "V2.1ENHANCEDDATES",
    a.gcam AS "V2GCAM",
    '' AS "V2.1SHARINGIMAGE",
    '' AS "V2.1RELATEDIMAGES",
    '' AS "V2.1SOCIALIMAGEEMBEDS",
    '' AS "V2.1SOCIALVIDEOEMBEDS",
    coalesce(q.quotations, '') AS "V2.1QUOTATIONS",
    coalesce(n.all_names, '') AS "V2.1ALLNAMES",
    coalesce(m.amounts, '') AS "V2.1AMOUNTS",
    '' AS "V2.1TRANSLATIONINFO",
    coalesce(
        '<PAGE_TITLE>'
            || replace(replace(replace(gkg_text(a.title, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')
            || '</PAGE_TITLE>',
        ''
    )
    -- The authors, separated by semicolons, as GDELT's <PAGE_AUTHORS> block lists them.
    || CASE WHEN len(a.authors) > 0 THEN
        '<PAGE_AUTHORS>'
            || replace(replace(replace(
                array_to_string([gkg_text(x, ';') FOR x IN a.authors], ';'),
                '&', '&amp;'), '<', '&lt;'), '>', '&gt;')
            || '</PAGE_AUTHORS>'
    ELSE '' END AS "V2EXTRASXML"
FROM articles AS a
LEFT JOIN locations AS l USING (article_id)
LEFT JOIN names AS n USING (article_id)
LEFT JOIN dates AS t USING (article_id)
LEFT JOIN amounts AS m USING (article_id)
LEFT JOIN quotations AS q USING (article_id)
LEFT JOIN themes AS th USING (article_id)
LEFT JOIN counts AS k USING (article_id)
ORDER BY a.loaded_at, a.article_id;
