"""The extractive engine: quality on real news (the shared referee), speed against sumy, and scale.

Quality comes from running the real CLI (``takeaways summarise IN.jsonl -o OUT.jsonl``)
and the referee script on its output, exactly as a user would. Speed and scale time the
engine in this process, pinned to one core, with sumy's LexRank measured in the same run
on the same articles, so the ratio holds on any machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from takeaways.article import Article, parse_article
from takeaways.engines.extractive import ExtractiveEngine
from takeaways.engines.headline import HEADLINE_CHARS
from takeaways.errors import ArticleRejected
from takeaways.text.sentences import split_sentences
from takeaways.text.words import DANGLING_WORDS, tokens

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("TAKEAWAYS_EVAL_DIR") or ROOT.parent / "shared" / "eval")  # beside the clone
DATASETS = ("cnn-dev.jsonl", "cnn-validation.jsonl")
WORK = ROOT / ".bench"
# An eval row with its article as intake reads it, or None where intake rejects it.
DevRow = tuple[dict[str, Any], Article | None]
SPEED_ROUNDS = 5
SCALE_SIZES = (10_000, 1_000_000)
SPEED_GOAL = 10.0
SCALE_LIMIT = 150.0


@dataclass(frozen=True, slots=True)
class Quality:
    dataset: str
    items: int
    system: dict[str, float]
    lead3: dict[str, float]

    @property
    def passes(self) -> bool:
        return (
            self.system["rouge1"] >= self.lead3["rouge1"] + 2.0
            and self.system["rouge2"] >= self.lead3["rouge2"]
            and self.system["rougeLsum"] >= self.lead3["rougeLsum"]
        )


def cli_predictions(dataset: str, name: str) -> Path:
    """This tree's CLI on a data set, as a user runs it (``takeaways summarise IN.jsonl -o OUT.jsonl``),
    whichever tree the virtualenv's editable install points at."""
    WORK.mkdir(exist_ok=True)
    predictions = WORK / f"{name}-{dataset}"
    environment = {**os.environ, "PYTHONPATH": f"{ROOT / 'functions'}{os.pathsep}{ROOT}"}
    command = [
        sys.executable,
        "-m",
        "takeaways.cli",
        "summarise",
        str(EVAL / dataset),
        "-o",
        str(predictions),
    ]
    subprocess.run(command, check=True, env=environment)
    return predictions


def quality(dataset: str) -> Quality:
    """The CLI's batch output scored by the referee, with LEAD-3 scored in the same run."""
    predictions = cli_predictions(dataset, "predictions")
    scored = subprocess.run(
        [
            sys.executable,
            str(EVAL / "score.py"),
            str(EVAL / dataset),
            str(predictions),
            "--json",
            "--with-summary",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(scored.stdout.strip().splitlines()[-1])
    return Quality(dataset, result["items"], result["system"], result["lead3"])


_AUXILIARIES = frozenset(
    "is are was were be been has have had will would can could may might must should".split()
)


@dataclass(frozen=True, slots=True)
class HeadlineShape:
    """How headlines read where a reader first meets them: an e-mail subject or an SMS."""

    mean_chars: float
    at_limit: float  # share within 5 characters of the limit: usually a sentence cut off
    dangling_end: float  # share ending on "of", "the", "after", "they", "was"...
    open_quote: float  # share leaving a quotation open

    @classmethod
    def of(cls, headlines: list[str]) -> HeadlineShape:
        count = max(len(headlines), 1)
        ends = DANGLING_WORDS | {"he", "she", "they", "we", "it", "after", "before", "being"} | _AUXILIARIES
        return cls(
            sum(len(h) for h in headlines) / count,
            sum(len(h) >= HEADLINE_CHARS - 5 for h in headlines) / count,
            sum(bool(h.split()) and h.split()[-1].lower() in ends for h in headlines) / count,
            sum(h.count('"') % 2 == 1 or h.count("“") > h.count("”") for h in headlines) / count,
        )


def headlines(dataset: str) -> tuple[HeadlineShape, HeadlineShape]:
    """The CLI's generated headlines (the eval articles have no titles) against the lead sentence cut to fit."""
    predictions = WORK / f"predictions-{dataset}"
    ours = [json.loads(line)["headline"] for line in predictions.read_text().splitlines() if line.strip()]
    baseline = []
    for article in _articles():
        lead = " ".join(split_sentences(article.body)[0].split()).rstrip(".")
        baseline.append(
            lead if len(lead) <= HEADLINE_CHARS else lead[: lead.rfind(" ", 0, HEADLINE_CHARS + 1)]
        )
    return HeadlineShape.of(ours), HeadlineShape.of(baseline)


class _SumyTokenizer:
    """sumy's own tokenizer needs NLTK punkt data, which cannot be downloaded here: sumy gets ours."""

    language = "english"

    @staticmethod
    def to_sentences(text: str) -> list[str]:
        return split_sentences(text)

    @staticmethod
    def to_words(text: str) -> list[str]:
        return tokens(text)


def dev_rows(dataset: str) -> list[DevRow]:
    """Each row of an eval file with its article as intake reads it, or None where intake rejects it (a
    reader-pictures page with no story): the CLI writes no alert for those, and figures leave them out."""
    rows = [json.loads(line) for line in (EVAL / dataset).read_text().splitlines() if line.strip()]
    read: list[DevRow] = []
    for row in rows:
        try:
            read.append((row, parse_article(row["article"].encode(), "article.txt")))
        except ArticleRejected:
            read.append((row, None))
    return read


def _articles() -> list[Article]:
    return [article for _, article in dev_rows(DATASETS[0]) if article is not None]


@contextmanager
def _one_core() -> Iterator[None]:
    """Pin this process to one core while timing, where the platform allows it."""
    if not hasattr(os, "sched_getaffinity"):
        yield
        return
    cores = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(cores)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, cores)


def speed() -> tuple[float, float]:
    """Articles per second, ours and sumy LexRank's (3 sentences): rounds interleaved, best round of each."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    articles = _articles()
    engine = ExtractiveEngine()
    lexrank = LexRankSummarizer(Stemmer("english"))

    def ours() -> None:
        for article in articles:
            engine.summarise(article)

    def theirs() -> None:
        for article in articles:
            lexrank(PlaintextParser.from_string(article.body, _SumyTokenizer()).document, 3)

    ours_best, theirs_best = float("inf"), float("inf")
    with _one_core():
        for _ in range(SPEED_ROUNDS):
            ours_best = min(ours_best, _seconds(ours))
            theirs_best = min(theirs_best, _seconds(theirs))
    return len(articles) / ours_best, len(articles) / theirs_best


def scale() -> dict[int, float]:
    """Seconds for intake and summary of a 10 KB and a 1 MB plain-text article made of the same news.

    Truncation is switched off (``max_chars`` above the size), so the 1 MB figure is the
    whole text going through the whole path.
    """
    text = "\n\n".join(article.body for article in _articles())
    while len(text) < max(SCALE_SIZES):
        text = f"{text}\n\n{text}"
    engine = ExtractiveEngine()
    timings = {}
    with _one_core():
        for size in SCALE_SIZES:
            raw = text[:size].rsplit(" ", 1)[0].encode()

            def run(raw: bytes = raw, size: int = size) -> None:
                engine.summarise(parse_article(raw, "long.txt", max_chars=2 * size))

            timings[size] = min(_seconds(run) for _ in range(SPEED_ROUNDS))
    return timings


def _seconds(work: Callable[[], None]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def report() -> list[str]:
    lines = ["## Extractive engine", ""]
    if not EVAL.is_dir():
        return [*lines, f"(skipped: {EVAL} is not present)"]
    lines += [
        "### Quality (ROUGE F1 against human highlights; referee `../shared/eval/score.py --with-summary`)",
        "",
        "Predictions from `.venv/bin/takeaways summarise IN.jsonl -o OUT.jsonl`; what is scored is what",
        "the e-mail shows, the summary line then the takeaways. The referee scores LEAD-3 (the first",
        "three sentences) on the same items in the same run.",
        "",
        "| data | items | system R1 / R2 / RLsum (words) | LEAD-3 R1 / R2 / RLsum (words) | R1 - LEAD-3 | bar met |",
        "| --- | ---: | --- | --- | ---: | --- |",
    ]
    for dataset in DATASETS:
        result = quality(dataset)
        s, b = result.system, result.lead3
        lines.append(
            f"| {dataset} | {result.items} | "
            f"{s['rouge1']:.2f} / {s['rouge2']:.2f} / {s['rougeLsum']:.2f} ({s['words']:.0f}) | "
            f"{b['rouge1']:.2f} / {b['rouge2']:.2f} / {b['rougeLsum']:.2f} ({b['words']:.0f}) | "
            f"{s['rouge1'] - b['rouge1']:+.2f} | {'yes' if result.passes else 'NO'} |"
        )
    mine, cut_lead = headlines(DATASETS[0])
    lines += [
        "",
        "Bar (issue #11): ROUGE-1 at least LEAD-3 + 2.0, ROUGE-2 and ROUGE-Lsum at least LEAD-3's.",
        "",
        f"### Headlines of untitled articles ({DATASETS[0]}: none has a title, so every headline is generated)",
        "",
        f"Baseline: the first sentence cut at the last word that fits in {HEADLINE_CHARS} characters.",
        "",
        "| headlines | mean chars | at the limit | ending on a function word or auxiliary | quotation left open |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, shape in (("Takeaways", mine), ("first sentence, cut to fit", cut_lead)):
        lines.append(
            f"| {name} | {shape.mean_chars:.0f} | {shape.at_limit:.0%} | {shape.dangling_end:.0%} | "
            f"{shape.open_quote:.0%} |"
        )
    ours, lexrank = speed()
    timings = scale()
    small, large = (timings[size] for size in SCALE_SIZES)
    ratio, growth = ours / lexrank, large / small
    lines += [
        "",
        f"### Speed (one core; the {DATASETS[0]} articles after intake; rounds interleaved, best of {SPEED_ROUNDS})",
        "",
        "| system | articles/s |",
        "| --- | ---: |",
        f"| Takeaways extractive (takeaways, headline, summary, entities, topics) | {ours:.0f} |",
        f"| sumy LexRank, 3 sentences | {lexrank:.0f} |",
        f"| **ratio** | **{ratio:.1f}x** (goal: at least {SPEED_GOAL:.0f}x: {'met' if ratio >= SPEED_GOAL else 'NOT met'}) |",
        "",
        "sumy's default tokenizer needs NLTK punkt data, which cannot be downloaded here, so sumy's",
        "`PlaintextParser` is given the project's own sentence splitter and word tokenizer.",
        "",
        "### Scale (intake and summary of one plain-text article, truncation off)",
        "",
        "| article | seconds |",
        "| --- | ---: |",
        f"| 10 KB | {small:.4f} |",
        f"| 1 MB | {large:.4f} |",
        f"| **ratio** | **{growth:.0f}x** for 100x the text "
        f"(goal: under {SCALE_LIMIT:.0f}x: {'met' if growth < SCALE_LIMIT else 'NOT met'}) |",
        "",
        "In service, articles longer than `MAX_ARTICLE_CHARS` (200,000 by default) are truncated at",
        "intake at a paragraph or sentence end; the summary's article metadata says so (`truncated`, `notes`).",
    ]
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
