"""Priority as subscribers meet it: how the 1-5 scale spreads over real news, and what makes each level.

A ``--min-priority`` filter is only useful if the scale is used: this section runs the CLI, as a user
would, over the shared evaluation articles and counts the priority and lead topic each alert carries.
The articles are read, never learned or tuned on (``../shared/eval/README.md``).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from benchmarks.engine import EVAL, cli_predictions
from takeaways.alerts.priority import SEVERE_TOPICS
from takeaways.summary import MAX_PRIORITY, MIN_PRIORITY

DATASETS = ("cnn-dev.jsonl", "xsum-dev.jsonl")
LEVELS = range(MIN_PRIORITY, MAX_PRIORITY + 1)


def _alerts(predictions: Path) -> list[dict[str, object]]:
    rows = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines() if line]
    return [row for row in rows if "rejected" not in row]


def report() -> list[str]:
    lines = ["## Priority", ""]
    missing = [name for name in DATASETS if not (EVAL / name).is_file()]
    if missing:
        return [*lines, f"Skipped: {', '.join(missing)} not found in `{EVAL}`."]
    lines += [
        "Priority of every alert `takeaways summarise IN.jsonl -o OUT.jsonl` makes of the shared evaluation"
        " articles (rules in `functions/takeaways/alerts/priority.py`, nothing tuned on these articles):",
        "",
        "| articles | alerts | " + " | ".join(f"priority {level}" for level in LEVELS) + " | 4 or more"
        " | a disaster, conflict or crime topic first |",
        "| --- | ---: | " + " | ".join("---:" for _ in LEVELS) + " | ---: | ---: |",
    ]
    for dataset in DATASETS:
        alerts = _alerts(cli_predictions(dataset, "priority"))
        counts = Counter(int(str(alert["priority"])) for alert in alerts)
        total = max(len(alerts), 1)
        severe = sum(
            1
            for alert in alerts
            if isinstance(alert["topics"], list)
            and alert["topics"]
            and alert["topics"][0]["name"] in SEVERE_TOPICS
        )
        high = sum(counts[level] for level in LEVELS if level >= 4)
        lines.append(
            f"| {dataset.removesuffix('.jsonl')} | {len(alerts)} | "
            + " | ".join(f"{counts[level] / total:.1%}" for level in LEVELS)
            + f" | {high / total:.1%} | {severe / total:.1%} |"
        )
    lines += [
        "",
        "A `--min-priority 4` subscriber hears of the '4 or more' share: a disaster, conflict or crime story"
        " (or a verdict, a charge of violence, a national election result) that reports a death, ten injured"
        " or a thousand displaced or says 'breaking' in its headline or lead, and any story not led by arts,"
        " sport, lifestyle, religion or human interest that reports ten deaths or a hundred thousand displaced"
        " (the rules: `priority.py`'s docstring).",
    ]
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
