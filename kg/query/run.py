"""Run a named query against an rdflib `Dataset`, binding its parameters safely.

Parameters are never pasted into the query text. Each value becomes an rdflib
`Literal` passed as `initBindings` together with the query *string*:

- on the Oxigraph store (oxrdflib) the string and the bindings go straight to
  `pyoxigraph.Store.query(..., substitutions=...)`: Oxigraph parses the query once and
  substitutes the term for the variable in the parsed query, so no value can change
  the query's structure, and the fast native evaluator runs (oxrdflib only falls back
  to rdflib's evaluator for pre-parsed `Query` objects or unknown keyword arguments);
- on any other store rdflib parses the string and joins the bindings as the initial
  solution, again after parsing.

Values reach SPARQL as plain string literals, NFC with spaces squashed; the queries
compare them with `LCASE(STR(...))`, so `"} DROP ALL` is just a name that matches
nothing. Oxigraph substitutes only variables the SELECT projects, so every parameter
of a named query is also one of its result columns (it echoes the value given).
The query text given to the engine is the whole `.rq` file, header included,
so a syntax error's line and column are those of the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Union

from rdflib import BNode, Literal, Variable
from rdflib.query import Result

from kg.errors import QueryError
from kg.query.catalog import NamedQuery, load_query, parse_query
from kg.text import nfc, squash_spaces

Value = Union[str, int, float, bool, None]

_OX_POSITION = re.compile(r"error at (\d+):(\d+)")
_MAX_DETAIL = 160


@dataclass(frozen=True)
class QueryResult:
    """The answer to a query: column names and rows of plain Python values.

    IRIs and most literals are `str` (dates in ISO form), numbers `int`/`float`,
    booleans `bool`, unbound cells `None`. An ASK query gives one column "ask".
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]

    def as_dicts(self) -> list[dict[str, Value]]:
        """Return the rows as dicts keyed by variable name; [] when there are none."""
        return [dict(zip(self.variables, row)) for row in self.rows]


def run_query(dataset: Any, query: NamedQuery | str,
              params: Mapping[str, str] | None = None) -> QueryResult:
    """Run `query` (a `NamedQuery`, a name, a `.rq` path or SPARQL text) on `dataset`.

    `params` maps each declared parameter to its value; a missing or undeclared one
    raises `QueryError` naming the expected ones, as does a syntax error (with the
    line and column in the .rq file). An empty answer is a result with no rows.
    Example: `run_query(ds, "officials-of-province", {"province": "Hà Tĩnh"})`.
    """
    named = _resolve(query)
    bindings = _bindings(named, params or {})
    try:
        result = dataset.query(named.text, initBindings=bindings)
        return _convert(result)
    except SyntaxError as error:        # pyoxigraph: "error at LINE:COL: ..."
        raise QueryError(_syntax_message(named, str(error), *_ox_position(error))) from None
    except QueryError:
        raise
    except Exception as error:          # rdflib: pyparsing.ParseException and friends
        line = getattr(error, "lineno", None)
        column = getattr(error, "col", None)
        if type(error).__name__.startswith("Parse") and line is not None:
            raise QueryError(_syntax_message(named, str(error), line, column)) from None
        hint = ""
        if "projection" in str(error):
            hint = " (a parameter must also be a SELECT variable of the query)"
        raise QueryError(f"{_where(named)}: the query failed: {error}{hint}") from None


def _resolve(query: NamedQuery | str) -> NamedQuery:
    if isinstance(query, NamedQuery):
        return query
    if "{" in query or "\n" in query:           # SPARQL text, not a name or a path
        return parse_query(query)
    return load_query(query)


def _bindings(named: NamedQuery, params: Mapping[str, str]) -> dict[str, Literal]:
    expected = named.param_names
    unknown = sorted(set(params) - set(expected))
    missing = [p for p in expected if p not in params]
    if unknown or missing:
        wanted = ", ".join(expected) if expected else "none"
        problems = []
        if missing:
            problems.append(f"missing {', '.join(missing)}")
        if unknown:
            problems.append(f"unknown {', '.join(unknown)}")
        raise QueryError(f"{_where(named)}: {'; '.join(problems)} "
                         f"(parameters expected: {wanted})")
    bound = {}
    for name in expected:
        value = params[name]
        if not isinstance(value, str):
            raise QueryError(f"{_where(named)}: parameter {name} must be text, "
                             f"got {type(value).__name__}")
        bound[name] = Literal(squash_spaces(nfc(value)))
    return bound


def _where(named: NamedQuery) -> str:
    return named.source or named.name


def _ox_position(error: SyntaxError) -> tuple[int | None, int | None]:
    m = _OX_POSITION.search(str(error))
    return (int(m.group(1)), int(m.group(2))) if m else (None, None)


def _syntax_message(named: NamedQuery, detail: str, line: int | None,
                    column: int | None) -> str:
    where = _where(named)
    if line is not None:
        where += f":{line}" + (f":{column}" if column is not None else "")
    detail = _OX_POSITION.sub("", detail).lstrip(": ").splitlines()[0] if detail else ""
    if len(detail) > _MAX_DETAIL:
        detail = detail[:_MAX_DETAIL].rsplit(",", 1)[0] + ", ..."
    return f"{where}: SPARQL syntax error: {detail}".rstrip(": ")


def _convert(result: Result) -> QueryResult:
    if result.type == "ASK":
        return QueryResult(("ask",), ((bool(result.askAnswer),),))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        triples = sorted(tuple(_value(t) for t in triple) for triple in result.graph)
        return QueryResult(("subject", "predicate", "object"), tuple(triples))
    variables = tuple(str(v) for v in (result.vars or ()))
    rows = tuple(tuple(_value(row[Variable(v)]) for v in variables) for row in result)
    return QueryResult(variables, rows)


def _value(term: Any) -> Value:
    if term is None:
        return None
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        python = term.toPython()
        if isinstance(python, (bool, int)):
            return python
        if isinstance(python, (float, Decimal)):
            return float(python)
    return str(term)                    # IRIs, strings, dates (ISO lexical form)
