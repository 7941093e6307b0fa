"""`make demo`, the first command a newcomer runs, as they run it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def run_demo(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "infra.demo", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_demo_shows_what_each_kind_of_subscriber_receives() -> None:
    demo = run_demo()
    assert demo.returncode == 0, demo.stderr
    out = demo.stdout
    for section in (
        "E-MAIL to reader@example.com",
        "SMS to +",
        "WEBHOOK: the POST",
        "SQS: a queue subscriber's message",
        "LAMBDA: the event",
        "SLACK: ",
        "MICROSOFT TEAMS: ",
        "DISCORD: ",
        "STORED",
    ):
        assert section in out
    email = out.split("E-MAIL to", 1)[1].split("SMS to", 1)[0]
    assert "Subject: " in email and "Key takeaways:" in email and "Unsubscribe: http://127.0.0.1:" in email
    sms = out.split("SMS to", 1)[1].split("WEBHOOK:", 1)[0]
    [sms_line] = [line for line in sms.splitlines() if line.endswith("characters)")]
    headline = email.split("Subject: ", 1)[1].splitlines()[0]
    assert sms_line.strip().startswith(headline[:40])
    webhook = out.split("WEBHOOK:", 1)[1].split("SQS:", 1)[0]
    body = webhook[webhook.index("\n  {") : webhook.index("\n  }") + 4]
    alert = json.loads(body)  # the JSON on screen is the document, only its tokens cut
    assert alert["headline"] == headline and alert["preference_links"]
    assert "x-amz-sns-rawdelivery: true" in webhook
    assert "this subscriber's own preference links" in out.split("SQS:", 1)[1]
    slack = out.split("SLACK: ", 1)[1].split("MICROSOFT TEAMS: ", 1)[0]
    assert headline.upper() in slack and "Manage alerts: " in slack and "http" not in slack
    assert "as the Slack message above" in out.split("MICROSOFT TEAMS: ", 1)[1]
    tokens = re.findall(r"token=([^\s\"]+)", out)
    assert tokens and all(token.endswith("…") and len(token) <= 10 for token in tokens)
    whole = json.loads((ROOT / ".takeaways" / "demo-messages.json").read_text())
    assert set(whole) == {"email", "sms", "webhook", "sqs", "slack", "teams", "discord"}
    assert "…" not in json.dumps(whole, ensure_ascii=False)  # the file keeps the messages whole
    assert "Traceback" not in demo.stderr


def test_the_demo_on_an_article_too_short_to_summarise_names_the_rejection(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Short note.\n")
    demo = run_demo("--article", str(note))
    assert demo.returncode == 1
    assert "No alert: the article was rejected." in demo.stdout
    assert "rejected: too_short" in demo.stdout
