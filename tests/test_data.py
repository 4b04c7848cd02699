"""Every vocabulary in kg/data/: NFC, a source line, a header, full rows, no duplicates."""

import unicodedata
from collections import Counter
from importlib import resources

import pytest

from kg.data import load_table, table_names
from kg.errors import DataError

NAMES = table_names()


def _text(name: str) -> str:
    return (resources.files("kg.data") / f"{name}.tsv").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_table_is_nfc_with_source(name: str) -> None:
    text = _text(name)
    assert unicodedata.normalize("NFC", text) == text, f"{name}.tsv is not NFC"
    assert any(line.startswith("# source:") for line in text.splitlines()[:5]), \
        f"{name}.tsv names no source in its first lines"


@pytest.mark.parametrize("name", NAMES)
def test_table_rows_are_complete_and_unique(name: str) -> None:
    rows = load_table(name)
    assert rows, f"{name}.tsv has no rows"
    first = next(iter(rows[0]))
    assert all(row[first] for row in rows), f"{name}.tsv has rows with an empty first column"
    dupes = [row for row, n in Counter(tuple(r.values()) for r in rows).items() if n > 1]
    assert not dupes, f"{name}.tsv repeats rows: {sorted(dupes)[:3]}"


def test_missing_table_is_a_data_error() -> None:
    with pytest.raises(DataError, match="no-such-table"):
        load_table("no-such-table")
