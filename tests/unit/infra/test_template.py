"""Reading a template and resolving its intrinsic functions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from infra.local_stack import deployment_order
from infra.template import (
    PseudoParameters,
    Resolver,
    TemplateError,
    UnresolvedReference,
    load_template,
    references,
)
from tests.unit.infra.conftest import TEMPLATE

SMALL = """\
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Stage:
    Type: String
    Default: test
    AllowedValues: [test, prod]
  Email:
    Type: String
    Default: ""
  Zones:
    Type: CommaDelimitedList
    Default: "a, b"
Mappings:
  Sizes:
    test: {Memory: 128}
    prod: {Memory: 1024}
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  HasEmail: !Not [!Equals [!Ref Email, ""]]
  ProdWithEmail: !And [!Condition IsProd, !Condition HasEmail]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub "${AWS::StackName}-${Stage}-queue"
  Topic:
    Type: AWS::SNS::Topic
    DependsOn: Queue
    Properties:
      DisplayName: !Join ["/", [!Ref Stage, !GetAtt Queue.QueueName]]
  Table:
    Type: AWS::DynamoDB::Table
    Condition: HasEmail
    Properties:
      TableName: !Sub
        - "${Prefix}-${Topic.TopicName}-${!Literal}"
        - Prefix: !Select [1, !Split ["-", "x-y-z"]]
Outputs:
  Date:
    Value: 2026-11-25
"""


@pytest.fixture
def small(tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL)
    return load_template(path)


def resolver(template: dict[str, Any], **parameters: str) -> Resolver:
    deployed = {"Queue": "https://queue.example/q", "Topic": "arn:aws:sns:eu-west-1:111122223333:t"}
    attributes = {"Queue": {"QueueName": "q-name"}, "Topic": {"TopicName": "t-name"}}

    def attribute(logical_id: str, name: str) -> Any:
        if logical_id not in attributes:
            raise UnresolvedReference(logical_id)
        return attributes[logical_id][name]

    return Resolver(
        template,
        pseudo=PseudoParameters("demo", region="eu-west-1", account_id="111122223333"),
        parameters=parameters,
        physical_ids=deployed,
        attribute=attribute,
    )


def test_short_tags_become_long_forms(small: dict[str, Any]) -> None:
    topic = small["Resources"]["Topic"]["Properties"]["DisplayName"]
    assert topic == {"Fn::Join": ["/", [{"Ref": "Stage"}, {"Fn::GetAtt": ["Queue", "QueueName"]}]]}
    assert small["Conditions"]["ProdWithEmail"] == {
        "Fn::And": [{"Condition": "IsProd"}, {"Condition": "HasEmail"}]
    }


def test_dates_stay_strings(small: dict[str, Any]) -> None:
    assert small["Outputs"]["Date"]["Value"] == "2026-11-25"
    assert small["AWSTemplateFormatVersion"] == "2010-09-09"


def test_sub_resolves_pseudo_parameters_parameters_attributes_and_escapes(small: dict[str, Any]) -> None:
    resolved = resolver(small, Email="a@example.com", Stage="prod")
    assert resolved.resolve(small["Resources"]["Queue"]["Properties"]["QueueName"]) == "demo-prod-queue"
    assert resolved.resolve(small["Resources"]["Table"]["Properties"]["TableName"]) == "y-t-name-${Literal}"


def test_join_getatt_select_split_and_find_in_map(small: dict[str, Any]) -> None:
    resolved = resolver(small)
    assert resolved.resolve(small["Resources"]["Topic"]["Properties"]["DisplayName"]) == "test/q-name"
    assert resolved.resolve({"Fn::FindInMap": ["Sizes", {"Ref": "Stage"}, "Memory"]}) == 128
    assert resolved.resolve({"Ref": "Zones"}) == ["a", "b"]


def test_conditions_follow_parameters(small: dict[str, Any]) -> None:
    default = resolver(small)
    assert not default.condition("IsProd")
    assert not default.resource_enabled("Table")
    prod = resolver(small, Stage="prod", Email="a@example.com")
    assert prod.condition("ProdWithEmail")
    assert prod.resource_enabled("Table")


def test_no_value_removes_the_key_or_item(small: dict[str, Any]) -> None:
    resolved = resolver(small)
    value = {
        "Keep": 1,
        "Drop": {"Fn::If": ["IsProd", "yes", {"Ref": "AWS::NoValue"}]},
        "List": [{"Fn::If": ["IsProd", "x", {"Ref": "AWS::NoValue"}]}, "y"],
    }
    assert resolved.resolve(value) == {"Keep": 1, "List": ["y"]}


def test_pseudo_parameters(small: dict[str, Any]) -> None:
    resolved = resolver(small)
    assert resolved.resolve({"Fn::Sub": "${AWS::Partition}:${AWS::Region}:${AWS::AccountId}"}) == (
        "aws:eu-west-1:111122223333"
    )
    stack_id = resolved.resolve({"Ref": "AWS::StackId"})
    assert stack_id.startswith("arn:aws:cloudformation:eu-west-1:111122223333:stack/demo/")
    assert stack_id == resolver(small).resolve({"Ref": "AWS::StackId"}), "the same stack keeps its id"


def test_ref_to_a_resource_not_yet_deployed_says_which(small: dict[str, Any]) -> None:
    resolved = resolver(small)
    with pytest.raises(UnresolvedReference) as raised:
        resolved.resolve({"Ref": "Table"})
    assert raised.value.logical_id == "Table"


def test_parameters_are_checked(small: dict[str, Any]) -> None:
    with pytest.raises(TemplateError, match="not one of"):
        resolver(small, Stage="staging")
    with pytest.raises(TemplateError, match="not declared"):
        resolver(small, Colour="blue")


def test_references_and_order(small: dict[str, Any]) -> None:
    assert set(references(small["Resources"]["Table"]["Properties"])) == {"Topic"}
    order = deployment_order(small)
    assert order.index("Queue") < order.index("Topic") < order.index("Table")


def test_a_cycle_is_reported(small: dict[str, Any]) -> None:
    small["Resources"]["Queue"]["DependsOn"] = "Table"
    with pytest.raises(TemplateError, match="circular"):
        deployment_order(small)


def test_the_real_template_orders_queue_policies_before_the_bucket() -> None:
    order = deployment_order(load_template(TEMPLATE))
    bucket = order.index("ArticlesBucket")
    assert order.index("IngestQueuePolicy") < bucket
    assert order.index("AlertQueuePolicy") < bucket
    assert order.index("SummariseFunction") > order.index("IdempotencyTable")


def test_every_subscription_in_the_template_is_redriven_to_the_subscription_dead_letter_queue() -> None:
    resources = load_template(TEMPLATE)["Resources"]
    subscriptions = {name: r for name, r in resources.items() if r["Type"] == "AWS::SNS::Subscription"}
    assert subscriptions
    for resource in subscriptions.values():
        target = resource["Properties"]["RedrivePolicy"]["deadLetterTargetArn"]
        assert target == {"Fn::GetAtt": ["SubscriptionDeadLetterQueue", "Arn"]}
    [statement] = resources["SubscriptionDeadLetterQueuePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert statement["Principal"] == {"Service": "sns.amazonaws.com"}
    assert statement["Condition"]["ArnEquals"]["aws:SourceArn"] == [
        {"Ref": "AlertsTopic"},
        {"Ref": "SubscriberTopic"},
    ]
    alarm = resources["SubscriptionDeadLetterAlarm"]["Properties"]
    assert alarm["Dimensions"][0]["Value"] == {"Fn::GetAtt": ["SubscriptionDeadLetterQueue", "QueueName"]}
    assert alarm["AlarmActions"] == [{"Ref": "OperationsTopic"}]


def test_every_alarm_on_the_services_own_metrics_watches_a_metric_the_code_emits() -> None:
    from infra.template import load_template
    from takeaways import observability

    emitted = {
        value for name, value in vars(observability).items() if name.isupper() and isinstance(value, str)
    }
    alarms = {
        name: resource["Properties"]
        for name, resource in load_template(TEMPLATE)["Resources"].items()
        if resource["Type"] == "AWS::CloudWatch::Alarm"
        and resource["Properties"].get("Namespace") == "Takeaways"
    }
    assert "FeedStoreFailuresAlarm" in alarms
    assert {
        name: props["MetricName"] for name, props in alarms.items() if props["MetricName"] not in emitted
    } == {}
