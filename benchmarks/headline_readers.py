"""Readers' verdicts on headlines: is each one a complete clause? They measure the clause judges.

The reading benchmark's headline figure comes from taggers (``benchmarks/tagger``, and Lingua::EN::Tagger
through ``benchmarks.clause_judge``), and a tagger misreads news headlines: the first judge rejects about
one human-written BBC summary in twenty. Readers settle it. A sheet lists every headline the engine
writes on the two dev sets, mixed with control lines whose answer is known in kind (whole first
sentences of articles, and sentences cut at a random word), shuffled and shown without their articles;
readers mark each line complete or not:

    python -m benchmarks.headline_readers build      # .bench/headline-readers/sheet-{1,2}.md, key.json
    (readers write answers-R-P.jsonl beside the sheet: reader R, part P)
    python -m benchmarks.headline_readers keep       # benchmarks/headline_readers.jsonl: hashes and verdicts
    python -m benchmarks.headline_readers update --seed 2   # later: the headlines not yet read, and controls
    python -m benchmarks.headline_readers keep --update 2   # adds their verdicts to the kept ones

What is kept holds no publisher's text: a line's SHA-1 (of its words, single-spaced), what kind of line
it was, and each reader's verdict. ``verdicts()`` gives the reading benchmark the readers' answer for a
headline they have read; a headline written since falls back to a judge.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks.engine import ROOT, WORK, cli_predictions, dev_rows
from takeaways.engines.headline import HEADLINE_CHARS
from takeaways.text.sentences import split_sentences

KEPT = ROOT / "benchmarks" / "headline_readers.jsonl"
FOLDER = WORK / "headline-readers"
DATASETS = ("cnn-dev.jsonl", "xsum-dev.jsonl")
CONTROLS = 80  # of each kind a data set: whole first sentences, and sentences cut at a random word
SEED = 1  # the sheet whose verdicts are kept was built with it
UPDATE_CONTROLS = 10  # at least this many control lines on an update's sheet
PARTS = 2  # a reader's sheet comes in two parts, so two helpers can read it at once

_INSTRUCTIONS = """# Headlines: complete or not?

Each numbered line below is shown as the headline of a news alert, on its own, without its article.
For each line decide whether it is a **complete clause**: it has a subject and a finite verb ("Police
arrested a man", "The ferry sank off Kelby", "Ada Lark will stand again"), it reads as finished, and it
is not cut off mid-phrase ("... killed at least", "... said that the", "The leader of the party, who").
A grammatical sentence counts as complete even if it is dull, vague or names someone you do not know.
Not complete: a fragment without a finite verb ("Marine life seen swimming", "The study of 712 members",
"Causanagh Road, Loughgall"), a line cut before its end, a question, an empty line, or a line in a language
you cannot read (answer false and say "language" in `note`).

Answer in a file beside this sheet, one JSON object a line, for every line, in order:
`{"n": 1, "complete": true}` or `{"n": 2, "complete": false, "note": "cut after 'the'"}` (a note only
when you answer false).
"""


def text_key(line: str) -> str:
    """The SHA-1 a line is kept under: of its words, single-spaced, so spacing cannot split one line in two."""
    return hashlib.sha1(" ".join(line.split()).encode()).hexdigest()


def _controls(dataset: str, generator: random.Random) -> list[tuple[str, str]]:
    """Whole first sentences (at most a headline's length, full stop dropped) and sentences cut short."""
    firsts, cuts = [], []
    for _, article in dev_rows(dataset):
        if article is None:
            continue
        sentences = split_sentences(article.body)
        if not sentences:
            continue
        first = sentences[0].strip().rstrip(".")
        if len(first) <= HEADLINE_CHARS:
            firsts.append(first)
        words = generator.choice(sentences).split()
        if len(words) >= 6:
            cuts.append(" ".join(words[: generator.randrange(2, len(words) - 1)]))
    generator.shuffle(firsts)
    generator.shuffle(cuts)
    return [("whole", line) for line in firsts[:CONTROLS]] + [("cut", line) for line in cuts[:CONTROLS]]


def control_lines(seed: int = SEED) -> list[tuple[str, str]]:
    """The control lines of the sheet built with ``seed``, as (kind, line), drawn as ``build`` draws them
    (our headlines take nothing from the generator): the benchmark rebuilds them to score the judges."""
    generator = random.Random(seed)
    return [control for dataset in DATASETS for control in _controls(dataset, generator)]


def build(seed: int = SEED) -> Path:
    """Write the sheets and their key: every distinct headline of ours, and the controls."""
    generator = random.Random(seed)
    lines: dict[str, tuple[str, str]] = {}
    for dataset in DATASETS:
        predictions = cli_predictions(dataset, "headline-readers")
        for row in map(json.loads, predictions.read_text().splitlines()):
            headline = str(row.get("headline") or "")
            lines.setdefault(text_key(headline), ("ours", headline))
        for kind, line in _controls(dataset, generator):
            lines.setdefault(text_key(line), (kind, line))
    items = list(lines.values())
    generator.shuffle(items)
    FOLDER.mkdir(parents=True, exist_ok=True)
    size = -(-len(items) // PARTS)
    for part in range(PARTS):
        chunk = items[part * size : (part + 1) * size]
        body = [f"{number}. {line}" for number, (_, line) in enumerate(chunk, start=part * size + 1)]
        (FOLDER / f"sheet-{part + 1}.md").write_text("\n".join([_INSTRUCTIONS, *body, ""]))
    key = [{"n": number, "key": text_key(line), "kind": kind} for number, (kind, line) in enumerate(items, 1)]
    (FOLDER / "key.json").write_text(json.dumps(key))
    return FOLDER


def _answers(folder: Path, reader: int) -> dict[int, bool]:
    found: dict[int, bool] = {}
    for path in sorted(folder.glob(f"answers-{reader}-*.jsonl")):
        for line in path.read_text().splitlines():
            if line.strip():
                answer = json.loads(line)
                found[int(answer["n"])] = bool(answer["complete"])
    return found


def keep(folder: Path | None = None) -> Path:
    """Add to what is kept each line's key, kind and both readers' verdicts (only lines both answered), from
    the sheet in ``folder`` (the first sheet's, or an update's); a line read again takes its new verdicts."""
    folder = folder or FOLDER
    key = json.loads((folder / "key.json").read_text())
    first, second = _answers(folder, 1), _answers(folder, 2)
    kept = {
        line_key: {"key": line_key, "kind": kind, "readers": readers}
        for line_key, (kind, readers) in verdicts().items()
    }
    for item in key:
        if item["n"] in first and item["n"] in second:
            readers = [first[item["n"]], second[item["n"]]]
            kept[item["key"]] = {"key": item["key"], "kind": item["kind"], "readers": readers}
    KEPT.write_text("".join(json.dumps(row, sort_keys=True) + "\n" for row in kept.values()))
    return KEPT


def build_update(seed: int) -> Path:
    """A sheet of the headlines this tree writes that readers have not read, with a few new controls (drawn
    with ``seed``, so the readers cannot tell ours by their being the only lines): the figure stays the
    readers' as the engine changes."""
    read = verdicts()
    lines: dict[str, tuple[str, str]] = {}
    for dataset in DATASETS:
        predictions = cli_predictions(dataset, "headline-readers")
        for row in map(json.loads, predictions.read_text().splitlines()):
            headline = str(row.get("headline") or "")
            if text_key(headline) not in read:
                lines.setdefault(text_key(headline), ("ours", headline))
    generator = random.Random(seed)
    controls = [item for item in control_lines(seed) if text_key(item[1]) not in read]
    generator.shuffle(controls)
    for kind, line in controls[: max(UPDATE_CONTROLS, len(lines) // 2)]:
        lines.setdefault(text_key(line), (kind, line))
    items = list(lines.values())
    generator.shuffle(items)
    folder = WORK / f"headline-readers-update-{seed}"
    folder.mkdir(parents=True, exist_ok=True)
    body = [f"{number}. {line}" for number, (_, line) in enumerate(items, start=1)]
    (folder / "sheet-1.md").write_text("\n".join([_INSTRUCTIONS, *body, ""]))
    key = [{"n": number, "key": text_key(line), "kind": kind} for number, (kind, line) in enumerate(items, 1)]
    (folder / "key.json").write_text(json.dumps(key))
    return folder


def verdicts() -> dict[str, tuple[str, list[bool]]]:
    """Each kept line's kind and readers' verdicts, by ``text_key``."""
    if not KEPT.is_file():
        return {}
    rows = [json.loads(line) for line in KEPT.read_text().splitlines() if line.strip()]
    return {row["key"]: (row["kind"], [bool(verdict) for verdict in row["readers"]]) for row in rows}


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.headline_readers")
    commands = parser.add_subparsers(dest="command", required=True)
    building = commands.add_parser("build", help="write the readers' sheets under .bench/")
    building.add_argument("--seed", type=int, default=SEED)
    updating = commands.add_parser("update", help="a sheet of the headlines readers have not read yet")
    updating.add_argument("--seed", type=int, required=True, help="another seed than any sheet before")
    keeping = commands.add_parser("keep", help="keep the readers' verdicts (hashes only) in benchmarks/")
    keeping.add_argument("--update", type=int, help="the seed of the update sheet whose answers to keep")
    arguments = parser.parse_args(argv)
    if arguments.command == "build":
        print(build(arguments.seed))
    elif arguments.command == "update":
        print(build_update(arguments.seed))
    else:
        update = arguments.update
        print(keep(None if update is None else WORK / f"headline-readers-update-{update}"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
