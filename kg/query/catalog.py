"""The catalogue of named SPARQL queries: read `queries/*.rq` and their headers.

Every `.rq` file opens with a block of comment lines in a fixed format:

    # officials-of-province: Officials of a province with their titles.
    # param province: province name (e.g. "Hà Tĩnh") — matched on rdfs:label / altLabel
    # returns: official, name, title, position
    # (any other comment lines: more description)

A parameter NAME is bound to the SPARQL variable `?NAME` when the query runs, and
the SELECT must project `?NAME` (see `kg.query.run`). The files ship inside the package as `kg.queries`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kg.errors import QueryError

_NAME_LINE = re.compile(r"#\s*([A-Za-z0-9_.-]+)\s*:\s*(.*)")
_PARAM_LINE = re.compile(r"#\s*param\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*)")
_RETURNS_LINE = re.compile(r"#\s*returns\s*:\s*(.*)")


@dataclass(frozen=True)
class Param:
    """One declared parameter: bound to the variable `?{name}`."""

    name: str
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query with the facts its header declares; `text` is the whole file."""

    name: str
    summary: str
    params: tuple[Param, ...]
    text: str
    returns: tuple[str, ...] = ()
    description: str = ""
    source: str = ""                 # the file it came from ("" for inline text)

    @property
    def param_names(self) -> tuple[str, ...]:
        """The declared parameter names, in header order."""
        return tuple(p.name for p in self.params)


def parse_query(text: str, *, name: str = "query", source: str = "") -> NamedQuery:
    """Return the `NamedQuery` of SPARQL `text`, reading its header comments.

    A text without a header gets `name` and no parameters. Example: the text
    "# holders-of-title: Ai giữ chức danh\\n# param title: chức danh\\nSELECT ..."
    gives `NamedQuery(name="holders-of-title", params=(Param("title", "chức danh"),), ...)`.
    """
    summary, extra = "", []
    params: list[Param] = []
    returns: tuple[str, ...] = ()
    for index, raw in enumerate(text.splitlines()):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        if m := _PARAM_LINE.fullmatch(line):
            params.append(Param(m.group(1), m.group(2).strip()))
        elif m := _RETURNS_LINE.fullmatch(line):
            returns = tuple(v.strip() for v in m.group(1).split(",") if v.strip())
        elif index == 0 and (m := _NAME_LINE.fullmatch(line)):
            name, summary = m.group(1), m.group(2).strip()
        else:
            extra.append(line.lstrip("#").strip())
    seen = [p.name for p in params]
    if len(set(seen)) != len(seen):
        raise QueryError(f"{source or name}: a parameter is declared twice: {', '.join(seen)}")
    return NamedQuery(name=name, summary=summary, params=tuple(params), text=text,
                      returns=returns, description=" ".join(e for e in extra if e),
                      source=source)


def list_queries() -> list[NamedQuery]:
    """Return every named query shipped in `kg.queries`, sorted by name; [] if none."""
    folder = resources.files("kg.queries")
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".rq"):
            text = entry.read_text(encoding="utf-8")
            found.append(parse_query(text, name=entry.name[:-3], source=str(entry)))
    return sorted(found, key=lambda q: q.name)


def load_query(name_or_path: str | Path) -> NamedQuery:
    """Return the query called `name_or_path`, or read it from that `.rq` file.

    A bare name ("officials-of-province") is looked up among `list_queries()`; an
    unknown name raises `QueryError` naming the closest ones. Example:
    `load_query("holders-of-title")` then binds `title="Bí thư Tỉnh ủy"`.
    """
    text = str(name_or_path)
    looks_like_path = isinstance(name_or_path, Path) or text.endswith(".rq") or "/" in text \
        or "\\" in text
    if looks_like_path:
        path = Path(text)
        try:
            body = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise QueryError(f"{path}: no such query file") from None
        except (OSError, UnicodeDecodeError) as error:
            raise QueryError(f"{path}: cannot read the query file ({error})") from None
        return parse_query(body, name=path.stem, source=str(path))
    queries = {q.name: q for q in list_queries()}
    if text in queries:
        return queries[text]
    close = difflib.get_close_matches(text, list(queries), n=3, cutoff=0.4)
    hint = f"did you mean {', '.join(close)}?" if close else \
        f"available: {', '.join(sorted(queries))}"
    raise QueryError(f"unknown query {text!r}; {hint}")
