"""kg.export: every format, read back by pyoxigraph (an independent parser)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import KgError
from kg.export import FORMATS, export, guess_format
from kg.store import opened


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_export_reads_back_with_same_count(built_store: Path, tmp_path: Path,
                                           name: str) -> None:
    fmt = FORMATS[name]
    target = tmp_path / f"graph{fmt.suffix}"
    with opened(built_store, create=False) as store:
        written = export(store, target, fmt)
        quads = store.quad_count()
        triples = len({(q.subject, q.predicate, q.object) for q in store.quads()})
    parsed = list(ox.parse(path=str(target), format=fmt.ox_format))
    assert len(parsed) == written
    assert written == (quads if fmt.quads else triples)
    assert not list(tmp_path.glob(".*.tmp")), "temporary file left behind"


def test_turtle_keeps_vietnamese_labels(built_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "g.ttl"
    with opened(built_store, create=False) as store:
        export(store, target)
    text = target.read_text(encoding="utf-8")
    assert "Bí thư Tỉnh ủy" in text
    assert text.startswith("@prefix")


def test_unknown_suffix_names_the_known_ones() -> None:
    with pytest.raises(KgError, match=r"\.ttl.*\.jsonld"):
        guess_format("graph.xyz")
