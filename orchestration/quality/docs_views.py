"""Data Docs views that compile each Jinja template once per process.

Great Expectations builds the Data Docs site anew after every validation, with new views, each
holding a Jinja environment of its own that parses and compiles every template again: about
1.5 s of the six checks of every run. These views are Great Expectations' own, given one
in-memory bytecode cache (Jinja's mechanism for reusing compiled templates) for the process.
"""

from typing import Any

import jinja2
from great_expectations.render.view import DefaultJinjaIndexPageView, DefaultJinjaPageView


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory, by template name and source checksum."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = _MemoryBytecodeCache()


class _CompiledOnce:
    """Gives the view's Jinja environment the process's cache of compiled templates."""

    env: jinja2.Environment

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.env.bytecode_cache = COMPILED_TEMPLATES


class PageView(_CompiledOnce, DefaultJinjaPageView):
    """A validation result's page."""


class IndexPageView(_CompiledOnce, DefaultJinjaIndexPageView):
    """The site's index page."""
