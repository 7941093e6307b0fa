"""The fault mix ``make load`` runs under: transient SNS and DynamoDB errors, lost answers, slow articles.

Faults are injected at botocore's call boundary in this process, where the local runner drives both
functions, so the code under test sees exactly what a throttle, a lost answer or a slow read looks
like. Each injected fault is remembered against the article it hit, so the reconciliation can say
how many alerts each kind of fault produced: exactly one per article, or the run failed.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from unittest.mock import patch

from botocore.client import BaseClient
from botocore.exceptions import ClientError, ReadTimeoutError

SLOW_READ_SECONDS = 1.0


@dataclass
class FaultMix:
    """Shares of calls that fail, and which articles are slow; every injection is recorded."""

    sns_throttled: float = 0.03
    sns_answer_lost: float = 0.01
    dynamodb_throttled: float = 0.02
    slow_every: int = 100
    seed: int = 20261202
    hits: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    injected: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()

    def _roll(self, share: float) -> bool:
        with self._lock:
            return self._rng.random() < share

    def _hit(self, fault: str, article: str) -> None:
        with self._lock:
            self.hits[fault].add(article)
            self.injected[fault] += 1

    @contextmanager
    def active(self) -> Iterator[FaultMix]:
        original = vars(BaseClient)["_make_api_call"]

        def make_api_call(client: BaseClient, operation: str, params: dict[str, Any]) -> Any:
            if operation == "Publish" and "summary_object" in str(params.get("Message", "")):
                article = _alert_summary(params)
                if self._roll(self.sns_throttled):
                    self._hit("sns throttled", article)
                    raise ClientError({"Error": {"Code": "Throttled", "Message": "injected"}}, operation)
                if self._roll(self.sns_answer_lost):
                    original(client, operation, params)
                    self._hit("sns answer lost", article)
                    raise ReadTimeoutError(endpoint_url="injected")
            if operation in {"TransactWriteItems", "PutItem", "UpdateItem"} and self._roll(
                self.dynamodb_throttled
            ):
                self._hit(f"dynamodb {operation} throttled", "-")
                raise ClientError(
                    {"Error": {"Code": "ProvisionedThroughputExceededException", "Message": "injected"}},
                    operation,
                )
            if operation == "GetObject" and str(params.get("Key", "")).startswith("incoming/"):
                number = _article_number(str(params["Key"]))
                if number is not None and number % self.slow_every == self.slow_every - 1:
                    self._hit("slow article", str(params["Key"]))
                    time.sleep(SLOW_READ_SECONDS)
            return original(client, operation, params)

        with patch.object(BaseClient, "_make_api_call", new=make_api_call):
            yield self


def _alert_summary(params: dict[str, Any]) -> str:
    try:
        return str(json.loads(json.loads(params["Message"])["default"])["summary_object"])
    except (KeyError, ValueError, TypeError):
        return "-"


def _article_number(key: str) -> int | None:
    digits = "".join(c for c in key.rsplit("/", 1)[-1] if c.isdigit())
    return int(digits) if digits else None
