"""HTML views of the graph: `render_view` draws officials, posts, meetings, directives.

    from kg.view import render_view
    page = render_view(dataset, focus="Nguyễn Văn An")

The page is one self-contained HTML document (vis-network inlined) that opens
without any network.  networkx and pyvis are imported only when a view is drawn.
"""

from __future__ import annotations

import rdflib

__all__ = ["render_view"]


def render_view(dataset: rdflib.Dataset | rdflib.Graph, *, focus: str | None = None,
                province: str | None = None, title: str = "kg") -> str:
    """Return one offline HTML page drawing `dataset`, or the part asked for.

    `dataset` is a Dataset (the union of its named graphs is drawn) or a
    Graph.  `province` keeps the nodes connected to that province (its posts
    and their holders, its meetings, what they discussed, reports about it);
    `focus` keeps an official or province and everything within two edges.
    Both take a label in any case or tone-mark placement, or an IRI; both
    raise QueryError naming the closest labels when nothing matches.  An empty
    dataset gives a page with 0 nodes.  The same graph gives the same page.
    Example: render_view(ds, province="Hà Tĩnh", title="Hà Tĩnh").
    """
    from kg.view.html import render_html
    from kg.view.network import build_network
    from kg.view.select import focus_nodes, province_nodes

    graph = build_network(dataset)
    scope = []
    if province is not None:
        graph = graph.subgraph(province_nodes(graph, province)).copy()
        scope.append(f"province: {province}")
    if focus is not None:
        graph = graph.subgraph(focus_nodes(graph, focus)).copy()
        scope.append(f"focus: {focus}")
    return render_html(graph, title=title, subtitle="; ".join(scope))
