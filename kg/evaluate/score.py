"""Score extracted `Report`s against gold annotations: P/R/F1 per row, misses, hits.

Every row compares two sets of keys per report (gold vs predicted), and the counts are
summed over reports before dividing (micro-average). Names, titles and numbers are
compared by `kg.text.match_key` (case, spacing and tone placement do not matter).
Reports pair with golds by id (`report.doc.id == gold["id"]`); a gold without a report
counts every item as missed, a report without a gold is left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from kg.evaluate.linking import Identity, Linking, check_linking
from kg.evaluate.snippets import find, snippet
from kg.model import Report, Span
from kg.text import match_key

ROWS = ("officials", "official titles", "chairs", "directive numbers", "directive types",
        "implements", "meeting dates", "authors")

# key -> (printed value, span in the report text or None)
_Found = dict[Any, tuple[str, Span | None]]

@dataclass(frozen=True)
class Row:
    """Counts for one row; precision is 1.0 only when nothing was predicted or missed."""

    name: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float(self.fp == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

@dataclass(frozen=True)
class Accuracy:
    """Share of reports whose province is right (null gold: right iff none predicted)."""

    correct: int
    total: int

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 1.0

@dataclass(frozen=True)
class Item:
    """One miss (in gold, not predicted) or false hit (predicted, not in gold)."""

    row: str
    report: str
    kind: str                        # "miss" | "false hit"
    value: str
    snippet: str                     # "" when the text has no trace of it

@dataclass(frozen=True)
class Evaluation:
    """The result of `score`: rows in `ROWS` order, province accuracy, misses, linking."""

    reports: int
    rows: tuple[Row, ...]
    province: Accuracy
    items: tuple[Item, ...]
    missing_reports: tuple[str, ...] = ()     # golds without a report
    extra_reports: tuple[str, ...] = ()       # reports without a gold
    linking: Linking | None = None
    errors: tuple[str, ...] = ()              # reports that could not be read or processed

    def row(self, name: str) -> Row:
        """Return the row called `name` (one of `ROWS`)."""
        return next(r for r in self.rows if r.name == name)

    def to_dict(self) -> dict[str, Any]:
        """Return plain JSON-ready data: figures rounded to 4 places, items as dicts."""
        return {
            "reports": self.reports,
            "rows": [{"row": r.name, "precision": round(r.precision, 4),
                      "recall": round(r.recall, 4), "f1": round(r.f1, 4),
                      "tp": r.tp, "fp": r.fp, "fn": r.fn} for r in self.rows],
            "province": {"accuracy": round(self.province.value, 4),
                         "correct": self.province.correct, "total": self.province.total},
            "linking": self.linking.to_dict() if self.linking else None,
            "items": [asdict(i) for i in self.items],
            "missing_reports": list(self.missing_reports),
            "extra_reports": list(self.extra_reports),
            "errors": list(self.errors),
        }

def score(golds: Sequence[Mapping[str, Any]], reports: Sequence[Report], *,
          identity: Identity | None = None,
          same_as: Sequence[Sequence[tuple[str, str]]] | None = None) -> Evaluation:
    """Compare `reports` with `golds` (FORMAT.md dicts) and return the `Evaluation`.

    Spans of false hits are offsets into `report.doc.text`; misses show the first place
    the gold string occurs there. With both `identity(report_id, name) -> IRI` and the
    `same_as` groups, the linking of people across reports is checked too. No golds
    give an Evaluation with zero counts. Example: gold official "Nguyễn Văn An" and a
    predicted "NGUYỄN VĂN AN" count as one true positive.
    """
    by_id = {r.doc.id: r for r in reports}
    counts = {name: [0, 0, 0] for name in ROWS}
    items: list[Item] = []
    correct = 0
    for gold in golds:
        report = by_id.get(str(gold["id"]))
        for name, (gold_set, pred_set) in _compare(gold, report).items():
            tally = counts[name]
            tally[0] += len(gold_set.keys() & pred_set.keys())
            for key in sorted(pred_set.keys() - gold_set.keys(), key=str):
                tally[1] += 1
                items.append(_item(name, gold, report, "false hit", *pred_set[key]))
            for key in sorted(gold_set.keys() - pred_set.keys(), key=str):
                tally[2] += 1
                value = gold_set[key][0]
                span = _locate(report, gold_set[key])
                items.append(_item(name, gold, report, "miss", value, span))
        if _province_right(gold, report):
            correct += 1
        else:
            items.append(_province_item(gold, report))
    gold_ids = {str(g["id"]) for g in golds}
    order = {name: i for i, name in enumerate((*ROWS, "province"))}
    items.sort(key=lambda i: (order[i.row], i.report, i.kind != "miss", i.value))
    linking = None
    if identity is not None and same_as is not None:
        linking = check_linking(golds, identity, same_as)
    return Evaluation(
        reports=len(golds),
        rows=tuple(Row(name, *counts[name]) for name in ROWS),
        province=Accuracy(correct, len(golds)),
        items=tuple(items),
        missing_reports=tuple(sorted(gold_ids - by_id.keys())),
        extra_reports=tuple(sorted(by_id.keys() - gold_ids)),
        linking=linking,
    )

def _compare(gold: Mapping[str, Any], report: Report | None) -> dict[str, tuple[_Found, _Found]]:
    return {
        "officials": (_gold_officials(gold), _pred_officials(report)),
        "official titles": (_gold_titles(gold), _pred_titles(report)),
        "chairs": (_gold_chairs(gold), _pred_chairs(report)),
        "directive numbers": _directives(gold, report, None),
        "directive types": _directives(gold, report, "type"),
        "implements": _directives(gold, report, "implements"),
        "meeting dates": (_gold_dates(gold), _pred_dates(report)),
        "authors": (_names(gold.get("authors") or ()), _pred_authors(report)),
    }

def _names(names: Iterable[str]) -> _Found:
    return {match_key(n): (n, None) for n in names if n and n.strip()}

def _gold_officials(gold: Mapping[str, Any]) -> _Found:
    return _names(o["name"] for o in gold.get("officials") or ())

def _pred_officials(report: Report | None) -> _Found:
    if report is None:
        return {}
    return {match_key(o.name): (o.name, o.spans[0] if o.spans else None)
            for o in report.officials}

def _gold_titles(gold: Mapping[str, Any]) -> _Found:
    return {(match_key(o["name"]), match_key(t)): (f"{o['name']} — {t}", None)
            for o in gold.get("officials") or () for t in o.get("positions") or ()}

def _pred_titles(report: Report | None) -> _Found:
    if report is None:
        return {}
    return {(match_key(o.name), match_key(t)): (f"{o.name} — {t}",
                                                o.spans[0] if o.spans else None)
            for o in report.officials for t in o.titles}

def _gold_chairs(gold: Mapping[str, Any]) -> _Found:
    return _names(c for m in gold.get("meetings") or () for c in m.get("chairs") or ())

def _pred_chairs(report: Report | None) -> _Found:
    if report is None:
        return {}
    spans = {match_key(o.name): o.spans[0] for o in report.officials if o.spans}
    found: _Found = {}
    for meeting in report.meetings:
        if meeting.main:
            for chair in meeting.chairs:
                found.setdefault(match_key(chair),
                                 (chair, spans.get(match_key(chair), meeting.span)))
    return found

def _directives(gold: Mapping[str, Any], report: Report | None,
                field: str | None) -> tuple[_Found, _Found]:
    entries = [d for d in gold.get("directives") or () if d.get("number")]
    untyped = {match_key(d["number"]) for d in entries if field and not d.get(field)}
    gold_set: _Found = {}
    for d in entries:
        if field is None:
            gold_set[match_key(d["number"])] = (d["number"], None)
        elif d.get(field):
            key = (match_key(d["number"]), match_key(d[field]))
            gold_set[key] = (f"{d['number']} — {d[field]}", None)
    pred_set: _Found = {}
    for d in report.directives if report else ():
        extra = {None: None, "type": d.doc_type, "implements": d.implements}[field]
        number = match_key(d.number)
        if field is None:
            pred_set.setdefault(number, (d.number, d.span))
        elif extra and number not in untyped:
            pred_set.setdefault((number, match_key(extra)), (f"{d.number} — {extra}", d.span))
    return gold_set, pred_set

def _gold_dates(gold: Mapping[str, Any]) -> _Found:
    return {m["date"]: (m["date"], None) for m in gold.get("meetings") or () if m.get("date")}

def _pred_dates(report: Report | None) -> _Found:
    if report is None:
        return {}
    return {m.date: (m.date, m.date_span or m.span)
            for m in report.meetings if m.main and m.date}

def _pred_authors(report: Report | None) -> _Found:
    if report is None:
        return {}
    return {match_key(a): (a, find(report.doc, a)) for a in report.authors}

def _locate(report: Report | None, found: tuple[str, Span | None]) -> Span | None:
    if report is None:
        return None
    value = found[0].split(" — ")[0]
    return find(report.doc, value)

def _item(row: str, gold: Mapping[str, Any], report: Report | None, kind: str,
          value: str, span: Span | None) -> Item:
    text = snippet(report.doc.text, *span) if report is not None and span else ""
    return Item(row=row, report=str(gold["id"]), kind=kind, value=value, snippet=text)

def _province_item(gold: Mapping[str, Any], report: Report | None) -> Item:
    expected = gold.get("province") or None
    predicted = report.province.name if report is not None and report.province else None
    kind = "miss" if expected else "false hit"
    span = find(report.doc, expected) if report is not None and expected else None
    value = f"{expected or 'none'} (got {predicted or 'none'})"
    return _item("province", gold, report, kind, value, span)


def _province_right(gold: Mapping[str, Any], report: Report | None) -> bool:
    expected = gold.get("province")
    predicted = report.province.name if report is not None and report.province else None
    if not expected:
        return predicted is None
    return predicted is not None and match_key(predicted) == match_key(expected)
