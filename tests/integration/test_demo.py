"""`make demo`, the first command a newcomer runs, as they run it."""

from __future__ import annotations

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
    for section in ("E-MAIL", "SMS", "JSON for SQS, Lambda and HTTPS subscribers", "STORED", "CHAT"):
        assert section in demo.stdout
    assert (
        "Slack, " in demo.stdout
        and "Teams, an Adaptive Card" in demo.stdout
        and "Discord, an embed" in demo.stdout
    )
    assert "Key takeaways:" in demo.stdout
    assert "Traceback" not in demo.stderr


def test_the_demo_on_an_article_too_short_to_summarise_names_the_rejection(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Short note.\n")
    demo = run_demo("--article", str(note))
    assert demo.returncode == 1
    assert "No alert: the article was rejected." in demo.stdout
    assert "rejected: too_short" in demo.stdout
