"""Check a graph for logical consistency with the vnkg ontology, using HermiT.

SHACL (`kg.validate`) checks the shape of each node; this module checks what only a
reasoner sees: a node typed with two disjoint classes, directly or through rdfs:domain
and rdfs:range (an official used as the object of `vnkg:discusses` becomes a
Directive too). owlready2 cannot read Turtle, so the ontology and the data are joined
with rdflib, written as N-Triples and loaded into a fresh, in-memory owlready2 World.
HermiT runs on Java; nothing is downloaded.
"""

from __future__ import annotations

import importlib.resources
import io
import shutil
from collections.abc import Iterable
from functools import lru_cache

from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, Node, URIRef
from rdflib.namespace import OWL

from kg.errors import KgError, ValidationError
from kg.rdf.vocab import ONTOLOGY_IRI, VNKG

_JAVA_MEMORY_MB = 400
_ALL_DISJOINT = (RDF.type, OWL.AllDisjointClasses)


def check_consistency(data: Graph, *, java_memory_mb: int = _JAVA_MEMORY_MB) -> None:
    """Raise `ValidationError` unless `data` plus the ontology is consistent.

    `data` is a `Graph` or a `Dataset` (all its named graphs are checked together).
    Returns None when HermiT finds a model. The message is one line and names a node
    typed with disjoint classes when one can be seen without reasoning.
    Needs Java (`java` on PATH): raises `KgError` saying so when it is missing.

    Example: a graph where `id:official/nguyen-van-an` is both `vnkg:Official` and
    `vnkg:Directive` raises `ValidationError("graph is inconsistent with the vnkg
    ontology: ... is both vnkg:Directive and vnkg:Official")`.
    """
    import owlready2
    from owlready2 import reasoning

    if shutil.which(owlready2.JAVA_EXE) is None:
        raise KgError(
            f"the consistency check needs Java to run HermiT: '{owlready2.JAVA_EXE}' "
            "was not found on PATH (install a Java runtime, e.g. openjdk-17-jre-headless)"
        )
    combined = Graph(bind_namespaces="none")
    combined += _ontology()
    for triple in _triples(data):
        combined.add(triple)
    ntriples = combined.serialize(format="nt", encoding="utf-8")

    world = owlready2.World()
    saved_memory = reasoning.JAVA_MEMORY
    try:
        ontology = world.get_ontology(ONTOLOGY_IRI)
        ontology.load(fileobj=io.BytesIO(ntriples), format="ntriples")
        reasoning.JAVA_MEMORY = java_memory_mb
        owlready2.sync_reasoner_hermit(
            world, infer_property_values=False, debug=0, ignore_unsupported_datatypes=True
        )
    except owlready2.OwlReadyInconsistentOntologyError:
        clash = _first_clash(combined)
        detail = f": {clash}" if clash else ""
        raise ValidationError(f"graph is inconsistent with the vnkg ontology{detail}") from None
    except owlready2.OwlReadyJavaError as error:
        first = next((line for line in str(error).splitlines()[1:] if line.strip()), "")
        raise KgError(f"HermiT failed: {first.strip() or 'no message'}") from None
    finally:
        reasoning.JAVA_MEMORY = saved_memory
        world.close()


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    graph = Graph(bind_namespaces="none")
    source = importlib.resources.files("kg.ontology") / "vnkg.ttl"
    graph.parse(data=source.read_text(encoding="utf-8"), format="turtle")
    return graph


def _triples(data: Graph) -> Iterable[tuple[Node, Node, Node]]:
    if isinstance(data, Dataset):
        for s, p, o, _ in data.quads((None, None, None, None)):
            yield s, p, o
    else:
        yield from data


def _first_clash(graph: Graph) -> str:
    """Name the first node (in IRI order) asserted to be in two disjoint vnkg classes."""
    ontology = _ontology()
    groups = [
        tuple(ontology.items(members))
        for node in ontology.subjects(*_ALL_DISJOINT)
        for members in ontology.objects(node, OWL.members)
    ]
    supers = _superclasses(ontology)
    for subject in sorted({s for s in graph.subjects(RDF.type) if isinstance(s, URIRef)}):
        types: set[Node] = set()
        for cls in graph.objects(subject, RDF.type):
            types |= supers.get(cls, {cls})
        for group in groups:
            hit = sorted(_short(c) for c in group if c in types)
            if len(hit) > 1:
                return f"<{subject}> is both {' and '.join(hit)}"
    return ""


def _superclasses(ontology: Graph) -> dict[Node, set[Node]]:
    result: dict[Node, set[Node]] = {}
    for cls in set(ontology.subjects(RDF.type, OWL.Class)):
        if isinstance(cls, BNode | Literal):
            continue
        result[cls] = set(ontology.transitiveClosure(
            lambda c, _: ontology.objects(c, RDFS.subClassOf), cls))
        result[cls].add(cls)
    return result


def _short(node: Node) -> str:
    text = str(node)
    return "vnkg:" + text[len(str(VNKG._NS)):] if text.startswith(str(VNKG._NS)) else text
