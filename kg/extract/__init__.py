"""Extraction: pure functions from a `CleanDoc` to typed `Mention`s with spans.

Each extractor is `extract_x(doc, earlier) -> list[Mention]`, where `earlier` holds the
mentions of the extractors listed before it (as spaCy components see the annotations of
earlier ones). Names carry a version that goes into every mention's `source`; bump it
when an extractor's output changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kg.model import CleanDoc, Mention

Extractor = Callable[[CleanDoc, Sequence[Mention]], list[Mention]]


def _registry() -> tuple[tuple[str, Extractor], ...]:
    from kg.extract import bylines, dates, directives, meetings, officials, provinces

    return (
        ("dates.v1", dates.extract_dates),
        ("provinces.v1", provinces.extract_provinces),
        ("directives.v1", directives.extract_directives),
        ("bylines.v1", bylines.extract_bylines),
        ("officials.v1", officials.extract_officials),
        ("meetings.v1", meetings.extract_meetings),
    )


def extract(doc: CleanDoc) -> tuple[Mention, ...]:
    """Run every extractor in order; return all mentions sorted by (start, end, kind)."""
    found: list[Mention] = []
    for _name, extractor in _registry():
        found.extend(extractor(doc, tuple(found)))
    return tuple(sorted(found, key=lambda m: (m.start, m.end, m.kind.value)))
