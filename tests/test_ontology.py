"""Tests for ontology/vnkg.ttl, kg/rdf/vocab.py and kg/reason.py."""

from __future__ import annotations

import importlib.resources
import shutil
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
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
# The terms of the cross-report graph (docs/graph.md, graph id:graph/links), with their kind.
LINK_TERMS = {
    "PostHolding": ns.OWL.Class, "IdentityLink": ns.OWL.Class, "NameCollision": ns.OWL.Class,
    "observationCount": ns.OWL.DatatypeProperty,
    "predecessorLastObserved": ns.OWL.DatatypeProperty,
    "successorFirstObserved": ns.OWL.DatatypeProperty,
    "linkRule": ns.OWL.DatatypeProperty, "provinceBasis": ns.OWL.DatatypeProperty,
    "concerns": ns.OWL.ObjectProperty,
}
DISJOINT = ("Official", "Directive", "Meeting", "Province", "Report", "Position", "Tenure",
            "Organization", "Mention", "Succession", "PostHolding", "IdentityLink",
            "NameCollision")
TIME = "http://www.w3.org/2006/time#"
# External terms the links graph uses, declared locally with their kind and no axioms.
EXTERNAL = {
    URIRef(TIME + "ProperInterval"): ns.OWL.Class,
    URIRef(TIME + "Instant"): ns.OWL.Class,
    URIRef(TIME + "hasBeginning"): ns.OWL.ObjectProperty,
    URIRef(TIME + "hasEnd"): ns.OWL.ObjectProperty,
    URIRef(TIME + "inXSDDate"): ns.OWL.DatatypeProperty,
    ns.ORG.memberDuring: ns.OWL.ObjectProperty,
    ns.PROV.wasDerivedFrom: ns.OWL.ObjectProperty,
}


def _v(name: str) -> URIRef:
    """A vnkg term by IRI (the new terms may not be in kg/rdf/vocab.py yet)."""
    return URIRef(VNKG_NS + name)


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
    (_v("PostHolding"), ns.ORG.Membership),
    (_v("PostHolding"), ns.PROV.Entity),
    (_v("IdentityLink"), ns.PROV.Entity),
    (_v("NameCollision"), ns.PROV.Entity),
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


@pytest.mark.parametrize("name,kind", LINK_TERMS.items())
def test_link_term_declared_with_kind_and_both_labels(
        ontology: Graph, name: str, kind: URIRef) -> None:
    assert _declared(ontology).get(name) == kind
    for annotation in (RDFS.label, RDFS.comment):
        langs = {o.language for o in ontology.objects(_v(name), annotation)
                 if isinstance(o, Literal)}
        assert {"en", "vi"} <= langs, (name, annotation)


def _classes(ontology: Graph, node: URIRef | None) -> set[URIRef]:
    """The named class, or the members of an owl:unionOf class expression."""
    union = ontology.value(node, ns.OWL.unionOf)
    return set(ontology.items(union)) if union is not None else {node}


@pytest.mark.parametrize("prop,domain", [
    ("official", ("Tenure", "PostHolding")),
    ("concerns", ("IdentityLink", "NameCollision")),
    ("position", ("Tenure", "PostHolding", "Succession")),
    ("source", ("Tenure", "PostHolding", "Succession", "IdentityLink")),
    ("firstObserved", ("PostHolding",)),
    ("lastObserved", ("PostHolding",)),
    ("mergeEvidence", ("Official", "Directive", "Organization", "IdentityLink",
                       "NameCollision")),
    ("observationCount", ("PostHolding",)),
    ("predecessorLastObserved", ("Succession",)),
    ("successorFirstObserved", ("Succession",)),
    ("linkRule", ("IdentityLink", "NameCollision")),
    ("provinceBasis", ("Report",)),
])
def test_domains_fit_the_links_graph(ontology: Graph, prop: str, domain: tuple[str, ...]) -> None:
    (declared,) = ontology.objects(_v(prop), RDFS.domain)
    assert _classes(ontology, declared) == {_v(name) for name in domain}


@pytest.mark.parametrize("prop,datatype", [
    ("observationCount", ns.XSD.integer), ("predecessorLastObserved", ns.XSD.date),
    ("successorFirstObserved", ns.XSD.date), ("linkRule", ns.XSD.string),
    ("provinceBasis", ns.XSD.string), ("firstObserved", ns.XSD.date),
])
def test_link_datatype_ranges(ontology: Graph, prop: str, datatype: URIRef) -> None:
    assert ontology.value(_v(prop), RDFS.range) == datatype


@pytest.mark.parametrize("term,kind", EXTERNAL.items())
def test_external_link_terms_declared_without_axioms(
        ontology: Graph, term: URIRef, kind: URIRef) -> None:
    assert set(ontology.predicate_objects(term)) == {(RDF.type, kind)}


def test_links_graph_uses_only_declared_terms(ontology: Graph) -> None:
    from test_validate import LINKS_TRIG

    data = Dataset().parse(data=LINKS_TRIG, format="trig")
    declared = {s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef)}
    standard = (str(RDF), str(RDFS), "http://purl.org/dc/terms/")
    used = {t for s, p, o, _ in data.quads((None, None, None, None)) for t in (p, o)
            if isinstance(t, URIRef) and not str(t).startswith(ID_BASE)
            and not str(t).startswith(standard)}
    assert ns.ORG.memberDuring in used and _v("PostHolding") in used
    assert used - declared == set()


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


@pytest.fixture
def links() -> Dataset:
    from test_validate import LINKS_TRIG

    return Dataset().parse(data=LINKS_TRIG, format="trig")


@needs_java
def test_links_graph_is_consistent(links: Dataset) -> None:
    from kg.reason import check_consistency

    check_consistency(links)


@needs_java
def test_holding_that_is_a_tenure_is_inconsistent(links: Dataset) -> None:
    from kg.reason import check_consistency

    holding = URIRef(ID_BASE + "holding/nguyen-van-an/bi-thu-tinh-uy/40")
    links.graph(URIRef(ID_BASE + "graph/links")).add((holding, RDF.type, VNKG.Tenure))
    with pytest.raises(ValidationError, match="both vnkg:PostHolding and vnkg:Tenure"):
        check_consistency(links)


@needs_java
@pytest.mark.parametrize("prop", ["firstObserved", "lastObserved"])
def test_tenure_with_first_or_last_observed_is_inconsistent(links: Dataset, prop: str) -> None:
    from kg.reason import check_consistency

    # the domain is vnkg:PostHolding, disjoint with vnkg:Tenure: a tenure is one observation
    tenure = URIRef(ID_BASE + "tenure/bao-a/nguyen-van-an/bi-thu-tinh-uy/40")
    links.graph(URIRef(ID_BASE + "graph/links")).add(
        (tenure, _v(prop), Literal("2020-06-30", datatype=ns.XSD.date)))
    with pytest.raises(ValidationError, match="inconsistent"):
        check_consistency(links)


@needs_java
def test_collision_of_a_report_is_inconsistent(links: Dataset) -> None:
    from kg.reason import check_consistency

    # vnkg:official has range vnkg:Official, disjoint with vnkg:Report
    collision = URIRef(ID_BASE + "collision/nguyen-van-an/nguyen-van-an_bao-d")
    links.graph(URIRef(ID_BASE + "graph/links")).add(
        (collision, _v("official"), URIRef(ID_BASE + "report/bao-a")))
    with pytest.raises(ValidationError, match="inconsistent"):
        check_consistency(links)


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
