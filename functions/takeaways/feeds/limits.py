"""Every limit and default of feed fetching, in one place (the poller, the CLI and the tests read them here)."""

from __future__ import annotations

from dataclasses import dataclass

# Robots.txt rules are matched against this product token; the full string names what we are.
ROBOTS_AGENT = "TakeawaysBot"
USER_AGENT = f"{ROBOTS_AGENT}/1.0 (news summaries of feeds an operator subscribed to; honours robots.txt)"

DEFAULT_INTERVAL_MINUTES = 15
MIN_INTERVAL_MINUTES = 5
MAX_INTERVAL_MINUTES = 24 * 60

# Consecutive failures: a failing feed waits interval x 2^failures (at most MAX_BACKOFF_MINUTES) before
# its next try, counts as failing (and alarms) from FAILING_AFTER on, and is suspended at SUSPEND_AFTER:
# an operator re-adds it once the publisher is fixed.
MAX_BACKOFF_MINUTES = 24 * 60
FAILING_AFTER = 3
SUSPEND_AFTER = 8

# An entry whose page keeps failing for passing reasons is tried this many polls, then recorded as rejected.
MAX_ENTRY_ATTEMPTS = 3
# A claim left by a poller that died mid-entry may be taken over after this long.
CLAIM_EXPIRY_SECONDS = 15 * 60
# How long an entry's GUID and canonical URL are remembered (feeds rarely keep entries longer).
SEEN_TTL_SECONDS = 90 * 24 * 3600
# New entries handled per feed per poll; the rest wait for the next poll (the feed's validators are
# then not stored, so a 304 cannot hide them).
MAX_ENTRIES_PER_POLL = 200


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """What one fetch may cost. ``host_interval_seconds`` is the least time between two requests to a host."""

    timeout_seconds: float = 10.0
    max_feed_bytes: int = 5_000_000
    max_page_bytes: int = 3_000_000
    max_robots_bytes: int = 500_000
    max_redirects: int = 5
    host_interval_seconds: float = 1.0
    robots_cache_seconds: float = 3600.0
