"""One moto server for the session, emptied before each test; the real template deployed on it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from infra.local_stack import DeployedStack, deploy, stack_file_content
from infra.moto_server import MotoServer, moto_environment

TEMPLATE = Path(__file__).resolve().parents[2] / "template.yaml"


@pytest.fixture(scope="session")
def _moto_server_process() -> Iterator[MotoServer]:
    server = MotoServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def moto_server(_moto_server_process: MotoServer) -> Iterator[str]:
    """The endpoint of an empty moto server, with this process's boto3 pointed at it for the test."""
    _moto_server_process.reset()
    with moto_environment(_moto_server_process.endpoint) as endpoint:
        yield endpoint


@pytest.fixture
def deployed_stack(moto_server: str) -> Iterator[DeployedStack]:
    """template.yaml deployed on the server, with the functions' cached clients and settings dropped."""
    from aws_lambda_powertools.utilities import parameters

    from takeaways.adapters.clients import forget_clients
    from takeaways.handlers.dependencies import forget_dependencies

    def forget() -> None:
        forget_dependencies()
        forget_clients()
        parameters.clear_caches()  # type: ignore[no-untyped-call]

    forget()
    yield deploy(TEMPLATE, stack_name="integration")
    forget()


@pytest.fixture
def local_stack_file(
    deployed_stack: DeployedStack, moto_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> DeployedStack:
    """What `make up` writes: the endpoint and the physical ids, read by the CLI from the working directory."""
    (tmp_path / ".takeaways").mkdir()
    (tmp_path / ".takeaways" / "local-stack.json").write_text(
        json.dumps(stack_file_content(deployed_stack, moto_server))
    )
    monkeypatch.chdir(tmp_path)
    return deployed_stack


def made_subscriptions(stack: DeployedStack, topic: str) -> list[dict[str, str]]:
    """A topic's subscriptions, less the stack's own (DeliveryFunction's queue on the alerts topic)."""
    import boto3

    own = stack.attribute("DeliveryQueue", "Arn")
    listed = boto3.client("sns").list_subscriptions_by_topic(TopicArn=stack.physical_id(topic))[
        "Subscriptions"
    ]
    return [{key: str(value) for key, value in item.items()} for item in listed if item["Endpoint"] != own]
