"""Time cleaning + extraction + within-report linking per report.

    python bench/extract_speed.py [DIR ...]     (default: ../shared/corpus, else examples/)

Prints, per stage and in total, the median and 90th percentile time per report and
per 6 KB of text, on one core, after one warm-up pass.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from kg.clean import clean
from kg.extract import extract
from kg.link.within import link_report
from kg.pipeline import read_all

REPO = Path(__file__).resolve().parents[1]
REPEAT = 20


def main(argv: list[str]) -> None:
    default = REPO.parent / "shared" / "corpus"
    paths = argv or [str(default if default.is_dir() else REPO / "examples")]
    raws, errors = read_all(paths)
    for error in errors:
        print(f"skipped: {error}", file=sys.stderr)
    timings: dict[str, list[float]] = {"clean": [], "extract": [], "link": [], "total": []}
    sizes = []
    for raw in raws:
        doc = clean(raw)
        link_report(doc, extract(doc))  # warm-up: caches, compiled patterns
        best = {k: float("inf") for k in timings}
        for _ in range(REPEAT):
            t0 = time.perf_counter()
            doc = clean(raw)
            t1 = time.perf_counter()
            mentions = extract(doc)
            t2 = time.perf_counter()
            link_report(doc, mentions)
            t3 = time.perf_counter()
            for key, value in (("clean", t1 - t0), ("extract", t2 - t1), ("link", t3 - t2),
                               ("total", t3 - t0)):
                best[key] = min(best[key], value)
        for key in timings:
            timings[key].append(best[key])
        sizes.append(len(raw.text.encode("utf-8")))
    total_kb = sum(sizes) / 1024
    print(f"{len(raws)} reports, {total_kb:.0f} KB, median {statistics.median(sizes)/1024:.1f} KB")
    print(f"{'stage':<8} {'median ms':>10} {'p90 ms':>8} {'ms per 6 KB':>12}")
    for key, values in timings.items():
        ordered = sorted(values)
        p90 = ordered[int(0.9 * (len(ordered) - 1))]
        per6 = sum(values) * 1000 / total_kb * 6
        print(f"{key:<8} {statistics.median(values)*1000:>10.2f} {p90*1000:>8.2f} {per6:>12.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
