"""The flow of DESIGN.md in one place: read -> clean -> extract -> link -> map -> store.

`build(paths, store=...)` is what `kg build` calls; `process(raw)` turns one report
into its linked facts and is what `kg eval` and the benchmarks call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TypeVar

from kg.clean import clean
from kg.errors import InputError, KgError
from kg.extract import extract
from kg.link.across import infer_provinces
from kg.link.within import link_report
from kg.model import RawReport, Report
from kg.rdf.gazetteer import map_gazetteer
from kg.rdf.iri import DEFAULT_BASE, Iris
from kg.rdf.map import map_report
from kg.read import read_paths
from kg.store import DEFAULT_STORE, opened

T = TypeVar("T")
Progress = Callable[[Sequence[T]], Iterable[T]]


@dataclass(frozen=True)
class BuildResult:
    """What a build did: the ids stored, the errors met, and the store's size after."""

    store: Path
    report_ids: tuple[str, ...]
    errors: tuple[KgError, ...]
    quads: int

    @property
    def ok(self) -> bool:
        return not self.errors


def sample_paths() -> list[Path]:
    """The bundled sample reports (`examples/`), built when no path is given."""
    return [Path(str(resources.files("kg.examples")))]


def process(raw: RawReport) -> Report:
    """Clean, extract and link one report."""
    doc = clean(raw)
    return link_report(doc, extract(doc))


def read_all(paths: Iterable[str | Path]) -> tuple[list[RawReport], list[KgError]]:
    """Read every input; return the reports and the errors met (in input order)."""
    reports: list[RawReport] = []
    errors: list[KgError] = []
    for item in read_paths(paths):
        (errors if isinstance(item, KgError) else reports).append(item)  # type: ignore[arg-type]
    return reports, errors


def process_all(raws: Sequence[RawReport], progress: Progress[RawReport] | None = None
                ) -> tuple[list[Report], list[KgError]]:
    """Process every report; a report that fails is an error, the others go on."""
    reports: list[Report] = []
    errors: list[KgError] = []
    for raw in (progress(raws) if progress else raws):
        try:
            reports.append(process(raw))
        except KgError as exc:
            errors.append(exc)
        except Exception as exc:  # noqa: BLE001 - one bad report must not stop the others
            errors.append(InputError(raw.source, f"could not be processed "
                                                 f"({type(exc).__name__}: {exc})"))
    return reports, errors


def build(paths: Iterable[str | Path] | None = None, *, store: str | Path = DEFAULT_STORE,
          base: str = DEFAULT_BASE, progress: Progress[RawReport] | None = None
          ) -> BuildResult:
    """Build the reports under `paths` (default: the sample) into the store at `store`.

    Each report replaces its own named graph atomically; reports already in the store
    and not among the inputs are kept.
    """
    raws, errors = read_all(sample_paths() if paths is None else paths)
    reports, failed = process_all(raws, progress)
    reports = infer_provinces(reports)
    errors.extend(failed)
    iris = Iris(base)
    with opened(store) as st:
        st.replace_graph(iris.graph("gazetteer"), map_gazetteer(iris))
        for report in reports:
            st.replace_graph(iris.report(report.doc.id), map_report(report, iris))
        quads = st.quad_count()
    return BuildResult(Path(store), tuple(r.doc.id for r in reports), tuple(errors), quads)
