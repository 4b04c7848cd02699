"""kg: a knowledge graph of Vietnamese provincial Party and government meeting reports.

    import kg
    result = kg.build(["reports/"], store="kg-store")
    with kg.open_store("kg-store") as store:
        ...

The flow is read -> clean -> extract -> link -> map -> store -> query/view/export, one
package per stage (kg.read, kg.clean, kg.extract, kg.link, kg.rdf, kg.store, kg.query,
kg.view, kg.export).
"""

from kg.errors import KgError
from kg.model import CleanDoc, Mention, Report
from kg.pipeline import build, process, remove
from kg.store import open_store

__all__ = ["build", "process", "remove", "open_store", "CleanDoc", "Mention", "Report",
           "KgError"]
