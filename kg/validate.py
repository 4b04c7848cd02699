"""Validate a graph against the SHACL shapes in `ontology/shapes.ttl`.

pyshacl runs with the ontology as `ont_graph` (so `sh:targetClass vnkg:Meeting` also
reaches `vnkg:Congress` and the other subclasses) and no network. Each violation becomes
one readable line, "focus node — path — message", with IRIs shortened to prefixes
(`id:` for instance IRIs under the default base).
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal as TypingLiteral

from rdflib import RDF, BNode, Dataset, Graph, Literal, Node, URIRef
from rdflib.namespace import SH, XSD

from kg.rdf.vocab import ID_BASE, bind_prefixes
from kg.store import Store

Inference = TypingLiteral["none", "rdfs"]
_Names = tuple[tuple[str, str], ...]     # (namespace, prefix), longest namespace first


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of `validate`: `problems` is empty exactly when `conforms`."""

    conforms: bool
    problems: tuple[str, ...]    # "focus node — path — message", sorted
    text: str                    # pyshacl's full report, for `kg validate --verbose`


def validate(data: Graph, *, inference: Inference = "none", base: str = ID_BASE
             ) -> ValidationReport:
    """Check `data` against kg's SHACL shapes and return a `ValidationReport`.

    `data` is a `Graph` or a `Dataset`; a Dataset is checked as the union of its named
    graphs, since a report's graph may point at provinces in the gazetteer graph.
    `base` is the instance base shortened to `id:` in problem lines. A conforming
    graph gives `conforms=True, problems=()`.

    Example: a tenure with no `vnkg:source` gives the line
    "id:tenure/bao-1/nguyen-van-an/bi-thu-tinh-uy — vnkg:source — a tenure needs
    exactly one vnkg:source, the vnkg:Report that states it".
    """
    import pyshacl

    conforms, results, text = pyshacl.validate(
        _union(data),
        shacl_graph=_shapes(),
        ont_graph=_ontology(),
        inference=inference,
        abort_on_first=False,
        allow_warnings=False,
        advanced=False,
        meta_shacl=False,
        do_owl_imports=False,
    )
    names = _prefixes(base)
    problems = tuple(sorted({
        _problem(results, result, names)
        for result in results.subjects(RDF.type, SH.ValidationResult)
    }))
    return ValidationReport(conforms=bool(conforms), problems=problems, text=str(text))


@lru_cache(maxsize=8)
def _prefixes(base: str) -> _Names:
    graph = Graph(bind_namespaces="core")
    bind_prefixes(graph)
    pairs = [(str(ns), prefix) for prefix, ns in graph.namespaces()] + [(base, "id")]
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair[1])))


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return _load("shapes.ttl")


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return _load("vnkg.ttl")


def _load(name: str) -> Graph:
    graph = Graph(bind_namespaces="core")
    source = importlib.resources.files("kg.ontology") / name
    graph.parse(data=source.read_text(encoding="utf-8"), format="turtle")
    return graph


def _union(data: Graph) -> Graph:
    if not isinstance(data, Dataset):
        return data
    union = Graph(bind_namespaces="core")
    for s, p, o, _ in data.quads((None, None, None, None)):
        union.add((s, p, _plain(o)))
    return union


def _plain(node: Node) -> Node:
    """Oxigraph returns simple literals typed xsd:string; rdflib's sh:in compares terms."""
    if isinstance(node, Literal) and node.datatype == XSD.string:
        return Literal(str(node))
    return node


def _problem(results: Graph, result: Node, names: _Names) -> str:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
    if messages:
        message = "; ".join(messages)
    else:
        component = results.value(result, SH.sourceConstraintComponent)
        message = f"violates {_short(component, names)}"
    value = results.value(result, SH.value)
    if value is not None and value != focus and str(value) not in message:
        message += f" (found {_short(value, names)})"
    return f"{_short(focus, names)} — {_path(results, path, names)} — {message}"


def _path(results: Graph, path: Node | None, names: _Names) -> str:
    if path is None:
        return "(node)"
    if isinstance(path, BNode):
        inverse = results.value(path, SH.inversePath)
        if inverse is not None:
            return f"^{_short(inverse, names)}"
        return "(complex path)"
    return _short(path, names)


def _short(node: Node | None, names: _Names) -> str:
    if node is None:
        return "?"
    if isinstance(node, URIRef):
        text = str(node)
        for namespace, prefix in names:
            if text.startswith(namespace):
                return f"{prefix}:{text[len(namespace):]}"
        return f"<{text}>"
    if isinstance(node, Literal):
        return node.n3()
    return "[]"


def validate_store(store: Store) -> ValidationReport:
    """Validate the union of every named graph in `store` (what `kg validate` checks)."""
    return validate(store.dataset)
