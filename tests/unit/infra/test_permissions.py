"""What each function's code does in S3 is allowed by its policy in template.yaml, and no more.

moto does not enforce IAM, so the local stack cannot catch a missing permission: this test
reads the policies themselves, with the bucket name the template gives them.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from typing import Any

import pytest

from infra.template import load_template
from tests.unit.infra.conftest import TEMPLATE

BUCKET = "arn:aws:s3:::stack-articles-123456789012-us-east-1"

# (action, resource) pairs each function's code needs: reads and writes by prefix, and
# s3:ListBucket so that a missing object reads as 404, not 403.
NEEDS = {
    "SummariseFunction": [
        ("s3:GetObject", f"{BUCKET}/incoming/2026/11/article.txt"),
        ("s3:PutObject", f"{BUCKET}/summaries/article.json"),
        ("s3:PutObject", f"{BUCKET}/rejected/article.json"),
        ("s3:ListBucket", BUCKET),
    ],
    "NotifyFunction": [
        ("s3:GetObject", f"{BUCKET}/summaries/article.json"),
        ("s3:PutObject", f"{BUCKET}/rejected/article.json"),
        ("s3:ListBucket", BUCKET),
    ],
}
# What each function must not be able to do.
REFUSED = {
    "SummariseFunction": [
        ("s3:GetObject", f"{BUCKET}/rejected/article.json"),
        ("s3:PutObject", f"{BUCKET}/incoming/article.txt"),
        ("s3:DeleteObject", f"{BUCKET}/incoming/article.txt"),
    ],
    "NotifyFunction": [
        ("s3:GetObject", f"{BUCKET}/incoming/article.txt"),
        ("s3:PutObject", f"{BUCKET}/summaries/article.json"),
        ("s3:DeleteObject", f"{BUCKET}/summaries/article.json"),
    ],
}


def s3_statements(function: str) -> list[dict[str, Any]]:
    """The function's own Allow statements on the articles bucket, with the bucket name filled in."""
    policies = load_template(TEMPLATE)["Resources"][function]["Properties"]["Policies"]
    statements = [s for policy in policies if isinstance(policy, dict) for s in policy.get("Statement", [])]
    found = []
    for statement in statements:
        resources = (
            statement["Resource"] if isinstance(statement["Resource"], list) else [statement["Resource"]]
        )
        arns = [
            r["Fn::Sub"]
            .replace("${AWS::Partition}", "aws")
            .replace("${AWS::StackName}-articles-${AWS::AccountId}-${AWS::Region}", BUCKET.rsplit(":", 1)[1])
            for r in resources
            if isinstance(r, dict) and "Fn::Sub" in r and ":s3:::" in r["Fn::Sub"]
        ]
        if arns and statement["Effect"] == "Allow":
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            found.append({"actions": actions, "resources": arns})
    return found


def allowed(function: str, action: str, resource: str) -> bool:
    return any(
        action in statement["actions"] and any(fnmatchcase(resource, arn) for arn in statement["resources"])
        for statement in s3_statements(function)
    )


@pytest.mark.parametrize(("function", "action", "resource"), [(f, *n) for f, ns in NEEDS.items() for n in ns])
def test_what_the_code_does_is_allowed(function: str, action: str, resource: str) -> None:
    assert allowed(function, action, resource)


@pytest.mark.parametrize(
    ("function", "action", "resource"), [(f, *n) for f, ns in REFUSED.items() for n in ns]
)
def test_what_the_code_never_does_is_not_allowed(function: str, action: str, resource: str) -> None:
    assert not allowed(function, action, resource)


def test_only_the_summarise_functions_role_may_write_summary_records() -> None:
    """The bucket policy's Deny covers every other principal, administrators included."""
    policy = load_template(TEMPLATE)["Resources"]["ArticlesBucketPolicy"]["Properties"]["PolicyDocument"]
    [deny] = [s for s in policy["Statement"] if s.get("Sid") == "OnlySummariseWritesSummaries"]
    assert (deny["Effect"], deny["Principal"], deny["Action"]) == ("Deny", "*", "s3:PutObject")
    assert deny["Resource"] == {"Fn::Sub": "${ArticlesBucket.Arn}/summaries/*"}
    assert deny["Condition"] == {
        "ArnNotEquals": {"aws:PrincipalArn": {"Fn::GetAtt": ["SummariseFunctionRole", "Arn"]}}
    }


def test_chat_function_reads_exactly_the_secrets_the_cli_names_for_its_topic_s_channels() -> None:
    from takeaways.alerts.chat.webhooks import channel_secret_name

    policies = load_template(TEMPLATE)["Resources"]["ChatFunction"]["Properties"]["Policies"]
    [statement] = [s for policy in policies if isinstance(policy, dict) for s in policy.get("Statement", [])]
    assert statement["Action"] == "secretsmanager:GetSecretValue"
    pattern = (
        statement["Resource"]["Fn::Sub"]
        .replace("${AWS::Partition}", "aws")
        .replace("${AWS::Region}", "us-east-1")
        .replace("${AWS::AccountId}", "123456789012")
        .replace("${SubscriberTopic.TopicName}", "stack-SubscriberTopic-ABC")
    )
    ours = channel_secret_name("arn:aws:sns:us-east-1:123456789012:stack-SubscriberTopic-ABC:0b4f-11")
    others = channel_secret_name("arn:aws:sns:us-east-1:123456789012:other-SubscriberTopic-XYZ:0b4f-11")
    secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:{}-AbCdEf"
    assert fnmatchcase(secret_arn.format(ours), pattern)
    assert not fnmatchcase(secret_arn.format(others), pattern)
    assert not fnmatchcase(secret_arn.format("takeaways/openai-api-key"), pattern)
