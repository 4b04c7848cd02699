"""Render a view graph as one self-contained HTML page that opens offline.

pyvis draws the page with vis-network inlined; this module then removes what
would reach the network (pyvis still links bootstrap from a CDN), adds a header
and a legend, and forbids any fetch with a Content-Security-Policy.  Text from
reports is never trusted: labels are drawn on a canvas, tooltips are plain
text (vis-network 9 sets them with `innerText`), node data is embedded as JSON
with `<`, `>`, `&` and `'` escaped, and everything written into the HTML itself
goes through `html.escape`.
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING, Any

from kg.errors import KgError
from kg.view.network import GROUPS

if TYPE_CHECKING:
    import networkx as nx

# Okabe-Ito colours, readable by colour-blind readers
COLORS: dict[str, str] = {
    "Province": "#009E73",
    "Official": "#E69F00",
    "Position": "#56B4E9",
    "Meeting": "#CC79A7",
    "Directive": "#0072B2",
    "Organization": "#D55E00",
    "Report": "#999999",
}
_SIZES: dict[str, int] = {
    "Province": 30, "Meeting": 22, "Official": 18, "Directive": 18,
    "Position": 14, "Organization": 14, "Report": 12,
}
_OPTIONS = {
    "layout": {"randomSeed": 7, "improvedLayout": True},
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 110,
                             "avoidOverlap": 0.4},
        "stabilization": {"enabled": True, "iterations": 400, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 150},
    "nodes": {"shape": "dot", "borderWidth": 1,
              "font": {"size": 14, "face": "sans-serif", "color": "#222222",
                       "strokeWidth": 3, "strokeColor": "#ffffff"}},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
              "color": {"color": "#a0a4a8", "highlight": "#444444", "inherit": False},
              "smooth": False, "width": 1},
}
_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "img-src data: blob:; font-src data:")
_STYLE = """
body { margin: 0; font-family: sans-serif; color: #222; }
#kg-header { padding: 6px 12px; border-bottom: 1px solid #ddd; }
#kg-header h1 { font-size: 18px; margin: 0; }
#kg-header p { font-size: 13px; margin: 2px 0 0; color: #555; }
#kg-legend { position: absolute; top: 64px; left: 12px; z-index: 10; font-size: 13px;
  background: rgba(255,255,255,0.92); border: 1px solid #ccc; border-radius: 4px;
  padding: 6px 10px; line-height: 1.6; }
#kg-legend span.kg-swatch { display: inline-block; width: 12px; height: 12px;
  border-radius: 50%; margin-right: 6px; vertical-align: -1px; }
#mynetwork { float: none !important; border: none !important; }
div.vis-tooltip { white-space: pre-wrap; max-width: 520px; font: 13px/1.45 sans-serif; }
"""
# pyvis template furniture that would reach the network or shows an empty heading
_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>", re.S | re.I)
_REMOTE_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>", re.S | re.I)
_DEAD_COMMENT = re.compile(r"<!--\s*<link\b.*?-->", re.S)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.S)
_NETWORK_REFERENCE = re.compile(
    r"""(?:\b(?:src|href|action|poster)\s*=\s*["']?|url\(\s*["']?|@import\s+["']?)"""
    r"""(?:https?:)?//""", re.I)
_HREF_HIDDEN = "hr\x00ef"
_UNSAFE_POPUP = "popup.innerHTML = nodeData[0].title;"
_READY_SCRIPT = """<script>
(function () {
  if (typeof network === "undefined") { return; }
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: false});
    document.body.setAttribute("data-kg-ready", "1");
  });
}());
</script>"""


def render_html(graph: nx.MultiDiGraph, *, title: str, subtitle: str) -> str:
    """Return an offline HTML page drawing `graph` (from kg.view.network).

    `title` and `subtitle` are plain text shown above the graph.  An empty
    graph gives a page that says it has 0 nodes.  Example: a graph with the
    official "Nguyễn Văn An" gives a page with one orange dot labelled so.
    """
    try:
        from pyvis.network import Network
    except ImportError as error:  # pragma: no cover - a core dependency
        raise KgError("kg view needs pyvis: pip install 'kg[view]'") from error

    net = Network(height="calc(100vh - 56px)", width="100%", directed=True,
                  cdn_resources="in_line", heading="")
    for node, data in sorted(graph.nodes(data=True)):
        group = data["group"]
        text = tooltip(data).replace("\x00", "").replace("href", _HREF_HIDDEN)
        net.add_node(node, label=data["label"], title=text,
                     color=COLORS[group], size=_SIZES[group], shape="dot")
    for (source, target), keys in sorted(_merged_edges(graph).items()):
        net.add_edge(source, target, title=", ".join(keys),
                     width=2.5 if "chairedBy" in keys else 1)
    net.set_options(json.dumps(_OPTIONS))
    page = net.generate_html(notebook=False)
    return _finish(page, graph, title=title, subtitle=subtitle)


def tooltip(data: dict[str, Any]) -> str:
    """Return the plain-text tooltip of a node: its class, facts and sources.

    The text is shown with `innerText`, never parsed as HTML.  Example:
    "Official: Nguyễn Văn An\\nholds: Bí thư Tỉnh ủy Hà Tĩnh\\nsources: r1".
    """
    kind = data["kind"] if data["kind"] == data["group"] else f"{data['group']} ({data['kind']})"
    lines = [f"{kind}: {data['label']}"]
    lines += [f"{caption}: {text}" for caption, text in data["facts"]]
    if data["sources"]:
        lines.append("sources: " + ", ".join(data["sources"]))
    return "\n".join(lines)


def _merged_edges(graph: nx.MultiDiGraph) -> dict[tuple[str, str], list[str]]:
    """Return one entry per node pair; a chair's `attendedBy` folds into `chairedBy`."""
    merged: dict[tuple[str, str], list[str]] = {}
    for source, target, key in graph.edges(keys=True):
        merged.setdefault((source, target), []).append(key)
    for keys in merged.values():
        if "chairedBy" in keys and "attendedBy" in keys:
            keys.remove("attendedBy")
        keys.sort()
    return merged


def _legend(graph: nx.MultiDiGraph) -> str:
    counts = {g: 0 for g in GROUPS}
    for _, group in graph.nodes(data="group"):
        counts[group] += 1
    rows = [f'<div class="kg-legend-row" data-group="{g}"><span class="kg-swatch" '
            f'style="background:{COLORS[g]}"></span>{g} ({counts[g]})</div>'
            for g in GROUPS if counts[g]]
    return '<div id="kg-legend">' + "".join(rows) + "</div>"


def _finish(page: str, graph: nx.MultiDiGraph, *, title: str, subtitle: str) -> str:
    """Strip network references from pyvis's page and add header, legend, policy."""
    page = _DEAD_COMMENT.sub("", page)
    page = _REMOTE_LINK.sub("", page)
    page = _REMOTE_SCRIPT.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    # pyvis switches to an HTML popup when a tooltip contains "href": hidden from its
    # check above, "href" comes back here as the same JS string spelled "hr\u0065f"
    page = page.replace(json.dumps(_HREF_HIDDEN)[1:-1], "hr\\u0065f")
    page = page.replace(_UNSAFE_POPUP, "popup.innerText = nodeData[0].title;")
    counts = f"{graph.number_of_nodes()} nodes, {len(_merged_edges(graph))} edges"
    head = ('<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
            f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>")
    header = (f'<header id="kg-header"><h1>{html.escape(title)}</h1>'
              f"<p>{html.escape(subtitle)}{' — ' if subtitle else ''}{counts}</p></header>"
              + _legend(graph))
    page = page.replace('<meta charset="utf-8">', head, 1)
    page = re.sub(r"<body>", lambda m: "<body>\n" + header, page, count=1)
    page = page.replace("</body>", _READY_SCRIPT + "\n</body>", 1)
    page = "<!DOCTYPE html>\n" + page.lstrip().replace("<html>", '<html lang="vi">', 1)
    _check_offline(page)
    return page


def _check_offline(page: str) -> None:
    """Raise KgError when the page would still fetch something or run report text."""
    remote = _NETWORK_REFERENCE.search(page)
    if remote:
        raise KgError(f"view page still references the network near: "
                      f"{page[remote.start():remote.start() + 80]!r}")
    if "innerHTML = nodeData" in page:
        raise KgError("view page would render tooltips as HTML")
