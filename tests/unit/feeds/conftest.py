from collections.abc import Iterator

import pytest

from infra.feed_site import LoopbackSite
from takeaways.feeds.fetch import Fetcher
from takeaways.feeds.limits import FetchLimits
from takeaways.feeds.urls import AddressPolicy


@pytest.fixture
def site() -> Iterator[LoopbackSite]:
    with LoopbackSite() as running:
        yield running


@pytest.fixture
def fetcher() -> Fetcher:
    """The local stack's policy (loopback allowed), short limits so slow servers cost a fraction of a second."""
    return Fetcher(
        AddressPolicy(allow_loopback=True),
        FetchLimits(
            timeout_seconds=0.5, max_feed_bytes=200_000, max_page_bytes=100_000, host_interval_seconds=0
        ),
    )
