"""Tests for kg/validate.py and the SHACL shapes in ontology/shapes.ttl."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib import namespace as ns

from kg.rdf.vocab import ID_BASE, VNKG
from kg.validate import ValidationReport, validate

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "sample_graph.ttl"
TENURE = URIRef(ID_BASE + "tenure/mau-01/tran-minh-khoa/bi-thu-tinh-uy")
DIRECTIVE = URIRef(ID_BASE + "directive/15-nq-tw")
MEETING = URIRef(ID_BASE + "meeting/93/standing-committee/2021-02")
MAIN_MEETING = URIRef(ID_BASE + "meeting/93/executive-committee/2021-03-15/12")
OFFICIAL = URIRef(ID_BASE + "official/tran-minh-khoa")
REPORT = URIRef(ID_BASE + "report/mau-01")
POSITION = URIRef(ID_BASE + "position/bi-thu-tinh-uy/93")

# Four invented reports and the graph id:graph/links that cross-report linking makes of
# them, in the shape of docs/graph.md ("Cross-report facts"). test_ontology.py reuses it.
LINKS_TRIG = """
@base <https://w3id.org/vnkg/id/> .
@prefix vnkg: <https://w3id.org/vnkg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .

<report/bao-a> {
    <report/bao-a> a vnkg:Report ; dcterms:identifier "bao-a" .
    <official/nguyen-van-an> a vnkg:Official ; rdfs:label "Nguyễn Văn An" .
    <position/bi-thu-tinh-uy/40> a vnkg:Position ; vnkg:title "Bí thư Tỉnh ủy" .
    <tenure/bao-a/nguyen-van-an/bi-thu-tinh-uy/40> a vnkg:Tenure ;
        vnkg:official <official/nguyen-van-an> ; vnkg:position <position/bi-thu-tinh-uy/40> ;
        vnkg:observedOn "2020-06-30"^^xsd:date ; vnkg:source <report/bao-a> .
}
<report/bao-b> {
    <report/bao-b> a vnkg:Report ; dcterms:identifier "bao-b" ;
        vnkg:provinceEvidence "official" ;
        vnkg:provinceBasis "Nguyễn Văn An, Bí thư Tỉnh ủy (Nghệ An), in bao-a" .
    <official/nguyen-van-an> a vnkg:Official ; rdfs:label "Nguyễn Văn An" .
    <position/bi-thu-tinh-uy/40> a vnkg:Position ; vnkg:title "Bí thư Tỉnh ủy" .
    <tenure/bao-b/nguyen-van-an/bi-thu-tinh-uy/40> a vnkg:Tenure ;
        vnkg:official <official/nguyen-van-an> ; vnkg:position <position/bi-thu-tinh-uy/40> ;
        vnkg:observedOn "2022-01-20"^^xsd:date ; vnkg:source <report/bao-b> .
}
<report/bao-c> {
    <report/bao-c> a vnkg:Report ; dcterms:identifier "bao-c" .
    <official/tran-van-binh> a vnkg:Official ; rdfs:label "Trần Văn Bình" .
    <position/bi-thu-tinh-uy/40> a vnkg:Position ; vnkg:title "Bí thư Tỉnh ủy" .
    <tenure/bao-c/tran-van-binh/bi-thu-tinh-uy/40> a vnkg:Tenure ;
        vnkg:official <official/tran-van-binh> ; vnkg:position <position/bi-thu-tinh-uy/40> ;
        vnkg:observedOn "2023-03-02"^^xsd:date ; vnkg:source <report/bao-c> .
}
<report/bao-d> {
    <report/bao-d> a vnkg:Report ; dcterms:identifier "bao-d" .
    <official/nguyen-van-an_bao-d> a vnkg:Official ; rdfs:label "Nguyễn Văn An" .
    <position/bi-thu-tinh-uy/10> a vnkg:Position ; vnkg:title "Bí thư Tỉnh ủy" .
}
<graph/links> {
    <holding/nguyen-van-an/bi-thu-tinh-uy/40> a vnkg:PostHolding ;
        vnkg:official <official/nguyen-van-an> ; vnkg:position <position/bi-thu-tinh-uy/40> ;
        vnkg:firstObserved "2020-06-30"^^xsd:date ; vnkg:lastObserved "2022-01-20"^^xsd:date ;
        vnkg:observationCount 2 ;
        vnkg:source <report/bao-a> , <report/bao-b> ;
        prov:wasDerivedFrom <tenure/bao-a/nguyen-van-an/bi-thu-tinh-uy/40> ,
            <tenure/bao-b/nguyen-van-an/bi-thu-tinh-uy/40> ;
        org:memberDuring <holding/nguyen-van-an/bi-thu-tinh-uy/40/interval> .
    <holding/nguyen-van-an/bi-thu-tinh-uy/40/interval> a time:ProperInterval ;
        time:hasBeginning <holding/nguyen-van-an/bi-thu-tinh-uy/40/first> ;
        time:hasEnd <holding/nguyen-van-an/bi-thu-tinh-uy/40/last> .
    <holding/nguyen-van-an/bi-thu-tinh-uy/40/first> a time:Instant ;
        time:inXSDDate "2020-06-30"^^xsd:date .
    <holding/nguyen-van-an/bi-thu-tinh-uy/40/last> a time:Instant ;
        time:inXSDDate "2022-01-20"^^xsd:date .

    <holding/tran-van-binh/bi-thu-tinh-uy/40> a vnkg:PostHolding ;
        vnkg:official <official/tran-van-binh> ; vnkg:position <position/bi-thu-tinh-uy/40> ;
        vnkg:firstObserved "2023-03-02"^^xsd:date ; vnkg:lastObserved "2023-03-02"^^xsd:date ;
        vnkg:observationCount 1 ; vnkg:source <report/bao-c> ;
        prov:wasDerivedFrom <tenure/bao-c/tran-van-binh/bi-thu-tinh-uy/40> ;
        org:memberDuring <holding/tran-van-binh/bi-thu-tinh-uy/40/interval> .
    <holding/tran-van-binh/bi-thu-tinh-uy/40/interval> a time:ProperInterval ;
        time:hasBeginning <holding/tran-van-binh/bi-thu-tinh-uy/40/first> ;
        time:hasEnd <holding/tran-van-binh/bi-thu-tinh-uy/40/last> .
    <holding/tran-van-binh/bi-thu-tinh-uy/40/first> a time:Instant ;
        time:inXSDDate "2023-03-02"^^xsd:date .
    <holding/tran-van-binh/bi-thu-tinh-uy/40/last> a time:Instant ;
        time:inXSDDate "2023-03-02"^^xsd:date .

    <holding/nguyen-van-an_bao-d/bi-thu-tinh-uy/10> a vnkg:PostHolding ;
        vnkg:official <official/nguyen-van-an_bao-d> ;
        vnkg:position <position/bi-thu-tinh-uy/10> ;
        vnkg:observationCount 1 ; vnkg:source <report/bao-d> .

    <succession/bi-thu-tinh-uy/40/nguyen-van-an/tran-van-binh> a vnkg:Succession ;
        vnkg:position <position/bi-thu-tinh-uy/40> ;
        vnkg:predecessor <official/nguyen-van-an> ; vnkg:successor <official/tran-van-binh> ;
        vnkg:predecessorLastObserved "2022-01-20"^^xsd:date ;
        vnkg:successorFirstObserved "2023-03-02"^^xsd:date ;
        vnkg:source <report/bao-b> , <report/bao-c> .

    <identity/nguyen-van-an/bao-a/bao-b> a vnkg:IdentityLink ;
        vnkg:concerns <official/nguyen-van-an> ; vnkg:linkRule "same-post" ;
        vnkg:source <report/bao-a> , <report/bao-b> ;
        vnkg:mergeEvidence "Bí thư Tỉnh ủy (Nghệ An) in both reports" .

    <collision/nguyen-van-an/nguyen-van-an_bao-d> a vnkg:NameCollision ;
        vnkg:concerns <official/nguyen-van-an> , <official/nguyen-van-an_bao-d> ;
        vnkg:linkRule "no-evidence" ;
        vnkg:mergeEvidence "Bí thư Tỉnh ủy (Nghệ An) and Bí thư Tỉnh ủy (Lào Cai), nothing joins them" .
}
"""
LINKS = URIRef(ID_BASE + "graph/links")
HOLDING = URIRef(ID_BASE + "holding/nguyen-van-an/bi-thu-tinh-uy/40")
UNDATED_HOLDING = URIRef(ID_BASE + "holding/nguyen-van-an_bao-d/bi-thu-tinh-uy/10")
INTERVAL = URIRef(ID_BASE + "holding/nguyen-van-an/bi-thu-tinh-uy/40/interval")
FIRST = URIRef(ID_BASE + "holding/nguyen-van-an/bi-thu-tinh-uy/40/first")
SUCCESSION = URIRef(ID_BASE + "succession/bi-thu-tinh-uy/40/nguyen-van-an/tran-van-binh")
IDENTITY = URIRef(ID_BASE + "identity/nguyen-van-an/bao-a/bao-b")
COLLISION = URIRef(ID_BASE + "collision/nguyen-van-an/nguyen-van-an_bao-d")
AN = URIRef(ID_BASE + "official/nguyen-van-an")
TENURE_A = URIRef(ID_BASE + "tenure/bao-a/nguyen-van-an/bi-thu-tinh-uy/40")
REPORT_A = URIRef(ID_BASE + "report/bao-a")
REPORT_B = URIRef(ID_BASE + "report/bao-b")
_V = "https://w3id.org/vnkg/ontology#"   # new terms by IRI, so this module loads before vocab.py knows them
PROV_DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
TIME = "http://www.w3.org/2006/time#"


@pytest.fixture
def sample() -> Graph:
    return Graph().parse(FIXTURE)


def _lines_about(report: ValidationReport, node: URIRef) -> list[str]:
    short = "id:" + str(node)[len(ID_BASE):]
    return [line for line in report.problems if line.startswith(short + " — ")]


def test_sample_fixture_conforms(sample: Graph) -> None:
    report = validate(sample)
    assert report.conforms, "\n".join(report.problems)
    assert report.problems == ()


def test_dataset_is_validated_as_union(sample: Graph) -> None:
    dataset = Dataset()
    report_graph = dataset.graph(URIRef(ID_BASE + "report/mau-01"))
    gazetteer = dataset.graph(URIRef(ID_BASE + "graph/gazetteer"))
    for s, p, o in sample:
        target = gazetteer if "/province/" in str(s) else report_graph
        target.add((s, p, o))
    assert validate(dataset).conforms


def test_validate_leaves_input_unchanged(sample: Graph) -> None:
    before = len(sample)
    validate(sample)
    assert len(sample) == before


def test_broken_graph_gives_one_readable_line_per_problem(sample: Graph) -> None:
    sample.remove((TENURE, VNKG.source, None))
    sample.set((DIRECTIVE, VNKG.documentNumber, Literal("abc")))
    sample.remove((MEETING, VNKG.date, None))
    report = validate(sample)
    assert not report.conforms
    assert _lines_about(report, TENURE) == [
        ("id:tenure/mau-01/tran-minh-khoa/bi-thu-tinh-uy — vnkg:source — a tenure needs "
         "exactly one vnkg:source, the vnkg:Report that states it")]
    (directive_line,) = _lines_about(report, DIRECTIVE)
    assert " — vnkg:documentNumber — " in directive_line and '"abc"' in directive_line
    assert _lines_about(report, MEETING) == [
        ("id:meeting/93/standing-committee/2021-02 — (node) — a meeting needs a vnkg:date "
         "or a vnkg:dateUnknownReason")]
    assert len(report.problems) == 3
    assert "Conforms: False" in report.text


@pytest.mark.parametrize("number", [
    "04-NQ/TW", "79-CTr/TU", "15/2020/QĐ-TTg", "41/2020/NĐ-CP", "44/NQ-HĐND",
    "1856-QĐNS/TW", "42/NQ-CP", "35-KL/TW", "05-CT/TU", "1211/2016/UBTVQH13",
    "76/2015/QH13", "09-CTr/TƯ", "217-QĐ/TW", "123/KH-UBND",
])
def test_canonical_document_numbers_accepted(sample: Graph, number: str) -> None:
    sample.set((DIRECTIVE, VNKG.documentNumber, Literal(number)))
    assert validate(sample).conforms


@pytest.mark.parametrize("number", [
    "abc", "04 NQ TW", "04-NQ TW", "NQ-04/TW", "04-NQ/TW ", "04-nq/tw", "04", "15/2020",
    "04--NQ/TW", "04-NQ/", "Nghị quyết 04-NQ/TW",
])
def test_malformed_document_numbers_rejected(sample: Graph, number: str) -> None:
    sample.set((DIRECTIVE, VNKG.documentNumber, Literal(number)))
    report = validate(sample)
    assert [line for line in report.problems if "vnkg:documentNumber" in line], report.problems


@pytest.mark.parametrize("change,expected", [
    # Tenure: exactly one official and position, a date
    (lambda g: g.remove((TENURE, VNKG.official, None)), "exactly one vnkg:official"),
    (lambda g: g.add((TENURE, VNKG.position, URIRef(ID_BASE + "position/pho-bi-thu-tinh-uy/93"))),
     "exactly one vnkg:position"),
    (lambda g: g.set((TENURE, VNKG.observedOn, Literal("2021-03"))), "observedOn must be"),
    (lambda g: g.set((TENURE, VNKG.observedOn, Literal("2021-03", datatype=ns.XSD.gYearMonth))),
     "observedOn must be"),
    # Directive
    (lambda g: g.set((DIRECTIVE, VNKG.issuedOn, Literal("6/5/2019"))), "issuedOn must be"),
    (lambda g: g.set((DIRECTIVE, VNKG.documentType, Literal("Nghị quyết", lang="vi"))),
     "documentType must be"),
    (lambda g: g.remove((DIRECTIVE, VNKG.documentNumber, None)), "vnkg:documentNumber"),
    # Meeting
    (lambda g: g.set((MEETING, VNKG.date, Literal("tháng 2"))), "a meeting's date must be"),
    (lambda g: g.set((MAIN_MEETING, VNKG.session, Literal("XIV"))), "session must be"),
    (lambda g: g.remove((MAIN_MEETING, VNKG.attendedBy, OFFICIAL)),
     "a chair must also be listed with vnkg:attendedBy"),
    (lambda g: g.add((MAIN_MEETING, VNKG.discusses, OFFICIAL)), "discusses must point"),
    # Report
    (lambda g: g.remove((REPORT, URIRef("http://purl.org/dc/terms/identifier"), None)),
     "exactly one dcterms:identifier"),
    (lambda g: g.set((REPORT, VNKG.publishedOn, Literal("16/03/2021"))), "publishedOn must be"),
    (lambda g: g.set((REPORT, VNKG.provinceEvidence, Literal("guess"))), "provinceEvidence"),
    # Official, Position, Province
    (lambda g: g.add((OFFICIAL, RDFS.label, Literal("Trần M. Khoa"))), "exactly one rdfs:label"),
    (lambda g: g.remove((POSITION, VNKG.title, None)), "exactly one vnkg:title"),
    (lambda g: g.set((URIRef(ID_BASE + "province/93"), VNKG.adminCode, Literal("HG"))),
     "two-digit vnkg:adminCode"),
    # spans
    (lambda g: g.set((TENURE, VNKG.end, Literal(100))), "below vnkg:end"),
    (lambda g: g.set((URIRef(ID_BASE + "mention/mau-01/120-134"), VNKG.start, Literal("120"))),
     "non-negative xsd:integer"),
])
def test_shape_catches(sample: Graph, change, expected: str) -> None:
    change(sample)
    report = validate(sample)
    assert not report.conforms
    assert any(expected in line for line in report.problems), report.problems


def test_meeting_subclass_is_targeted(sample: Graph) -> None:
    congress = URIRef(ID_BASE + "meeting/93/congress/r-mau-01-5")
    sample.add((congress, RDF.type, VNKG.Congress))
    report = validate(sample)
    assert _lines_about(report, congress) == [
        ("id:meeting/93/congress/r-mau-01-5 — (node) — a meeting needs a vnkg:date or a "
         "vnkg:dateUnknownReason")]


def test_other_base_is_shortened_as_id() -> None:
    base = "https://example.org/kg/"
    graph = Graph()
    graph.add((URIRef(base + "position/x"), RDF.type, VNKG.Position))
    (line,) = validate(graph, base=base).problems
    assert line.startswith("id:position/x — vnkg:title — ")


# ---- cross-report facts (graph id:graph/links) ------------------------------------------

@pytest.fixture
def linked() -> Dataset:
    return Dataset().parse(data=LINKS_TRIG, format="trig")


def _link(dataset: Dataset) -> Graph:
    return dataset.graph(LINKS)


def test_links_graph_conforms(linked: Dataset) -> None:
    assert len(_link(linked)) > 40
    report = validate(linked)
    assert report.conforms, "\n".join(report.problems)
    assert report.problems == ()


def test_holding_without_dates_or_interval_conforms(linked: Dataset) -> None:
    links = _link(linked)
    for prop in ("firstObserved", "lastObserved"):
        links.remove((HOLDING, URIRef(_V + prop), None))
    links.remove((HOLDING, ns.ORG.memberDuring, None))
    assert validate(linked).conforms


def test_holding_without_official_is_one_readable_line(linked: Dataset) -> None:
    _link(linked).remove((HOLDING, URIRef(_V + "official"), None))
    report = validate(linked)
    assert report.problems == (
        ("id:holding/nguyen-van-an/bi-thu-tinh-uy/40 — vnkg:official — a post holding needs "
         "exactly one vnkg:official, a vnkg:Official"),)


def test_succession_without_successor_is_one_readable_line(linked: Dataset) -> None:
    _link(linked).remove((SUCCESSION, URIRef(_V + "successor"), None))
    report = validate(linked)
    assert report.problems == (
        ("id:succession/bi-thu-tinh-uy/40/nguyen-van-an/tran-van-binh — vnkg:successor — "
         "a succession needs exactly one vnkg:successor, a vnkg:Official"),)


def _date(text: str) -> Literal:
    return Literal(text, datatype=ns.XSD.date)


@pytest.mark.parametrize("change,node,expected", [
    # PostHolding
    (lambda g: g.add((HOLDING, URIRef(_V + "official"), URIRef(ID_BASE + "official/tran-van-binh"))),
     HOLDING, "exactly one vnkg:official"),
    (lambda g: g.remove((HOLDING, URIRef(_V + "position"), None)), HOLDING,
     "exactly one vnkg:position"),
    (lambda g: g.remove((HOLDING, URIRef(_V + "source"), None)), HOLDING,
     "at least one vnkg:source"),
    (lambda g: g.set((HOLDING, URIRef(_V + "firstObserved"), _date("2022-02-01"))), HOLDING,
     "not after lastObserved"),
    (lambda g: g.set((HOLDING, URIRef(_V + "lastObserved"), Literal("2022-01"))), HOLDING,
     "lastObserved must be one xsd:date"),
    (lambda g: g.remove((HOLDING, URIRef(_V + "lastObserved"), None)), HOLDING,
     "together, or none of them"),
    (lambda g: g.remove((HOLDING, ns.ORG.memberDuring, None)), HOLDING,
     "together, or none of them"),
    (lambda g: g.add((UNDATED_HOLDING, ns.ORG.memberDuring, INTERVAL)), UNDATED_HOLDING,
     "together, or none of them"),
    (lambda g: g.set((HOLDING, URIRef(_V + "observationCount"), Literal(0))), HOLDING,
     "observationCount must be one positive xsd:integer"),
    (lambda g: g.add((HOLDING, PROV_DERIVED, REPORT_A)), HOLDING,
     "derived from vnkg:Tenure observations"),
    (lambda g: g.remove((INTERVAL, URIRef(TIME + "hasEnd"), None)), INTERVAL,
     "exactly one time:hasEnd"),
    (lambda g: g.set((FIRST, URIRef(TIME + "inXSDDate"), Literal("30/06/2020"))), FIRST,
     "exactly one time:inXSDDate, an xsd:date"),
    # Succession
    (lambda g: g.remove((SUCCESSION, URIRef(_V + "position"), None)), SUCCESSION,
     "a succession needs exactly one vnkg:position"),
    (lambda g: g.remove((SUCCESSION, URIRef(_V + "predecessor"), None)), SUCCESSION,
     "exactly one vnkg:predecessor"),
    (lambda g: g.set((SUCCESSION, URIRef(_V + "successor"), AN)), SUCCESSION,
     "other than the successor"),
    (lambda g: g.set((SUCCESSION, URIRef(_V + "successorFirstObserved"), _date("2021-12-01"))),
     SUCCESSION, "before successorFirstObserved"),
    (lambda g: g.remove((SUCCESSION, URIRef(_V + "predecessorLastObserved"), None)), SUCCESSION,
     "one predecessorLastObserved"),
    (lambda g: g.set((SUCCESSION, URIRef(_V + "successorFirstObserved"), Literal("2023"))),
     SUCCESSION, "one successorFirstObserved, an xsd:date"),
    # IdentityLink
    (lambda g: g.remove((IDENTITY, URIRef(_V + "concerns"), None)), IDENTITY,
     "an identity link needs exactly one vnkg:concerns"),
    (lambda g: g.set((IDENTITY, URIRef(_V + "linkRule"), Literal("same-name"))), IDENTITY,
     "an identity link needs one linkRule"),
    (lambda g: g.remove((IDENTITY, URIRef(_V + "source"), None)), IDENTITY,
     "an identity link needs at least one vnkg:source"),
    # NameCollision
    (lambda g: g.remove((COLLISION, URIRef(_V + "concerns"), AN)), COLLISION,
     "exactly two vnkg:concerns"),
    (lambda g: g.set((COLLISION, URIRef(_V + "linkRule"), Literal("same-post"))), COLLISION,
     "a name collision needs one linkRule"),
    # a Tenure stays one observation; provinceBasis goes with provinceEvidence "official"
    (lambda g: g.add((TENURE_A, URIRef(_V + "firstObserved"), _date("2020-06-30"))), TENURE_A,
     "a tenure is one observation"),
    (lambda g: g.add((REPORT_A, URIRef(_V + "provinceBasis"), Literal("Trần Văn Bình"))),
     REPORT_A, 'provinceEvidence "official"'),
])
def test_links_shape_catches(linked: Dataset, change, node: URIRef, expected: str) -> None:
    change(_link(linked))
    report = validate(linked)
    assert not report.conforms
    assert any(expected in line for line in _lines_about(report, node)), report.problems


@pytest.mark.parametrize("rule", ["same-post", "same-province", "merged-province",
                                  "national-post", "career-move", "same-title", "earlier-build"])
def test_identity_link_rules_accepted(linked: Dataset, rule: str) -> None:
    _link(linked).set((IDENTITY, URIRef(_V + "linkRule"), Literal(rule)))
    assert validate(linked).conforms


def test_identity_link_may_rest_on_one_report(linked: Dataset) -> None:
    _link(linked).remove((IDENTITY, URIRef(_V + "source"), REPORT_B))
    assert validate(linked).conforms
