"""Map one linked `Report` to the RDF triples of its named graph (docs/graph.md).

Pure: the same `Report` gives the same triples. IRIs come from `kg.rdf.iri.Iris`.
Every official, directive, meeting and province mention also becomes a `vnkg:Mention`
node with its offsets and sentence, so each statement can be traced to its text.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.gazetteer import province_by_key
from kg.link.sightings import observed_on, posts_of
from kg.model import (
    Directive,
    Meeting,
    Mention,
    MentionKind,
    Official,
    Post,
    Report,
    unplaced_scope,
)
from kg.rdf.iri import Iris
from kg.rdf.vocab import VNKG, bind_prefixes
from kg.text import fold_tones, match_key, slug

MEETING_CLASSES = {
    "executive-committee": VNKG.ExecutiveCommitteeConference,
    "standing-committee": VNKG.StandingCommitteeMeeting,
    "people-council-session": VNKG.PeopleCouncilSession,
    "people-committee-session": VNKG.PeopleCommitteeMeeting,
    "congress": VNKG.Congress,
    "other": VNKG.Meeting,
}
_SENTENCE_LIMIT = 400


def map_report(report: Report, iris: Iris) -> Graph:
    """Return the triples of `report`'s named graph (an rdflib `Graph`, core prefixes)."""
    graph = Graph(bind_namespaces="core")
    bind_prefixes(graph)
    _Mapper(report, iris, graph).run()
    return graph


def official_key(official: Official) -> str:
    """The IRI key of `official`: its identity, or the slug of its name before linking."""
    return official.identity or slug(official.name)


def map_position(graph: Graph, iris: Iris, post: Post) -> URIRef:
    """Add the Position of `post` to `graph`: title, and jurisdiction when known."""
    node = iris.position(post.title, post.scope)
    graph.add((node, RDF.type, VNKG.Position))
    graph.add((node, VNKG.title, Literal(post.title)))
    unit = province_by_key(post.province) if post.province else None
    label = post.title
    if unit is not None:
        graph.add((node, VNKG.jurisdiction, iris.province(unit.key)))
        label = f"{post.title} ({unit.name})"
    elif post.unplaced_in:
        label = f"{post.title} (province unknown: report {post.unplaced_in})"
    graph.add((node, RDFS.label, Literal(label)))
    return node


def date_literal(iso: str) -> Literal:
    """An ISO day, month or year as an xsd:date, xsd:gYearMonth or xsd:gYear literal."""
    if len(iso) == 10:
        return Literal(iso, datatype=XSD.date)
    if len(iso) == 7:
        return Literal(iso, datatype=XSD.gYearMonth)
    return Literal(iso, datatype=XSD.gYear)


def sentence_around(text: str, start: int, end: int) -> str:
    """Return the sentence (bounded by . ! ? ; or a newline) holding text[start:end]."""
    left = max(text.rfind(ch, 0, start) for ch in ".!?\n") + 1
    rights = [i for i in (text.find(ch, end) for ch in ".!?\n") if i != -1]
    right = min(rights) + 1 if rights else len(text)
    sentence = text[left:right].strip()
    if len(sentence) > _SENTENCE_LIMIT:
        lo = max(left, start - _SENTENCE_LIMIT // 2)
        sentence = text[lo:lo + _SENTENCE_LIMIT].strip()
    return sentence


class _Mapper:
    """One pass over a report; holds the IRIs already minted for it."""

    def __init__(self, report: Report, iris: Iris, graph: Graph) -> None:
        self.r = report
        self.iris = iris
        self.g = graph
        self.doc = report.doc
        self.report = iris.report(report.doc.id)
        self.province = report.province.key if report.province else None
        observed = observed_on(report)
        self.observed = date_literal(observed) if observed else None
        self.officials: dict[str, URIRef] = {}
        self.directives: dict[str, URIRef] = {}

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.g.add((s, p, o))

    def run(self) -> None:
        self._report()
        for official in self.r.officials:
            self._official(official)
        for directive in self.r.directives:
            self._directive(directive)
        for directive in self.r.directives:
            self._implements(directive)
        for meeting in self.r.meetings:
            self._meeting(meeting)
        self._mentions(self.r.mentions)

    # -- nodes ---------------------------------------------------------------------------

    def _report(self) -> None:
        doc, rep = self.doc, self.report
        self.add(rep, RDF.type, VNKG.Report)
        self.add(rep, DCTERMS.identifier, Literal(doc.id))
        self.add(rep, DCTERMS.source, Literal(doc.url or doc.source))
        if doc.title:
            self.add(rep, DCTERMS.title, Literal(doc.title))
        if self.r.published:
            self.add(rep, VNKG.publishedOn, date_literal(self.r.published))
        for author in self.r.authors:
            self.add(rep, VNKG.author, Literal(author))
        if self.r.province:
            prov = self.iris.province(self.r.province.key)
            self.add(prov, RDF.type, VNKG.Province)
            self.add(prov, RDFS.label, Literal(self.r.province.name))
            self.add(rep, VNKG.about, prov)
            self.add(rep, VNKG.provinceEvidence, Literal(self.r.province.evidence))
            if self.r.province.basis:
                self.add(rep, VNKG.provinceBasis, Literal(self.r.province.basis))

    def _official(self, official: Official) -> None:
        key = official_key(official)
        node = self.iris.official(key)
        self.officials[match_key(official.name)] = node
        self.add(node, RDF.type, VNKG.Official)
        # One label per IRI across reports: the name in the one tone-mark convention
        # the IRI is keyed on; the printed spellings, when different, are altLabels.
        label = fold_tones(official.name)
        self.add(node, RDFS.label, Literal(label))
        for alt in (official.name, *official.alt_names):
            if alt != label:
                self.add(node, SKOS.altLabel, Literal(alt))
        self.add(self.report, VNKG.mentions, node)
        for title in official.past_titles:
            self.add(node, VNKG.formerlyHeld, Literal(title))
        span = official.spans[0]
        for post in posts_of(official, self.r):
            position = map_position(self.g, self.iris, post)
            self.add(node, VNKG.holdsPosition, position)
            tenure = self.iris.tenure(self.doc.id, key, position)
            self.add(tenure, RDF.type, VNKG.Tenure)
            self.add(tenure, VNKG.official, node)
            self.add(tenure, VNKG.position, position)
            self.add(tenure, VNKG.source, self.report)
            if self.observed is not None:
                self.add(tenure, VNKG.observedOn, self.observed)
            self._span(tenure, span)


    def _directive_node(self, number: str, national: bool) -> URIRef:
        scope = None if national else (self.province or unplaced_scope(self.doc.id))
        return self.iris.directive(number, scope)

    def _directive(self, directive: Directive) -> None:
        node = self._directive_node(directive.number, directive.national)
        self.directives[directive.number] = node
        self.add(node, RDF.type, VNKG.Directive)
        self.add(node, VNKG.documentNumber, Literal(directive.number))
        label = directive.number
        if directive.doc_type:
            self.add(node, VNKG.documentType, Literal(directive.doc_type))
            label = f"{directive.doc_type} {directive.number}"
        self.add(node, RDFS.label, Literal(label))
        self.add(node, VNKG.national, Literal(directive.national))
        if directive.issued_on and len(directive.issued_on) == 10:
            self.add(node, VNKG.issuedOn, date_literal(directive.issued_on))
        if directive.issuer:
            org_scope = None if directive.national else self.province
            org = self.iris.organization(directive.issuer, org_scope)
            self.add(org, RDF.type, VNKG.Organization)
            self.add(org, RDFS.label, Literal(directive.issuer))
            self.add(node, VNKG.issuedBy, org)
        self.add(self.report, VNKG.mentions, node)

    def _implements(self, directive: Directive) -> None:
        if not directive.implements:
            return
        target = self.directives.get(directive.implements)
        if target is None:
            return
        self.add(self.directives[directive.number], VNKG.implements, target)

    def _meeting(self, meeting: Meeting) -> None:
        scope = self.province or "vn"
        known = meeting.date and not meeting.date.startswith("--")
        when = meeting.date if known else f"r-{self.doc.id}-{meeting.span[0]}"
        node = self.iris.meeting(scope, meeting.kind, when, meeting.ordinal)
        self.add(node, RDF.type, MEETING_CLASSES.get(meeting.kind, VNKG.Meeting))
        self.add(node, RDFS.label, Literal(self.doc.text[meeting.span[0]:meeting.span[1]]))
        if meeting.date and not meeting.date.startswith("--"):
            self.add(node, VNKG.date, date_literal(meeting.date))
            self.add(node, VNKG.dateStated, Literal(meeting.date_stated))
        elif meeting.date:
            self.add(node, VNKG.dateUnknownReason,
                     Literal(f"the report gives the day ({meeting.date}) but no year"))
        else:
            self.add(node, VNKG.dateUnknownReason, Literal("the report gives no date"))
        if self.province:
            self.add(node, VNKG.heldIn, self.iris.province(self.province))
        if meeting.ordinal is not None:
            self.add(node, VNKG.session, Literal(meeting.ordinal))
        if meeting.term:
            self.add(node, VNKG.term, Literal(meeting.term))
        self.add(node, VNKG.online, Literal(meeting.online))
        self.add(node, VNKG.extended, Literal(meeting.extended))
        self.add(node, VNKG.extraordinary, Literal(meeting.extraordinary))
        for name in meeting.chairs:
            if (person := self.officials.get(match_key(name))) is not None:
                self.add(node, VNKG.chairedBy, person)
                self.add(node, VNKG.attendedBy, person)
        for name in meeting.participants:
            if (person := self.officials.get(match_key(name))) is not None:
                self.add(node, VNKG.attendedBy, person)
        if meeting.main:
            self.add(self.report, VNKG.reports, node)
            for node_directive in self.directives.values():
                self.add(node, VNKG.discusses, node_directive)
        self._span(node, meeting.span)

    # -- provenance ----------------------------------------------------------------------

    def _span(self, node: URIRef, span: tuple[int, int]) -> None:
        start, end = span
        self.add(node, VNKG.start, Literal(start))
        self.add(node, VNKG.end, Literal(end))
        self.add(node, VNKG.sentence, Literal(sentence_around(self.doc.text, start, end)))

    def _mentions(self, mentions: tuple[Mention, ...]) -> None:
        for m in mentions:
            target = self._denoted(m)
            if target is None:
                continue
            node = self.iris.mention(self.doc.id, m.start, m.end)
            self.add(node, RDF.type, VNKG.Mention)
            self.add(node, VNKG.inReport, self.report)
            self.add(node, VNKG.denotes, target)
            self.add(node, VNKG.text, Literal(m.text))
            self.add(node, VNKG.extractor, Literal(m.source))
            self._span(node, (m.start, m.end))

    def _denoted(self, m: Mention) -> URIRef | None:
        if m.kind is MentionKind.OFFICIAL:
            return self.officials.get(match_key(m.value.name))  # type: ignore[union-attr]
        if m.kind is MentionKind.DIRECTIVE:
            return self.directives.get(m.value.number)  # type: ignore[union-attr]
        if m.kind is MentionKind.PROVINCE:
            key = m.value.key  # type: ignore[union-attr]
            self.add(self.report, VNKG.mentions, self.iris.province(key))
            return self.iris.province(key)
        return None
