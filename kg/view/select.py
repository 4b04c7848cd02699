"""Pick the part of the view graph a user asked for: one focus node, one province.

Names are matched as users type them: by IRI, by label or spelling variant with
either tone-mark placement and any case (`kg.text.match_key`), and failing that
without diacritics (`kg.text.slug`).  When nothing matches, the error names the
closest labels.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from kg.errors import QueryError
from kg.text import match_key, slug

if TYPE_CHECKING:
    import networkx as nx

FOCUS_RADIUS = 2
_FOCUS_GROUPS = ("Official", "Province")


def find_nodes(graph: nx.MultiDiGraph, name: str, groups: tuple[str, ...]) -> list[str]:
    """Return the ids of the nodes of `groups` that `name` names, sorted.

    `name` is an IRI or a label ("Trần Thị Hoà" finds "Trần Thị Hòa", and so
    do "trần thị hòa" and "Tran Thi Hoa").  Raises QueryError naming the
    closest labels when nothing matches; never returns [].
    """
    candidates = sorted(n for n, group in graph.nodes(data="group") if group in groups)
    if name in graph and graph.nodes[name]["group"] in groups:
        return [name]
    keys = {n: {match_key(k) for k in graph.nodes[n]["names"]} for n in candidates}
    wanted = match_key(name)
    found = [n for n in candidates if wanted in keys[n]]
    if not found and wanted:
        ascii_wanted = slug(wanted)
        found = [n for n in candidates if ascii_wanted in {slug(k) for k in keys[n]}]
    if found:
        return found
    raise QueryError(_no_match_message(graph, name, candidates, groups))


def focus_nodes(graph: nx.MultiDiGraph, focus: str) -> set[str]:
    """Return the official or province named `focus` and its neighbourhood.

    The neighbourhood is every node within FOCUS_RADIUS edges, whatever their
    direction.  Example: focus "Nguyễn Văn An" gives the official, his
    positions and meetings, and what those touch (provinces, directives).
    """
    import networkx as nx

    undirected = graph.to_undirected(as_view=True)
    selected: set[str] = set()
    for node in find_nodes(graph, focus, _FOCUS_GROUPS):
        selected.update(nx.single_source_shortest_path_length(undirected, node,
                                                              cutoff=FOCUS_RADIUS))
    return selected


def province_nodes(graph: nx.MultiDiGraph, province: str) -> set[str]:
    """Return the nodes connected to the province named `province`.

    They are the province, its positions and their holders, the meetings held
    in it with their chairs and attendees, the directives those meetings
    discuss (and the ones these implement, and their issuers), national posts
    of those officials, and the reports about the province or its meetings; the
    same for the provinces merged into it in 2025 ("Cần Thơ" includes Hậu Giang).
    Example: province "Hà Tĩnh" leaves out officials and meetings of Hậu Giang.
    """
    selected: set[str] = set()
    for root in find_nodes(graph, province, ("Province",)):
        merged = {s for s, _, k in graph.in_edges(root, keys=True) if k == "mergedInto"}
        for unit in {root, *merged}:
            selected.update(_province_closure(graph, unit))
    return selected


def _province_closure(graph: nx.MultiDiGraph, root: str) -> set[str]:
    def near(node: str, key: str, *, reverse: bool = False) -> list[str]:
        if reverse:
            return sorted(s for s, _, k in graph.in_edges(node, keys=True) if k == key)
        return sorted(o for _, o, k in graph.out_edges(node, keys=True) if k == key)

    positions = set(near(root, "jurisdiction", reverse=True))
    meetings = set(near(root, "heldIn", reverse=True))
    officials = {o for p in positions for o in near(p, "holdsPosition", reverse=True)}
    for meeting in meetings:
        officials.update(near(meeting, "chairedBy") + near(meeting, "attendedBy"))
    for official in officials:  # national posts, which have no jurisdiction
        positions.update(p for p in near(official, "holdsPosition")
                         if not near(p, "jurisdiction"))
    directives = {d for m in meetings for d in near(m, "discusses")}
    directives.update(t for d in list(directives) for t in near(d, "implements"))
    organizations = {g for d in directives for g in near(d, "issuedBy")}
    reports = set(near(root, "about", reverse=True))
    reports.update(r for m in meetings for r in near(m, "reports", reverse=True))
    return {root} | positions | meetings | officials | directives | organizations | reports


def _no_match_message(graph: nx.MultiDiGraph, name: str, candidates: list[str],
                      groups: tuple[str, ...]) -> str:
    labels = sorted({graph.nodes[n]["label"] for n in candidates})
    by_key = {match_key(label): label for label in labels}
    close = difflib.get_close_matches(match_key(name), list(by_key), n=5, cutoff=0.4)
    kinds = " or ".join(g.lower() for g in groups)
    if not labels:
        return f"no {kinds} named {name!r}: the graph has none"
    suggestions = [by_key[k] for k in close] or labels[:5]
    return (f"no {kinds} named {name!r}; closest: "
            + ", ".join(repr(s) for s in suggestions))
