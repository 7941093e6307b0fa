"""template.yaml deployed onto in-process moto: what exists afterwards and how it is wired."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote_plus

import boto3
import pytest
from moto import mock_aws

from infra.local_stack import DeployedStack, deploy
from infra.template import load_template
from tests.unit.infra.conftest import TEMPLATE


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return load_template(TEMPLATE)


def queue_attributes(stack: DeployedStack, logical_id: str) -> dict[str, str]:
    response = boto3.client("sqs").get_queue_attributes(
        QueueUrl=stack.physical_id(logical_id), AttributeNames=["All"]
    )
    return {str(name): value for name, value in response["Attributes"].items()}


def receive_bodies(stack: DeployedStack, logical_id: str) -> list[dict[str, Any]]:
    messages = (
        boto3.client("sqs")
        .receive_message(QueueUrl=stack.physical_id(logical_id), MaxNumberOfMessages=10)
        .get("Messages", [])
    )
    return [json.loads(message["Body"]) for message in messages]


@pytest.mark.parametrize(
    ("queue", "dead_letter_queue"),
    [("IngestQueue", "IngestDeadLetterQueue"), ("AlertQueue", "AlertDeadLetterQueue")],
)
def test_each_queue_redrives_to_its_dead_letter_queue(
    takeaways_stack: DeployedStack, template: dict[str, Any], queue: str, dead_letter_queue: str
) -> None:
    redrive = json.loads(queue_attributes(takeaways_stack, queue)["RedrivePolicy"])
    assert redrive["deadLetterTargetArn"] == takeaways_stack.attribute(dead_letter_queue, "Arn")
    declared = template["Resources"][queue]["Properties"]["RedrivePolicy"]["maxReceiveCount"]
    assert int(redrive["maxReceiveCount"]) == declared
    assert queue_attributes(takeaways_stack, dead_letter_queue)["MessageRetentionPeriod"] == str(
        14 * 24 * 3600
    )


def test_queue_visibility_covers_six_function_timeouts(takeaways_stack: DeployedStack) -> None:
    for source in takeaways_stack.event_sources:
        timeout = takeaways_stack.functions[source.function_id].timeout_seconds
        visibility = int(
            boto3.client("sqs").get_queue_attributes(
                QueueUrl=source.queue_url, AttributeNames=["VisibilityTimeout"]
            )["Attributes"]["VisibilityTimeout"]
        )
        assert visibility >= 6 * timeout


def test_the_bucket_is_private_versioned_encrypted_and_expires_rejections(
    takeaways_stack: DeployedStack,
) -> None:
    s3 = boto3.client("s3")
    bucket = takeaways_stack.physical_id("ArticlesBucket")
    assert s3.get_bucket_versioning(Bucket=bucket)["Status"] == "Enabled"
    block = s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"]
    assert all(block.values())
    encryption = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]
    assert encryption["Rules"][0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
    rules = s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]
    rejected = [rule for rule in rules if rule.get("Filter", {}).get("Prefix") == "rejected/"]
    assert rejected and rejected[0]["Expiration"]["Days"] == 30


def test_bucket_notifications_route_each_prefix_to_its_queue(takeaways_stack: DeployedStack) -> None:
    s3 = boto3.client("s3")
    bucket = takeaways_stack.physical_id("ArticlesBucket")
    configurations = s3.get_bucket_notification_configuration(Bucket=bucket)["QueueConfigurations"]
    targets = {
        configuration["QueueArn"]: {
            rule["Name"]: rule["Value"] for rule in configuration["Filter"]["Key"]["FilterRules"]
        }
        for configuration in configurations
    }
    assert targets == {
        takeaways_stack.attribute("IngestQueue", "Arn"): {"prefix": "incoming/"},
        takeaways_stack.attribute("AlertQueue", "Arn"): {"prefix": "summaries/", "suffix": ".json"},
    }
    # Setting the configuration made moto send one test event to each queue.
    assert [body.get("Event") for body in receive_bodies(takeaways_stack, "IngestQueue")] == ["s3:TestEvent"]
    assert [body.get("Event") for body in receive_bodies(takeaways_stack, "AlertQueue")] == ["s3:TestEvent"]


def test_uploads_reach_the_queue_of_their_prefix_only(takeaways_stack: DeployedStack) -> None:
    s3 = boto3.client("s3")
    bucket = takeaways_stack.physical_id("ArticlesBucket")
    receive_bodies(takeaways_stack, "IngestQueue")  # the test events
    receive_bodies(takeaways_stack, "AlertQueue")
    s3.put_object(Bucket=bucket, Key="incoming/2026/harbour bridge+ü.txt", Body=b"text")
    s3.put_object(Bucket=bucket, Key="summaries/a.txt", Body=b"not json")
    s3.put_object(Bucket=bucket, Key="rejected/b.json", Body=b"{}")
    s3.put_object(Bucket=bucket, Key="summaries/c.json", Body=b"{}")
    [ingest] = receive_bodies(takeaways_stack, "IngestQueue")
    [alert] = receive_bodies(takeaways_stack, "AlertQueue")
    assert unquote_plus(ingest["Records"][0]["s3"]["object"]["key"]) == "incoming/2026/harbour bridge+ü.txt"
    assert unquote_plus(alert["Records"][0]["s3"]["object"]["key"]) == "summaries/c.json"


def test_tables_expire_items_and_keep_backups(takeaways_stack: DeployedStack) -> None:
    dynamodb = boto3.client("dynamodb")
    for logical_id, ttl_attribute in (("IdempotencyTable", "expiration"), ("StoryTable", "expires_at")):
        table = takeaways_stack.physical_id(logical_id)
        ttl = dynamodb.describe_time_to_live(TableName=table)["TimeToLiveDescription"]
        assert ttl["TimeToLiveStatus"] == "ENABLED"
        assert ttl["AttributeName"] == ttl_attribute
        backups = dynamodb.describe_continuous_backups(TableName=table)["ContinuousBackupsDescription"]
        assert backups["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"] == "ENABLED"
    key = dynamodb.describe_table(TableName=takeaways_stack.physical_id("IdempotencyTable"))["Table"][
        "KeySchema"
    ]
    assert key == [{"AttributeName": "id", "KeyType": "HASH"}]


def test_functions_get_handlers_settings_and_the_environment_of_the_template(
    takeaways_stack: DeployedStack, template: dict[str, Any]
) -> None:
    functions = takeaways_stack.functions
    assert {name: spec.handler for name, spec in functions.items()} == {
        name: resource["Properties"]["Handler"]
        for name, resource in template["Resources"].items()
        if resource["Type"] == "AWS::Serverless::Function"
    }
    summarise, notify = functions["SummariseFunction"], functions["NotifyFunction"]
    globals_timeout = template["Globals"]["Function"]["Timeout"]
    assert summarise.timeout_seconds == template["Resources"]["SummariseFunction"]["Properties"]["Timeout"]
    assert notify.timeout_seconds == globals_timeout
    environment = summarise.environment
    assert environment["ARTICLES_BUCKET"] == takeaways_stack.physical_id("ArticlesBucket")
    assert environment["IDEMPOTENCY_TABLE"] == takeaways_stack.physical_id("IdempotencyTable")
    assert environment["ALERTS_TOPIC_ARN"] == takeaways_stack.physical_id("AlertsTopic")
    assert environment["OPENAI_MODEL"] == template["Parameters"]["OpenAIModel"]["Default"]
    assert environment["OPENAI_API_KEY_SECRET"] == ""
    # Globals give every function the same environment; DeliveryFunction and DigestFunction add the
    # preference links' URL, which PreferencesFunction (whose URL it is) cannot name in its own.
    assert environment["LINK_SIGNING_SECRET"] == takeaways_stack.physical_id("PreferenceLinkKey")
    linking = {"DeliveryFunction", "DigestFunction"}
    for name, spec in functions.items():
        extra = {"PREFERENCES_URL"} if name in linking else set()
        assert {key: value for key, value in spec.environment.items() if key not in extra} == environment, (
            name
        )
    for name in linking:
        assert functions[name].environment["PREFERENCES_URL"] == takeaways_stack.attribute(
            "PreferencesFunctionUrl", "FunctionUrl"
        )


def test_sqs_events_become_event_sources(takeaways_stack: DeployedStack) -> None:
    sources = {source.function_id: source for source in takeaways_stack.event_sources}
    assert set(sources) == {"SummariseFunction", "NotifyFunction", "DeliveryFunction"}
    summarise = sources["SummariseFunction"]
    assert summarise.queue_url == takeaways_stack.physical_id("IngestQueue")
    assert summarise.queue_arn == takeaways_stack.attribute("IngestQueue", "Arn")
    assert summarise.batch_size == 10
    assert summarise.report_batch_item_failures
    assert sources["NotifyFunction"].queue_url == takeaways_stack.physical_id("AlertQueue")


def test_what_is_not_created_is_listed_with_a_reason(takeaways_stack: DeployedStack) -> None:
    skipped = {item.logical_id: item for item in takeaways_stack.skipped}
    assert skipped["SummariseFunctionRole"].resource_type == "AWS::IAM::Role"
    assert skipped["SummariseFunctionArticleCreated"].resource_type == "AWS::Lambda::EventSourceMapping"
    assert skipped["AlertEmailSubscription"].reason == "condition HasAlertEmail is false"
    assert "ArticlesBucketPolicy.DenyInsecureTransport" in skipped
    assert all(item.reason for item in takeaways_stack.skipped)
    assert not boto3.client("lambda").list_functions()["Functions"]
    assert not boto3.client("lambda").list_event_source_mappings()["EventSourceMappings"]


def test_alarms_notify_the_operations_topic(takeaways_stack: DeployedStack, template: dict[str, Any]) -> None:
    declared = {
        name
        for name, resource in template["Resources"].items()
        if resource["Type"] == "AWS::CloudWatch::Alarm"
    }
    alarms = boto3.client("cloudwatch").describe_alarms()["MetricAlarms"]
    assert {alarm["AlarmName"] for alarm in alarms} == {
        takeaways_stack.physical_id(name) for name in declared
    }
    assert all(alarm["AlarmActions"] == [takeaways_stack.physical_id("OperationsTopic")] for alarm in alarms)
    errors = next(
        alarm for alarm in alarms if alarm["AlarmName"] == takeaways_stack.physical_id("SummariseErrorsAlarm")
    )
    assert errors["Dimensions"] == [
        {"Name": "FunctionName", "Value": takeaways_stack.functions["SummariseFunction"].name}
    ]


def test_the_dashboard_shows_every_metric_the_functions_emit(takeaways_stack: DeployedStack) -> None:
    from takeaways import observability

    emitted = {
        value
        for name, value in vars(observability).items()
        if name.isupper()
        and isinstance(value, str)
        and value not in (observability.SERVICE, observability.NAMESPACE)
    }
    assert "SummariesWritten" in emitted
    dashboard = boto3.client("cloudwatch").get_dashboard(
        DashboardName=takeaways_stack.physical_id("OperationsDashboard")
    )
    text = dashboard["DashboardBody"]
    json.loads(text)
    # The model engine's metrics are on the dashboard before any code emits them.
    for metric in emitted | {"ModelTokens", "ModelCostUSD"}:
        assert re.search(rf"\b{metric}\b", text), f"{metric} is missing from the dashboard"
    assert takeaways_stack.attribute("IngestDeadLetterQueue", "QueueName") in text


def test_an_alert_email_parameter_subscribes_that_address(aws: None) -> None:
    stack = deploy(TEMPLATE, stack_name="with-email", parameters={"AlertEmail": "desk@example.com"})
    subscriptions = boto3.client("sns").list_subscriptions_by_topic(TopicArn=stack.physical_id("AlertsTopic"))
    assert [
        (item["Protocol"], item["Endpoint"])
        for item in subscriptions["Subscriptions"]
        if item["Protocol"] != "sqs"
    ] == [("email", "desk@example.com")]
    assert stack.physical_id("AlertEmailSubscription").startswith(stack.physical_id("AlertsTopic"))


def test_outputs_are_resolved(takeaways_stack: DeployedStack) -> None:
    assert takeaways_stack.outputs["ArticlesBucketName"] == takeaways_stack.physical_id("ArticlesBucket")
    assert takeaways_stack.outputs["IngestQueueUrl"] == takeaways_stack.physical_id("IngestQueue")


def test_redeploying_on_a_fresh_moto_gives_the_same_names() -> None:
    with mock_aws():
        first = deploy(TEMPLATE, stack_name="again")
    with mock_aws():
        second = deploy(TEMPLATE, stack_name="again")
    resources = load_template(TEMPLATE)["Resources"]
    # KMS key ids, secret ARN suffixes and subscription ids are chosen by the service, at random.
    chosen_by_kms = {
        name
        for name, resource in resources.items()
        if resource["Type"] in {"AWS::KMS::Key", "AWS::SecretsManager::Secret", "AWS::SNS::Subscription"}
    }
    assert {"OperationsKey", "SummarySigningKey"} <= chosen_by_kms
    assert {name: value for name, value in first.physical_ids.items() if name not in chosen_by_kms} == {
        name: value for name, value in second.physical_ids.items() if name not in chosen_by_kms
    }


def test_chat_function_is_retried_and_dead_lettered_as_the_template_says(
    takeaways_stack: DeployedStack, template: dict[str, Any]
) -> None:
    chat = takeaways_stack.functions["ChatFunction"]
    declared = template["Resources"]["ChatFunction"]["Properties"]
    assert chat.maximum_retry_attempts == declared["EventInvokeConfig"]["MaximumRetryAttempts"]
    assert chat.dead_letter_queue_arn == takeaways_stack.attribute("ChatDeadLetterQueue", "Arn")
    assert chat.environment["CHAT_DEAD_LETTER_QUEUE_URL"] == takeaways_stack.physical_id(
        "ChatDeadLetterQueue"
    )
    assert takeaways_stack.functions["NotifyFunction"].dead_letter_queue_arn is None
