"""Time a whole build, and cross-report linking alone, as the corpus grows.

    python bench/build_speed.py [DIR] [--copies N ...]   (default: ../shared/corpus, 1 5 20)

Each copy of the corpus gets new report ids and a date shifted by one year per copy,
so every name recurs once a copy: the worst case for identity linking, where each
name has many sightings to compare. Prints reports, seconds and reports per second
for `kg.build` into a fresh store, then for `link_across` alone and for a second,
incremental build of one more copy into the filled store.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from kg.link.across import link_across
from kg.model import RawReport
from kg.pipeline import process_all, read_all, update
from kg.rdf.iri import Iris
from kg.store import opened

REPO = Path(__file__).resolve().parents[1]


def copies(raws: list[RawReport], n: int, start: int = 0) -> list[RawReport]:
    """`n` copies of `raws`, ids suffixed and years shifted, so no copy overlaps another."""
    out = []
    for k in range(start, start + n):
        for raw in raws:
            text = raw.text
            for year in range(2025, 2015, -1):
                text = text.replace(str(year), str(year + k))
            out.append(replace(raw, id=f"{raw.id}-c{k}", text=text))
    return out


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = REPO.parent / "shared" / "corpus"
    parser.add_argument("folder", nargs="?", default=str(default if default.is_dir()
                                                         else REPO / "examples"))
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 5, 20])
    args = parser.parse_args(argv)
    raws, errors = read_all([args.folder])
    for error in errors:
        print(f"skipped: {error}", file=sys.stderr)
    print(f"{'reports':>8} {'build s':>8} {'rep/s':>7} {'link s':>7} {'+1 copy s':>10}")
    iris = Iris()
    for n in args.copies:
        batch = copies(raws, n)
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            with opened(Path(tmp) / "store") as st:
                update(st, batch, iris)
            build_s = time.perf_counter() - t0
            reports, _ = process_all(batch)
            t1 = time.perf_counter()
            link_across(reports)
            link_s = time.perf_counter() - t1
            t2 = time.perf_counter()
            with opened(Path(tmp) / "store") as st:
                update(st, copies(raws, 1, start=n), iris)
            more_s = time.perf_counter() - t2
        print(f"{len(batch):>8} {build_s:>8.2f} {len(batch) / build_s:>7.0f} "
              f"{link_s:>7.2f} {more_s:>10.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
