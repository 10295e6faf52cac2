-- Load a DuckDB extension from its file, {path} a quoted string literal: the lake's extensions
-- come from their PyPI wheels, never from a download.
LOAD {path};
