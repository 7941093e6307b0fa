"""Intake scale: does parsing hostile input grow linearly with its size?

Each hostile shape is parsed at a base size and at ten times that size; a linear parser
takes about ten times as long (ratio ~10), a quadratic one about a hundred times. The
baseline is a plain, well-formed page of the same sizes, measured in the same run, so
the table also shows how much dearer each hostile shape is than an ordinary page.
"""

from __future__ import annotations

import contextlib
import statistics
import time
from collections.abc import Callable

from takeaways.article import parse_article
from takeaways.errors import ArticleRejected

BASE = 20_000
SAMPLES = 3
_PARAGRAPH = (
    "<p>The harbour board agreed new mooring fees for the marina on Tuesday evening, and boat owners "
    "will pay eight percent more from April.</p>"
)


_TEXT = "The harbour board agreed new mooring fees for the marina on Tuesday evening. " * 3


def _page(inner: str) -> bytes:
    return f"<!doctype html><html><body>{_PARAGRAPH * 3}{inner}</body></html>".encode()


# name -> document of n repeated units
SHAPES: dict[str, Callable[[int], bytes]] = {
    "plain page (baseline)": lambda n: _page(_PARAGRAPH * (n // 20)),
    "stray end tags under open tags": lambda n: _page("<div>" * n + "</span>" * n),
    "unterminated '<a'": lambda n: _page("<p>" + "<a" * n),
    "unterminated '<!--'": lambda n: _page("<p>" + "<!--" * n),
    "unterminated '<![CDATA['": lambda n: _page("<p>" + "<![CDATA[" * n),
    "unclosed nested blocks": lambda n: _page("<div><p>word " * n),
    "Markdown: unclosed '['": lambda n: ("# Fees\n\n" + _TEXT + "[" * n).encode(),
    "Markdown: unclosed '[a]('": lambda n: ("# Fees\n\n" + _TEXT + "[a](" * n).encode(),
}


def _seconds(document: bytes) -> float:
    timings = []
    for _ in range(SAMPLES):
        started = time.perf_counter()
        with contextlib.suppress(ArticleRejected):
            parse_article(document, "page.md" if document.startswith(b"#") else "page.html")
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def report() -> list[str]:
    baseline = _seconds(SHAPES["plain page (baseline)"](BASE * 10))
    lines = [
        f"`parse_article` on hostile HTML and Markdown at {BASE:,} and {BASE * 10:,} repeated units (median of {SAMPLES}).",
        "A linear parser's 10x ratio is about 10; a quadratic one's about 100.",
        "",
        "| input | 10x input / 1x input | 10x input / plain page of 10x |",
        "| --- | ---: | ---: |",
    ]
    for name, shape in SHAPES.items():
        small, large = _seconds(shape(BASE)), _seconds(shape(BASE * 10))
        lines.append(f"| {name} | {large / small:.1f} | {large / baseline:.2f} |")
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
