"""Evaluation against gold annotations (`kg eval GOLD_DIR`).

    ev = evaluate_dir("corpus/")      # read, process and score a folder; or by hand:
    golds = load_golds("corpus/")
    ev = score(golds, reports, identity=..., same_as=load_same_as("corpus/"))
    print(format_evaluation(ev))      # or json.dumps(ev.to_dict())

Gold format: FORMAT.md beside the corpus. Rows are micro-averaged over reports.
"""

from kg.evaluate.folder import evaluate_dir
from kg.evaluate.gold import load_golds, load_same_as
from kg.evaluate.linking import Identity, Linking, check_linking
from kg.evaluate.output import format_evaluation
from kg.evaluate.score import ROWS, Accuracy, Evaluation, Item, Row, score

__all__ = [
    "ROWS", "Accuracy", "Evaluation", "Identity", "Item", "Linking", "Row", "check_linking",
    "evaluate_dir", "format_evaluation", "load_golds", "load_same_as", "score",
]
