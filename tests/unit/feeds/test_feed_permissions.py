"""The feed poller's S3 grants in template.yaml: its own prefixes, nothing else (moto does not enforce IAM)."""

import pytest

from tests.unit.infra.test_permissions import BUCKET, allowed


@pytest.mark.parametrize(
    "resource",
    [
        f"{BUCKET}/incoming/feeds/city-herald/2026/12/02/tram.json",
        f"{BUCKET}/rejected/feeds/city-herald/feed-1.json",
    ],
)
def test_the_poller_may_write_feed_articles_and_feed_rejections(resource: str) -> None:
    assert allowed("FeedPollerFunction", "s3:PutObject", resource)


@pytest.mark.parametrize(
    ("action", "resource"),
    [
        ("s3:PutObject", f"{BUCKET}/incoming/2026/12/uploaded-by-hand.txt"),
        ("s3:PutObject", f"{BUCKET}/summaries/article.json"),
        ("s3:GetObject", f"{BUCKET}/incoming/feeds/city-herald/2026/12/02/tram.json"),
        ("s3:DeleteObject", f"{BUCKET}/incoming/feeds/city-herald/2026/12/02/tram.json"),
    ],
)
def test_the_poller_cannot_touch_anything_else(action: str, resource: str) -> None:
    assert not allowed("FeedPollerFunction", action, resource)
