"""Story threads: same-event reports from different outlets joined, different events kept apart.

Positives: ``benchmarks/data/threads_events.py``, events each told by three outlets in our own
words (no public multi-outlet same-event set with article text could be had here); the
``HELD_OUT`` ones were kept out of every choice of the rule and are reported on their own.
Negatives: every cross-event pair of those, plus every pair of the CNN validation articles in
``../shared/eval`` (never used to set a threshold; its largest threads were read to find why
they joined), all given the same time so the window excludes nothing. The baseline is the rule
before story vectors, MinHash similarity >= 0.3, in the same run.
"""

from __future__ import annotations

import itertools
import json
import os
from collections import Counter
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path
from typing import Any

from benchmarks.data.threads_events import EVENTS, HELD_OUT
from benchmarks.engine import EVAL
from takeaways.stories.fingerprint import similarity, story_fingerprint
from takeaways.thread_command import thread_rows

WINDOW = timedelta(hours=48)
MINHASH_SAME_STORY = 0.3
_EVAL = Path(os.environ.get("TAKEAWAYS_EVAL_DIR", EVAL))


def _event_stream() -> list[dict[str, Any]]:
    """Outlets in turn, as a day's news arrives: every event's first report, then the second ones..."""
    return [
        {"id": f"{event}/{outlet}", "article": texts[outlet], "source": f"outlet {outlet}"}
        for outlet in range(3)
        for event, texts in EVENTS.items()
    ]


def _cnn_stream(limit: int) -> list[dict[str, Any]]:
    path = _EVAL / "cnn-validation.jsonl"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as lines:
        items = [json.loads(line) for line in lines if line.strip()][:limit]
    return [{"id": f"cnn/{item['id']}", "article": item["article"]} for item in items]


def _threads(items: list[dict[str, Any]]) -> dict[str, str]:
    return {row["id"]: row["thread"] for row in thread_rows(iter(items), window=WINDOW) if row["thread"]}


def _minhash_threads(items: list[dict[str, Any]]) -> dict[str, str]:
    """The previous rule: join the most similar earlier article when MinHash similarity reaches 0.3."""
    seen: list[tuple[str, list[int]]] = []
    threads: dict[str, str] = {}
    for item in items:
        signature = story_fingerprint(item["article"])
        best = max(seen, key=lambda pair: similarity(signature, pair[1]), default=None)
        if best is not None and similarity(signature, best[1]) >= MINHASH_SAME_STORY:
            threads[item["id"]] = threads[best[0]]
        else:
            threads[item["id"]] = item["id"]
        seen.append((item["id"], signature))
    return threads


def _joined(threads: dict[str, str], pairs: Iterable[tuple[str, str]]) -> tuple[int, int]:
    listed = [(a, b) for a, b in pairs if a in threads and b in threads]
    return sum(threads[a] == threads[b] for a, b in listed), len(listed)


def _pairs(items: list[dict[str, Any]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    same: list[tuple[str, str]] = []
    different: list[tuple[str, str]] = []
    for a, b in itertools.combinations([item["id"] for item in items], 2):
        (
            same if a.rsplit("/", 1)[0] == b.rsplit("/", 1)[0] and not a.startswith("cnn/") else different
        ).append((a, b))
    return same, different


def report(cnn_articles: int = 668) -> list[str]:
    events, cnn = _event_stream(), _cnn_stream(cnn_articles)
    cnn_threads = _threads(cnn)
    ours = {**_threads(events), **cnn_threads}
    baseline = {**_minhash_threads(events), **_minhash_threads(cnn)}
    same, different = _pairs(events)
    _, cnn_different = _pairs(cnn)
    held = [(a, b) for a, b in same if a.rsplit("/", 1)[0] in HELD_OUT]
    tuned = [pair for pair in same if pair not in held]
    rows = []
    for label, threads in (
        ("TF-IDF terms and names (this rule)", ours),
        ("MinHash >= 0.3 (baseline)", baseline),
    ):
        cells = [_share(*_joined(threads, pairs), ".1%") for pairs in (tuned, held)]
        cells.append(_share(*_joined(threads, different), ".2%"))
        cnn_wrong, cnn_apart = _joined(threads, cnn_different)
        cells.append(_share(cnn_wrong, cnn_apart, ".3%") if cnn_apart else "not measured")
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    sizes = sorted(Counter(cnn_threads.values()).values(), reverse=True)
    largest = sizes[:4]
    in_largest = sum(n * (n - 1) // 2 for n in largest)
    joined_cnn = sum(n * (n - 1) // 2 for n in sizes)
    return [
        "## Story threads",
        "",
        f"{len(EVENTS)} events told by three outlets each in our own words ({len(same)} same-event cross-outlet",
        f"pairs, {len(different)} different-event pairs; {len(HELD_OUT)} events, {len(held)} pairs, held out from",
        "every choice of the rule: " + ", ".join(HELD_OUT) + "), and",
        f"{len(cnn)} CNN validation articles from `../shared/eval` as different events (every pair). Each article",
        "is summarised by the extractive engine and threaded exactly as the notify stage does",
        "(`takeaways threads`). Targets: at least 90% of same-event pairs joined, at most 0.2% of",
        "different-event pairs.",
        "",
        "| rule | same-event pairs in one thread (tuned on) | same-event pairs, held out |"
        " different-event pairs joined (ours) | CNN pairs joined |",
        "| --- | --- | --- | --- | --- |",
        *rows,
        "",
        (
            f"The {len(largest)} largest CNN threads ({', '.join(map(str, largest))} articles) hold {in_largest} of the"
            f" {joined_cnn} joined CNN pairs."
            if joined_cnn
            else "No CNN pairs were joined."
        ),
        "The CNN figure is an upper bound, not an error rate: the articles span a few weeks of 2015, and by",
        "our reading about two in three of the 499 pairs the rule before issue #12 joined are one story told",
        "again (the Germanwings crash, the Oklahoma fraternity video, the Iran talks). 148 of those 499 were",
        "joined only through a chain (A like B, B like C); an article now joins a thread only when it matches",
        "at least half of the thread's articles. Most of what is still wrong shares a common name (Putin,",
        "Ferguson) or is a CNN Student News transcript, alike in its boilerplate, that a feed's publication",
        "dates would keep days apart.",
    ]


def _share(part: int, whole: int, form: str) -> str:
    return f"{part}/{whole} = {part / max(whole, 1):{form}}"


if __name__ == "__main__":
    print("\n".join(report()))
