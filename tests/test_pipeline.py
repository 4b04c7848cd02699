"""kg.pipeline: the whole flow on the sample, determinism, and bad inputs."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic

from kg.pipeline import build
from kg.store import opened

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _nquads(store_path: Path) -> list[str]:
    with opened(store_path, create=False) as store:
        return sorted(str(q) for q in store.quads())


def test_build_twice_gives_the_same_graph_byte_for_byte(built_store: Path,
                                                        tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert build([EXAMPLES], store=again).ok
    assert _nquads(again) == _nquads(built_store)


def test_build_in_reverse_input_order_gives_the_same_graph(built_store: Path,
                                                          tmp_path: Path) -> None:
    files = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html", ".jsonl"})
    other = tmp_path / "rev"
    assert build(list(reversed(files)), store=other).ok
    assert _nquads(other) == _nquads(built_store)
    graphs = []
    for path in (built_store, other):
        with opened(path, create=False) as store:
            name = store.graph_names()[-1]
            graphs.append(Graph().parse(data="\n".join(
                f"{q.subject} {q.predicate} {q.object} ." for q in store.quads()
                if q.graph_name.value == name), format="nt"))
    assert isomorphic(graphs[0], graphs[1])
    _, only_first, only_second = graph_diff(graphs[0], graphs[1])
    assert len(only_first) == len(only_second) == 0


def test_bad_input_is_reported_and_others_still_built(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Chiều 5/5/2023, đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy Hà Tĩnh "
                    "chủ trì hội nghị.", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x1", "text": "Tỉnh ủy Nghệ An họp."}\n{not json\n',
                   encoding="utf-8")
    result = build([good, bad, tmp_path / "missing.txt"], store=tmp_path / "s")
    assert set(result.report_ids) == {"good", "x1"}
    messages = [str(e) for e in result.errors]
    assert any("bad.jsonl" in m and ":2" in m for m in messages), messages
    assert any("missing.txt" in m for m in messages), messages
    assert not result.ok


def test_rebuilding_one_report_replaces_only_it(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Sáng 1/6/2022, đồng chí Lê Văn Bình, Chủ tịch UBND tỉnh Nghệ An "
                 "chủ trì phiên họp.", encoding="utf-8")
    b.write_text("Sáng 2/6/2022, đồng chí Trần Thị Cúc, Bí thư Tỉnh ủy Hà Tĩnh "
                 "chủ trì hội nghị.", encoding="utf-8")
    store = tmp_path / "s"
    build([a, b], store=store)
    before = [q for q in _nquads(store) if "/report/b>" in q.split()[-1]]
    a.write_text("Sáng 1/6/2022, đồng chí Lê Văn Bình, Phó Bí thư Tỉnh ủy Nghệ An "
                 "chủ trì phiên họp.", encoding="utf-8")
    build([a], store=store)
    after = _nquads(store)
    assert [q for q in after if "/report/b>" in q.split()[-1]] == before
    assert any("pho-bi-thu-tinh-uy" in q for q in after)
    assert not any("chu-tich-uy-ban-nhan-dan-tinh" in q and "/report/a>" in q for q in after)
