"""The feed poller's pace lives in the template's schedule and in `make up`; what people read quotes them."""

from __future__ import annotations

import argparse
import re

import pytest

from infra.template import load_template
from infra.up import FEED_POLL_SECONDS
from takeaways.cli_feeds import _add
from tests.unit.infra.conftest import ROOT, TEMPLATE


def template_rate() -> str:
    schedule = load_template(TEMPLATE)["Resources"]["FeedPollerFunction"]["Properties"]["Events"]["Poll"]
    rate = re.fullmatch(r"rate\((\d+ \w+)\)", schedule["Properties"]["Schedule"])
    assert rate is not None
    return rate[1]


class _FeedTable:
    """Takes the feed and keeps nothing: only what `feeds add` prints is tested."""

    def put_feed(self, feed: object) -> None:
        pass


def added(stack: str | None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setattr(
        "takeaways.cli_feeds._table", lambda args: type("T", (), {"put_feed": lambda self, f: None})()
    )
    arguments = argparse.Namespace(
        url="https://wire.example/feed.xml",
        source="Wire",
        trusted=False,
        language=None,
        topics="",
        every=15,
        stack=stack,
    )
    assert _add(arguments) == 0
    return capsys.readouterr().out


def test_feeds_add_quotes_the_template_s_schedule_and_make_up_s_pace(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert f"every {template_rate()}" in added("takeaways-prod", monkeypatch, capsys)
    assert f"every {FEED_POLL_SECONDS} s" in added(None, monkeypatch, capsys)
    assert f"every {template_rate()}" in (ROOT / "README.md").read_text()
