"""Export the store to a file in one of the RDF formats; the one table of formats.

`FORMATS` maps each format name to its file suffix and Oxigraph format; the CLI's
choices, suffix guessing and the README derive from it. Files are written to a
temporary file beside the target and renamed (kg.fileio), so a failed export leaves
no half-written file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.fileio import atomic_binary
from kg.rdf.vocab import PREFIXES
from kg.store import Store


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    ox_format: ox.RdfFormat
    quads: bool                 # keeps the named graphs (one per report)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", ".ttl", ox.RdfFormat.TURTLE, False),
        Format("trig", ".trig", ox.RdfFormat.TRIG, True),
        Format("nt", ".nt", ox.RdfFormat.N_TRIPLES, False),
        Format("nq", ".nq", ox.RdfFormat.N_QUADS, True),
        Format("json-ld", ".jsonld", ox.RdfFormat.JSON_LD, True),
    )
}



def guess_format(path: str | Path) -> Format:
    """Return the format whose suffix `path` has; raise `KgError` listing the suffixes."""
    suffix = Path(path).suffix.lower()
    for fmt in FORMATS.values():
        if fmt.suffix == suffix:
            return fmt
    known = ", ".join(f.suffix for f in FORMATS.values())
    raise KgError(f"{path}: cannot tell the format from the suffix {suffix!r}; "
                  f"use one of {known} or pass --format")


def export(store: Store, path: str | Path, fmt: Format | None = None) -> int:
    """Write the whole store to `path`; return the number of triples or quads written.

    Quad formats keep one named graph per report; triple formats write the union.
    """
    fmt = fmt or guess_format(path)
    target = Path(path)
    if fmt.quads:
        items: list[ox.Quad] | list[ox.Triple] = sorted(store.quads(), key=str)
    else:
        result = store.ox.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        items = sorted(set(result), key=str)  # type: ignore[arg-type]
    with_prefixes = fmt.ox_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG)
    prefixes = dict(PREFIXES) if with_prefixes else None
    with atomic_binary(target) as out:
        ox.serialize(items, out, fmt.ox_format, prefixes=prefixes)
    return len(items)
