"""The grounding check's tuning set: what rules and thresholds are chosen on, kept apart from the benchmark.

    PYTHONPATH=functions:. .venv/bin/python -m training.grounding_tuning [--failures]

The benchmark (``benchmarks/grounding.py``) measures on the dev articles' highlights and CoGenSumm's
``test`` half; nothing is chosen by looking at those. This set is made the same way from what the model
may learn from: the CNN/DailyMail *training-split* stories (``TAKEAWAYS_NEWS_DATA``), each true highlight
with the two sentences sharing most of its words as evidence and one edit per kind made by the
benchmark's own rules, and CoGenSumm's ``fit`` half. ``--failures`` prints why each true highlight
fails, grouped by reason, which is how the causes of lost true takeaways are found.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Sequence

from benchmarks.grounding import balanced_accuracy, checker, precision_of_passed
from benchmarks.grounding_data import KINDS, Judged, human_judgements, statements_and_edits
from takeaways.engines.grounding import ArticleFacts
from takeaways.text.entities import find_entities
from training.grounding_data import NEWS, held_out, news_stories


def tuning_edits() -> list[Judged]:
    """True highlights of the training stories and one edit of each per kind, as the benchmark makes them."""
    judged: list[Judged] = []
    for story, sentences, highlights in news_stories(NEWS):
        people = [e.name for e in find_entities(sentences[:20], limit=20) if e.kind == "person"]
        judged += statements_and_edits(sentences, highlights, people, story)
    return judged


def rates(items: Sequence[Judged], outcomes: Sequence[bool]) -> dict[str, tuple[float, int]]:
    """The true pass rate, and per kind the share of edits caught among edits of highlights that pass."""
    passing = {item.origin for item, ok in zip(items, outcomes, strict=True) if item.faithful and ok}
    found: dict[str, tuple[float, int]] = {}
    for kind in ("true", *KINDS):
        mine = [(item, ok) for item, ok in zip(items, outcomes, strict=True) if item.kind == kind]
        if kind != "true":
            mine = [(item, not ok) for item, ok in mine if item.origin in passing]
        found[kind] = (sum(ok for _, ok in mine) / len(mine) if mine else 0.0, len(mine))
    return found


def reason_of(item: Judged) -> str:
    return ArticleFacts(item.sentences).problem(item.claim, item.evidence) or ""


def category(reason: str) -> str:
    """A failure reason less its particulars: 'name 'Obama' is not ...' is one kind of failure."""
    reason = re.sub(r"\(score [^)]*\)", "(score)", reason)
    reason = re.sub(r"'[^']*'", "'…'", reason)
    reason = re.sub(r"\d[\d.,]*", "N", reason)
    return re.sub(r": .*", "", reason) if "not supported" in reason else reason.split(":")[0]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="print each failing true highlight and why")
    parser.add_argument(
        "--held-out", action="store_true", help="only the stories the model never learns from"
    )
    parser.add_argument("--missed", metavar="KIND", help="print each edit of this kind that passes")
    args = parser.parse_args(argv)
    items = tuning_edits()
    if args.held_out:
        items = [item for item in items if held_out(item.origin.split(":", 1)[0])]
    outcomes = [checker(item) for item in items]
    for kind, (share, n) in rates(items, outcomes).items():
        print(f"{kind:12} {share:6.1%}  n={n}")
    fit = human_judgements("fit")
    judged = [(checker(item), item.faithful) for item in fit]
    print(
        f"CoGenSumm fit: balanced {balanced_accuracy(judged):.1%}, precision {precision_of_passed(judged):.1%}"
    )
    if args.missed:
        passing = {item.origin for item, ok in zip(items, outcomes, strict=True) if item.faithful and ok}
        for item, ok in zip(items, outcomes, strict=True):
            if item.kind == args.missed and ok and item.origin in passing:
                print(f"\n- {item.claim}\n  from: {item.origin.split(':', 1)[1]}")
                for index in item.evidence:
                    print(f"  [{index}] {item.sentences[index]}")
    if args.failures:
        failed = [item for item, ok in zip(items, outcomes, strict=True) if item.faithful and not ok]
        reasons = [(item, reason_of(item)) for item in failed]
        for name, count in Counter(category(reason) for _, reason in reasons).most_common():
            print(f"{count:4}  {name}")
        for item, reason in reasons:
            print(f"\n- {item.claim}\n  {reason}")
            for index in item.evidence:
                print(f"  [{index}] {item.sentences[index]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
