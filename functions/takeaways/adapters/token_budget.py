"""The daily model-token budget, kept in the story table under one item per UTC day.

The item is ``pk = budget#<YYYY-MM-DD>``, ``sk = item`` with a numeric ``spent`` and the
table's TTL attribute ``expires_at``, so old days clean themselves up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

_RETENTION_SECONDS = 3 * 24 * 3600
_log = logging.getLogger(__name__)


class DailyTokenBudget:
    """Counts tokens spent per UTC day; once the limit is reached the model is not called until midnight.

    The count is an atomic ``ADD``, so concurrent functions share one budget; a read that
    fails allows the call (the budget protects cost, it must not stop the service).
    """

    def __init__(
        self,
        client: DynamoDBClient,
        table_name: str,
        *,
        daily_limit: int,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._dynamodb = client
        self._table = table_name
        self.daily_limit = daily_limit
        self._clock = clock

    def allows(self, estimated_tokens: int) -> bool:
        try:
            item = self._dynamodb.get_item(TableName=self._table, Key=self._key(), ConsistentRead=True).get(
                "Item"
            )
        except (ClientError, BotoCoreError) as error:
            # Open, not shut: the budget protects cost and must not stop the service, but says so.
            _log.warning("token budget could not be read; the model call is allowed: %s", error)
            return True
        spent = int(item["spent"]["N"]) if item and "spent" in item else 0
        return spent + estimated_tokens <= self.daily_limit

    def spend(self, tokens: int) -> None:
        if tokens <= 0:
            return
        expires = int(self._clock().timestamp()) + _RETENTION_SECONDS
        try:
            self._dynamodb.update_item(
                TableName=self._table,
                Key=self._key(),
                UpdateExpression="ADD spent :tokens SET expires_at = :expires",
                ExpressionAttributeValues={":tokens": {"N": str(tokens)}, ":expires": {"N": str(expires)}},
            )
        except (ClientError, BotoCoreError) as error:
            # An unrecorded spend is a small overrun, not a reason to lose the summary.
            _log.warning("token budget spend of %d tokens was not recorded: %s", tokens, error)

    def _key(self) -> dict[str, dict[str, str]]:
        return {
            "pk": {"S": f"budget#{self._clock().astimezone(UTC).date().isoformat()}"},
            "sk": {"S": "item"},
        }
