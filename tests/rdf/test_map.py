"""kg.rdf.map: one linked Report -> the triples of its named graph."""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Literal

from kg.model import CleanDoc, Directive, Meeting, Official, ProvinceRef, Report
from kg.rdf.iri import Iris
from kg.rdf.map import map_report, sentence_around
from kg.rdf.vocab import VNKG

TEXT = ("Sáng 2/3/2021, Tỉnh ủy Hà Tĩnh họp. Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy chủ trì. "
        "Chương trình 12-CTr/TU thực hiện Nghị quyết 26-NQ/TW.")


def _report() -> Report:
    doc = CleanDoc(id="r1", text=TEXT, source="r1.txt")
    name_at = TEXT.index("Nguyễn Văn An")
    return Report(
        doc=doc, mentions=(),
        province=ProvinceRef(code="42", name="Hà Tĩnh", evidence="explicit", key="42"),
        published="2021-03-03", authors=("Thu Hà",),
        officials=(Official(name="Nguyễn Văn An",
                            titles=("Bí thư Tỉnh ủy", "Ủy viên Ban Chấp hành Trung ương Đảng"),
                            spans=((name_at, name_at + 13),)),),
        meetings=(Meeting(kind="standing-committee", span=(0, 35), date="2021-03-02",
                          chairs=("Nguyễn Văn An",), participants=("Nguyễn Văn An",)),),
        directives=(Directive(number="12-CTr/TU", span=(90, 99), doc_type="Chương trình",
                              implements="26-NQ/TW"),
                    Directive(number="26-NQ/TW", span=(120, 128), doc_type="Nghị quyết",
                              national=True)),
    )


def test_map_report_core_facts() -> None:
    iris = Iris()
    g = map_report(_report(), iris)
    person = iris.official("nguyen-van-an")
    post = iris.position("Bí thư Tỉnh ủy", "42")
    assert (person, RDF.type, VNKG.Official) in g
    assert (person, RDFS.label, Literal("Nguyễn Văn An")) in g
    assert (person, VNKG.holdsPosition, post) in g
    assert (post, VNKG.jurisdiction, iris.province("42")) in g
    national_post = iris.position("Ủy viên Ban Chấp hành Trung ương Đảng", None)
    assert (national_post, VNKG.jurisdiction, None) not in g
    meeting = next(g.subjects(RDF.type, VNKG.StandingCommitteeMeeting))
    assert (meeting, VNKG.chairedBy, person) in g
    assert (meeting, VNKG.attendedBy, person) in g
    assert (meeting, VNKG.date, Literal("2021-03-02", datatype=XSD.date)) in g
    local = iris.directive("12-CTr/TU", "42")
    central = iris.directive("26-NQ/TW", None)
    assert (local, VNKG.implements, central) in g
    assert (iris.report("r1"), VNKG.author, Literal("Thu Hà")) in g


def test_tenure_points_at_its_sentence() -> None:
    iris = Iris()
    g = map_report(_report(), iris)
    tenure = iris.tenure("r1", "nguyen-van-an", iris.position("Bí thư Tỉnh ủy", "42"))
    assert (tenure, VNKG.source, iris.report("r1")) in g
    start = g.value(tenure, VNKG.start).toPython()
    end = g.value(tenure, VNKG.end).toPython()
    assert TEXT[start:end] == "Nguyễn Văn An"
    assert "Bí thư Tỉnh ủy chủ trì" in str(g.value(tenure, VNKG.sentence))


def test_same_report_maps_to_same_triples() -> None:
    a = map_report(_report(), Iris())
    b = map_report(_report(), Iris())
    assert sorted(a.serialize(format="nt").splitlines()) == \
        sorted(b.serialize(format="nt").splitlines())


def test_provincial_numbers_are_scoped_national_are_not() -> None:
    iris = Iris()
    assert iris.directive("42-CT/TU", "42") != iris.directive("42-CT/TU", "40")
    assert iris.directive("26-NQ/TW", None) == iris.directive("26-NQ/TW", None)


def test_base_option_changes_iris() -> None:
    assert Iris("http://example.org/kg").official("Lê A").startswith("http://example.org/kg/")


def test_sentence_around() -> None:
    text = "Câu một. Câu hai có tên. Câu ba."
    start = text.index("tên")
    assert sentence_around(text, start, start + 3) == "Câu hai có tên."
