"""Claims on (alert, subscriber) copies, in the idempotency table: one conditional write per copy.

The item expires with the table's TTL after the alert can no longer be redelivered (the queue
keeps a message for at most four days, the dead-letter queue for fourteen).
"""

from __future__ import annotations

import hashlib
import time
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

CLAIM_SECONDS = 15 * 24 * 3600


class DynamoDeliveryClaims:
    def __init__(self, client: DynamoDBClient, table_name: str) -> None:
        self._dynamodb = client
        self._table = table_name

    def claim(self, alert_id: str, subscriber_id: str) -> bool:
        try:
            self._dynamodb.put_item(
                TableName=self._table,
                Item={
                    "id": {"S": _key(alert_id, subscriber_id)},
                    "expiration": {"N": str(int(time.time()) + CLAIM_SECONDS)},
                },
                ConditionExpression="attribute_not_exists(id)",
            )
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                return False
            raise
        return True

    def release(self, alert_id: str, subscriber_id: str) -> None:
        self._dynamodb.delete_item(TableName=self._table, Key={"id": {"S": _key(alert_id, subscriber_id)}})


def _key(alert_id: str, subscriber_id: str) -> str:
    # Beside powertools' own keys in the same table, which are "<function>#<hash>".
    return "delivery#" + hashlib.sha256(f"{alert_id}\n{subscriber_id}".encode()).hexdigest()
