"""What a cold start loads on the extractive path: the heavy libraries only the model engine needs stay out."""

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


@pytest.mark.parametrize(
    ("handler", "setup"),
    [
        ("summarise", "summarise_dependencies"),
        ("notify", "notify_dependencies"),
        ("digest", "digest_dependencies"),
    ],
)
def test_a_handler_ready_for_its_first_record_has_not_imported_the_model_stack(
    handler: str, setup: str
) -> None:
    probe = (
        f"import sys, json, takeaways.handlers.{handler} as module; "
        f"from takeaways.handlers.dependencies import {setup}; {setup}(); "
        f"print(json.dumps([name for name in {HEAVY!r} if name in sys.modules] + [callable(module.handler)]))"
    )
    environment = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT / "functions"), **ENVIRONMENT}
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=environment
    ).stdout
    assert json.loads(output) == [True]
