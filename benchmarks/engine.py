"""The extractive engine: quality on real news (the shared referee), speed against sumy, and scale.

Quality comes from running the real CLI (``takeaways summarise IN.jsonl -o OUT.jsonl``)
and the referee script on its output, exactly as a user would.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from takeaways.article import Article, parse_article
from takeaways.engines.extractive import ExtractiveEngine
from takeaways.text.sentences import split_sentences
from takeaways.text.words import tokens

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
DATASETS = ("cnn-dev.jsonl", "cnn-validation.jsonl")
WORK = ROOT / ".bench"
SPEED_ROUNDS = 5
SCALE_SIZES = (10_000, 1_000_000)


@dataclass(frozen=True, slots=True)
class Quality:
    dataset: str
    system: dict[str, float]
    lead3: dict[str, float]

    @property
    def passes(self) -> bool:
        return (
            self.system["rouge1"] >= self.lead3["rouge1"] + 1.0
            and self.system["rouge2"] >= self.lead3["rouge2"]
            and self.system["rougeLsum"] >= self.lead3["rougeLsum"]
        )


def quality(dataset: str) -> Quality:
    WORK.mkdir(exist_ok=True)
    predictions = WORK / f"predictions-{dataset}"
    cli = Path(sys.executable).parent / "takeaways"
    subprocess.run([str(cli), "summarise", str(EVAL / dataset), "-o", str(predictions)], check=True)
    scored = subprocess.run(
        [sys.executable, str(EVAL / "score.py"), str(EVAL / dataset), str(predictions), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(scored.stdout.strip().splitlines()[-1])
    return Quality(dataset, result["system"], result["lead3"])


class _SumyTokenizer:
    """sumy's own tokenizer needs NLTK data that cannot be downloaded here; both systems share ours."""

    language = "english"

    @staticmethod
    def to_sentences(text: str) -> list[str]:
        return split_sentences(text)

    @staticmethod
    def to_words(text: str) -> list[str]:
        return tokens(text)


def _articles() -> list[Article]:
    with (EVAL / DATASETS[0]).open() as lines:
        return [
            parse_article(json.loads(line)["article"].encode(), "a.txt") for line in lines if line.strip()
        ]


def speed() -> tuple[float, float]:
    """Articles per second on one core, ours and sumy LexRank's: rounds interleaved, best round of each."""
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
    for _ in range(SPEED_ROUNDS):
        ours_best = min(ours_best, _best_time(ours, rounds=1))
        theirs_best = min(theirs_best, _best_time(theirs, rounds=1))
    return len(articles) / ours_best, len(articles) / theirs_best


def scale() -> dict[int, float]:
    """Seconds to summarise a 10 KB and a 1 MB article built from the same paragraphs."""
    paragraphs = [article.body for article in _articles()[:400]]
    text = "\n\n".join(paragraphs)
    engine = ExtractiveEngine()
    timings = {}
    for size in SCALE_SIZES:
        body = text[:size].rsplit(" ", 1)[0]
        article = Article(body=body)
        timings[size] = _best_time(partial(engine.summarise, article))
    return timings


def _best_time(work: Any, rounds: int = SPEED_ROUNDS) -> float:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return min(samples)


def report() -> list[str]:
    lines = ["## Extractive engine", "", "Reproduce: `make bench`.", ""]
    if not EVAL.is_dir():
        return [*lines, f"(skipped: {EVAL} is not present)"]
    lines += [
        "### Quality (ROUGE F1 against human highlights; referee `../shared/eval/score.py`)",
        "",
        "| data | items | system R1 / R2 / RLsum | LEAD-3 R1 / R2 / RLsum | R1 - LEAD-3 | bar met |",
        "| --- | ---: | --- | --- | ---: | --- |",
    ]
    for dataset in DATASETS:
        result = quality(dataset)
        s, b = result.system, result.lead3
        lines.append(
            f"| {dataset} | {sum(1 for _ in (EVAL / dataset).open())} | "
            f"{s['rouge1']:.2f} / {s['rouge2']:.2f} / {s['rougeLsum']:.2f} ({s['words']:.0f} words) | "
            f"{b['rouge1']:.2f} / {b['rouge2']:.2f} / {b['rougeLsum']:.2f} ({b['words']:.0f} words) | "
            f"{s['rouge1'] - b['rouge1']:+.2f} | {'yes' if result.passes else 'no'} |"
        )
    ours, lexrank = speed()
    timings = scale()
    small, large = (timings[size] for size in SCALE_SIZES)
    lines += [
        "",
        "### Speed (one core, the same cleaned articles of cnn-dev, rounds interleaved, best of 5)",
        "",
        "| system | articles/s |",
        "| --- | ---: |",
        f"| Takeaways extractive | {ours:.0f} |",
        f"| sumy LexRank (3 sentences) | {lexrank:.0f} |",
        f"| **ratio** | **{ours / lexrank:.1f}x** (goal: at least 10x) |",
        "",
        "### Scale",
        "",
        "| article | seconds |",
        "| --- | ---: |",
        f"| 10 KB | {small:.4f} |",
        f"| 1 MB | {large:.4f} |",
        f"| **ratio** | **{large / small:.0f}x** for 100x the text (goal: under 150x) |",
        "",
        "Articles longer than `MAX_ARTICLE_CHARS` (200,000 by default) are truncated at intake, and the",
        "summary records it; the 1 MB figure measures the engine itself on the whole text.",
    ]
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
