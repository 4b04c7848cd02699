"""Print a `QueryResult` as an aligned text table, CSV or JSON.

JSON is a list of objects, one per row, keyed by variable name, with plain JSON
values (unbound -> null); it is what most scripts want, unlike the nested SPARQL
JSON results format. CSV has a header row and empty cells for unbound values.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata

from kg.errors import QueryError
from kg.query.run import QueryResult, Value

FORMATS = ("table", "csv", "json")


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Return `result` as text in `fmt` ("table", "csv" or "json").

    A result without rows gives the header only (table, csv) or "[]" (json).
    Example: a row ("Nguyễn Văn An", "Bí thư Tỉnh ủy") prints as aligned columns.
    """
    if fmt == "table":
        return _table(result)
    if fmt == "csv":
        return _csv(result)
    if fmt == "json":
        return json.dumps(result.as_dicts(), ensure_ascii=False, indent=2)
    raise QueryError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return " ".join(str(value).split())


def _width(text: str) -> int:
    """Display width: combining marks take no column, wide (CJK) characters two."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _table(result: QueryResult) -> str:
    header = list(result.variables)
    cells = [[_cell(v) for v in row] for row in result.rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(header)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in cells)
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out)


def _csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_cell(v) if v is None or isinstance(v, bool) else v for v in row])
    return buffer.getvalue()
