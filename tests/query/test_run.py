"""run_query: safe parameter binding, errors that point at the .rq line, both stores."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import rdflib.plugins.sparql.processor as rdflib_processor

from kg.errors import QueryError
from kg.query import NamedQuery, load_query, run_query

HOSTILE = [
    '"} DROP ALL',
    'Hà Tĩnh"} DROP ALL ; INSERT DATA { <a:b> <a:b> <a:b> } #',
    'x") || ("a" = "a',
    "x') || ('a' = 'a",
    "Hà Tĩnh\" ) } UNION { ?official ?p ?o . BIND(\"Hà Tĩnh\" AS ?x",
    "?province",
    "<https://w3id.org/vnkg/id/province/42>",
    "Hà\\\" Tĩnh",
    "Hà Tĩnh\n} #",
    "{ } ' \" \\ \u0000",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_are_plain_text(dataset, value: str) -> None:
    before = len(dataset)
    result = run_query(dataset, "officials-of-province", {"province": value})
    assert result.rows == ()
    assert len(dataset) == before


def test_bound_value_is_echoed_not_parsed(oxigraph) -> None:
    result = run_query(oxigraph, "officials-of-province", {"province": "  hà   TĨNH "})
    assert {row[-1] for row in result.rows} == {"hà TĨNH"}
    assert len(result.rows) == 4


@pytest.mark.parametrize("params,expected", [
    ({}, "missing province"),
    ({"province": "Hà Tĩnh", "tinh": "x"}, "unknown tinh"),
    ({"tinh": "Hà Tĩnh"}, "missing province; unknown tinh"),
])
def test_bad_parameters_name_the_expected_ones(oxigraph, params, expected) -> None:
    with pytest.raises(QueryError) as error:
        run_query(oxigraph, "officials-of-province", params)
    assert expected in str(error.value)
    assert "parameters expected: province" in str(error.value)


def test_parameters_for_a_query_without_any(oxigraph) -> None:
    with pytest.raises(QueryError, match=r"expected: none"):
        run_query(oxigraph, "implementation-chains", {"x": "1"})


BROKEN = """# broken: A query with a typo on line 7.
# param province: tên tỉnh
PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
SELECT ?x ?province
WHERE {
  ?x vnkg:heldIn ?p .
  OPTINAL { ?x vnkg:session ?province }
}
"""


def test_syntax_error_gives_the_line_of_the_file(dataset, tmp_path: Path) -> None:
    path = tmp_path / "broken.rq"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(QueryError) as error:
        run_query(dataset, load_query(path), {"province": "Hà Tĩnh"})
    message = str(error.value)
    assert message.startswith(f"{path}:7:"), message
    assert "syntax error" in message


def test_inline_sparql_text_runs(dataset) -> None:
    text = ("PREFIX vnkg: <https://w3id.org/vnkg/ontology#>\n"
            "SELECT (COUNT(?m) AS ?n) WHERE { ?m a vnkg:StandingCommitteeMeeting }")
    assert run_query(dataset, text).rows == ((1,),)


def test_ask_query(dataset) -> None:
    text = "ASK { ?s <https://w3id.org/vnkg/ontology#session> 5 }"
    result = run_query(dataset, NamedQuery("ask", "", (), text))
    assert result.variables == ("ask",) and result.rows == ((True,),)


def test_oxigraph_store_never_falls_back_to_rdflib(oxigraph, monkeypatch) -> None:
    def fail(*args, **kwargs):
        raise AssertionError("rdflib's SPARQL evaluator was used")

    monkeypatch.setattr(rdflib_processor.SPARQLProcessor, "query", fail)
    result = run_query(oxigraph, "co-attendance", {"a": "Nguyễn Văn An", "b": "Lê Minh Cường"})
    assert len(result.rows) == 1


def test_oxigraph_is_much_faster_than_rdflib(memory, oxigraph) -> None:
    query = load_query("central-directives-by-province")

    def best(dataset) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            run_query(dataset, query, {})
            times.append(time.perf_counter() - start)
        return min(times)

    assert best(oxigraph) * 3 < best(memory)


def test_parameter_not_projected_is_explained_on_oxigraph(oxigraph) -> None:
    text = ("# thu: Thử.\n# param province: tên tỉnh\n"
            "SELECT ?s WHERE { ?s ?p ?o FILTER (STR(?o) = ?province) }")
    with pytest.raises(QueryError, match="must also be a SELECT variable"):
        run_query(oxigraph, text, {"province": "Hà Tĩnh"})
