"""The persistent store: one Oxigraph database on disk, one named graph per report.

`open_store(path)` returns a `Store` whose `dataset` is an rdflib `Dataset` over Oxigraph
(oxrdflib) with the default graph as the union of all named graphs. Writes go through
`replace_graph`, one SPARQL update per graph writing only what changed, which Oxigraph
applies atomically: a report is replaced whole or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph, URIRef

from kg.errors import StoreError
from kg.rdf.vocab import bind_prefixes

DEFAULT_STORE = "kg-store"


class Store:
    """An open store. Use `open_store`; close it (or use `with`) when done."""

    def __init__(self, path: Path, ox_store: ox.Store) -> None:
        self.path = path
        self.ox = ox_store
        self.dataset = Dataset(store=OxigraphStore(store=ox_store), default_union=True)
        bind_prefixes(self.dataset)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Flush and release the database (Oxigraph locks it while any handle lives)."""
        self.ox.flush()
        self.dataset.store._store = None  # the oxrdflib store's handle on the database
        del self.ox, self.dataset

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Replace the named graph `name` by `graph` in one transaction.

        Only the difference is written (one DELETE DATA + INSERT DATA update), so
        rewriting a large graph that hardly changed (the links graph) stays cheap.
        """
        node = ox.NamedNode(str(name))
        body = graph.serialize(format="nt")
        try:
            new = {ox.Quad(q.subject, q.predicate, q.object, node)
                   for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)}
            old = set(self.ox.quads_for_pattern(None, None, None, node))
            gone, added = old - new, new - old
            if any(isinstance(t, ox.BlankNode) for q in (*gone, *added)
                   for t in (q.subject, q.object)):
                # DELETE DATA takes no blank nodes: replace the graph whole
                update = f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{body}}} }}"
            else:
                update = " ;\n".join(
                    f"{verb} DATA {{ GRAPH <{name}> {{\n{_lines(quads)}}} }}"
                    for verb, quads in (("DELETE", gone), ("INSERT", added)) if quads)
            if update:
                self.ox.update(update)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.path}: could not write graph <{name}>: {exc}") from exc

    def remove_graph(self, name: URIRef) -> bool:
        """Remove the named graph `name`; return whether it was there."""
        node = ox.NamedNode(str(name))
        if not self.ox.contains_named_graph(node):
            return False
        self.ox.update(f"DROP GRAPH <{name}>")
        return True

    def graph_names(self) -> list[str]:
        """Names of every named graph, sorted."""
        return sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))

    def quad_count(self) -> int:
        return len(self.ox)

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self.ox)


def _lines(quads: set[ox.Quad]) -> str:
    return "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads)


def open_store(path: str | Path = DEFAULT_STORE, *, create: bool = True) -> Store:
    """Open the store in folder `path` (made if `create`); raise `StoreError` if it cannot."""
    folder = Path(path)
    if not folder.exists() and not create:
        raise StoreError(f"{folder}: no store here; run `kg build` first or pass --store DIR")
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder}: is a file, not a store folder")
    try:
        return Store(folder, ox.Store(str(folder)))
    except OSError as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "lock" in message.lower():
            message = "the store is in use by another kg process"
        raise StoreError(f"{folder}: cannot open store: {message}") from exc


@contextmanager
def opened(path: str | Path = DEFAULT_STORE, *, create: bool = True) -> Iterator[Store]:
    """`with opened(path) as store:` open and close a store."""
    store = open_store(path, create=create)
    try:
        yield store
    finally:
        store.close()
