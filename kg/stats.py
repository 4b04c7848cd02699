"""Figures about a store: how many of each thing, and what could not be resolved."""

from __future__ import annotations

from typing import Any

from kg.rdf.map import MEETING_CLASSES
from kg.rdf.vocab import VNKG
from kg.store import Store

_VNKG = str(VNKG._NS)
_RULES_TO_REVIEW = ("merged-province", "same-title", "career-move", "earlier-build")
_COUNTED = ("Report", "Official", "Position", "Tenure", "Meeting", "Directive",
            "Organization", "PostHolding", "Succession")


def _scalar(store: Store, query: str) -> int:
    row = next(iter(store.ox.query(query, use_default_graph_as_union=True)))
    return int(row[0].value)


def _subclasses(name: str) -> list[str]:
    """The class and, for Meeting, the meeting kinds the mapper types nodes with."""
    if name == "Meeting":
        return sorted({str(c) for c in MEETING_CLASSES.values()})
    return [_VNKG + name]


def compute_stats(store: Store) -> dict[str, Any]:
    """Return counts per class, quads, graphs, unresolved provinces, merges and collisions."""
    figures: dict[str, Any] = {"quads": store.quad_count(),
                               "graphs": len(store.graph_names())}
    for name in _COUNTED:
        classes = " ".join(f"<{c}>" for c in _subclasses(name))
        figures[name] = _scalar(
            store, f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ VALUES ?c {{ {classes} }} "
                   f"?x a ?c }}")
    figures["provinces reported on"] = _scalar(
        store, f"SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ ?r <{_VNKG}about> ?p }}")
    rows = store.ox.query(
        f"""SELECT ?id WHERE {{
              ?r a <{_VNKG}Report> ; <http://purl.org/dc/terms/identifier> ?id .
              FILTER NOT EXISTS {{ ?r <{_VNKG}about> ?p }} }} ORDER BY ?id""",
        use_default_graph_as_union=True)
    figures["unresolved province"] = [row[0].value for row in rows]
    evidence = store.ox.query(
        f"""SELECT ?e (COUNT(?r) AS ?n) WHERE {{ ?r <{_VNKG}provinceEvidence> ?e }}
            GROUP BY ?e ORDER BY ?e""", use_default_graph_as_union=True)
    merges = store.ox.query(
        f"""SELECT ?rule (COUNT(?l) AS ?n) WHERE {{ ?l a <{_VNKG}IdentityLink> ;
              <{_VNKG}linkRule> ?rule }} GROUP BY ?rule ORDER BY ?rule""",
        use_default_graph_as_union=True)
    figures["merges by rule"] = {row[0].value: int(row[1].value) for row in merges}
    weak = " ".join(f'"{rule}"' for rule in _RULES_TO_REVIEW)
    review = store.ox.query(
        f"""SELECT ?rule ?evidence WHERE {{ ?l a <{_VNKG}IdentityLink> ;
              <{_VNKG}linkRule> ?rule ; <{_VNKG}mergeEvidence> ?evidence .
              VALUES ?rule {{ {weak} }} }} ORDER BY ?rule ?evidence""",
        use_default_graph_as_union=True)
    # merges on the weaker rules: right for rotations and mergers, worth a reader's check
    figures["merges to review"] = [f"{row[0].value}: {row[1].value}" for row in review]
    collisions = store.ox.query(
        f"""SELECT ?rule ?evidence WHERE {{ ?c a <{_VNKG}NameCollision> ;
              <{_VNKG}linkRule> ?rule ; <{_VNKG}mergeEvidence> ?evidence }}
            ORDER BY ?rule ?evidence""", use_default_graph_as_union=True)
    # one name kept as two people: right when they are two, a missed merge otherwise
    figures["suspected same-name collisions"] = [f"{row[0].value}: {row[1].value}"
                                                 for row in collisions]
    disagreements = store.ox.query(
        f"""SELECT ?number (COUNT(DISTINCT ?type) AS ?types) (COUNT(DISTINCT ?day) AS ?days)
            WHERE {{ ?d a <{_VNKG}Directive> ; <{_VNKG}documentNumber> ?number .
                     OPTIONAL {{ ?d <{_VNKG}documentType> ?type }}
                     OPTIONAL {{ ?d <{_VNKG}issuedOn> ?day }} }}
            GROUP BY ?d ?number HAVING (COUNT(DISTINCT ?type) > 1 || COUNT(DISTINCT ?day) > 1)
            ORDER BY ?number""", use_default_graph_as_union=True)
    # one document given different types or dates by different reports
    figures["directives reported differently"] = [row[0].value for row in disagreements]
    figures["province evidence"] = {row[0].value: int(row[1].value) for row in evidence}
    return figures


def format_stats(figures: dict[str, Any]) -> str:
    """Render `compute_stats` output as aligned text lines."""
    lines = []
    for key, value in figures.items():
        if isinstance(value, list):
            shown = "\n  ".join(["", *value]) if value else " none"
            lines.append(f"{key:<30} {len(value)}:{shown}")
        elif isinstance(value, dict):
            shown = ", ".join(f"{k} {v}" for k, v in value.items()) or "none"
            lines.append(f"{key:<30} {shown}")
        else:
            lines.append(f"{key:<30} {value}")
    return "\n".join(lines)
