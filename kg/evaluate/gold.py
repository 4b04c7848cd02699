"""Read a folder of gold annotations (`*.gold.json`, `same_as.json`; see FORMAT.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kg.errors import InputError

GOLD_SUFFIX = ".gold.json"
SAME_AS = "same_as.json"

Person = tuple[str, str]                 # (report id, name as printed)


def load_golds(folder: str | Path) -> list[dict[str, Any]]:
    """Return every `*.gold.json` in `folder`, sorted by file name; [] if there are none.

    A file without an "id" gets its stem ("d04.gold.json" -> "d04"). Malformed JSON
    raises `InputError` with the path and line. Example: a gold with
    `{"id": "d04", "officials": [{"name": "Nguyễn Văn An", "positions": [...]}]}`.
    """
    path = Path(folder)
    if not path.is_dir():
        raise InputError(str(path), "not a folder of gold annotations")
    golds = []
    for file in sorted(path.glob(f"*{GOLD_SUFFIX}")):
        gold = _read_json(file)
        if not isinstance(gold, dict):
            raise InputError(str(file), "a gold annotation must be a JSON object")
        gold.setdefault("id", file.name[: -len(GOLD_SUFFIX)])
        golds.append(gold)
    return golds


def load_same_as(folder: str | Path) -> list[tuple[Person, ...]] | None:
    """Return the groups of `same_as.json` in `folder`, or None when there is no such file.

    Each group lists `(report id, name)` pairs that are one person, e.g.
    `(("d04", "Lê Văn Hào"), ("d16", "Lê Văn Hào"))`.
    """
    file = Path(folder) / SAME_AS
    if not file.is_file():
        return None
    data = _read_json(file)
    groups = []
    try:
        for group in data:
            groups.append(tuple((str(rid), str(name)) for rid, name in group))
    except (TypeError, ValueError):
        raise InputError(str(file), "expected a list of groups of [report id, name]") from None
    return groups


def _read_json(file: Path) -> Any:
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise InputError(str(file), f"invalid JSON: {error.msg}", line=error.lineno) from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(file), f"cannot read: {error}") from None
