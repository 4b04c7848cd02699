"""The officials of a linked report as `Sighting`s: what cross-report linking compares.

A sighting is one official of one report: the name, the day the report shows them
(`observed_on`) and their posts with jurisdictions. The store
gives the same records back for reports built earlier (kg.store.sightings).
"""

from __future__ import annotations

from kg.link.scope import is_national
from kg.model import Official, Post, Report, Sighting, sorted_posts
from kg.text import fold_tones, match_key


def observed_on(report: Report) -> str | None:
    """The day `report` shows its facts true: the main meeting's date, else publication.

    Only a full ISO day counts; a month or a day without a year gives None.
    """
    for meeting in report.meetings:
        if meeting.main and meeting.date and len(meeting.date) == 10 \
                and not meeting.date.startswith("--"):
            return meeting.date
    if report.published and len(report.published) == 10:
        return report.published
    return None


def posts_of(official: Official, report: Report) -> tuple[Post, ...]:
    """The posts `official` holds in `report`, each with its jurisdiction (None: national)."""
    where = official.province or (report.province.key if report.province else None)
    return tuple(make_post(title, where, report.doc.id) for title in official.titles)


def make_post(title: str, where: str | None, report_id: str) -> Post:
    """The post `title` in province `where` as report `report_id` shows it.

    A national title has no jurisdiction; a provincial one without a province is
    the report's own unplaced post.
    """
    if is_national(title):
        return Post(title, None, True)
    return Post(title, where) if where else Post(title, None, unplaced_in=report_id)


def sightings_of(report: Report) -> list[Sighting]:
    """One `Sighting` per official of `report`, in the report's order."""
    date = observed_on(report)
    # the name as the official's rdfs:label has it, so a sighting read back from the
    # store is the same record
    return [Sighting(report=report.doc.id, name=fold_tones(o.name), key=match_key(o.name),
                     date=date,
                     posts=sorted_posts(posts_of(o, report)), identity=o.identity)
            for o in report.officials]
