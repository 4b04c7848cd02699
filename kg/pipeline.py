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

from rdflib import RDF

from kg.clean import clean
from kg.errors import InputError, KgError
from kg.extract import extract
from kg.link.across import link_across
from kg.link.within import link_report
from kg.model import RawReport, Report
from kg.rdf.gazetteer import map_gazetteer
from kg.rdf.iri import DEFAULT_BASE, Iris
from kg.rdf.links import map_links
from kg.rdf.map import map_report
from kg.rdf.vocab import VNKG
from kg.read import read_paths
from kg.store import DEFAULT_STORE, Store, opened
from kg.store.sightings import read_sightings, revisitable
from kg.store.sources import load_sources, remove_source, save_source

T = TypeVar("T")
Progress = Callable[[Sequence[T]], Iterable[T]]


@dataclass(frozen=True)
class LinkSummary:
    """What cross-report linking found over the whole store after an update."""

    merges: int = 0                   # sightings joined to an official of another report
    collisions: int = 0               # pairs of officials kept apart despite one name
    successions: int = 0
    inferred: int = 0                 # reports placed in a province by their officials


@dataclass(frozen=True)
class BuildResult:
    """What a build did: the ids stored, the errors met, the store's size and links after."""

    store: Path
    report_ids: tuple[str, ...]
    errors: tuple[KgError, ...]
    quads: int
    links: LinkSummary = LinkSummary()

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
    and not among the inputs are kept, and linked with the new ones.
    """
    raws, errors = read_all(sample_paths() if paths is None else paths)
    with opened(store) as st:
        built, failed, links = update(st, raws, Iris(base), progress)
        quads = st.quad_count()
    return BuildResult(Path(store), built, (*errors, *failed), quads, links)


def remove(report_ids: Iterable[str], *, store: str | Path = DEFAULT_STORE,
           base: str = DEFAULT_BASE) -> list[str]:
    """Remove reports from the store at `store` and re-link the rest; return ids not found."""
    iris = Iris(base)
    missing = []
    with opened(store, create=False) as st:
        for report_id in report_ids:
            if st.remove_graph(iris.report(report_id)):
                remove_source(st.path, report_id)
            else:
                missing.append(report_id)
        update(st, [], iris)
    return missing


def _province_of(report: Report) -> tuple[str | None, str]:
    p = report.province
    return (p.key, p.basis) if p else (None, "")


def update(st: Store, raws: Sequence[RawReport], iris: Iris,
           progress: Progress[RawReport] | None = None
           ) -> tuple[tuple[str, ...], list[KgError], LinkSummary]:
    """Process `raws` into the open store `st` and re-link everything stored.

    Reports already stored whose province rests on other reports (or is unknown) are
    processed again from their kept inputs, so their province follows the graph.
    Returns the ids of `raws` stored, the errors met and what linking found.
    """
    fresh = {raw.id for raw in raws}
    unsettled = revisitable(st, iris)
    again = [raw for raw in load_sources(st.path, list(unsettled)) if raw.id not in fresh]
    reports, errors = process_all([*raws, *again], progress)
    rebuilt = {r.doc.id for r in reports}
    old = read_sightings(st, iris)
    linked = link_across(reports, [s for s in old if s.report not in rebuilt],
                         {(s.report, s.key): s.identity for s in old if s.report in rebuilt})
    st.replace_graph(iris.graph("gazetteer"), map_gazetteer(iris))
    by_id = {raw.id: raw for raw in raws}
    for report in linked.reports:
        rid = report.doc.id
        if rid in by_id:
            save_source(st.path, by_id[rid])
        elif unsettled.get(rid) == _province_of(report):
            continue                          # processed again, and nothing changed
        st.replace_graph(iris.report(rid), map_report(report, iris))
    links = map_links(linked.sightings, linked.identities, iris)
    st.replace_graph(iris.graph("links"), links)
    summary = LinkSummary(
        merges=len(linked.identities.links),
        collisions=len(linked.identities.collisions),
        successions=sum(1 for _ in links.subjects(RDF.type, VNKG.Succession)),
        inferred=sum(1 for r in linked.reports if r.province and r.province.evidence == "official"))
    return tuple(r.doc.id for r in reports if r.doc.id in fresh), errors, summary
