"""An SNS topic as the publisher of alerts and digests."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from takeaways.errors import TransientFailure
from takeaways.pipeline.ports import Publishable

if TYPE_CHECKING:
    from mypy_boto3_sns import SNSClient


class SnsTopicPublisher:
    """Publishes one message per alert or digest, with a version per protocol and filterable attributes."""

    def __init__(self, client: SNSClient, topic_arn: str) -> None:
        self._sns = client
        self._topic_arn = topic_arn

    def publish(self, alert: Publishable) -> str:
        attributes: Any = alert.attributes
        try:
            response = self._sns.publish(
                TopicArn=self._topic_arn,
                Subject=alert.subject,
                Message=alert.sns_message(),
                MessageStructure="json",
                MessageAttributes=attributes,
            )
        except ClientError as error:
            raise TransientFailure(f"could not publish to {self._topic_arn}: {error}") from error
        return response["MessageId"]
