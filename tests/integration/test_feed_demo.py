"""`make demo FEED=...`: a loopback feed polled on the local stack, as a newcomer runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def run_feed_demo(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "infra.feed_demo", *arguments],
        cwd=ROOT,
        # This tree's functions, whichever tree the virtualenv's editable install points at.
        env={**os.environ, "PYTHONPATH": str(ROOT / "functions")},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_sample_feed_becomes_one_e_mail_per_story_and_an_unchanged_feed_costs_a_304() -> None:
    demo = run_feed_demo("--feed", "samples/feeds/coastal-times")
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.count("E-MAIL to reader@example.com") == 2
    assert "Traceback" not in demo.stderr
    assert "Night ferry to the islands returns after a two-year pause" in demo.stdout
    assert "Source: Coastal Times" in demo.stdout
    assert "articles written 2" in demo.stdout
    assert "not modified 1" in demo.stdout


def test_a_folder_without_a_feed_is_named(tmp_path: Path) -> None:
    demo = run_feed_demo("--feed", str(tmp_path))
    assert demo.returncode == 2 and "no feed in" in demo.stderr
