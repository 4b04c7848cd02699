"""Map what several reports show together to the triples of the graph `id:graph/links`.

Post holdings over time (W3C ORG `org:memberDuring`, W3C Time intervals), successions,
and the evidence for every identity decision (docs/graph.md, "Cross-report facts").
Pure: the same sightings and identities give the same triples.
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, TIME

from kg.link.identity import Identities
from kg.link.tenures import Holding, holdings, successions
from kg.model import Sighting
from kg.rdf.iri import Iris
from kg.rdf.map import date_literal, map_position
from kg.rdf.vocab import VNKG, bind_prefixes


def map_links(sightings: Sequence[Sighting], identities: Identities, iris: Iris) -> Graph:
    """Return the links graph of `sightings` (identities filled in) and `identities`."""
    graph = Graph(bind_namespaces="core")
    bind_prefixes(graph)
    held = holdings(sightings)
    for h in held:
        _holding(graph, iris, h)
    for s in successions(held):
        position = iris.position(s.post.title, s.post.scope)
        node = iris.succession(position, s.predecessor.identity, s.successor.identity)
        graph.add((node, RDF.type, VNKG.Succession))
        graph.add((node, VNKG.position, position))
        graph.add((node, VNKG.predecessor, iris.official(s.predecessor.identity)))
        graph.add((node, VNKG.successor, iris.official(s.successor.identity)))
        graph.add((node, VNKG.predecessorLastObserved, date_literal(s.predecessor.last)))
        graph.add((node, VNKG.successorFirstObserved, date_literal(s.successor.first)))
        for report in sorted({*s.predecessor.reports, *s.successor.reports}):
            graph.add((node, VNKG.source, iris.report(report)))
    for link in identities.links:
        node = iris.identity_link(link.identity, *link.reports)
        graph.add((node, RDF.type, VNKG.IdentityLink))
        graph.add((node, VNKG.concerns, iris.official(link.identity)))
        graph.add((node, VNKG.linkRule, Literal(link.rule)))
        graph.add((node, VNKG.mergeEvidence, Literal(link.evidence)))
        for report in link.reports:
            graph.add((node, VNKG.source, iris.report(report)))
    for collision in identities.collisions:
        node = iris.collision(*collision.identities)
        graph.add((node, RDF.type, VNKG.NameCollision))
        for identity in collision.identities:
            graph.add((node, VNKG.concerns, iris.official(identity)))
        graph.add((node, VNKG.linkRule, Literal(collision.rule)))
        graph.add((node, VNKG.mergeEvidence, Literal(collision.evidence)))
    return graph


def _holding(graph: Graph, iris: Iris, h: Holding) -> None:
    position = map_position(graph, iris, h.post)
    node = iris.holding(h.identity, position)
    graph.add((node, RDF.type, VNKG.PostHolding))
    graph.add((node, VNKG.official, iris.official(h.identity)))
    graph.add((node, VNKG.position, position))
    graph.add((node, VNKG.observationCount, Literal(len(h.reports))))
    for report in h.reports:
        graph.add((node, VNKG.source, iris.report(report)))
        graph.add((node, PROV.wasDerivedFrom, iris.tenure(report, h.identity, position)))
    if h.first is None or h.last is None:
        return
    graph.add((node, VNKG.firstObserved, date_literal(h.first)))
    graph.add((node, VNKG.lastObserved, date_literal(h.last)))
    interval = URIRef(f"{node}/interval")
    graph.add((node, ORG.memberDuring, interval))
    graph.add((interval, RDF.type, TIME.ProperInterval))
    for end, day, prop in (("first", h.first, TIME.hasBeginning), ("last", h.last, TIME.hasEnd)):
        instant = URIRef(f"{node}/{end}")
        graph.add((interval, prop, instant))
        graph.add((instant, RDF.type, TIME.Instant))
        graph.add((instant, TIME.inXSDDate, date_literal(day)))
