"""Named SPARQL queries (`queries/*.rq`, installed as `kg.queries`) and their running.

    list_queries() -> list[NamedQuery]
    load_query(name_or_path) -> NamedQuery
    run_query(dataset, query, params) -> QueryResult
    format_result(result, "table" | "csv" | "json") -> str
"""

from kg.query.catalog import NamedQuery, Param, list_queries, load_query, parse_query
from kg.query.formats import FORMATS, format_result
from kg.query.run import QueryResult, run_query

__all__ = [
    "FORMATS", "NamedQuery", "Param", "QueryResult", "format_result", "list_queries",
    "load_query", "parse_query", "run_query",
]
