"""Load the vocabularies shipped in this folder (UTF-8, NFC, tab-separated).

Each `.tsv` file starts with comment lines (`# source: ...`) and then a header row;
`load_table("titles")` returns its rows as dicts keyed by the header. Tables are read
once per process and cached.
"""

from __future__ import annotations

import csv
import unicodedata
from functools import lru_cache
from importlib import resources

from kg.errors import DataError


@lru_cache(maxsize=None)
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Return the rows of `kg/data/{name}.tsv`; raise `DataError` if malformed."""
    path = resources.files(__name__) / f"{name}.tsv"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"kg/data/{name}.tsv: no such vocabulary file") from None
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise DataError(f"kg/data/{name}.tsv: no header row")
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    rows = []
    for lineno, row in enumerate(reader, start=2):
        if len(row) > len(header):
            raise DataError(f"kg/data/{name}.tsv: row {lineno} has {len(row)} columns, "
                            f"header has {len(header)}")
        row += [""] * (len(header) - len(row))
        rows.append({k: unicodedata.normalize("NFC", v.strip()) for k, v in zip(header, row)})
    return tuple(rows)


def table_names() -> list[str]:
    """Names of every vocabulary shipped, for tests and `kg stats`."""
    return sorted(p.name[:-4] for p in resources.files(__name__).iterdir()
                  if p.name.endswith(".tsv"))
