"""Evaluate a folder end to end: read its reports, run the pipeline, score them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from kg.evaluate.gold import load_golds, load_same_as
from kg.evaluate.linking import Identity
from kg.evaluate.score import Evaluation, score
from kg.model import RawReport, Report
from kg.rdf.map import official_key
from kg.text import match_key

Progress = Callable[[Sequence[RawReport]], Iterable[RawReport]]


def evaluate_dir(folder: str | Path, *, identity: Identity | None = None,
                 progress: Progress | None = None) -> Evaluation:
    """Process every report in `folder` and score it against the `*.gold.json` there.

    A gold's `source`, when it is a URL, is the report's URL (as a JSONL `url` would
    be): .txt files carry none, and the site is part of the input, not the answer.
    Reports that fail are listed in `Evaluation.errors` and their golds count as
    missed. Reports are linked across the folder as `kg build` links them; the linking
    check runs when the folder has a `same_as.json`, with `identity` defaulting to the
    identity cross-report linking gave each person. A folder without golds gives an
    Evaluation of zero reports.
    Example: `evaluate_dir("corpus/")` on "d04.txt" + "d04.gold.json".
    """
    from kg.link.across import link_across
    from kg.pipeline import process_all, read_all

    golds = load_golds(folder)
    raws, read_errors = read_all([Path(folder)])
    raws = [_with_url(raw, golds) for raw in raws]
    reports, process_errors = process_all(raws, progress)
    linked = link_across(reports)
    evaluation = score(golds, linked.reports, identity=identity or _identities(linked.reports),
                       same_as=load_same_as(folder))
    errors = tuple(str(e) for e in (*read_errors, *process_errors))
    return replace(evaluation, errors=errors) if errors else evaluation


def _with_url(raw: RawReport, golds: Sequence[dict[str, Any]]) -> RawReport:
    source = next((g.get("source") for g in golds if g.get("id") == raw.id), None)
    if raw.url or not isinstance(source, str) or not source.startswith(("http://", "https://")):
        return raw
    return replace(raw, url=source)


def _identities(reports: Sequence[Report]) -> Identity:
    """`identity(report id, name)`: the IRI key linking gave that person, or None."""
    keys = {(r.doc.id, match_key(o.name)): official_key(o) for r in reports for o in r.officials}
    return lambda report_id, name: keys.get((report_id, match_key(name)))
