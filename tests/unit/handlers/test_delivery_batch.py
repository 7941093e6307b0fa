"""DeliveryFunction's subscribers: read once per invocation, and a failed read is not repeated per message."""

from __future__ import annotations

import pytest

from takeaways.alerts.subscription import SubscriberRecord
from takeaways.handlers.delivery import SubscribersOfThisBatch


class _Registry:
    def __init__(self, fails: bool = False) -> None:
        self.reads = 0
        self.fails = fails

    def read(self) -> list[SubscriberRecord]:
        self.reads += 1
        if self.fails:
            raise ConnectionError("the subscriber table could not be read")
        return []


def test_one_read_serves_every_message_of_the_batch() -> None:
    registry, batch = _Registry(), SubscribersOfThisBatch()
    assert batch(registry.read) == [] and batch(registry.read) == []
    assert registry.reads == 1
    SubscribersOfThisBatch()(registry.read)  # the next invocation reads again: a new subscriber is seen
    assert registry.reads == 2


def test_a_failed_read_fails_the_rest_of_the_batch_without_asking_again() -> None:
    registry, batch = _Registry(fails=True), SubscribersOfThisBatch()
    for _ in range(3):
        with pytest.raises(ConnectionError):
            batch(registry.read)
    assert registry.reads == 1
