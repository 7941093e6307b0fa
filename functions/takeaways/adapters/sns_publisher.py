"""An SNS topic as the publisher of alerts and digests."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from botocore.exceptions import (
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ParamValidationError,
)

from takeaways.pipeline.ports import Publishable, PublishOutcomeUnknown, PublishRefused

if TYPE_CHECKING:
    from mypy_boto3_sns import SNSClient


class SnsTopicPublisher:
    """Publishes one message per alert or digest, with a version per protocol and filterable attributes.

    Failures are sorted by what they say about the message: SNS answering with an error, a
    connection that never opened or a request that never left means nothing went out; any other
    failure (a read timeout, a connection closed mid-answer) may have published it.
    """

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
        except (ClientError, EndpointConnectionError, ConnectTimeoutError, ParamValidationError) as error:
            raise PublishRefused(f"could not publish to {self._topic_arn}: {error}") from error
        except Exception as error:
            raise PublishOutcomeUnknown(f"no answer from {self._topic_arn}: {error}") from error
        return response["MessageId"]
