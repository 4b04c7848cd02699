"""The inputs of the reports in a store, kept so a later build can process them again.

A report whose province rests on other reports is processed again when the graph
changes (kg.store.sightings.revisitable). Each input is a JSON file in
`{store}/sources/`, written atomically; removing a report removes its file.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from kg.fileio import write_text_atomic
from kg.model import RawReport
from kg.text import slug

_FOLDER = "sources"


def _path(store: Path, report_id: str) -> Path:
    return store / _FOLDER / f"{slug(report_id)}.json"


def save_source(store: Path, raw: RawReport) -> None:
    """Keep `raw` in the store folder `store`."""
    path = _path(store, raw.id)
    path.parent.mkdir(exist_ok=True)
    write_text_atomic(path, json.dumps(asdict(raw), ensure_ascii=False))


def load_sources(store: Path, report_ids: list[str]) -> list[RawReport]:
    """The kept inputs of `report_ids` (those with no file, e.g. from older builds, skipped)."""
    found = []
    for report_id in report_ids:
        path = _path(store, report_id)
        if path.is_file():
            found.append(RawReport(**json.loads(path.read_text(encoding="utf-8"))))
    return found


def remove_source(store: Path, report_id: str) -> None:
    _path(store, report_id).unlink(missing_ok=True)
