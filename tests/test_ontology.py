"""Tests for ontology/vnkg.ttl, kg/rdf/vocab.py and kg/reason.py."""

from __future__ import annotations

import importlib.resources
import shutil
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib import namespace as ns

from kg.errors import ValidationError
from kg.rdf.vocab import ID_BASE, VNKG, bind_prefixes

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "sample_graph.ttl"
ELI = "http://data.europa.eu/eli/ontology#"
VNKG_NS = str(VNKG._NS)

# The public API of DESIGN.md: these may never disappear or change kind.
CONTRACT = {
    ns.OWL.Class: (
        "Report", "Official", "Position", "Province", "Meeting", "Directive", "Organization",
        "Tenure", "ExecutiveCommitteeConference", "StandingCommitteeMeeting",
        "PeopleCouncilSession", "PeopleCommitteeMeeting", "Congress",
    ),
    ns.OWL.ObjectProperty: (
        "holdsPosition", "jurisdiction", "official", "position", "source", "heldIn",
        "chairedBy", "attendedBy", "discusses", "issuedBy", "implements", "about",
        "reports", "mentions",
    ),
    ns.OWL.DatatypeProperty: (
        "title", "observedOn", "date", "session", "term", "documentNumber", "documentType",
        "issuedOn", "publishedOn", "author",
    ),
}
# The additions used in docs/graph.md and by cross-report linking.
ADDITIONS = (
    "Mention", "Succession", "start", "end", "sentence", "text", "extractor", "inReport",
    "denotes", "dateStated", "dateUnknownReason", "online", "extended", "extraordinary",
    "national", "provinceEvidence", "formerlyHeld", "validFrom", "validUntil", "mergedInto",
    "adminCode", "firstObserved", "lastObserved", "predecessor", "successor",
    "mergeEvidence",
)
DISJOINT = ("Official", "Directive", "Meeting", "Province", "Report", "Position", "Tenure",
            "Organization")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    graph.parse(data=(importlib.resources.files("kg.ontology") / "vnkg.ttl").read_text(
        encoding="utf-8"), format="turtle")
    return graph


def _declared(ontology: Graph) -> dict[str, URIRef]:
    kinds = (ns.OWL.Class, ns.OWL.ObjectProperty, ns.OWL.DatatypeProperty)
    return {str(s)[len(VNKG_NS):]: kind for kind in kinds for s in ontology.subjects(RDF.type, kind)
            if str(s).startswith(VNKG_NS)}


def _vocab_terms() -> set[str]:
    return {name for name in VNKG.__annotations__ if not name.startswith("_")}


# ---- ontology and vocabulary ------------------------------------------------------------

def test_vocab_class_equals_ontology_terms(ontology: Graph) -> None:
    declared = set(_declared(ontology))
    assert _vocab_terms() == declared, (
        f"only in vocab.py: {sorted(_vocab_terms() - declared)}; "
        f"only in vnkg.ttl: {sorted(declared - _vocab_terms())}")


@pytest.mark.parametrize("kind,name", [(k, n) for k, names in CONTRACT.items() for n in names])
def test_contract_term_declared_with_its_kind(ontology: Graph, kind: URIRef, name: str) -> None:
    assert _declared(ontology).get(name) == kind


@pytest.mark.parametrize("name", ADDITIONS)
def test_graph_md_additions_declared(ontology: Graph, name: str) -> None:
    assert name in _declared(ontology)


def test_vocab_rejects_unknown_terms() -> None:
    with pytest.raises(AttributeError):
        VNKG.Offical  # noqa: B018  (a typo must not mint an IRI)
    assert VNKG.Official == URIRef(VNKG_NS + "Official")


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("annotation", [RDFS.label, RDFS.comment])
def test_every_term_annotated_in_english_and_vietnamese(
        ontology: Graph, annotation: URIRef, lang: str) -> None:
    missing = sorted(
        name for name in _declared(ontology)
        if not any(isinstance(o, Literal) and o.language == lang
                   for o in ontology.objects(URIRef(VNKG_NS + name), annotation)))
    assert missing == []


def test_every_property_has_domain_and_range(ontology: Graph) -> None:
    props = [n for n, k in _declared(ontology).items() if k != ns.OWL.Class]
    missing = sorted(n for n in props
                     if ontology.value(URIRef(VNKG_NS + n), RDFS.domain) is None
                     or ontology.value(URIRef(VNKG_NS + n), RDFS.range) is None)
    assert missing == []


@pytest.mark.parametrize("sub,sup", [
    (VNKG.Official, ns.FOAF.Person),
    (VNKG.Official, ns.SDO.Person),
    (VNKG.Position, ns.ORG.Post),
    (VNKG.Tenure, ns.ORG.Membership),
    (VNKG.Province, ns.SDO.AdministrativeArea),
    (VNKG.Meeting, ns.SDO.Event),
    (VNKG.Directive, ns.SDO.Legislation),
    (VNKG.Directive, URIRef(ELI + "LegalResource")),
    (VNKG.Organization, ns.ORG.Organization),
    (VNKG.Report, ns.SDO.NewsArticle),
    (VNKG.Report, ns.PROV.Entity),
    (VNKG.Congress, VNKG.Meeting),
    (VNKG.PeopleCouncilSession, VNKG.Meeting),
])
def test_class_alignment(ontology: Graph, sub: URIRef, sup: URIRef) -> None:
    assert (sub, RDFS.subClassOf, sup) in ontology


@pytest.mark.parametrize("sub,sup", [
    (VNKG.holdsPosition, ns.ORG.holds),
    (VNKG.chairedBy, VNKG.attendedBy),
    (VNKG.issuedBy, URIRef(ELI + "passed_by")),
    (VNKG.date, URIRef("http://purl.org/dc/terms/date")),
    (VNKG.observedOn, URIRef("http://purl.org/dc/terms/date")),
])
def test_property_alignment(ontology: Graph, sub: URIRef, sup: URIRef) -> None:
    assert (sub, RDFS.subPropertyOf, sup) in ontology


def test_core_classes_pairwise_disjoint(ontology: Graph) -> None:
    groups = [set(ontology.items(m)) for node in ontology.subjects(RDF.type, ns.OWL.AllDisjointClasses)
              for m in ontology.objects(node, ns.OWL.members)]
    wanted = {URIRef(VNKG_NS + name) for name in DISJOINT}
    assert any(wanted <= group for group in groups)


def test_no_imports_so_it_loads_offline(ontology: Graph) -> None:
    assert list(ontology.triples((None, ns.OWL.imports, None))) == []


def test_bind_prefixes_on_core_graph() -> None:
    graph = Graph(bind_namespaces="core")
    bind_prefixes(graph)
    bound = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    assert bound["vnkg"] == VNKG_NS
    assert {"dcterms", "skos", "org", "prov", "xsd", "rdfs", "owl", "schema", "foaf",
            "time"} <= set(bound)
    graph.add((URIRef(ID_BASE + "official/nguyen-van-an"), RDF.type, VNKG.Official))
    assert "vnkg:Official" in graph.serialize(format="turtle")


def test_sample_fixture_uses_only_declared_terms(ontology: Graph) -> None:
    data = Graph().parse(FIXTURE)
    used = {str(t)[len(VNKG_NS):] for triple in data for t in triple
            if isinstance(t, URIRef) and str(t).startswith(VNKG_NS)}
    assert used - set(_declared(ontology)) == set()


# ---- reasoner (HermiT through owlready2; needs Java) -------------------------------------

needs_java = pytest.mark.skipif(shutil.which("java") is None,
                                reason="HermiT needs Java and `java` is not on PATH")


@pytest.fixture
def sample() -> Graph:
    return Graph().parse(FIXTURE)


@needs_java
def test_sample_graph_is_consistent(sample: Graph) -> None:
    from kg.reason import check_consistency

    check_consistency(sample)


@pytest.fixture
def built_sample(built_store: Path) -> Graph:
    """The union of every graph `kg build` made of examples/ (reports and gazetteer)."""
    from kg.store import opened

    graph = Graph()
    with opened(built_store, create=False) as store:
        for s, p, o, _ in store.dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
    return graph


@needs_java
def test_built_sample_graph_is_consistent(built_sample: Graph) -> None:
    from kg.reason import check_consistency

    assert len(built_sample) > 500
    check_consistency(built_sample)


@needs_java
def test_built_sample_with_an_official_that_is_a_directive_is_inconsistent(
        built_sample: Graph) -> None:
    from kg.reason import check_consistency

    official = next(built_sample.subjects(RDF.type, VNKG.Official))
    built_sample.add((official, RDF.type, VNKG.Directive))
    with pytest.raises(ValidationError, match="both vnkg:Directive and vnkg:Official"):
        check_consistency(built_sample)


@needs_java
def test_official_that_is_a_directive_is_inconsistent(sample: Graph) -> None:
    from kg.reason import check_consistency

    node = URIRef(ID_BASE + "official/tran-minh-khoa")
    sample.add((node, RDF.type, VNKG.Directive))
    with pytest.raises(ValidationError, match="both vnkg:Directive and vnkg:Official"):
        check_consistency(sample)


@needs_java
def test_disjointness_reached_through_range_is_inconsistent(sample: Graph) -> None:
    from kg.reason import check_consistency

    meeting = URIRef(ID_BASE + "meeting/93/standing-committee/2021-02")
    sample.add((meeting, VNKG.discusses, URIRef(ID_BASE + "official/tran-minh-khoa")))
    with pytest.raises(ValidationError, match="inconsistent"):
        check_consistency(sample)


def test_missing_java_is_a_clear_error(sample: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    import owlready2

    from kg.errors import KgError
    from kg.reason import check_consistency

    monkeypatch.setattr(owlready2, "JAVA_EXE", "/nonexistent/java-for-kg-tests")
    with pytest.raises(KgError, match="needs Java"):
        check_consistency(sample)
