"""Cold start: each handler's import and initialisation in a fresh process, against a bare ``import boto3``.

Run in one process per sample so nothing is cached between samples; the median of
several samples is reported, and the ratio is what the budget is set on. A second
baseline, the *AWS floor*, imports boto3 and creates the same clients the handler's
first record needs: any Python function using those services pays it, so the
readiness of a handler is also reported against it.
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
# Each handler's module import (Lambda's Init phase), and the collaborators its first record needs.
HANDLERS = {
    "summarise (extractive)": ("takeaways.handlers.summarise", "summarise_dependencies"),
    "notify": ("takeaways.handlers.notify", "notify_dependencies"),
    "digest": ("takeaways.handlers.digest", "digest_dependencies"),
}
# The boto3 clients each handler's first record creates (see takeaways.adapters.clients).
CLIENTS = {
    "summarise (extractive)": ("s3", "dynamodb"),
    "notify": ("s3", "dynamodb", "sns"),
    "digest": ("dynamodb", "sns"),
}
ENVIRONMENT = {
    "ARTICLES_BUCKET": "bench-articles",
    "IDEMPOTENCY_TABLE": "bench-idempotency",
    "STORY_TABLE": "bench-stories",
    "SUBSCRIBER_TABLE": "bench-subscribers",
    "ALERTS_TOPIC_ARN": "arn:aws:sns:us-east-1:123456789012:bench-alerts",
    "SUBSCRIBER_TOPIC_ARN": "arn:aws:sns:us-east-1:123456789012:bench-digest",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_ACCESS_KEY_ID": "bench",
    "AWS_SECRET_ACCESS_KEY": "bench",
    "POWERTOOLS_TRACE_DISABLED": "true",
    "POWERTOOLS_METRICS_NAMESPACE": "Takeaways",
}


@dataclass(frozen=True, slots=True)
class ColdStart:
    name: str
    import_seconds: float
    total_seconds: float
    baseline_seconds: float
    floor_seconds: float
    openai_imported: bool

    @property
    def import_ratio(self) -> float:
        return self.import_seconds / self.baseline_seconds

    @property
    def total_ratio(self) -> float:
        return self.total_seconds / self.baseline_seconds

    @property
    def over_floor_ratio(self) -> float:
        return self.total_seconds / self.floor_seconds


_PROBE = """
import sys, time
started = time.perf_counter()
import {module}
imported = time.perf_counter()
from takeaways.handlers.dependencies import {setup}
{setup}()
ready = time.perf_counter()
print(imported - started, ready - started, "openai" in sys.modules)
"""

_FLOOR = """
import time
started = time.perf_counter()
import boto3
from botocore.config import Config
session = boto3.session.Session()
config = Config(retries={{"mode": "standard", "max_attempts": 4}})
for service in {services!r}:
    session.client(service, config=config)
print(time.perf_counter() - started)
"""


def _run(code: str) -> list[str]:
    env = {**os.environ, **ENVIRONMENT, "PYTHONPATH": str(ROOT / "functions")}
    env.pop("AWS_ENDPOINT_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    )
    return done.stdout.split()


def _median_seconds(code: str) -> float:
    return statistics.median(float(_run(code)[0]) for _ in range(SAMPLES))


def measure() -> tuple[float, list[ColdStart]]:
    """Median seconds of the baseline, and of each handler's import, import-plus-setup and AWS floor."""
    baseline = _median_seconds(
        "import time; t = time.perf_counter(); import boto3; print(time.perf_counter() - t)"
    )
    results = []
    for name, (module, setup) in HANDLERS.items():
        samples = [_run(_PROBE.format(module=module, setup=setup)) for _ in range(SAMPLES)]
        results.append(
            ColdStart(
                name,
                statistics.median(float(sample[0]) for sample in samples),
                statistics.median(float(sample[1]) for sample in samples),
                baseline,
                _median_seconds(_FLOOR.format(services=CLIENTS[name])),
                any(sample[2] == "True" for sample in samples),
            )
        )
    return baseline, results


def report() -> list[str]:
    baseline, results = measure()
    lines = [
        "## Cold start",
        "",
        f"Fresh process per sample, median of {SAMPLES}; baseline `import boto3` = {baseline * 1000:.0f} ms "
        "in the same run.",
        "",
        "- *Init* is what Lambda's Init phase runs: the handler module's import. The goal is at most "
        f"{BUDGET_RATIO} times the baseline, on the extractive path.",
        "- *Ready* adds what the first record needs: validated settings, the boto3 clients and the engine.",
        "- *AWS floor* is `import boto3` plus creating the same clients and nothing else. Every Python "
        "function that uses those services pays it.",
        "",
        "| handler | init ms | init ratio | ready ms | ready ratio | AWS floor ms | ready / floor "
        "| openai imported |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for result in results:
        lines.append(
            f"| {result.name} | {result.import_seconds * 1000:.0f} | {result.import_ratio:.2f} | "
            f"{result.total_seconds * 1000:.0f} | {result.total_ratio:.2f} | "
            f"{result.floor_seconds * 1000:.0f} | {result.over_floor_ratio:.2f} | "
            f"{'yes' if result.openai_imported else 'no'} |"
        )
    met = all(result.import_ratio <= BUDGET_RATIO for result in results)
    lines += [
        "",
        f"Init goal (at most {BUDGET_RATIO}): {'met by every handler' if met else 'NOT met'}.",
    ]
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
