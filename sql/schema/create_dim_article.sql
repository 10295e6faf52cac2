-- One article, keyed like raw_articles.
CREATE TABLE IF NOT EXISTS dim_article (
    article_id            VARCHAR NOT NULL,
    source_id             VARCHAR NOT NULL,
    date_key              INTEGER,
    source                VARCHAR NOT NULL,
    title                 VARCHAR,
    published_date        DATE,
    published_date_source VARCHAR,
    dateline              VARCHAR,
    dateline_entity_id    VARCHAR,
    word_count            INTEGER NOT NULL,
    extractor_version     VARCHAR NOT NULL,
    extractor_model       VARCHAR NOT NULL,
    extracted_at          TIMESTAMP NOT NULL,
    loaded_at             TIMESTAMP NOT NULL,
    -- Tone, GDELT's V1.5TONE from VADER's lexicon: shares of tone_word_count in percent.
    tone                  DOUBLE,   -- positive_score - negative_score
    positive_score        DOUBLE,   -- words VADER's lexicon rates positive
    negative_score        DOUBLE,   -- words VADER's lexicon rates negative
    polarity              DOUBLE,   -- positive_score + negative_score
    activity_density      DOUBLE,   -- verbs
    self_group_density    DOUBLE,   -- personal and possessive pronouns
    tone_word_count       INTEGER,  -- VADER's words of the body: split at whitespace
    gcam_vader_words      INTEGER,  -- GCAM c26.1: words found in VADER's lexicon
    gcam_vader_valence    DOUBLE,   -- GCAM v26.1: their mean valence (-4 to 4)
    language              VARCHAR,  -- ISO 639-1; only English ('en') is extracted
    authors               VARCHAR[], -- the writers the input or the byline names
    story_id              VARCHAR   -- its story (dim_story); null until it has a signature
);
-- Warehouses created before the tone columns: their articles' tone is unknown until reloaded.
ALTER TABLE dim_article ADD COLUMN IF NOT EXISTS tone DOUBLE;
ALTER TABLE dim_article ADD COLUMN IF NOT EXISTS positive_score DOUBLE;
ALTER TABLE dim_article ADD COLUMN IF NOT EXISTS negative_score DOUBLE;
ALTER TABLE dim_article ADD COLUMN IF NOT EXISTS polarity DOUBLE;
ALTER TABLE dim_article ADD COLUMN IF NOT EXISTS activity_density DOUBLE;
ALTER TABLE dim_article ADD COLUMN IF NOT EXISTS self_group_density DOUBLE;
ALTER TABLE dim_article ADD COLUMN IF NOT EXISTS tone_word_count INTEGER;
ALTER TABLE dim_article ADD COLUMN IF NOT EXISTS gcam_vader_words INTEGER;
ALTER TABLE dim_article ADD COLUMN IF NOT EXISTS gcam_vader_valence DOUBLE;
-- Warehouses created before languages and authors were read.
ALTER TABLE dim_article ADD COLUMN IF NOT EXISTS language VARCHAR;
ALTER TABLE dim_article ADD COLUMN IF NOT EXISTS authors VARCHAR[];
-- Warehouses created before stories: their articles join one when they are loaded again.
ALTER TABLE dim_article ADD COLUMN IF NOT EXISTS story_id VARCHAR;
