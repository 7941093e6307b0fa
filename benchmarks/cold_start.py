"""Cold start: each handler's import and initialisation in a fresh process, against a bare ``import boto3``.

Run in one process per sample so nothing is cached between samples; the median of
several samples is reported, and the ratio is what the budget is set on.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = 7
BUDGET_RATIO = 1.5

BASELINE = "import boto3"
# What a cold start does before the first record: import the handler, then build its collaborators.
HANDLERS = {
    "summarise (extractive)": (
        "import takeaways.handlers.summarise as h; from takeaways.handlers.dependencies import summarise_dependencies; "
        "summarise_dependencies()"
    ),
    "notify": (
        "import takeaways.handlers.notify as h; from takeaways.handlers.dependencies import notify_dependencies; "
        "notify_dependencies()"
    ),
    "digest": (
        "import takeaways.handlers.digest as h; from takeaways.handlers.dependencies import digest_dependencies; "
        "digest_dependencies()"
    ),
}
ENVIRONMENT = {
    "ARTICLES_BUCKET": "bench-articles",
    "IDEMPOTENCY_TABLE": "bench-idempotency",
    "STORY_TABLE": "bench-stories",
    "ALERTS_TOPIC_ARN": "arn:aws:sns:us-east-1:123456789012:bench-alerts",
    "DIGEST_TOPIC_ARN": "arn:aws:sns:us-east-1:123456789012:bench-digest",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_ACCESS_KEY_ID": "bench",
    "AWS_SECRET_ACCESS_KEY": "bench",
    "POWERTOOLS_TRACE_DISABLED": "true",
    "POWERTOOLS_METRICS_NAMESPACE": "Takeaways",
}
_TIMER = "import time; _t = time.perf_counter(); {code}; print(time.perf_counter() - _t)"


@dataclass(frozen=True, slots=True)
class ColdStart:
    name: str
    seconds: float
    ratio: float
    openai_imported: bool


def _sample(code: str) -> tuple[float, bool]:
    probe = _TIMER.format(code=code) + "; import sys; print('openai' in sys.modules)"
    env = {**os.environ, **ENVIRONMENT, "PYTHONPATH": str(ROOT / "functions")}
    env.pop("AWS_ENDPOINT_URL", None)
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    ).stdout.split()
    return float(output[0]), output[1] == "True"


def measure() -> tuple[float, list[ColdStart]]:
    """Median seconds of the baseline, and of each handler with its ratio to the baseline."""
    baseline = statistics.median(_sample(BASELINE)[0] for _ in range(SAMPLES))
    results = []
    for name, code in HANDLERS.items():
        samples = [_sample(code) for _ in range(SAMPLES)]
        seconds = statistics.median(s for s, _ in samples)
        results.append(ColdStart(name, seconds, seconds / baseline, any(imported for _, imported in samples)))
    return baseline, results


def report() -> list[str]:
    baseline, results = measure()
    lines = [
        "## Cold start",
        "",
        f"Import plus initialisation in a fresh process, median of {SAMPLES}; baseline `{BASELINE}` "
        f"= {baseline * 1000:.0f} ms in the same run. Budget: at most {BUDGET_RATIO} on the extractive path.",
        "",
        "| handler | ms | ratio to `import boto3` | openai imported | within budget |",
        "| --- | ---: | ---: | --- | --- |",
    ]
    for result in results:
        within = "yes" if result.ratio <= BUDGET_RATIO else "no"
        lines.append(
            f"| {result.name} | {result.seconds * 1000:.0f} | {result.ratio:.2f} | "
            f"{'yes' if result.openai_imported else 'no'} | {within} |"
        )
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
