-- The lookup form of a name: trimmed, lower-cased, possessive and runs of spaces removed.
CREATE OR REPLACE MACRO alias_key(name) AS
    lower(regexp_replace(regexp_replace(trim(name), '[''’]s$', ''), '\s+', ' ', 'g'));
