"""The `kg` command line: each command parses its options and calls the library.

No extraction, linking or SPARQL lives here; library errors (`KgError`) become a
one-line message on stderr and exit status 1, usage errors exit 2.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.errors import KgError
from kg.export import FORMATS, export, guess_format
from kg.rdf.iri import DEFAULT_BASE
from kg.store import DEFAULT_STORE, opened

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "show_default": True}
F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def store_option(fn: F) -> F:
    """`--store DIR`, shared by every command."""
    return click.option("--store", "store", default=DEFAULT_STORE, metavar="DIR",
                        type=click.Path(file_okay=False, path_type=Path),
                        help="Folder of the persistent graph store.")(fn)


def format_option(choices: Sequence[str], default: str | None, help_text: str
                  ) -> Callable[[F], F]:
    """`--format NAME` with the given choices."""
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default,
                        help=help_text)


def reports_errors(fn: F) -> F:
    """Turn a `KgError` raised by the library into a one-line message and exit 1."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KgError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
    return wrapper  # type: ignore[return-value]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _progress(items: Sequence[T]) -> Iterable[T]:
    """A progress bar on stderr when it is a terminal; silent when piped."""
    from tqdm import tqdm

    return tqdm(items, desc="reports", unit="report", disable=None, file=sys.stderr,
                dynamic_ncols=True)


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="kg")
def main() -> None:
    """Build, query, view and export a knowledge graph of Vietnamese provincial reports."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Also export the whole graph to this file (format from the suffix: "
                   + ", ".join(f.suffix for f in FORMATS.values()) + ").")
@click.option("--view", "view_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the HTML graph view to this file.")
@click.option("--base", default=DEFAULT_BASE, help="Base of the instance IRIs.")
@store_option
@reports_errors
def build(paths: tuple[Path, ...], output: Path | None, view_path: Path | None, base: str,
          store: Path) -> None:
    """Read reports (.txt, .html, .jsonl or folders) into the store.

    With no PATH, builds the sample reports shipped in examples/. Each report replaces
    its own named graph; exit status 0 only when every input was processed.

    Example:

    \b
        kg build
        kg build reports/ news.jsonl -o graph.ttl --view graph.html
    """
    from kg.pipeline import build as run_build

    result = run_build(list(paths) if paths else None, store=store, base=base,
                       progress=_progress)
    for error in result.errors:
        click.echo(f"Error: {error}", err=True)
    click.echo(f"store: {result.store} ({len(result.report_ids)} reports, "
               f"{result.quads} quads)")
    links = result.links
    click.echo(f"links: {_count(links.merges, 'merge')} across reports, "
               f"{_count(links.collisions, 'same-name collision')}, "
               f"{_count(links.successions, 'succession')}, "
               f"{_count(links.inferred, 'province')} inferred from officials")
    if output is not None:
        with opened(store) as st:
            count = export(st, output, guess_format(output))
        click.echo(f"export: {output} ({count} statements)")
    if view_path is not None:
        _write_view(store, view_path, focus=None, province=None)
        click.echo(f"view: {view_path}")
    if not result.ok:
        sys.exit(1)


@main.command()
@click.argument("query")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query parameter (repeatable).")
@format_option(("table", "csv", "json"), "table", "Output format.")
@store_option
@reports_errors
def query(query: str, params: tuple[str, ...], fmt: str, store: Path) -> None:
    """Run a named query (see `kg queries`) or a .rq file against the store.

    Example:

    \b
        kg query officials-of-province --param province="Hà Tĩnh"
        kg query my-query.rq --format csv
    """
    from kg.query import format_result, load_query, run_query

    bound = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        bound[name.strip()] = value
    named = load_query(query)
    with opened(store, create=False) as st:
        result = run_query(st.dataset, named, bound)
    click.echo(format_result(result, fmt))


@main.command()
@reports_errors
def queries() -> None:
    """List the named queries with their parameters.

    Example:

    \b
        kg queries
    """
    from kg.query import list_queries

    for q in list_queries():
        params = " ".join(f"--param {p}=..." for p in q.params)
        click.echo(f"{q.name}: {q.summary}" + (f"  [{params}]" if params else ""))


def _write_view(store: Path, path: Path, focus: str | None, province: str | None) -> None:
    from kg.fileio import write_text_atomic
    from kg.view import render_view

    with opened(store, create=False) as st:
        html = render_view(st.dataset, focus=focus, province=province)
    write_text_atomic(path, html)


@main.command()
@click.option("--focus", help="An official's or province's name (or IRI): show it and "
                              "its neighbourhood.")
@click.option("--province", help="Show only what concerns this province (and, for a "
                                 "province formed in 2025, the ones merged into it).")
@click.option("-o", "--output", default="kg-view.html",
              type=click.Path(dir_okay=False, path_type=Path), help="HTML file to write.")
@store_option
@reports_errors
def view(focus: str | None, province: str | None, output: Path, store: Path) -> None:
    """Write an interactive HTML view of the graph that opens offline.

    Example:

    \b
        kg view -o graph.html
        kg view --focus "Trần Minh Khoa" -o khoa.html
        kg view --province "Nghệ An"
    """
    _write_view(store, output, focus, province)
    click.echo(f"view: {output}")


@main.command(name="export")
@click.option("-o", "--output", required=True,
              type=click.Path(dir_okay=False, path_type=Path), help="File to write.")
@format_option(sorted(FORMATS), None, "RDF format (default: from the file suffix).")
@store_option
@reports_errors
def export_cmd(output: Path, fmt: str | None, store: Path) -> None:
    """Export the whole graph (Turtle, TriG, N-Triples, N-Quads or JSON-LD).

    Example:

    \b
        kg export -o graph.ttl
        kg export -o graph.data --format nq
    """
    chosen = FORMATS[fmt] if fmt else guess_format(output)
    with opened(store, create=False) as st:
        count = export(st, output, chosen)
    click.echo(f"export: {output} ({count} statements, {chosen.name})")


@main.command()
@click.argument("report_ids", nargs=-1, required=True)
@store_option
@reports_errors
def remove(report_ids: tuple[str, ...], store: Path) -> None:
    """Remove reports (by id) and everything they said from the store.

    The cross-report links (identities, post holdings, successions, inferred
    provinces) are then worked out again from the reports that remain.

    Example:

    \b
        kg remove ha-tinh-hoi-nghi-bch-2021
    """
    from kg.pipeline import remove as remove_reports

    missing = remove_reports(report_ids, store=store)
    for report_id in missing:
        click.echo(f"Error: no report {report_id!r} in {store}", err=True)
    click.echo(f"removed {len(report_ids) - len(missing)} report(s)")
    if missing:
        sys.exit(1)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@store_option
@reports_errors
def stats(as_json: bool, store: Path) -> None:
    """Print counts of what the store holds and what could not be resolved.

    Example:

    \b
        kg stats
        kg stats --json
    """
    from kg.stats import compute_stats, format_stats

    with opened(store, create=False) as st:
        figures = compute_stats(st)
    click.echo(json.dumps(figures, ensure_ascii=False, indent=2) if as_json
               else format_stats(figures))


@main.command()
@store_option
@reports_errors
def validate(store: Path) -> None:
    """Check the graph against the SHACL shapes in ontology/shapes.ttl.

    Exit status 1 when it does not conform, with one line per problem.

    Example:

    \b
        kg validate
    """
    from kg.validate import validate_store

    with opened(store, create=False) as st:
        report = validate_store(st)
    if report.conforms:
        click.echo("conforms: the graph satisfies every shape")
        return
    for line in report.problems:
        click.echo(line)
    click.echo(f"{len(report.problems)} problem(s)", err=True)
    sys.exit(1)


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--misses/--no-misses", default=True, help="List misses and false hits.")
@reports_errors
def eval_cmd(gold_dir: Path, as_json: bool, misses: bool) -> None:
    """Compare extraction with the gold annotations (*.gold.json) in GOLD_DIR.

    Prints precision, recall and F1 per kind of fact, province accuracy, the linking
    check (same_as.json), then the misses and false hits. A gold's `source` URL is
    given to its report as the report's URL, as a JSONL `url` would be.

    Example:

    \b
        kg eval ../shared/corpus
    """
    from kg.evaluate import evaluate_dir, format_evaluation

    evaluation = evaluate_dir(gold_dir, progress=_progress)
    if as_json:
        click.echo(json.dumps(evaluation.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_evaluation(evaluation, misses=misses))


@main.command()
@click.option("--host", default="127.0.0.1", help="Address to listen on.")
@click.option("--port", default=8765, type=click.IntRange(0, 65535), help="Port.")
@store_option
@reports_errors
def serve(host: str, port: int, store: Path) -> None:
    """Serve the HTML view and a read-only SPARQL endpoint over the store.

    Example:

    \b
        kg serve --port 8765
    """
    from kg.serve import serve_store

    serve_store(store, host=host, port=port,
                announce=lambda url: click.echo(f"serving {store} at {url} (Ctrl-C stops)"))
