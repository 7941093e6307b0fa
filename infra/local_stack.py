"""template.yaml deployed onto moto through plain boto3 calls.

moto's CloudFormation ignores what this project depends on most (an S3 bucket's
notifications to SQS), and a moto event source mapping without Docker consumes queue
messages without running anything. So each resource is created here with the API call
CloudFormation would make, in dependency order, and the functions and their SQS event
sources are returned as plain descriptions for ``infra.event_sources`` to drive.

It works against whatever endpoint boto3 is configured for: in-process ``moto.mock_aws``
or moto's server through ``AWS_ENDPOINT_URL``. There is no teardown: a moto reset
removes everything.

    with mock_aws():
        stack = deploy(Path("template.yaml"), parameters={"AlertEmail": ""})
        stack.physical_id("ArticlesBucket")     # the bucket's name
        stack.event_sources[0].queue_url        # what SummariseFunction consumes
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3

from infra.template import (
    PseudoParameters,
    Resolver,
    TemplateError,
    UnresolvedReference,
    load_template,
    references,
    sam_generated_owner,
)

log = logging.getLogger(__name__)

SERVERLESS_FUNCTION = "AWS::Serverless::Function"

# Resource types that exist in the template but have no local counterpart, and why.
_NOT_MODELLED = {
    "AWS::IAM::Role": "moto does not enforce IAM, so roles are not created locally",
    "AWS::IAM::Policy": "moto does not enforce IAM, so policies are not created locally",
    "AWS::IAM::ManagedPolicy": "moto does not enforce IAM, so policies are not created locally",
    "AWS::Lambda::Permission": "functions run in-process; SNS's invocations are queued by infra.async_invocations",
    "AWS::Lambda::EventSourceMapping": "driven by infra.event_sources.EventSourceRunner",
    "AWS::Lambda::Function": "only AWS::Serverless::Function resources are run locally",
    "AWS::Events::Rule": "schedules are not fired locally; call EventSourceRunner.invoke",
}


@dataclass(frozen=True, slots=True)
class FunctionSpec:
    """What Lambda would know about a function: enough to run its handler in-process."""

    logical_id: str
    name: str
    arn: str
    handler: str
    environment: dict[str, str]
    timeout_seconds: int
    memory_mb: int
    # Asynchronous invocations (an SNS subscription's): retries after a failure, then where the event goes.
    maximum_retry_attempts: int = 2
    dead_letter_queue_arn: str | None = None


@dataclass(frozen=True, slots=True)
class SqsEventSource:
    """An SQS event of a function, as its event source mapping would be configured."""

    function_id: str
    event_id: str
    queue_arn: str
    queue_url: str
    batch_size: int
    batching_window_seconds: int
    report_batch_item_failures: bool


@dataclass(frozen=True, slots=True)
class ScheduleEventSource:
    """A Schedule event of a function: moto fires no EventBridge targets, so ``infra.schedules`` does.

    ``input`` is the rule's constant input (JSON text), which EventBridge delivers instead of its event.
    """

    function_id: str
    event_id: str
    expression: str
    input: str | None = None


@dataclass(frozen=True, slots=True)
class SkippedResource:
    """A resource (or a property of one) that was deliberately not created locally."""

    logical_id: str
    resource_type: str
    reason: str


@dataclass
class DeployedStack:
    """The deployed template: physical ids and attributes by logical id, plus the functions to run."""

    name: str
    region: str
    account_id: str
    parameters: dict[str, str] = field(default_factory=dict)
    physical_ids: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, dict[str, Any]] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    functions: dict[str, FunctionSpec] = field(default_factory=dict)
    event_sources: list[SqsEventSource] = field(default_factory=list)
    schedules: list[ScheduleEventSource] = field(default_factory=list)
    skipped: list[SkippedResource] = field(default_factory=list)

    def physical_id(self, logical_id: str) -> str:
        """What ``!Ref`` returns for the resource: a name, a queue URL or an ARN."""
        try:
            return self.physical_ids[logical_id]
        except KeyError:
            raise KeyError(f"{logical_id} is not a deployed resource of stack {self.name}") from None

    def attribute(self, logical_id: str, name: str) -> Any:
        """What ``!GetAtt logical_id.name`` returns."""
        if logical_id not in self.attributes:
            raise UnresolvedReference(logical_id)
        try:
            return self.attributes[logical_id][name]
        except KeyError:
            raise TemplateError(f"{logical_id} has no attribute {name} locally") from None


def deploy(
    template_path: Path,
    *,
    stack_name: str = "takeaways-local",
    parameters: Mapping[str, str] | None = None,
    function_urls: Mapping[str, str] | None = None,
) -> DeployedStack:
    """Create the template's resources on the configured endpoint, in dependency order.

    ``function_urls`` gives the loopback address serving a function's URL (``infra.function_urls``);
    a function with FunctionUrlConfig and no address here gets the unserved address AWS would
    give it, so references resolve but nothing answers.
    """
    template = load_template(template_path)
    region = boto3.session.Session().region_name or "us-east-1"
    account_id = boto3.client("sts", region_name=region).get_caller_identity()["Account"]
    stack = DeployedStack(
        name=stack_name, region=region, account_id=account_id, parameters=dict(parameters or {})
    )
    pseudo = PseudoParameters(stack_name=stack_name, region=region, account_id=account_id)
    resolver = Resolver(
        template,
        pseudo=pseudo,
        parameters=parameters,
        physical_ids=stack.physical_ids,
        attribute=stack.attribute,
    )
    deployer = _Deployer(template, resolver, stack, function_urls or {})
    for logical_id in deployment_order(template):
        deployer.deploy_resource(logical_id)
    for name, output in (template.get("Outputs") or {}).items():
        condition = output.get("Condition")
        if condition is None or resolver.condition(condition):
            stack.outputs[name] = str(resolver.resolve(output["Value"]))
    log.info(
        "deployed stack %s: %d resources, %d functions, %d skipped",
        stack_name,
        len(stack.physical_ids),
        len(stack.functions),
        len(stack.skipped),
    )
    return stack


def stack_file_content(stack: DeployedStack, endpoint: str) -> dict[str, Any]:
    """What ``make up`` writes to ``.takeaways/local-stack.json`` for the ``takeaways`` operator commands."""
    return {
        "endpoint_url": endpoint,
        "region": stack.region,
        "stack_name": stack.name,
        "parameters": stack.parameters,
        "resources": stack.physical_ids,
    }


def deployment_order(template: Mapping[str, Any]) -> list[str]:
    """Logical ids so that every resource comes after those it refers to (template order otherwise)."""
    resources: dict[str, Any] = template["Resources"]
    function_globals = (template.get("Globals") or {}).get("Function", {})
    needs: dict[str, set[str]] = {}
    for logical_id, resource in resources.items():
        referenced = set(references(resource.get("Properties", {})))
        if resource.get("Type") == SERVERLESS_FUNCTION:
            referenced |= set(references(function_globals))
        depends_on = resource.get("DependsOn", [])
        referenced |= {depends_on} if isinstance(depends_on, str) else set(depends_on)
        # SAM generates "<Function>Role" and "<Function>Url": a reference to either waits for the function.
        referenced |= {owner for name in referenced if (owner := sam_generated_owner(resources, name))}
        needs[logical_id] = {name for name in referenced if name in resources and name != logical_id}
    ordered: list[str] = []
    placed: set[str] = set()
    while len(ordered) < len(resources):
        ready = [name for name in resources if name not in placed and needs[name] <= placed]
        if not ready:
            stuck = sorted(name for name in resources if name not in placed)
            raise TemplateError(f"circular dependency among {', '.join(stuck)}")
        ordered.extend(ready)
        placed.update(ready)
    return ordered


def generated_name(stack_name: str, logical_id: str, *, max_length: int = 80, lower: bool = False) -> str:
    """A name in CloudFormation's style (stack-LogicalId-SUFFIX), stable across redeploys."""
    suffix = hashlib.sha256(f"{stack_name}/{logical_id}".encode()).hexdigest()[:12].upper()
    name = f"{stack_name}-{logical_id}"[: max_length - len(suffix) - 1] + f"-{suffix}"
    return name.lower() if lower else name


def _text(value: Any) -> str:
    """An attribute value as the string an AWS API wants (booleans lower-case, documents as JSON)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value)
    return str(value)


class _Deployer:
    """One create method per resource type; each records the physical id and attributes."""

    def __init__(
        self,
        template: Mapping[str, Any],
        resolver: Resolver,
        stack: DeployedStack,
        function_urls: Mapping[str, str],
    ) -> None:
        self.template = template
        self.function_urls = function_urls
        self.resolver = resolver
        self.stack = stack
        self._clients: dict[str, Any] = {}
        self._creators: dict[str, Callable[[str, dict[str, Any]], None]] = {
            "AWS::S3::Bucket": self._bucket,
            "AWS::S3::BucketPolicy": self._bucket_policy,
            "AWS::SQS::Queue": self._queue,
            "AWS::SQS::QueuePolicy": self._queue_policy,
            "AWS::SNS::Topic": self._topic,
            "AWS::SNS::Subscription": self._subscription,
            "AWS::DynamoDB::Table": self._table,
            "AWS::KMS::Key": self._kms_key,
            "AWS::KMS::Alias": self._kms_alias,
            "AWS::Logs::LogGroup": self._log_group,
            "AWS::CloudWatch::Alarm": self._alarm,
            "AWS::CloudWatch::Dashboard": self._dashboard,
            "AWS::SecretsManager::Secret": self._secret,
        }

    def client(self, service: str) -> Any:
        if service not in self._clients:
            self._clients[service] = boto3.client(service, region_name=self.stack.region)  # type: ignore[call-overload]
        return self._clients[service]

    def deploy_resource(self, logical_id: str) -> None:
        resource = self.template["Resources"][logical_id]
        resource_type = resource["Type"]
        if not self.resolver.resource_enabled(logical_id):
            self.skip(logical_id, resource_type, f"condition {resource['Condition']} is false")
            return
        if resource_type == SERVERLESS_FUNCTION:
            self._function(logical_id, resource.get("Properties", {}))
            return
        creator = self._creators.get(resource_type)
        if creator is None:
            reason = _NOT_MODELLED.get(resource_type, "no local equivalent in this runner")
            self.skip(logical_id, resource_type, reason)
            # Refs to it still resolve, as they would on AWS.
            self.record(logical_id, generated_name(self.stack.name, logical_id))
            return
        properties = self.resolver.resolve(resource.get("Properties", {}))
        creator(logical_id, properties)
        log.debug("created %s (%s) = %s", logical_id, resource_type, self.stack.physical_ids[logical_id])

    def record(self, logical_id: str, physical_id: str, **attributes: Any) -> None:
        self.stack.physical_ids[logical_id] = physical_id
        self.stack.attributes[logical_id] = attributes

    def skip(self, logical_id: str, resource_type: str, reason: str) -> None:
        self.stack.skipped.append(SkippedResource(logical_id, resource_type, reason))

    def skip_unhandled(
        self, logical_id: str, resource_type: str, properties: Mapping[str, Any], handled: set[str]
    ) -> None:
        for name in sorted(set(properties) - handled):
            self.skip(logical_id, f"{resource_type}.{name}", "property not modelled locally")

    # ---------------------------------------------------------------- S3
    def _bucket(self, logical_id: str, properties: dict[str, Any]) -> None:
        s3 = self.client("s3")
        name = properties.get("BucketName") or generated_name(
            self.stack.name, logical_id, max_length=63, lower=True
        )
        create: dict[str, Any] = {"Bucket": name}
        if self.stack.region != "us-east-1":
            create["CreateBucketConfiguration"] = {"LocationConstraint": self.stack.region}
        s3.create_bucket(**create)
        if "BucketEncryption" in properties:
            rules = [
                {
                    "ApplyServerSideEncryptionByDefault": rule["ServerSideEncryptionByDefault"],
                    **({"BucketKeyEnabled": rule["BucketKeyEnabled"]} if "BucketKeyEnabled" in rule else {}),
                }
                for rule in properties["BucketEncryption"]["ServerSideEncryptionConfiguration"]
            ]
            s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={"Rules": rules})
        if "VersioningConfiguration" in properties:
            s3.put_bucket_versioning(
                Bucket=name,
                VersioningConfiguration={"Status": properties["VersioningConfiguration"]["Status"]},
            )
        if "PublicAccessBlockConfiguration" in properties:
            s3.put_public_access_block(
                Bucket=name, PublicAccessBlockConfiguration=properties["PublicAccessBlockConfiguration"]
            )
        if "OwnershipControls" in properties:
            s3.put_bucket_ownership_controls(Bucket=name, OwnershipControls=properties["OwnershipControls"])
        if "LifecycleConfiguration" in properties:
            rules = [_lifecycle_rule(rule) for rule in properties["LifecycleConfiguration"]["Rules"]]
            s3.put_bucket_lifecycle_configuration(Bucket=name, LifecycleConfiguration={"Rules": rules})
        if "Tags" in properties:
            s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": properties["Tags"]})
        if "NotificationConfiguration" in properties:
            s3.put_bucket_notification_configuration(
                Bucket=name,
                NotificationConfiguration=_notification_configuration(
                    properties["NotificationConfiguration"]
                ),
            )
        handled = {
            "BucketName",
            "BucketEncryption",
            "VersioningConfiguration",
            "PublicAccessBlockConfiguration",
            "OwnershipControls",
            "LifecycleConfiguration",
            "Tags",
            "NotificationConfiguration",
        }
        self.skip_unhandled(logical_id, "AWS::S3::Bucket", properties, handled)
        partition, suffix = self.resolver.pseudo.partition, self.resolver.pseudo.url_suffix
        self.record(
            logical_id,
            name,
            Arn=f"arn:{partition}:s3:::{name}",
            DomainName=f"{name}.s3.{suffix}",
            RegionalDomainName=f"{name}.s3.{self.stack.region}.{suffix}",
        )

    def _bucket_policy(self, logical_id: str, properties: dict[str, Any]) -> None:
        document = dict(properties["PolicyDocument"])
        statements = (
            document["Statement"] if isinstance(document["Statement"], list) else [document["Statement"]]
        )
        # moto treats a Condition it cannot evaluate as met, so a conditional Deny (such as
        # "deny when aws:SecureTransport is false") would refuse every object request.
        kept = [statement for statement in statements if not _is_conditional_deny(statement)]
        for statement in statements:
            if _is_conditional_deny(statement):
                self.skip(
                    f"{logical_id}.{statement.get('Sid', 'statement')}",
                    "AWS::S3::BucketPolicy statement",
                    "conditional Deny: moto would apply it unconditionally and refuse every request",
                )
        if kept:
            self.client("s3").put_bucket_policy(
                Bucket=properties["Bucket"], Policy=json.dumps({**document, "Statement": kept})
            )
        self.record(logical_id, generated_name(self.stack.name, logical_id))

    # ---------------------------------------------------------------- SQS
    _QUEUE_ATTRIBUTES = frozenset(
        {
            "ContentBasedDeduplication",
            "DeduplicationScope",
            "DelaySeconds",
            "FifoQueue",
            "FifoThroughputLimit",
            "KmsDataKeyReusePeriodSeconds",
            "KmsMasterKeyId",
            "MaximumMessageSize",
            "MessageRetentionPeriod",
            "ReceiveMessageWaitTimeSeconds",
            "RedriveAllowPolicy",
            "RedrivePolicy",
            "SqsManagedSseEnabled",
            "VisibilityTimeout",
        }
    )

    def _queue(self, logical_id: str, properties: dict[str, Any]) -> None:
        sqs = self.client("sqs")
        name = properties.get("QueueName")
        if not name:
            name = generated_name(self.stack.name, logical_id)
            if properties.get("FifoQueue"):
                name = name[:75] + ".fifo"
        attributes = {key: _text(value) for key, value in properties.items() if key in self._QUEUE_ATTRIBUTES}
        url = sqs.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        self.skip_unhandled(logical_id, "AWS::SQS::Queue", properties, {*self._QUEUE_ATTRIBUTES, "QueueName"})
        self.record(logical_id, url, Arn=arn, QueueName=name, QueueUrl=url)

    def _queue_policy(self, logical_id: str, properties: dict[str, Any]) -> None:
        policy = json.dumps(properties["PolicyDocument"])
        for url in properties["Queues"]:
            self.client("sqs").set_queue_attributes(QueueUrl=url, Attributes={"Policy": policy})
        self.record(logical_id, generated_name(self.stack.name, logical_id))

    # ---------------------------------------------------------------- SNS
    _TOPIC_ATTRIBUTES = frozenset(
        {
            "DisplayName",
            "KmsMasterKeyId",
            "FifoTopic",
            "ContentBasedDeduplication",
            "SignatureVersion",
            "TracingConfig",
        }
    )

    def _topic(self, logical_id: str, properties: dict[str, Any]) -> None:
        sns = self.client("sns")
        name = properties.get("TopicName") or generated_name(self.stack.name, logical_id, max_length=256)
        attributes = {key: _text(value) for key, value in properties.items() if key in self._TOPIC_ATTRIBUTES}
        arn = sns.create_topic(Name=name, Attributes=attributes)["TopicArn"]
        for inline in properties.get("Subscription", []):
            sns.subscribe(TopicArn=arn, Protocol=inline["Protocol"], Endpoint=inline["Endpoint"])
        self.skip_unhandled(
            logical_id, "AWS::SNS::Topic", properties, {*self._TOPIC_ATTRIBUTES, "TopicName", "Subscription"}
        )
        self.record(logical_id, arn, TopicArn=arn, TopicName=name)

    _SUBSCRIPTION_ATTRIBUTES = frozenset(
        {"DeliveryPolicy", "FilterPolicy", "FilterPolicyScope", "RawMessageDelivery", "RedrivePolicy"}
    )

    def _subscription(self, logical_id: str, properties: dict[str, Any]) -> None:
        attributes = {
            key: _text(value) for key, value in properties.items() if key in self._SUBSCRIPTION_ATTRIBUTES
        }
        arn = self.client("sns").subscribe(
            TopicArn=properties["TopicArn"],
            Protocol=properties["Protocol"],
            Endpoint=properties["Endpoint"],
            Attributes=attributes,
            ReturnSubscriptionArn=True,
        )["SubscriptionArn"]
        self.skip_unhandled(
            logical_id,
            "AWS::SNS::Subscription",
            properties,
            {*self._SUBSCRIPTION_ATTRIBUTES, "TopicArn", "Protocol", "Endpoint", "Region"},
        )
        self.record(logical_id, arn, Arn=arn)

    # ---------------------------------------------------------------- DynamoDB
    def _table(self, logical_id: str, properties: dict[str, Any]) -> None:
        dynamodb = self.client("dynamodb")
        name = properties.get("TableName") or generated_name(self.stack.name, logical_id, max_length=255)
        create: dict[str, Any] = {
            "TableName": name,
            "KeySchema": properties["KeySchema"],
            "AttributeDefinitions": properties["AttributeDefinitions"],
            "BillingMode": properties.get("BillingMode", "PROVISIONED"),
        }
        if "ProvisionedThroughput" in properties:
            create["ProvisionedThroughput"] = {
                key: int(value) for key, value in properties["ProvisionedThroughput"].items()
            }
        for key in (
            "GlobalSecondaryIndexes",
            "LocalSecondaryIndexes",
            "TableClass",
            "DeletionProtectionEnabled",
        ):
            if key in properties:
                create[key] = properties[key]
        if "StreamSpecification" in properties:
            create["StreamSpecification"] = {"StreamEnabled": True, **properties["StreamSpecification"]}
        if "SSESpecification" in properties:
            sse = properties["SSESpecification"]
            create["SSESpecification"] = {"Enabled": bool(sse.get("SSEEnabled", False))} | {
                key: sse[key] for key in ("SSEType", "KMSMasterKeyId") if key in sse
            }
        if "Tags" in properties:
            create["Tags"] = properties["Tags"]
        description = dynamodb.create_table(**create)["TableDescription"]
        ttl = properties.get("TimeToLiveSpecification")
        if ttl:
            dynamodb.update_time_to_live(
                TableName=name,
                TimeToLiveSpecification={
                    "Enabled": bool(ttl["Enabled"]),
                    "AttributeName": ttl["AttributeName"],
                },
            )
        recovery = properties.get("PointInTimeRecoverySpecification")
        if recovery:
            dynamodb.update_continuous_backups(
                TableName=name,
                PointInTimeRecoverySpecification={
                    "PointInTimeRecoveryEnabled": bool(recovery["PointInTimeRecoveryEnabled"])
                },
            )
        handled = {
            *create,
            "ProvisionedThroughput",
            "TimeToLiveSpecification",
            "PointInTimeRecoverySpecification",
        }
        self.skip_unhandled(logical_id, "AWS::DynamoDB::Table", properties, handled)
        self.record(
            logical_id, name, Arn=description["TableArn"], StreamArn=description.get("LatestStreamArn", "")
        )

    # ---------------------------------------------------------------- KMS
    def _kms_key(self, logical_id: str, properties: dict[str, Any]) -> None:
        kms = self.client("kms")
        create: dict[str, Any] = {}
        if "KeyPolicy" in properties:
            create["Policy"] = _text(properties["KeyPolicy"])
        for key in ("Description", "KeyUsage", "KeySpec", "MultiRegion"):
            if key in properties:
                create[key] = properties[key]
        if "Tags" in properties:
            create["Tags"] = [{"TagKey": tag["Key"], "TagValue": tag["Value"]} for tag in properties["Tags"]]
        metadata = kms.create_key(**create)["KeyMetadata"]
        if properties.get("EnableKeyRotation"):
            kms.enable_key_rotation(KeyId=metadata["KeyId"])
        if properties.get("Enabled") is False:
            kms.disable_key(KeyId=metadata["KeyId"])
        handled = {
            "KeyPolicy",
            "Description",
            "KeyUsage",
            "KeySpec",
            "MultiRegion",
            "Tags",
            "EnableKeyRotation",
            "Enabled",
        }
        self.skip_unhandled(logical_id, "AWS::KMS::Key", properties, handled)
        self.record(logical_id, metadata["KeyId"], Arn=metadata["Arn"], KeyId=metadata["KeyId"])

    def _kms_alias(self, logical_id: str, properties: dict[str, Any]) -> None:
        self.client("kms").create_alias(
            AliasName=properties["AliasName"], TargetKeyId=properties["TargetKeyId"]
        )
        self.record(logical_id, properties["AliasName"])

    # ---------------------------------------------------------------- Secrets Manager
    def _secret(self, logical_id: str, properties: dict[str, Any]) -> None:
        """A secret with its given string, or one generated as GenerateSecretString asks."""
        name = properties.get("Name") or generated_name(self.stack.name, logical_id, max_length=256)
        value = properties.get("SecretString")
        if value is None:
            generate = properties.get("GenerateSecretString") or {}
            alphabet = string.ascii_letters + string.digits
            if not generate.get("ExcludePunctuation"):
                alphabet += "!#$%&()*+,-.:;<=>?@[]^_{|}~"
            value = "".join(secrets.choice(alphabet) for _ in range(int(generate.get("PasswordLength", 32))))
        create: dict[str, Any] = {"Name": name, "SecretString": str(value)}
        for key in ("Description", "KmsKeyId", "Tags"):
            if key in properties:
                create[key] = properties[key]
        arn = self.client("secretsmanager").create_secret(**create)["ARN"]
        self.skip_unhandled(
            logical_id,
            "AWS::SecretsManager::Secret",
            properties,
            {"Name", "SecretString", "GenerateSecretString", "Description", "KmsKeyId", "Tags"},
        )
        self.record(logical_id, arn, Id=arn)

    # ---------------------------------------------------------------- CloudWatch
    def _log_group(self, logical_id: str, properties: dict[str, Any]) -> None:
        logs = self.client("logs")
        name = properties.get("LogGroupName") or generated_name(self.stack.name, logical_id, max_length=512)
        create: dict[str, Any] = {"logGroupName": name}
        if "KmsKeyId" in properties:
            create["kmsKeyId"] = properties["KmsKeyId"]
        logs.create_log_group(**create)
        if "RetentionInDays" in properties:
            logs.put_retention_policy(logGroupName=name, retentionInDays=int(properties["RetentionInDays"]))
        self.skip_unhandled(
            logical_id, "AWS::Logs::LogGroup", properties, {"LogGroupName", "KmsKeyId", "RetentionInDays"}
        )
        pseudo = self.resolver.pseudo
        arn = f"arn:{pseudo.partition}:logs:{self.stack.region}:{self.stack.account_id}:log-group:{name}:*"
        self.record(logical_id, name, Arn=arn)

    _ALARM_INTEGERS = frozenset({"Period", "EvaluationPeriods", "DatapointsToAlarm"})

    def _alarm(self, logical_id: str, properties: dict[str, Any]) -> None:
        name = properties.get("AlarmName") or generated_name(self.stack.name, logical_id, max_length=255)
        alarm: dict[str, Any] = {"AlarmName": name}
        for key, value in properties.items():
            if key in self._ALARM_INTEGERS:
                alarm[key] = int(value)
            elif key == "Threshold":
                alarm[key] = float(value)
            elif key == "Metrics":
                alarm[key] = [_metric_data_query(query) for query in value]
            elif key != "AlarmName":
                alarm[key] = value
        self.client("cloudwatch").put_metric_alarm(**alarm)
        pseudo = self.resolver.pseudo
        arn = f"arn:{pseudo.partition}:cloudwatch:{self.stack.region}:{self.stack.account_id}:alarm:{name}"
        self.record(logical_id, name, Arn=arn)

    def _dashboard(self, logical_id: str, properties: dict[str, Any]) -> None:
        name = properties.get("DashboardName") or generated_name(self.stack.name, logical_id, max_length=255)
        self.client("cloudwatch").put_dashboard(DashboardName=name, DashboardBody=properties["DashboardBody"])
        self.record(logical_id, name)

    # ---------------------------------------------------------------- functions
    def _function(self, logical_id: str, own_properties: dict[str, Any]) -> None:
        """Not created in moto: described for the in-process runner, with SAM's Globals applied."""
        function_globals = (self.template.get("Globals") or {}).get("Function", {})
        properties = self.resolver.resolve(_merge_globals(function_globals, own_properties))
        name = properties.get("FunctionName") or generated_name(self.stack.name, logical_id, max_length=64)
        pseudo = self.resolver.pseudo
        arn = f"arn:{pseudo.partition}:lambda:{self.stack.region}:{self.stack.account_id}:function:{name}"
        variables = (properties.get("Environment") or {}).get("Variables", {})
        invoke_config = properties.get("EventInvokeConfig") or {}
        if invoke_config.get("DestinationConfig"):
            self.skip(
                logical_id, "EventInvokeConfig.DestinationConfig", "not modelled locally: use DeadLetterQueue"
            )
        dead_letter = properties.get("DeadLetterQueue") or {}
        if dead_letter and dead_letter.get("Type") != "SQS":
            self.skip(logical_id, "DeadLetterQueue", "only an SQS dead-letter queue is modelled locally")
        self.stack.functions[logical_id] = FunctionSpec(
            logical_id=logical_id,
            name=name,
            arn=arn,
            handler=properties["Handler"],
            environment={key: _text(value) for key, value in variables.items()},
            timeout_seconds=int(properties.get("Timeout", 3)),
            memory_mb=int(properties.get("MemorySize", 128)),
            maximum_retry_attempts=int(invoke_config.get("MaximumRetryAttempts", 2)),
            dead_letter_queue_arn=str(dead_letter["TargetArn"]) if dead_letter.get("Type") == "SQS" else None,
        )
        self.record(logical_id, name, Arn=arn)
        role = generated_name(self.stack.name, f"{logical_id}Role", max_length=64)
        # Not created, but !GetAtt <Function>Role.Arn (in a bucket policy, say) resolves as on AWS.
        self.record(
            f"{logical_id}Role", role, Arn=f"arn:{pseudo.partition}:iam::{self.stack.account_id}:role/{role}"
        )
        self.skip(
            f"{logical_id}Role",
            "AWS::IAM::Role",
            "generated by SAM from Policies; moto does not enforce IAM, so it is not created",
        )
        if "FunctionUrlConfig" in properties:
            served = self.function_urls.get(logical_id)
            url = (
                served
                or f"https://{generated_name(self.stack.name, logical_id, lower=True)}.lambda-url.{self.stack.region}.on.aws/"
            )
            self.record(f"{logical_id}Url", url, FunctionUrl=url, FunctionArn=arn)
            if not served:
                self.skip(f"{logical_id}Url", "AWS::Lambda::Url", "not served: pass function_urls to deploy")
        for event_id, event in (properties.get("Events") or {}).items():
            generated_id = f"{logical_id}{event_id}"
            if event.get("Type") == "Schedule":
                schedule_properties = event.get("Properties") or {}
                constant = schedule_properties.get("Input")
                self.stack.schedules.append(
                    ScheduleEventSource(
                        logical_id,
                        event_id,
                        str(schedule_properties.get("Schedule", "")),
                        None if constant is None else _text(constant),
                    )
                )
                self.skip(
                    generated_id,
                    "Schedule event",
                    "no EventBridge rule locally; ScheduleRunner (infra/schedules.py) fires it on its schedule",
                )
                continue
            if event.get("Type") != "SQS":
                self.skip(
                    generated_id,
                    f"{event.get('Type')} event",
                    "not fired locally; call EventSourceRunner.invoke with such an event",
                )
                continue
            self.skip(
                generated_id,
                "AWS::Lambda::EventSourceMapping",
                "not created in moto (without Docker it would consume messages); EventSourceRunner drives it",
            )
            event_properties = event["Properties"]
            if event_properties.get("Enabled") is False:
                continue
            queue_arn = event_properties["Queue"]
            self.stack.event_sources.append(
                SqsEventSource(
                    function_id=logical_id,
                    event_id=event_id,
                    queue_arn=queue_arn,
                    queue_url=self._queue_url(queue_arn),
                    batch_size=int(event_properties.get("BatchSize", 10)),
                    batching_window_seconds=int(event_properties.get("MaximumBatchingWindowInSeconds", 0)),
                    report_batch_item_failures="ReportBatchItemFailures"
                    in event_properties.get("FunctionResponseTypes", []),
                )
            )

    def _queue_url(self, queue_arn: str) -> str:
        for logical_id, attributes in self.stack.attributes.items():
            if attributes.get("Arn") == queue_arn and "QueueUrl" in attributes:
                return self.stack.physical_ids[logical_id]
        _, _, _, _, account, name = queue_arn.split(":", 5)
        url: str = self.client("sqs").get_queue_url(QueueName=name, QueueOwnerAWSAccountId=account)[
            "QueueUrl"
        ]
        return url


def _is_conditional_deny(statement: Mapping[str, Any]) -> bool:
    return statement.get("Effect") == "Deny" and bool(statement.get("Condition"))


def _merge_globals(function_globals: Mapping[str, Any], properties: Mapping[str, Any]) -> dict[str, Any]:
    """SAM's rule: a function's own value wins; maps (Environment.Variables included) merge."""
    merged: dict[str, Any] = dict(function_globals)
    for key, value in properties.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge_globals(merged[key], value)
        else:
            merged[key] = value
    return merged


def _lifecycle_rule(rule: Mapping[str, Any]) -> dict[str, Any]:
    """A CloudFormation lifecycle rule in the shape of PutBucketLifecycleConfiguration."""
    converted: dict[str, Any] = {"Status": rule["Status"]}
    if "Id" in rule:
        converted["ID"] = rule["Id"]
    converted["Filter"] = {"Prefix": rule.get("Prefix", "")}
    if "ExpirationInDays" in rule:
        converted["Expiration"] = {"Days": int(rule["ExpirationInDays"])}
    if "NoncurrentVersionExpiration" in rule:
        converted["NoncurrentVersionExpiration"] = {
            "NoncurrentDays": int(rule["NoncurrentVersionExpiration"]["NoncurrentDays"])
        }
    elif "NoncurrentVersionExpirationInDays" in rule:
        converted["NoncurrentVersionExpiration"] = {
            "NoncurrentDays": int(rule["NoncurrentVersionExpirationInDays"])
        }
    if "AbortIncompleteMultipartUpload" in rule:
        converted["AbortIncompleteMultipartUpload"] = {
            "DaysAfterInitiation": int(rule["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"])
        }
    unhandled = set(rule) - {
        "Id",
        "Status",
        "Prefix",
        "ExpirationInDays",
        "NoncurrentVersionExpiration",
        "NoncurrentVersionExpirationInDays",
        "AbortIncompleteMultipartUpload",
    }
    if unhandled:
        raise TemplateError(f"lifecycle rule properties not supported locally: {sorted(unhandled)}")
    return converted


def _notification_configuration(configuration: Mapping[str, Any]) -> dict[str, Any]:
    """CloudFormation's NotificationConfiguration in the shape of PutBucketNotificationConfiguration."""
    unsupported = set(configuration) - {"QueueConfigurations", "TopicConfigurations"}
    if unsupported:
        raise TemplateError(f"bucket notifications not supported locally: {sorted(unsupported)}")
    converted: dict[str, Any] = {}
    for source_key, target_key, arn_key, arn_field in (
        ("QueueConfigurations", "QueueConfigurations", "Queue", "QueueArn"),
        ("TopicConfigurations", "TopicConfigurations", "Topic", "TopicArn"),
    ):
        entries = []
        for entry in configuration.get(source_key, []):
            converted_entry: dict[str, Any] = {arn_field: entry[arn_key], "Events": [entry["Event"]]}
            rules = ((entry.get("Filter") or {}).get("S3Key") or {}).get("Rules")
            if rules:
                converted_entry["Filter"] = {
                    "Key": {"FilterRules": [{"Name": rule["Name"], "Value": rule["Value"]} for rule in rules]}
                }
            entries.append(converted_entry)
        if entries:
            converted[target_key] = entries
    return converted


def _metric_data_query(query: Mapping[str, Any]) -> dict[str, Any]:
    converted = dict(query)
    if "Period" in converted:
        converted["Period"] = int(converted["Period"])
    if "MetricStat" in converted:
        converted["MetricStat"] = {
            **converted["MetricStat"],
            "Period": int(converted["MetricStat"]["Period"]),
        }
    return converted
