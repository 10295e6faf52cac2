"""The extractor's version, stored with every record: articles extracted by an older version
are extracted again."""

EXTRACTOR_VERSION = "0.3.0"
