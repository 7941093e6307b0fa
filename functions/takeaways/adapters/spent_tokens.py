"""Spent preference-link tokens in DynamoDB: written once, conditionally, and expired by the table's TTL.

An item outlives its token by a day, so a token can never be spent twice while it could still
verify; after that, the token's own expiry refuses it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

_GRACE_SECONDS = 24 * 3600


class DynamoSpentTokens:
    def __init__(self, client: DynamoDBClient, table_name: str) -> None:
        self._dynamodb = client
        self._table = table_name

    def is_spent(self, token_id: str) -> bool:
        item = self._dynamodb.get_item(
            TableName=self._table, Key={"token_id": {"S": token_id}}, ConsistentRead=True
        ).get("Item")
        return item is not None

    def spend(self, token_id: str, expires_at: int) -> bool:
        try:
            self._dynamodb.put_item(
                TableName=self._table,
                Item={"token_id": {"S": token_id}, "expires_at": {"N": str(expires_at + _GRACE_SECONDS)}},
                ConditionExpression="attribute_not_exists(token_id)",
            )
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                return False
            raise
        return True

    def give_back(self, token_id: str) -> None:
        self._dynamodb.delete_item(TableName=self._table, Key={"token_id": {"S": token_id}})
