"""What a cold start loads on the extractive path: nothing a function does not use on it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
HEAVY = ("pydantic", "openai", "tiktoken", "aws_lambda_powertools.utilities.batch")
ENVIRONMENT = {
    "ARTICLES_BUCKET": "cold-start",
    "IDEMPOTENCY_TABLE": "idempotency",
    "STORY_TABLE": "stories",
    "ALERTS_TOPIC_ARN": "arn:aws:sns:us-east-1:123456789012:alerts",
    "DIGEST_TOPIC_ARN": "arn:aws:sns:us-east-1:123456789012:digest",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "POWERTOOLS_TRACE_DISABLED": "true",
}


# Article parsing and the engines belong to the summarise function alone.
SUMMARISING = ("takeaways.article", "takeaways.engines")


@pytest.mark.parametrize(
    ("handler", "setup", "unused"),
    [
        ("summarise", "summarise_dependencies", HEAVY),
        ("notify", "notify_dependencies", HEAVY + SUMMARISING),
        ("digest", "digest_dependencies", HEAVY + SUMMARISING),
    ],
)
def test_a_handler_ready_for_its_first_record_has_imported_nothing_it_does_not_use(
    handler: str, setup: str, unused: tuple[str, ...]
) -> None:
    probe = (
        f"import sys, json, takeaways.handlers.{handler} as module; "
        f"from takeaways.handlers.dependencies import {setup}; {setup}(); "
        f"print(json.dumps([name for name in {unused!r} if name in sys.modules] + [callable(module.handler)]))"
    )
    environment = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT / "functions"), **ENVIRONMENT}
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=environment
    ).stdout
    assert json.loads(output) == [True]
