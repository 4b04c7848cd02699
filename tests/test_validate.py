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
        "id:tenure/mau-01/tran-minh-khoa/bi-thu-tinh-uy — vnkg:source — a tenure needs "
        "exactly one vnkg:source, the vnkg:Report that states it"]
    (directive_line,) = _lines_about(report, DIRECTIVE)
    assert " — vnkg:documentNumber — " in directive_line and '"abc"' in directive_line
    assert _lines_about(report, MEETING) == [
        "id:meeting/93/standing-committee/2021-02 — (node) — a meeting needs a vnkg:date "
        "or a vnkg:dateUnknownReason"]
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
        "id:meeting/93/congress/r-mau-01-5 — (node) — a meeting needs a vnkg:date or a "
        "vnkg:dateUnknownReason"]


def test_other_base_is_shortened_as_id() -> None:
    base = "https://example.org/kg/"
    graph = Graph()
    graph.add((URIRef(base + "position/x"), RDF.type, VNKG.Position))
    (line,) = validate(graph, base=base).problems
    assert line.startswith("id:position/x — vnkg:title — ")
