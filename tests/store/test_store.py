"""kg.store: one named graph per report, replaced whole, kept on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import StoreError
from kg.store import open_store, opened

A = URIRef("https://w3id.org/vnkg/id/report/a")
B = URIRef("https://w3id.org/vnkg/id/report/b")
P = URIRef("http://example.org/p")


def _graph(*values: str) -> Graph:
    g = Graph()
    for v in values:
        g.add((URIRef("http://example.org/s"), P, Literal(v)))
    return g


def test_replace_keeps_other_graphs_and_persists(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with opened(path) as store:
        store.replace_graph(A, _graph("một", "hai"))
        store.replace_graph(B, _graph("ba"))
        store.replace_graph(A, _graph("bốn"))
        assert store.quad_count() == 2
    with opened(path, create=False) as store:
        assert store.graph_names() == [str(A), str(B)]
        values = sorted(str(o) for _, _, o, _ in store.dataset.quads((None, P, None, None)))
        assert values == ["ba", "bốn"]


def test_remove_graph(tmp_path: Path) -> None:
    with opened(tmp_path / "s") as store:
        store.replace_graph(A, _graph("một"))
        assert store.remove_graph(A) is True
        assert store.remove_graph(A) is False
        assert store.quad_count() == 0


def test_literal_with_sparql_syntax_is_stored_verbatim(tmp_path: Path) -> None:
    hostile = '"} } ; DROP ALL ; INSERT DATA { <a> <b> "c'
    with opened(tmp_path / "s") as store:
        store.replace_graph(B, _graph("giữ lại"))
        store.replace_graph(A, _graph(hostile))
        objects = {str(o) for _, _, o, _ in store.dataset.quads((None, P, None, None))}
        assert objects == {hostile, "giữ lại"}


def test_missing_store_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "absent", create=False)


def test_store_path_that_is_a_file_is_an_error(tmp_path: Path) -> None:
    file = tmp_path / "f"
    file.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        open_store(file)


def test_store_in_use_is_an_error(tmp_path: Path) -> None:
    with opened(tmp_path / "s"):
        with pytest.raises(StoreError, match="cannot open store"):
            open_store(tmp_path / "s")
