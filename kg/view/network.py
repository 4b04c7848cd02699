"""Turn the RDF graph of `kg` into a networkx graph of things a reader can look at.

Nodes are officials, positions, provinces, meetings, directives, organizations and
reports; edges follow the object properties of docs/graph.md that link them, plus
"succeeded" from an official to the one they succeeded in a post, and "mergedInto"
from a drawn province to the one it became part of in 2025.  Tenure and Mention
nodes are not drawn: tenures only annotate the tooltips of officials.
Every node carries plain-text attributes (`group`, `kind`, `label`, `names`,
`facts`, `sources`); escaping them for HTML is the renderer's job (kg/view/html.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import rdflib
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.errors import KgError
from kg.rdf.vocab import VNKG

if TYPE_CHECKING:
    import networkx as nx


# ontology class -> drawn group; the meeting subclasses share one group
_GROUP_OF_CLASS: dict[URIRef, str] = {
    VNKG.Official: "Official",
    VNKG.Position: "Position",
    VNKG.Province: "Province",
    VNKG.Meeting: "Meeting",
    VNKG.ExecutiveCommitteeConference: "Meeting",
    VNKG.StandingCommitteeMeeting: "Meeting",
    VNKG.PeopleCouncilSession: "Meeting",
    VNKG.PeopleCommitteeMeeting: "Meeting",
    VNKG.Congress: "Meeting",
    VNKG.Directive: "Directive",
    VNKG.Organization: "Organization",
    VNKG.Report: "Report",
}
GROUPS: tuple[str, ...] = (
    "Province", "Official", "Position", "Meeting", "Directive", "Organization", "Report",
)
_HIDDEN_CLASSES = frozenset({VNKG.Tenure, VNKG.Mention})

# edge predicate -> (group of subject, group of object), used for untyped endpoints
EDGE_PREDICATES: dict[URIRef, tuple[str, str]] = {
    VNKG.holdsPosition: ("Official", "Position"),
    VNKG.jurisdiction: ("Position", "Province"),
    VNKG.heldIn: ("Meeting", "Province"),
    VNKG.chairedBy: ("Meeting", "Official"),
    VNKG.attendedBy: ("Meeting", "Official"),
    VNKG.discusses: ("Meeting", "Directive"),
    VNKG.implements: ("Directive", "Directive"),
    VNKG.issuedBy: ("Directive", "Organization"),
    VNKG.about: ("Report", "Province"),
    VNKG.reports: ("Report", "Meeting"),
}

# facts shown in a tooltip, per group: (caption, predicate)
_FACTS: dict[str, tuple[tuple[str, URIRef], ...]] = {
    "Official": (("also written", SKOS.altLabel), ("formerly held", VNKG.formerlyHeld)),
    "Position": (("title", VNKG["title"]), ("jurisdiction", VNKG.jurisdiction)),
    "Province": (("admin code", VNKG.adminCode), ("also", SKOS.altLabel),
                 ("valid until", VNKG.validUntil), ("merged into", VNKG.mergedInto)),
    "Meeting": (("date", VNKG.date), ("province", VNKG.heldIn), ("session", VNKG.session),
                ("term", VNKG["term"]), ("chaired by", VNKG.chairedBy),
                ("online", VNKG.online), ("extended", VNKG.extended),
                ("extraordinary", VNKG.extraordinary),
                ("no date because", VNKG.dateUnknownReason)),
    "Directive": (("document number", VNKG.documentNumber), ("type", VNKG.documentType),
                  ("issued by", VNKG.issuedBy), ("issued on", VNKG.issuedOn),
                  ("implements", VNKG.implements), ("national", VNKG.national)),
    "Organization": (("also", SKOS.altLabel),),
    "Report": (("title", DCTERMS.title), ("published", VNKG.publishedOn),
               ("author", VNKG.author), ("source", DCTERMS.source),
               ("about", VNKG.about)),
}
_MAX_VALUES = 8  # values listed per fact before "(+n more)"


class _Facts:
    """All triples of a dataset, indexed by subject and by object, deduplicated."""

    def __init__(self, quads: Iterable[tuple[Any, Any, Any, Any]]) -> None:
        self.out: dict[Any, dict[URIRef, set[Any]]] = defaultdict(lambda: defaultdict(set))
        self.into: dict[Any, dict[URIRef, set[Any]]] = defaultdict(lambda: defaultdict(set))
        self.graphs: dict[Any, set[Any]] = defaultdict(set)
        for s, p, o, g in quads:
            self.out[s][p].add(o)
            self.into[o][p].add(s)
            if g is not None:
                self.graphs[s].add(getattr(g, "identifier", g))

    def values(self, node: Any, predicate: URIRef) -> list[Any]:
        """Return the objects of `node predicate ?o`, sorted."""
        return sorted(self.out.get(node, {}).get(predicate, ()), key=_sort_key)

    def subjects(self, predicate: URIRef, node: Any) -> list[Any]:
        """Return the subjects of `?s predicate node`, sorted."""
        return sorted(self.into.get(node, {}).get(predicate, ()), key=_sort_key)


def build_network(dataset: rdflib.Graph) -> nx.MultiDiGraph:
    """Return the drawable graph of `dataset` as a networkx MultiDiGraph.

    `dataset` is an rdflib Dataset (every named graph is read, the union of
    all) or a plain Graph.  Node ids are IRIs as strings; node attributes are
    `group`, `kind` (the most specific class), `label`, `names` (label and
    spelling variants), `facts` (a tuple of (caption, text) pairs), `sources`
    (sorted report ids).  Edge keys are the
    predicate local names ("holdsPosition").  Provinces without any edge (the
    gazetteer lists them all) are left out.  An empty dataset gives an empty
    graph.  Example: an official "Nguyễn Văn An" holding "Bí thư Tỉnh ủy Hà
    Tĩnh" gives nodes for both and one edge `holdsPosition`.
    """
    try:
        import networkx as nx
    except ImportError as error:  # pragma: no cover - a core dependency
        raise KgError("kg view needs networkx: pip install 'kg[view]'") from error

    facts = _Facts(_quads(dataset))
    groups = _groups(facts)
    graph = nx.MultiDiGraph()
    edges: list[tuple[str, str, str]] = []
    for predicate, (subject_group, object_group) in EDGE_PREDICATES.items():
        for s, targets in _by_predicate(facts, predicate):
            for o in targets:
                if not isinstance(o, (URIRef, rdflib.BNode)):
                    continue
                groups.setdefault(s, subject_group)
                groups.setdefault(o, object_group)
                edges.append((str(s), str(o), _local_name(predicate)))
    edges += _successions(facts)
    linked = {n for s, o, _ in edges for n in (s, o)}
    edges += _mergers(facts, linked)
    linked.update(o for _, o, key in edges if key == "mergedInto")
    tenures = _tenures(facts)
    report_ids = _report_ids(facts, groups)
    for node in sorted(groups, key=_sort_key):
        group = groups[node]
        if group is None or (group == "Province" and str(node) not in linked):
            continue
        graph.add_node(
            str(node),
            group=group,
            kind=_kind(facts, node, group),
            label=_label(facts, node),
            names=_names(facts, node),
            facts=_node_facts(facts, node, group, tenures, report_ids),
            sources=_sources(facts, node, group, report_ids),
        )
    for s, o, name in sorted(set(edges)):
        if s in graph and o in graph:
            graph.add_edge(s, o, key=name)
    return graph




def _successions(facts: _Facts) -> list[tuple[str, str, str]]:
    """One edge "succeeded" from each successor to the predecessor (graph `links`)."""
    return [(str(later), str(earlier), "succeeded")
            for succession in facts.subjects(RDF.type, VNKG.Succession)
            for later in facts.values(succession, VNKG.successor)
            for earlier in facts.values(succession, VNKG.predecessor)]


def _mergers(facts: _Facts, linked: set[str]) -> list[tuple[str, str, str]]:
    """"mergedInto" edges from the drawn provinces (not from the whole gazetteer)."""
    return [(str(old), str(new), "mergedInto")
            for old, targets in _by_predicate(facts, VNKG.mergedInto) if str(old) in linked
            for new in targets if isinstance(new, URIRef)]


def _quads(dataset: rdflib.Graph) -> Iterator[tuple[Any, Any, Any, Any]]:
    if isinstance(dataset, rdflib.ConjunctiveGraph):  # Dataset subclasses it
        yield from dataset.quads((None, None, None, None))
    else:
        for s, p, o in dataset.triples((None, None, None)):
            yield s, p, o, None


def _by_predicate(facts: _Facts, predicate: URIRef) -> list[tuple[Any, list[Any]]]:
    pairs = [(s, sorted(by_p[predicate], key=_sort_key))
             for s, by_p in facts.out.items() if predicate in by_p]
    return sorted(pairs, key=lambda pair: _sort_key(pair[0]))


def _groups(facts: _Facts) -> dict[Any, str | None]:
    """Return the group of every typed node; None for hidden ones (Tenure, Mention)."""
    groups: dict[Any, str | None] = {}
    for node, by_p in facts.out.items():
        types = by_p.get(RDF.type, set())
        if types & _HIDDEN_CLASSES:
            groups[node] = None
            continue
        found = sorted({_GROUP_OF_CLASS[t] for t in types if t in _GROUP_OF_CLASS})
        if found:
            groups[node] = min(found, key=GROUPS.index)
    return groups


def _kind(facts: _Facts, node: Any, group: str) -> str:
    """Return the most specific class name: "ExecutiveCommitteeConference"."""
    names = sorted(_local_name(t) for t in facts.values(node, RDF.type)
                   if t in _GROUP_OF_CLASS and t != VNKG[group])
    return names[0] if names else group


def _label(facts: _Facts, node: Any) -> str:
    for predicate in (RDFS.label, VNKG["title"], VNKG.documentNumber, DCTERMS.identifier):
        found = [str(v) for v in facts.values(node, predicate) if isinstance(v, Literal)]
        if found:
            return found[0]
    return _local_name(node)


def _names(facts: _Facts, node: Any) -> tuple[str, ...]:
    """Return the label and every spelling of `node`: "Hà Tĩnh", "tỉnh Hà Tĩnh"."""
    names = [_label(facts, node)]
    for predicate in (RDFS.label, SKOS.altLabel):
        names += [str(v) for v in facts.values(node, predicate) if isinstance(v, Literal)]
    return tuple(dict.fromkeys(names))


def _tenures(facts: _Facts) -> dict[tuple[Any, Any], list[Any]]:
    """Return (official, position) -> the tenure nodes observing it."""
    found: dict[tuple[Any, Any], list[Any]] = defaultdict(list)
    for tenure in facts.subjects(RDF.type, VNKG.Tenure):
        for official in facts.values(tenure, VNKG.official):
            for position in facts.values(tenure, VNKG.position):
                found[(official, position)].append(tenure)
    return found


def _report_ids(facts: _Facts, groups: dict[Any, str | None]) -> dict[Any, str]:
    """Return report IRI -> its id (dcterms:identifier, else the IRI's last segment)."""
    ids = {}
    for node, group in groups.items():
        if group == "Report":
            found = [str(v) for v in facts.values(node, DCTERMS.identifier)]
            ids[node] = found[0] if found else _local_name(node)
    return ids


def _sources(facts: _Facts, node: Any, group: str, report_ids: dict[Any, str]) -> tuple[str, ...]:
    """Return the ids of the reports that state something about `node`, sorted."""
    found = {report_ids[g] for g in facts.graphs.get(node, ()) if g in report_ids}
    if group == "Report" and node in report_ids:
        found.add(report_ids[node])
    for predicate in (VNKG.mentions, VNKG.reports, VNKG.about):
        found.update(report_ids[r] for r in facts.subjects(predicate, node) if r in report_ids)
    for role in (VNKG.official, VNKG.position):
        for tenure in facts.subjects(role, node):
            found.update(report_ids[r] for r in facts.values(tenure, VNKG.source)
                         if r in report_ids)
    return tuple(sorted(found))


def _node_facts(facts: _Facts, node: Any, group: str, tenures: dict[tuple[Any, Any], list[Any]],
                report_ids: dict[Any, str]) -> tuple[tuple[str, str], ...]:
    """Return the (caption, text) lines of a node's tooltip, in a fixed order."""
    lines: list[tuple[str, str]] = []
    if group == "Official":
        for position in facts.values(node, VNKG.holdsPosition):
            seen = []
            for tenure in tenures.get((node, position), ()):
                dates = ", ".join(str(d) for d in facts.values(tenure, VNKG.observedOn))
                reports = ", ".join(report_ids.get(r, _local_name(r))
                                    for r in facts.values(tenure, VNKG.source))
                seen.append(" ".join(x for x in (dates, f"[{reports}]" if reports else "") if x))
            detail = f" (seen {'; '.join(sorted(set(seen)))})" if any(seen) else ""
            lines.append(("holds", _label(facts, position) + detail))
    for caption, predicate in _FACTS.get(group, ()):
        values = [_text(facts, v) for v in facts.values(node, predicate)]
        if values:
            lines.append((caption, _join(values)))
    if group == "Position":
        holders = [_label(facts, o) for o in facts.subjects(VNKG.holdsPosition, node)]
        if holders:
            lines.append(("held by", _join(holders)))
    if group == "Meeting":
        attendees = [_label(facts, o) for o in facts.values(node, VNKG.attendedBy)]
        if attendees:
            lines.append(("attended by", _join(attendees)))
    return tuple(lines)


def _join(values: list[str]) -> str:
    shown = " | ".join(values[:_MAX_VALUES])
    if len(values) > _MAX_VALUES:
        shown += f" (+{len(values) - _MAX_VALUES} more)"
    return shown


def _text(facts: _Facts, value: Any) -> str:
    return str(value) if isinstance(value, Literal) else _label(facts, value)


def _local_name(term: Any) -> str:
    text = str(term)
    for separator in ("#", "/"):
        if separator in text.rstrip(separator):
            text = text.rstrip(separator).rsplit(separator, 1)[1]
    return text


def _sort_key(term: Any) -> tuple[str, str]:
    return (type(term).__name__, str(term))
