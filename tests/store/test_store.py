"""kg.store: one named graph per report, replaced whole, kept on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import XSD, BNode, Graph, Literal, URIRef

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


def test_replace_writes_only_the_difference(tmp_path: Path) -> None:
    typed = Graph()
    s = URIRef("http://example.org/s")
    typed.add((s, P, Literal("2021-03-01", datatype=XSD.date)))
    typed.add((s, P, Literal("Hà Tĩnh", lang="vi")))
    typed.add((s, P, Literal(7)))
    with opened(tmp_path / "s") as store:
        store.replace_graph(A, typed)
        before = set(store.quads())
        store.replace_graph(A, typed)          # the same triples: nothing changes
        assert set(store.quads()) == before
        typed.remove((s, P, Literal(7)))
        typed.add((s, P, Literal(8)))
        store.replace_graph(A, typed)
        objects = {str(o) for _, _, o, _ in store.dataset.quads((None, P, None, None))}
        assert objects == {"2021-03-01", "Hà Tĩnh", "8"}


def test_a_hostile_literal_is_removed_as_safely_as_it_was_added(tmp_path: Path) -> None:
    hostile = '"} } ; DROP ALL ; INSERT DATA { <a> <b> "c'
    with opened(tmp_path / "s") as store:
        store.replace_graph(B, _graph("giữ lại"))
        store.replace_graph(A, _graph(hostile, "một"))
        store.replace_graph(A, _graph("một"))
        objects = {str(o) for _, _, o, _ in store.dataset.quads((None, P, None, None))}
        assert objects == {"một", "giữ lại"}


def test_blank_nodes_are_replaced_whole(tmp_path: Path) -> None:
    with opened(tmp_path / "s") as store:
        for value in ("một", "hai"):
            g = Graph()
            g.add((BNode(), P, Literal(value)))
            store.replace_graph(A, g)
        assert [str(o) for _, _, o, _ in store.dataset.quads((None, P, None, None))] == ["hai"]


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
