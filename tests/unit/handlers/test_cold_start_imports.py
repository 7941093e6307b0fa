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
    "SUBSCRIBER_TABLE": "subscribers",
    "ALERTS_TOPIC_ARN": "arn:aws:sns:us-east-1:123456789012:alerts",
    "SUBSCRIBER_TOPIC_ARN": "arn:aws:sns:us-east-1:123456789012:digest",
    "CHAT_DEAD_LETTER_QUEUE_URL": "https://sqs.us-east-1.amazonaws.com/123456789012/chat-dlq",
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
        ("chat", "chat_dependencies", HEAVY + SUMMARISING),
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


# NotifyFunction, DigestFunction and ChatFunction are built without these (functions/Makefile, build-NotifyFunction).
NOT_IN_THE_ALERT_PACKAGES = ("openai", "pydantic", "tiktoken", "tiktoken_ext")
ALERT_PATH = """
import importlib.abc, sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

class NotPackaged(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {blocked!r}:
            raise ImportError(name + " is not in the alert functions' packages")
        return None

sys.meta_path.insert(0, NotPackaged())
import takeaways.text.language as language, takeaways.text.topics as topics
import takeaways.engines.grounding_model as grounding_model
language.MODEL_FILE = topics.MODEL_FILE = Path("/not/packaged/text/models")  # removed from those packages
grounding_model.MODEL_FILE = Path("/not/packaged/engines/models/grounding-check.json")
import takeaways.handlers.notify, takeaways.handlers.digest, takeaways.handlers.chat
from takeaways.alerts.digest import DigestHeading, render_digest, select_stories
from takeaways.alerts.filter_policy import Preferences
from takeaways.alerts.chat.render import render_chat
from takeaways.alerts.render import render_alert
from takeaways.pipeline.notify import story_probe
from takeaways.stories.threads import decide_story
from tests.unit.alerts.test_render import make_record

record = make_record()
decision = decide_story(story_probe(record, "alert-1", datetime.now(UTC)), [], {{}}, window=timedelta(hours=48))
alert = render_alert(record, summary_uri="s3://articles/summaries/a.json")
moment = datetime.now(UTC)
heading = DigestHeading(subscriber_id="sub-1", frequency="daily", period="daily:x", since=moment, until=moment)
stories = select_stories([alert.payload], Preferences(topics=["economy"]))
[digest] = render_digest(heading, stories)
chat = [render_chat(platform, alert.payload) for platform in ("slack", "teams", "discord")]
print(decision.relation, len(alert.sns_message()) > 0, digest.payload.story_count, len(chat))
"""


def test_the_alert_path_runs_without_the_model_engine_and_the_models() -> None:
    script = ALERT_PATH.format(blocked=set(NOT_IN_THE_ALERT_PACKAGES))
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": os.pathsep.join([str(ROOT / "functions"), str(ROOT)]),
        **ENVIRONMENT,
    }
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["new", "True", "1", "3"]


def test_the_alert_packages_leave_out_the_model_engine_and_the_models() -> None:
    makefile = (ROOT / "functions" / "Makefile").read_text()
    alert_requirements = (ROOT / "functions" / "requirements-alerts.txt").read_text().lower()
    assert (
        "build-NotifyFunction build-DigestFunction build-PreferencesFunction build-DeliveryFunction build-ChatFunction:"
        in makefile
    )
    assert (
        'rm -rf "$(ARTIFACTS_DIR)/takeaways/text/models" "$(ARTIFACTS_DIR)/takeaways/engines/models"'
        in makefile
    )
    assert not any(name.replace("_", "-") in alert_requirements for name in NOT_IN_THE_ALERT_PACKAGES)
