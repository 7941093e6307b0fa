"""In-process moto for the runner's tests: the real template, and a small template of the tests' own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from moto import mock_aws

from infra.local_stack import DeployedStack, deploy
from tests.unit.infra import fake_handlers

ROOT = Path(__file__).resolve().parents[3]
TEMPLATE = ROOT / "template.yaml"
RUNNER_TEMPLATE = Path(__file__).with_name("runner-template.yaml")


@pytest.fixture
def aws() -> Iterator[None]:
    with mock_aws():
        yield


@pytest.fixture
def takeaways_stack(aws: None) -> DeployedStack:
    return deploy(TEMPLATE, stack_name="unit-infra")


@pytest.fixture
def runner_stack(aws: None) -> Iterator[DeployedStack]:
    fake_handlers.invocations.clear()
    yield deploy(RUNNER_TEMPLATE, stack_name="runner")
    fake_handlers.invocations.clear()
