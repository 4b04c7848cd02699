"""The vnkg vocabulary as a closed rdflib namespace, and the prefixes kg binds.

`VNKG` has one attribute per term declared in `ontology/vnkg.ttl` (a test keeps the two
equal); with `_fail = True` a misspelt term raises `AttributeError` instead of quietly
minting a new IRI. `bind_prefixes` is the one place where kg's prefixes are bound.
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
)

ID_BASE = "https://w3id.org/vnkg/id/"
ONTOLOGY_IRI = "https://w3id.org/vnkg/ontology"


class VNKG(DefinedNamespace):
    """The terms of the vnkg ontology (https://w3id.org/vnkg/ontology#)."""

    _fail = True
    _NS = Namespace("https://w3id.org/vnkg/ontology#")

    # classes
    Report: URIRef
    Official: URIRef
    Position: URIRef
    Province: URIRef
    Meeting: URIRef
    ExecutiveCommitteeConference: URIRef
    StandingCommitteeMeeting: URIRef
    PeopleCouncilSession: URIRef
    PeopleCommitteeMeeting: URIRef
    Congress: URIRef
    Directive: URIRef
    Organization: URIRef
    Tenure: URIRef
    Mention: URIRef
    Succession: URIRef
    PostHolding: URIRef
    IdentityLink: URIRef
    NameCollision: URIRef

    # object properties
    holdsPosition: URIRef
    jurisdiction: URIRef
    official: URIRef
    position: URIRef
    source: URIRef
    heldIn: URIRef
    attendedBy: URIRef
    chairedBy: URIRef
    discusses: URIRef
    issuedBy: URIRef
    implements: URIRef
    about: URIRef
    reports: URIRef
    mentions: URIRef
    inReport: URIRef
    denotes: URIRef
    mergedInto: URIRef
    predecessor: URIRef
    successor: URIRef
    concerns: URIRef

    # datatype properties
    title: URIRef
    formerlyHeld: URIRef
    observedOn: URIRef
    date: URIRef
    dateStated: URIRef
    dateUnknownReason: URIRef
    session: URIRef
    term: URIRef
    online: URIRef
    extended: URIRef
    extraordinary: URIRef
    documentNumber: URIRef
    documentType: URIRef
    issuedOn: URIRef
    national: URIRef
    publishedOn: URIRef
    author: URIRef
    provinceEvidence: URIRef
    start: URIRef
    end: URIRef
    sentence: URIRef
    text: URIRef
    extractor: URIRef
    adminCode: URIRef
    validFrom: URIRef
    validUntil: URIRef
    firstObserved: URIRef
    lastObserved: URIRef
    mergeEvidence: URIRef
    observationCount: URIRef
    predecessorLastObserved: URIRef
    successorFirstObserved: URIRef
    linkRule: URIRef
    provinceBasis: URIRef


PREFIXES: tuple[tuple[str, str], ...] = (
    ("vnkg", str(VNKG._NS)),
    ("dcterms", str(DCTERMS)),
    ("skos", str(SKOS)),
    ("org", str(ORG)),
    ("prov", str(PROV)),
    ("xsd", str(XSD)),
    ("rdf", str(RDF)),
    ("rdfs", str(RDFS)),
    ("owl", str(OWL)),
    ("schema", str(SDO)),
    ("foaf", str(FOAF)),
    ("time", str(TIME)),
)


def bind_prefixes(graph: Graph) -> None:
    """Bind kg's prefixes (vnkg, dcterms, skos, org, prov, ...) on `graph`.

    Meant for graphs made with `Graph(bind_namespaces="core")` or a `Dataset`; an
    existing binding of the same prefix is replaced, so output always reads `vnkg:`.
    Instance IRIs (`ID_BASE`) are not bound: the base can change per build.

    Example: after `bind_prefixes(g)`, `g.serialize(format="turtle")` writes
    `vnkg:Official` and `rdfs:label "Nguyễn Văn An"`.
    """
    for prefix, namespace in PREFIXES:
        graph.bind(prefix, namespace, override=True, replace=True)
