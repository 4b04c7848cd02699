"""Print an `Evaluation` as a fixed-width table followed by the misses list."""

from __future__ import annotations

from kg.evaluate.score import Evaluation

_HEADER = f"{'row':<18} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"


def format_evaluation(ev: Evaluation, *, misses: bool = True) -> str:
    """Return the table (row, P, R, F1, tp/fp/fn), the linking check, then the misses.

    `misses=False` leaves out the list. Misses and false hits come in row order, then report id, misses first. An
    evaluation of no reports prints the table with zeros. Example line:
    "chairs  0.900  0.818  0.857  9  1  2".
    """
    lines = [f"{ev.reports} report(s) scored", _HEADER, "-" * len(_HEADER)]
    for row in ev.rows:
        lines.append(f"{row.name:<18} {row.precision:>6.3f} {row.recall:>6.3f} "
                     f"{row.f1:>6.3f} {row.tp:>5} {row.fp:>5} {row.fn:>5}")
    province = ev.province
    lines.append(f"{'province':<18} accuracy {province.value:.3f} "
                 f"({province.correct}/{province.total})")
    if ev.missing_reports:
        lines.append(f"golds without a report: {', '.join(ev.missing_reports)}")
    if ev.extra_reports:
        lines.append(f"reports without a gold (not scored): {', '.join(ev.extra_reports)}")
    for error in ev.errors:
        lines.append(f"error: {error}")
    if ev.linking is not None:
        link = ev.linking
        lines.append("")
        lines.append(f"linking: {link.linked}/{link.groups} same-as groups fully linked; "
                     f"{len(link.false_merges)} pair(s) of distinct people share an identity")
        for group in link.unlinked:
            lines.append("  not linked: " + " = ".join(f"{r}:{n}" for r, n in group))
        for a, b in link.false_merges:
            lines.append(f"  merged: {a[0]}:{a[1]} + {b[0]}:{b[1]}")
    if misses and ev.items:
        lines.append("")
        lines.append("misses and false hits")
        current = None
        for item in ev.items:
            if item.row != current:
                current = item.row
                lines.append(f"[{current}]")
            kind = "MISS" if item.kind == "miss" else "FALSE"
            text = f"  {kind:<5} {item.report}  {item.value}"
            if item.snippet:
                text += f"  | {item.snippet}"
            lines.append(text)
    return "\n".join(lines)
