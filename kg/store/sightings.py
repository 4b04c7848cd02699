"""Read back from the store what cross-report linking needs about reports built before.

`read_sightings` gives one `Sighting` per official per report graph (name, posts with
jurisdictions, observation day, the identity its IRI carries),
so a build links new reports with old ones without reading old inputs again.
`revisitable` names the reports whose province rests on other reports (evidence
"official") or is unknown: a build processes them again, so that their province is
re-evaluated against the graph as it now is.
"""

from __future__ import annotations

from collections import defaultdict

from kg.link.sightings import make_post
from kg.model import Sighting, sorted_posts
from kg.rdf.iri import Iris
from kg.rdf.vocab import VNKG
from kg.store import Store
from kg.text import match_key

_V = f"<{VNKG._NS}>"
_SIGHTINGS = f"""
PREFIX vnkg: {_V}
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?g ?id ?official ?label ?title ?jurisdiction ?observed WHERE {{
  GRAPH ?g {{
    ?report a vnkg:Report ; dcterms:identifier ?id ; vnkg:mentions ?official .
    ?official a vnkg:Official ; rdfs:label ?label .
    OPTIONAL {{
      ?tenure vnkg:official ?official ; vnkg:source ?report ; vnkg:position ?position .
      ?position vnkg:title ?title .
      OPTIONAL {{ ?position vnkg:jurisdiction ?jurisdiction }}
      OPTIONAL {{ ?tenure vnkg:observedOn ?observed }}
    }}
  }}
}}"""
_REVISIT = f"""
PREFIX vnkg: {_V}
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?id ?about ?basis WHERE {{
  GRAPH ?g {{
    ?report a vnkg:Report ; dcterms:identifier ?id .
    OPTIONAL {{ ?report vnkg:provinceEvidence ?evidence }}
    OPTIONAL {{ ?report vnkg:about ?about }}
    OPTIONAL {{ ?report vnkg:provinceBasis ?basis }}
  }}
  FILTER (!BOUND(?evidence) || ?evidence = "official")
}}"""


def read_sightings(store: Store, iris: Iris) -> list[Sighting]:
    """Every official of every report graph in `store`, as sightings (sorted)."""
    officials_base = str(iris.official(""))
    provinces_base = str(iris.province(""))
    facts: dict[tuple[str, str], dict] = {}
    posts: dict[tuple[str, str], dict[tuple[str, str | None], None]] = defaultdict(dict)
    for row in store.ox.query(_SIGHTINGS):
        official = row["official"].value
        if not official.startswith(officials_base):
            continue                          # built under another --base
        key = (row["id"].value, official)
        facts.setdefault(key, {
            "label": row["label"].value,
            "date": None,
            "identity": official[len(officials_base):],
        })
        if row["observed"] is not None:
            facts[key]["date"] = row["observed"].value
        if row["title"] is not None:
            jurisdiction = row["jurisdiction"]
            posts[key][(row["title"].value,
                        _tail(jurisdiction.value, provinces_base) if jurisdiction else None)] = None
    out = []
    for (report, _), f in sorted(facts.items()):
        held = sorted_posts(make_post(title, where, report)
                            for title, where in posts[(report, _)])
        out.append(Sighting(report=report, name=f["label"], key=match_key(f["label"]),
                            date=f["date"], posts=held, identity=f["identity"]))
    return out


def revisitable(store: Store, iris: Iris) -> dict[str, tuple[str | None, str]]:
    """Stored reports whose province is inferred from officials or unknown.

    Maps each id to its province key (None when unknown) and the basis given for it,
    so a build can tell whether processing it again changed anything.
    """
    provinces_base = str(iris.province(""))
    found = {}
    for row in store.ox.query(_REVISIT):
        about, basis = row["about"], row["basis"]
        found[row["id"].value] = (_tail(about.value, provinces_base) if about else None,
                                  basis.value if basis else "")
    return dict(sorted(found.items()))


def _tail(iri: str, base: str) -> str | None:
    return iri[len(base):] if iri.startswith(base) else None

