"""The exceptions `kg` raises, one tree rooted at `KgError`.

    KgError                 anything kg reports to a user as a one-line message
     +-- InputError         a report that cannot be read or decoded (file, line/offset)
     +-- DataError          a vocabulary file under kg/data/ is malformed
     +-- StoreError         the on-disk store is missing, locked or inconsistent
     +-- QueryError         an unknown named query, a bad parameter, a SPARQL syntax error
     +-- ValidationError    the graph does not conform to ontology/shapes.ttl

Only `kg/cli.py` turns these into exit codes; library code raises them.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class: `str(error)` is the one-line message shown to the user."""


class InputError(KgError):
    """A report could not be read. Carries the path and, where known, a line or offset."""

    def __init__(self, source: str, message: str, *, line: int | None = None,
                 offset: int | None = None) -> None:
        self.source = source
        self.line = line
        self.offset = offset
        where = source
        if line is not None:
            where += f":{line}"
        elif offset is not None:
            where += f"@{offset}"
        super().__init__(f"{where}: {message}")


class DataError(KgError):
    """A data file under kg/data/ is malformed."""


class StoreError(KgError):
    """The store cannot be opened or changed."""


class QueryError(KgError):
    """A query cannot be found, bound or run."""


class ValidationError(KgError):
    """The graph does not conform to the SHACL shapes."""
