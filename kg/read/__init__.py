"""Read reports from disk: `.txt`, `.html`/`.htm`, `.jsonl` files and folders of them.

`read_paths(paths)` yields one `RawReport` per report and one `InputError` (yielded,
not raised) per input that cannot be read, so a caller goes on with the rest. Bytes
are decoded by `kg.read.decode` (UTF-8/16 and legacy Vietnamese encodings); pages are
reduced to their article by `kg.read.html`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.model import RawReport
from kg.read.decode import decode_bytes

__all__ = ["SUFFIXES", "decode_bytes", "read_file", "read_paths"]

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
_OPTIONAL_FIELDS = ("url", "title", "published")


def read_paths(paths: Iterable[str | Path]) -> Iterator[RawReport | InputError]:
    """Yield the reports in `paths` (files or folders), in order, with their errors.

    Folders are walked recursively in sorted order; hidden files, `*.gold.json` and
    unknown suffixes are skipped there. A report whose id was already read gives an
    `InputError` naming both sources. No input gives nothing. Example:
    `list(read_paths(["bao_cao/hoi_nghi.txt"]))` -> [RawReport(id="hoi_nghi", ...)].
    """
    first_source: dict[str, str] = {}
    for path in map(Path, paths):
        for item in _read_path(path):
            if isinstance(item, RawReport):
                if item.id in first_source:
                    yield InputError(item.source, f"duplicate report id {item.id!r}, "
                                                  f"already read from {first_source[item.id]}")
                    continue
                first_source[item.id] = item.source
            yield item


def read_file(path: Path) -> Iterator[RawReport | InputError]:
    """Yield the report(s) of one file by its suffix; an unknown suffix is an error."""
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as err:
        yield InputError(str(path), f"cannot be read ({err.strerror or err})")
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path, data)
        return
    try:
        text = decode_bytes(data, str(path))
    except InputError as err:
        yield err
        return
    if suffix == ".txt":
        report = RawReport(id=path.stem, text=text, source=str(path), format="txt")
    elif suffix in (".html", ".htm"):
        from kg.read.html import extract_article  # trafilatura is slow to import

        article = extract_article(text)
        report = RawReport(id=path.stem, text=article.text, source=str(path), url=article.url,
                           title=article.title, published=article.published, format="html")
    else:
        yield InputError(str(path), f"unsupported file type {suffix or '(none)'!r}; "
                                    f"expected one of {', '.join(SUFFIXES)}")
        return
    if not report.text.strip():
        yield InputError(str(path), "no text found")
        return
    yield report


def _read_path(path: Path) -> Iterator[RawReport | InputError]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path).parts
            if (any(part.startswith(".") for part in relative) or not child.is_file()
                    or child.name.endswith(".gold.json")
                    or child.suffix.lower() not in SUFFIXES):
                continue
            yield from read_file(child)
    elif path.exists():
        yield from read_file(path)
    else:
        yield InputError(str(path), "no such file or directory")


def _read_jsonl(path: Path, data: bytes) -> Iterator[RawReport | InputError]:
    try:
        text = decode_bytes(data, str(path))
    except InputError as err:
        yield err
        return
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}#{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(str(path), f"invalid JSON ({err.msg})", line=lineno)
            continue
        problem = _jsonl_problem(record)
        if problem:
            yield InputError(str(path), problem, line=lineno)
            continue
        yield RawReport(id=record["id"], text=record["text"], source=where,
                        url=record.get("url"), title=record.get("title"),
                        published=record.get("published"), format="jsonl")


def _jsonl_problem(record: object) -> str | None:
    if not isinstance(record, dict):
        return f"expected a JSON object, got {type(record).__name__}"
    for field in ("id", "text"):
        if field not in record:
            return f"missing field {field!r}"
        if not isinstance(record[field], str):
            return f"field {field!r} must be a string, got {type(record[field]).__name__}"
        if not record[field].strip():
            return f"field {field!r} is empty"
    for field in _OPTIONAL_FIELDS:
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            return f"field {field!r} must be a string or null, got {type(value).__name__}"
    return None
