"""FeedPollerFunction's log: a line at info for a poll that fetched something, at debug for one with nothing due."""

from __future__ import annotations

from typing import Any

import pytest

from takeaways.feeds.poller import PollReport
from takeaways.handlers import feed_poller


class _Lines:
    """Stands in for the functions' logger: which level each message was logged at."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str]] = []

    def info(self, message: str, **_: Any) -> None:
        self.lines.append(("info", message))

    def debug(self, message: str, **_: Any) -> None:
        self.lines.append(("debug", message))


def test_a_poll_with_no_feed_due_logs_at_debug_and_one_that_fetched_at_info(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    logged = _Lines()
    monkeypatch.setattr(feed_poller, "logger", logged)
    feed_poller._record(PollReport())
    feed_poller._record(PollReport(feeds_due=2, entries_new=3, articles=["incoming/feeds/wire/a.json"]))
    feed_poller._record(PollReport(feeds_failing=1))  # nothing due, but a feed keeps failing: worth a line
    assert logged.lines == [("debug", "feeds polled"), ("info", "feeds polled"), ("info", "feeds polled")]
