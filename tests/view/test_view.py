"""Tests for kg.view: what the page draws, the focus and province subsets, escaping."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rdflib

from kg.errors import QueryError
from kg.view import render_view

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "view_graph.trig"
ID = "https://w3id.org/vnkg/id/"

HA_TINH = {"province/42", "position/bi-thu-tinh-uy/42",
           "position/chu-tich-uy-ban-nhan-dan-tinh/42", "official/nguyen-van-an",
           "official/tran-thi-hoa", "meeting/42/executive-committee/2021-03-01/5",
           "directive/42/12-ctr-tu", "directive/04-nq-tw", "org/ban-thuong-vu-tinh-uy/42",
           "org/ban-chap-hanh-trung-uong", "report/ht-01"}
HAU_GIANG = {"province/93", "position/bi-thu-tinh-uy/93", "official/le-van-cuong",
             "official/img-src-x", "official/script",
             "meeting/93/standing-committee/2022-05-09", "directive/04-nq-tw",
             "org/ban-chap-hanh-trung-uong", "report/hg-02"}
AN_NEIGHBOURHOOD = {"official/nguyen-van-an", "position/bi-thu-tinh-uy/42",
                    "meeting/42/executive-committee/2021-03-01/5", "province/42",
                    "official/tran-thi-hoa", "directive/42/12-ctr-tu",
                    "directive/04-nq-tw", "report/ht-01"}
HOSTILE = ('<img src=x onerror="window.__xss=1">', "</script><script>window.__xss=1</script>",
           "Phạm & <b>Đức</b>", '<a href="javascript:window.__xss=1">')


@pytest.fixture(scope="module")
def dataset() -> rdflib.Dataset:
    data = rdflib.Dataset(default_union=True)
    data.parse(FIXTURE, format="trig")
    return data


@pytest.fixture(scope="module")
def page(dataset: rdflib.Dataset) -> str:
    return render_view(dataset, title="Thử nghiệm")


def drawn(page: str) -> dict[str, dict]:
    """Return the vis nodes embedded in `page`, by IRI relative to the id base."""
    found = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);\n", page)
    assert found, "no vis node data in the page"
    return {n["id"].removeprefix(ID): n for n in json.loads(found.group(1))}


def test_draws_the_fixture(page: str) -> None:
    nodes = drawn(page)
    # Cần Thơ has nothing of its own; it is drawn as the province Hậu Giang merged into
    assert set(nodes) == HA_TINH | HAU_GIANG | {"position/chu-tich-uy-ban-nhan-dan-tinh/42",
                                                "province/92"}
    assert len(nodes) == 19
    assert not [n for n in nodes if n.startswith(("tenure/", "mention/"))]
    assert "19 nodes, 24 edges" in page


@pytest.mark.parametrize("group,count", [
    ("Province", 3), ("Official", 5), ("Position", 3), ("Meeting", 2), ("Directive", 2),
    ("Organization", 2), ("Report", 2),
])
def test_legend_counts_each_group(page: str, group: str, count: int) -> None:
    assert re.search(rf'data-group="{group}"><span class="kg-swatch" '
                     rf'style="background:#[0-9A-F]{{6}}"></span>{group} \({count}\)', page)


def test_nodes_are_coloured_by_group(page: str) -> None:
    nodes = drawn(page)
    colours = {n["color"] for k, n in nodes.items() if k.startswith("official/")}
    assert len(colours) == 1
    assert nodes["province/42"]["color"] != nodes["official/nguyen-van-an"]["color"]


def test_labels_are_printed_names(page: str) -> None:
    nodes = drawn(page)
    assert nodes["official/tran-thi-hoa"]["label"] == "Trần Thị Hoà"
    assert nodes["position/bi-thu-tinh-uy/93"]["label"] == "Bí thư Tỉnh ủy Hậu Giang"
    assert nodes["report/ht-01"]["label"] == "ht-01"


@pytest.mark.parametrize("node,lines", [
    ("official/nguyen-van-an", ["Official: Nguyễn Văn An",
                                "holds: Bí thư Tỉnh ủy Hà Tĩnh (seen 2021-03-01 [ht-01])",
                                "sources: ht-01"]),
    ("meeting/42/executive-committee/2021-03-01/5",
     ["Meeting (ExecutiveCommitteeConference): Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5",
      "date: 2021-03-01", "province: Hà Tĩnh", "session: 5", "term: 2020-2025",
      "chaired by: Nguyễn Văn An"]),
    ("directive/04-nq-tw", ["document number: 04-NQ/TW", "issued on: 2016-10-30",
                            "issued by: Ban Chấp hành Trung ương Đảng",
                            "sources: hg-02, ht-01"]),
    ("province/93", ["admin code: 93", "merged into: Cần Thơ"]),
])
def test_tooltips_list_facts_and_sources(page: str, node: str, lines: list[str]) -> None:
    title = drawn(page)[node]["title"].split("\n")
    for line in lines:
        assert line in title


@pytest.mark.parametrize("province,expected", [
    ("Hậu Giang", HAU_GIANG),
    ("hậu giang", HAU_GIANG),
    ("tỉnh Hà Tĩnh", HA_TINH),
    ("Ha Tinh", HA_TINH),
    (ID + "province/42", HA_TINH),
])
def test_province_keeps_what_is_connected(dataset: rdflib.Dataset, province: str,
                                          expected: set[str]) -> None:
    assert set(drawn(render_view(dataset, province=province))) == expected


@pytest.mark.parametrize("focus,expected", [
    ("Nguyễn Văn An", AN_NEIGHBOURHOOD),
    ("nguyễn văn an", AN_NEIGHBOURHOOD),
    ("NGUYỄN VĂN AN", AN_NEIGHBOURHOOD),
    (ID + "official/nguyen-van-an", AN_NEIGHBOURHOOD),
    ("Trần Thị Hòa", {"official/tran-thi-hoa", "position/chu-tich-uy-ban-nhan-dan-tinh/42",
                      "meeting/42/executive-committee/2021-03-01/5", "province/42",
                      "official/nguyen-van-an", "directive/42/12-ctr-tu",
                      "directive/04-nq-tw", "report/ht-01"}),
])
def test_focus_keeps_the_neighbourhood(dataset: rdflib.Dataset, focus: str,
                                       expected: set[str]) -> None:
    assert set(drawn(render_view(dataset, focus=focus))) == expected


def test_focus_within_a_province(dataset: rdflib.Dataset) -> None:
    nodes = drawn(render_view(dataset, province="Hà Tĩnh", focus="Hà Tĩnh"))
    assert nodes.keys() <= HA_TINH
    assert "official/le-van-cuong" not in nodes


@pytest.mark.parametrize("kwargs,close", [
    ({"focus": "Nguyễn Văn Bình"}, "'Nguyễn Văn An'"),
    ({"focus": "Lê Văn Cừ"}, "'Lê Văn Cường'"),
    ({"focus": "Bí thư Tỉnh ủy Hậu Giang"}, "'Hậu Giang'"),  # a post is not a focus
    ({"province": "Hà Giang"}, "'Hậu Giang'"),
    ({"province": "Nguyễn Văn An"}, "'Hà Tĩnh'"),
])
def test_unknown_name_error_names_close_labels(dataset: rdflib.Dataset, kwargs: dict,
                                               close: str) -> None:
    with pytest.raises(QueryError) as error:
        render_view(dataset, **kwargs)
    assert close in str(error.value)
    assert repr(next(iter(kwargs.values()))) in str(error.value)


def test_page_needs_no_network(page: str) -> None:
    assert "<link" not in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.I)
    assert not re.search(r"""url\(\s*["']?(?:https?:)?//|@import""", page, re.I)
    assert "bootstrap" not in page
    assert "Content-Security-Policy\" content=\"default-src 'none';" in page
    head, body = page.split("</head>")
    assert re.findall(r"<script\b[^>]*>", page) == ["<script>"] * 3 + [
        '<script type="text/javascript">', "<script>"]  # all inline
    # outside the inlined vis-network (whose comments cite web pages), "http" is data
    assert set(re.findall(r"https?://([a-z0-9.-]+)", body)) == {"w3id.org"}


def test_hostile_text_is_escaped(page: str) -> None:
    for text in HOSTILE:
        assert text not in page
    assert "\\u003c/script\\u003e\\u003cscript\\u003e" in page
    assert "innerHTML = nodeData" not in page  # pyvis's HTML popup is not used
    titles = "\n".join(n["title"] for n in drawn(page).values())
    for text in HOSTILE:  # the same text comes back intact as plain-text tooltips
        assert text in titles


def test_title_is_escaped(dataset: rdflib.Dataset) -> None:
    page = render_view(dataset, title="<b>Hội nghị</b>", focus="Nguyễn Văn An")
    assert "<title>&lt;b&gt;Hội nghị&lt;/b&gt;</title>" in page
    assert "<b>Hội nghị" not in page
    assert "focus: Nguyễn Văn An — 8 nodes" in page


def test_same_graph_same_page(dataset: rdflib.Dataset, page: str) -> None:
    assert render_view(dataset, title="Thử nghiệm") == page
    oxigraph = rdflib.Dataset(store="Oxigraph", default_union=True)
    oxigraph.parse(FIXTURE, format="trig")
    assert render_view(oxigraph, title="Thử nghiệm") == page


def test_plain_graph_and_empty_dataset(dataset: rdflib.Dataset) -> None:
    report = dataset.graph(rdflib.URIRef(ID + "report/ht-01"))
    graph = rdflib.Graph()
    for triple in report:
        graph.add(triple)
    nodes = drawn(render_view(graph))
    assert "official/nguyen-van-an" in nodes and "official/le-van-cuong" not in nodes
    assert nodes["official/nguyen-van-an"]["title"].endswith("sources: ht-01")
    empty = render_view(rdflib.Dataset(default_union=True))
    assert "0 nodes, 0 edges" in empty
    assert drawn(empty) == {}


def test_a_succession_is_drawn_from_successor_to_predecessor() -> None:
    from kg.view.network import build_network

    data = rdflib.Dataset(default_union=True)
    data.parse(format="trig", data=f"""
        @prefix vnkg: <https://w3id.org/vnkg/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <{ID}graph/links> {{
          <{ID}official/a> a vnkg:Official ; rdfs:label "Nguyễn Văn An" .
          <{ID}official/b> a vnkg:Official ; rdfs:label "Trần Văn Bình" .
          <{ID}succession/x> a vnkg:Succession ; vnkg:predecessor <{ID}official/a> ;
              vnkg:successor <{ID}official/b> .
        }}""")
    graph = build_network(data)
    assert list(graph.edges(keys=True)) == [(f"{ID}official/b", f"{ID}official/a", "succeeded")]


def test_a_new_province_view_includes_the_provinces_merged_into_it() -> None:
    from kg.view.network import build_network
    from kg.view.select import province_nodes

    data = rdflib.Dataset(default_union=True)
    data.parse(format="trig", data=f"""
        @prefix vnkg: <https://w3id.org/vnkg/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <{ID}graph/gazetteer> {{
          <{ID}province/93> a vnkg:Province ; rdfs:label "Hậu Giang" ;
              vnkg:mergedInto <{ID}province/92> .
          <{ID}province/94> a vnkg:Province ; rdfs:label "Sóc Trăng" ;
              vnkg:mergedInto <{ID}province/92> .
          <{ID}province/92> a vnkg:Province ; rdfs:label "Cần Thơ" .
        }}
        <{ID}report/r> {{
          <{ID}official/a> a vnkg:Official ; rdfs:label "Nguyễn Văn An" ;
              vnkg:holdsPosition <{ID}position/bi-thu-tinh-uy/93> .
          <{ID}position/bi-thu-tinh-uy/93> a vnkg:Position ; rdfs:label "Bí thư Tỉnh ủy" ;
              vnkg:jurisdiction <{ID}province/93> .
        }}""")
    graph = build_network(data)
    assert f"{ID}province/94" not in graph          # merged too, but nothing drawn there
    assert (f"{ID}province/93", f"{ID}province/92", "mergedInto") in graph.edges(keys=True)
    assert f"{ID}official/a" in province_nodes(graph, "Cần Thơ")
    assert f"{ID}official/a" in province_nodes(graph, "Hậu Giang")
