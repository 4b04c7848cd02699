"""Cross-report linking through `kg build`: identities kept, provinces re-evaluated.

Reports are built one batch at a time into one store, as users add reports over time.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDFS, Literal, URIRef

from kg.pipeline import build, remove
from kg.rdf.iri import Iris
from kg.rdf.vocab import VNKG
from kg.store import opened

IRIS = Iris()
TEXTS = {
    # Bí thư Tỉnh ủy of Hà Tĩnh in 2021
    "a": "Hội nghị Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh\n\nSáng 15/7/2021, đồng chí Nguyễn "
         "Văn An, Bí thư Tỉnh ủy Hà Tĩnh chủ trì hội nghị Ban Chấp hành Đảng bộ tỉnh.",
    # the same post in 2022, with no province named anywhere
    "u": "Hội nghị Ban Thường vụ Tỉnh ủy\n\nChiều 5/5/2022, đồng chí NGUYỄN VĂN AN, Bí thư "
         "Tỉnh ủy chủ trì hội nghị Ban Thường vụ Tỉnh ủy.",
    # another man of the same name, in Cà Mau at the same time
    "c": "Phiên họp Ủy ban nhân dân tỉnh Cà Mau\n\nSáng 3/3/2022, ông Nguyễn Văn An, Giám "
         "đốc Sở Y tế tỉnh Cà Mau báo cáo tại phiên họp Ủy ban nhân dân tỉnh Cà Mau.",
    # a new Bí thư Tỉnh ủy of Hà Tĩnh in 2024
    "d": "Hội nghị Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh\n\nSáng 9/1/2024, đồng chí Trần Văn "
         "Bình, Bí thư Tỉnh ủy Hà Tĩnh chủ trì hội nghị Ban Chấp hành Đảng bộ tỉnh.",
}
LINKS = IRIS.graph("links")


def _files(folder: Path, texts: dict[str, str]) -> list[Path]:
    """Write each text to `{folder}/{report id}.txt`; return the paths."""
    folder.mkdir(exist_ok=True)
    paths = []
    for rid, text in texts.items():
        paths.append(folder / f"{rid}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    return paths


def _write(folder: Path, *ids: str) -> list[Path]:
    return _files(folder, {rid: TEXTS[rid] for rid in ids})


def _triples(store: Path, graph: URIRef) -> set[tuple[str, str, str]]:
    with opened(store, create=False) as st:
        return {(q.subject.value, q.predicate.value, q.object.value) for q in st.quads()
                if q.graph_name.value == str(graph)}


def _value(store: Path, s: URIRef, p: URIRef) -> str | None:
    with opened(store, create=False) as st:
        found = [o for o in st.dataset.objects(s, p)]
    return str(found[0]) if found else None


def _officials(store: Path, report: str) -> set[str]:
    with opened(store, create=False) as st:
        return {str(o) for o in st.dataset.objects(IRIS.report(report), VNKG.mentions)
                if "/official/" in str(o)}


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store"


def test_a_new_report_joins_an_existing_official_and_renames_nothing(
        tmp_path: Path, store: Path) -> None:
    assert build(_write(tmp_path / "in", "a"), store=store).ok
    before = _triples(store, IRIS.report("a"))
    assert build(_write(tmp_path / "in", "u", "c"), store=store).ok
    assert _triples(store, IRIS.report("a")) == before
    an = str(IRIS.official("nguyen-van-an"))
    assert _officials(store, "u") == {an}
    assert _officials(store, "c") == {str(IRIS.official("nguyen-van-an_c"))}


def test_the_same_reports_in_one_batch_give_the_same_identities(
        tmp_path: Path, store: Path) -> None:
    assert build(_write(tmp_path / "in", "c", "u", "a"), store=store).ok
    assert _officials(store, "a") == _officials(store, "u") == {
        str(IRIS.official("nguyen-van-an"))}
    assert _officials(store, "c") == {str(IRIS.official("nguyen-van-an_c"))}


def test_rebuilding_a_report_keeps_its_qualified_identity(tmp_path: Path, store: Path) -> None:
    paths = _write(tmp_path / "in", "a", "c")
    assert build(paths, store=store).ok
    assert build([paths[1]], store=store).ok
    assert _officials(store, "c") == {str(IRIS.official("nguyen-van-an_c"))}


def test_province_is_inferred_later_and_withdrawn_on_remove(tmp_path: Path, store: Path) -> None:
    assert build(_write(tmp_path / "in", "u"), store=store).ok
    assert _value(store, IRIS.report("u"), VNKG.about) is None
    assert build(_write(tmp_path / "in", "a"), store=store).ok
    assert _value(store, IRIS.report("u"), VNKG.about) == str(IRIS.province("42"))
    assert _value(store, IRIS.report("u"), VNKG.provinceEvidence) == "official"
    basis = _value(store, IRIS.report("u"), VNKG.provinceBasis)
    assert basis is not None and "Hà Tĩnh" in basis and "report a" in basis
    # the post now has its jurisdiction in u's own graph
    tenure = IRIS.tenure("u", "nguyen-van-an", IRIS.position("Bí thư Tỉnh ủy", "42"))
    assert _value(store, tenure, VNKG.observedOn) == "2022-05-05"

    assert remove(["a"], store=store) == []
    assert _value(store, IRIS.report("u"), VNKG.about) is None


def test_links_graph_has_holdings_successions_and_evidence(tmp_path: Path, store: Path) -> None:
    assert build(_write(tmp_path / "in", "a", "u", "c", "d"), store=store).ok
    links = _triples(store, LINKS)
    holding = str(IRIS.holding("nguyen-van-an", IRIS.position("Bí thư Tỉnh ủy", "42")))
    assert (holding, str(VNKG.firstObserved), "2021-07-15") in links
    assert (holding, str(VNKG.lastObserved), "2022-05-05") in links
    assert (holding, str(VNKG.observationCount), "2") in links
    succession = str(IRIS.succession(IRIS.position("Bí thư Tỉnh ủy", "42"),
                                     "nguyen-van-an", "tran-van-binh"))
    assert (succession, str(VNKG.predecessorLastObserved), "2022-05-05") in links
    assert (succession, str(VNKG.successorFirstObserved), "2024-01-09") in links
    rules = {o for s, p, o in links if p == str(VNKG.linkRule)}
    assert rules == {"same-post", "two-places-at-once"}


def test_removing_a_report_removes_it_from_the_links(tmp_path: Path, store: Path) -> None:
    assert build(_write(tmp_path / "in", "a", "d"), store=store).ok
    assert any(p == str(VNKG.predecessor) for _, p, _ in _triples(store, LINKS))
    assert remove(["d"], store=store) == []
    links = _triples(store, LINKS)
    assert not any(p == str(VNKG.predecessor) for _, p, _ in links)
    assert not any(str(IRIS.report("d")) == o for _, _, o in links)


def test_a_title_naming_another_province_gets_that_jurisdiction(tmp_path: Path,
                                                                store: Path) -> None:
    text = ("Hội nghị Ban Chấp hành Đảng bộ tỉnh Nghệ An\n\nSáng 2/2/2023, Tỉnh ủy Nghệ An "
            "họp. Dự hội nghị có đồng chí Lê Thị Hoa, Bí thư Tỉnh ủy Hà Tĩnh.")
    path = tmp_path / "n.txt"
    path.write_text(text, encoding="utf-8")
    assert build([path], store=store).ok
    person = IRIS.official("le-thi-hoa")
    assert _value(store, person, VNKG.holdsPosition) == str(
        IRIS.position("Bí thư Tỉnh ủy", "42"))
    assert _value(store, IRIS.report("n"), VNKG.about) == str(IRIS.province("40"))


def test_literal_dates_in_links_are_typed(tmp_path: Path, store: Path) -> None:
    assert build(_write(tmp_path / "in", "a"), store=store).ok
    holding = IRIS.holding("nguyen-van-an", IRIS.position("Bí thư Tỉnh ủy", "42"))
    with opened(store, create=False) as st:
        first = next(st.dataset.objects(holding, VNKG.firstObserved))
    assert isinstance(first, Literal) and first.datatype is not None
    assert str(first.datatype).endswith("#date")


def test_one_directive_node_carries_what_every_report_says(tmp_path: Path,
                                                           store: Path) -> None:
    texts = {
        "p": "Hội nghị Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh\n\nSáng 2/3/2021, hội nghị quán "
             "triệt Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Ban Chấp hành Trung ương Đảng.",
        "q": "Hội nghị Ban Thường vụ Tỉnh ủy Nghệ An\n\nChiều 4/5/2022, hội nghị thông qua "
             "Chương trình số 79-CTr/TU thực hiện Nghị quyết số 04-NQ/TW.",
    }
    assert build(_files(tmp_path, texts), store=store).ok
    national = IRIS.directive("04-NQ/TW", None)
    assert _value(store, national, VNKG.issuedOn) == "2016-10-30"
    assert _value(store, national, VNKG.documentType) == "Nghị quyết"
    programme = IRIS.directive("79-CTr/TU", "40")
    assert _value(store, programme, VNKG.implements) == str(national)
    with opened(store, create=False) as st:
        mentioned_by = set(st.dataset.subjects(VNKG.mentions, national))
    assert mentioned_by == {IRIS.report("p"), IRIS.report("q")}


def _identities(store: Path) -> dict[tuple[str, str], str]:
    """(report id, official label) -> official IRI, over the whole store."""
    query = """PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?id ?label ?o WHERE { GRAPH ?g { ?r a vnkg:Report ; dcterms:identifier ?id ;
            vnkg:mentions ?o . ?o a vnkg:Official ; rdfs:label ?label } }"""
    with opened(store, create=False) as st:
        return {(row["id"].value, row["label"].value): row["o"].value
                for row in st.ox.query(query)}


def test_the_corpus_built_in_batches_gets_the_identities_of_one_build(
        corpus_dir: Path, tmp_path: Path) -> None:
    files = sorted(corpus_dir.glob("*.txt"))
    assert build(files, store=tmp_path / "one").ok
    for batch in (files[1::3], files[2::3], files[0::3]):
        assert build(batch, store=tmp_path / "batches").ok
    once, batched = _identities(tmp_path / "one"), _identities(tmp_path / "batches")
    assert len(once) > 100
    assert batched == once


def test_reports_that_disagree_on_a_directive_are_both_kept_and_listed(
        tmp_path: Path, store: Path) -> None:
    from kg.stats import compute_stats
    from kg.validate import validate_store

    texts = {
        "p": "Hội nghị Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh\n\nSáng 2/3/2021, hội nghị quán "
             "triệt Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Ban Chấp hành Trung ương Đảng.",
        "q": "Hội nghị Ban Thường vụ Tỉnh ủy Nghệ An\n\nChiều 4/5/2022, hội nghị quán triệt "
             "Nghị quyết số 04-NQ/TW ngày 31/10/2016 của Ban Chấp hành Trung ương Đảng.",
    }
    assert build(_files(tmp_path, texts), store=store).ok
    with opened(store, create=False) as st:
        days = {str(d) for d in st.dataset.objects(IRIS.directive("04-NQ/TW", None),
                                                   VNKG.issuedOn)}
        assert days == {"2016-10-30", "2016-10-31"}
        assert compute_stats(st)["directives reported differently"] == ["04-NQ/TW"]
        assert validate_store(st).conforms


def test_posts_of_reports_placed_nowhere_are_not_one_post(tmp_path: Path, store: Path) -> None:
    texts = {
        "x1": "Hội nghị Ban Thường vụ Tỉnh ủy\n\nChiều 5/5/2022, đồng chí Lê Văn Tâm, Bí thư "
              "Tỉnh ủy chủ trì hội nghị Ban Thường vụ Tỉnh ủy.",
        "x2": "Hội nghị Ban Thường vụ Tỉnh ủy\n\nChiều 6/6/2022, đồng chí Đỗ Thị Mai, Bí thư "
              "Tỉnh ủy chủ trì hội nghị Ban Thường vụ Tỉnh ủy.",
    }
    assert build(_files(tmp_path, texts), store=store).ok
    posts = {_value(store, IRIS.official(key), VNKG.holdsPosition)
             for key in ("le-van-tam", "do-thi-mai")}
    assert posts == {str(IRIS.position("Bí thư Tỉnh ủy", "x-x1")),
                     str(IRIS.position("Bí thư Tỉnh ủy", "x-x2"))}
    label = _value(store, IRIS.position("Bí thư Tỉnh ủy", "x-x1"), RDFS.label)
    assert label == "Bí thư Tỉnh ủy (province unknown: report x1)"
    assert _value(store, IRIS.position("Bí thư Tỉnh ủy", "x-x1"), VNKG.jurisdiction) is None
    # neither is taken for a succession: the posts may be in two provinces
    assert not any(p == str(VNKG.predecessor) for _, p, _ in _triples(store, LINKS))


def test_a_career_move_is_merged_and_listed_for_review(tmp_path: Path, store: Path) -> None:
    from kg.stats import compute_stats

    texts = {
        "h": "Hội nghị Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh\n\nSáng 15/7/2020, đồng chí Nguyễn "
             "Văn An, Chủ tịch UBND tỉnh Hà Tĩnh dự hội nghị Ban Chấp hành Đảng bộ tỉnh.",
        "n": "Hội nghị Ban Chấp hành Đảng bộ tỉnh Nghệ An\n\nSáng 9/1/2024, đồng chí Nguyễn "
             "Văn An, Bí thư Tỉnh ủy Nghệ An chủ trì hội nghị Ban Chấp hành Đảng bộ tỉnh.",
    }
    assert build(_files(tmp_path, texts), store=store).ok
    assert _officials(store, "h") == _officials(store, "n")
    with opened(store, create=False) as st:
        review = compute_stats(st)["merges to review"]
    assert len(review) == 1 and review[0].startswith("career-move: Nguyễn Văn An: ")


def test_sightings_read_back_from_the_store_equal_the_fresh_ones(tmp_path: Path,
                                                                 store: Path) -> None:
    from kg.link.across import link_across
    from kg.link.sightings import sightings_of
    from kg.pipeline import process_all, read_all
    from kg.store.sightings import read_sightings

    texts = {**TEXTS, "n": "Hội nghị Ban Chấp hành Đảng bộ tỉnh Nghệ An\n\nSáng 2/2/2023, "
                            "Tỉnh ủy Nghệ An họp. Dự có đồng chí Lê Thị Hoà, Bí thư Tỉnh ủy "
                            "Hà Tĩnh, Ủy viên Trung ương Đảng.",
             "x": "Hội nghị Ban Thường vụ Tỉnh ủy\n\nChiều 5/5/2022, đồng chí Lê Văn Tâm, "
                  "Bí thư Tỉnh ủy chủ trì hội nghị Ban Thường vụ Tỉnh ủy."}
    paths = _files(tmp_path / "in", texts)
    assert build(paths, store=store).ok
    raws, _ = read_all(paths)
    reports, _ = process_all(raws)
    fresh = sorted((s for r in link_across(reports).reports for s in sightings_of(r)),
                   key=lambda s: (s.report, s.key))
    with opened(store, create=False) as st:
        stored = sorted(read_sightings(st, IRIS), key=lambda s: (s.report, s.key))
    assert stored == fresh
    posts = [p for s in stored for p in s.posts]
    assert any(p.national for p in posts) and any(p.unplaced_in == "x" for p in posts)
