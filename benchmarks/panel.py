"""A blind reader panel: our alert beside the first-three-sentences alert, judged by a reader.

ROUGE is a guard rail; readers are the judges (issue #11). This builds the sheet a reader is given and
scores what they answer, so a panel can be run again the same way:

    python -m benchmarks.panel build --seed 10   # .bench/panel-10/sheet.md, benchmarks/panels/10/key.json
    (a reader writes benchmarks/panels/10/answers.jsonl, one line per item, as the sheet asks)
    python -m benchmarks.panel score benchmarks/panels/10

Each item is a real article from the shared evaluation files, shown cleaned as intake cleans it, with
its two alerts in an order drawn at random per item; the key saying which is ours stays out of the sheet.
Sheets hold publishers' text and stay under ``.bench/`` (not committed); keys hold article ids only and
are kept in ``benchmarks/panels/N/``. A panel draws no article another panel's key lists, so a panel
judging rules written after reading earlier panels' faults reads articles nobody has tuned on, and
building panel N again draws the same articles.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.engine import EVAL, ROOT, WORK
from benchmarks.reading import Alert, first_three_alert
from takeaways.article import parse_article
from takeaways.summary import summary_adds
from takeaways.text.sentences import split_sentences

PANELS = Path(__file__).with_name("panels")
SOURCES = ("cnn-validation.jsonl", "xsum-dev.jsonl")  # half the items from each: CNN and BBC copy
ARTICLE_WORDS = 700  # what a reader reads before judging; the key facts are in the first part of news copy
KEY_FACTS = 4

_INSTRUCTIONS = f"""# Reader panel

For each item: read the article, write down for yourself the story's {KEY_FACTS} key facts, then judge
alert A and alert B as a subscriber reading them alone (without the article):

- `headline_complete`: true when the headline is a complete, understandable headline: a clause with its
  subject and verb, naming the main actor and the event; false for a fragment, a cut phrase, a teaser,
  a question, or background instead of the news.
- `key_facts`: how many of your {KEY_FACTS} key facts the alert conveys (0 to {KEY_FACTS}).
- `repeated`: how many lines repeat another line or the headline.
- `broken`: how many lines are fragments or lack their referent (a "he" or "the 31-year-old" a reader
  cannot place), or have been cut so that the meaning changed.
- `preferred`: "A", "B" or "tie": which alert you would rather receive.

Answer in `answers.jsonl` beside this sheet, one JSON object a line:
`{{"item": 1, "A": {{"headline_complete": true, "key_facts": 3, "repeated": 0, "broken": 0}}, "B": {{...}},
"preferred": "A", "why": "one short sentence"}}`
"""


@dataclass(frozen=True, slots=True)
class Item:
    source: str
    row: dict[str, Any]


def _rows(source: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (EVAL / source).read_text().splitlines() if line.strip()]


def _used_by_others(seed: int) -> set[str]:
    return {
        article_id
        for key in PANELS.glob("*/key.json")
        if key.parent.name != str(seed)
        for article_id in json.loads(key.read_text())["ids"]
    }


def draw(count: int, seed: int) -> list[Item]:
    """Twice ``count`` candidate items no other panel used, half from each source, in a seeded order: the
    build keeps the first ``count`` that the CLI summarises (a rejected article is no item)."""
    chooser = random.Random(seed)
    used = _used_by_others(seed)
    items: list[Item] = []
    for position, source in enumerate(SOURCES):
        share = count // len(SOURCES) + (1 if position < count % len(SOURCES) else 0)
        fresh = [row for row in _rows(source) if row["id"] not in used]
        items += [Item(source, row) for row in chooser.sample(fresh, 2 * share)]
    chooser.shuffle(items)
    return items


def _our_alerts(items: list[Item], folder: Path) -> list[Alert | None]:
    """Our alerts as a user gets them from the CLI (``takeaways summarise``) on these articles; None where
    it rejects one."""
    articles = folder / "articles.jsonl"
    articles.write_text("".join(json.dumps(item.row) + "\n" for item in items))
    predictions = folder / "ours.jsonl"
    environment = {**os.environ, "PYTHONPATH": f"{ROOT / 'functions'}{os.pathsep}{ROOT}"}
    command = [sys.executable, "-m", "takeaways.cli", "summarise", str(articles), "-o", str(predictions)]
    subprocess.run(command, check=True, env=environment, capture_output=True)
    by_id = {row["id"]: row for row in map(json.loads, predictions.read_text().splitlines())}
    return [
        Alert(found["headline"], found.get("summary", ""), list(found.get("takeaways", [])), [])
        if (found := by_id.get(item.row["id"], {})).get("headline")
        else None
        for item in items
    ]


def _shown(label: str, alert: Alert) -> list[str]:
    lines = [f"**Alert {label}**", "", f"Headline: {alert.headline}"]
    if alert.summary and summary_adds(alert.summary, alert.headline):  # as the e-mail shows it
        lines.append(f"Summary: {alert.summary}")
    lines += [f"- {line}" for line in alert.takeaways]
    return [*lines, ""]


def build(count: int, seed: int) -> Path:
    """Write the sheet (under ``.bench/``) and its key (under ``benchmarks/panels/``) for panel ``seed``."""
    if (PANELS / str(seed) / "answers.jsonl").exists():
        raise SystemExit(
            f"panel {seed} has been judged (benchmarks/panels/{seed}/answers.jsonl): choose another seed"
        )
    folder = WORK / f"panel-{seed}"
    folder.mkdir(parents=True, exist_ok=True)
    candidates = draw(count, seed)
    summarised = _our_alerts(candidates, folder)
    kept = [(item, alert) for item, alert in zip(candidates, summarised, strict=True) if alert is not None]
    chooser = random.Random(seed * 7919 + 1)
    sheet = [_INSTRUCTIONS]
    key: dict[str, list[str]] = {}
    items = [item for item, _ in kept[:count]]
    for number, (item, our_alert) in enumerate(kept[:count], start=1):
        body = parse_article(item.row["article"].encode(), "article.txt").body
        lead = first_three_alert(split_sentences(body))
        order = ["ours", "lead"]
        chooser.shuffle(order)
        key[str(number)] = order
        alerts = {"ours": our_alert, "lead": lead}
        words = body.split()
        shown_body = " ".join(words[:ARTICLE_WORDS]) + (" [...]" if len(words) > ARTICLE_WORDS else "")
        sheet += [f"## Item {number}", "", shown_body, ""]
        sheet += _shown("A", alerts[order[0]]) + _shown("B", alerts[order[1]])
    (folder / "sheet.md").write_text("\n".join(sheet))
    kept_key = PANELS / str(seed) / "key.json"
    kept_key.parent.mkdir(parents=True, exist_ok=True)
    kept_key.write_text(json.dumps({"key": key, "ids": [item.row["id"] for item in items]}))
    return folder


def score(folder: Path, answers_file: str = "answers.jsonl") -> list[str]:
    """The panel's table: per alert means for ours and for the first three sentences, and preferences.

    A second reader of the same sheet writes another file beside the first (``answers-2.jsonl``): two
    readers of one sheet show how much of a panel's figure is its reader."""
    key = json.loads((folder / "key.json").read_text())["key"]
    answers = [json.loads(line) for line in (folder / answers_file).read_text().splitlines() if line.strip()]
    totals = {
        side: {"headline_complete": 0.0, "key_facts": 0.0, "repeated": 0.0, "broken": 0.0}
        for side in key["1"]
    }
    preferred = {"ours": 0, "lead": 0, "tie": 0}
    for answer in answers:
        order = key[str(answer["item"])]
        for label, side in zip("AB", order, strict=True):
            for measure in totals[side]:
                totals[side][measure] += float(answer[label][measure])
        choice = answer["preferred"]
        preferred[choice if choice == "tie" else order["AB".index(choice)]] += 1
    count = len(answers)
    rows = [
        f"{count} items judged blind",
        "",
        "| per alert | ours | first three sentences |",
        "|---|---|---|",
    ]
    rows.append(
        "| headline complete | "
        + " | ".join(f"{totals[side]['headline_complete']:.0f}/{count}" for side in ("ours", "lead"))
        + " |"
    )
    for measure, title in (
        ("key_facts", f"key facts of {KEY_FACTS}"),
        ("repeated", "repeated lines"),
        ("broken", "broken lines"),
    ):
        rows.append(
            f"| {title} | "
            + " | ".join(f"{totals[side][measure] / count:.2f}" for side in ("ours", "lead"))
            + " |"
        )
    rows.append(f"| preferred | {preferred['ours']} | {preferred['lead']} (ties {preferred['tie']}) |")
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.panel", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    building = commands.add_parser("build", help="write a panel's sheet under .bench/ and its key")
    building.add_argument("--seed", type=int, required=True, help="also the panel's folder name")
    building.add_argument("--items", type=int, default=20)
    scoring = commands.add_parser("score", help="print a judged panel's table")
    scoring.add_argument("folder", type=Path)
    scoring.add_argument("--answers", default="answers.jsonl", help="a reader's file in the folder")
    arguments = parser.parse_args(argv)
    if arguments.command == "build":
        print(build(arguments.items, arguments.seed) / "sheet.md")
    else:
        print("\n".join(score(arguments.folder, arguments.answers)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
