"""Map the gazetteer (kg/data/provinces.tsv) to the triples of the graph `graph/gazetteer`.

All 63 provinces before 1 July 2025 and the 34 after, with official codes, names,
aliases, validity dates and `vnkg:mergedInto` links, so that queries can ask about an
old province, a new one, or both.
"""

from __future__ import annotations

from datetime import date, timedelta

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal

from kg import gazetteer
from kg.rdf.iri import Iris
from kg.rdf.vocab import VNKG, bind_prefixes


def map_gazetteer(iris: Iris) -> Graph:
    """Return one node per province unit, keyed by its unique gazetteer key."""
    graph = Graph(bind_namespaces="core")
    bind_prefixes(graph)
    for province in gazetteer.provinces():
        node = iris.province(province.key)
        graph.add((node, RDF.type, VNKG.Province))
        graph.add((node, RDFS.label, Literal(province.name)))
        graph.add((node, VNKG.adminCode, Literal(province.code)))
        for alias in province.aliases:
            graph.add((node, SKOS.altLabel, Literal(alias)))
        if province.valid_from:
            graph.add((node, VNKG.validFrom, Literal(province.valid_from, datatype=XSD.date)))
        if province.valid_until:
            graph.add((node, VNKG.validUntil, Literal(province.valid_until,
                                                      datatype=XSD.date)))
            day_after = (date.fromisoformat(province.valid_until) + timedelta(days=1)).isoformat()
            after = gazetteer.successor(province, day_after)
            if after.key != province.key:
                graph.add((node, VNKG.mergedInto, iris.province(after.key)))
    return graph
