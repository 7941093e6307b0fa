"""``make test-llm``: a real OpenAI-compatible server on loopback, started once for the session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from infra.llm_server import MODEL_NAME, running_model_server

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def model_base_url() -> Iterator[str]:
    python = os.environ.get("LLM_PYTHON", str(ROOT / ".venv-llm" / "bin" / "python"))
    if not Path(python).exists():
        pytest.skip("the model server is not installed: run `make test-llm`")
    with running_model_server(python) as base_url:
        yield base_url


@pytest.fixture
def model_name() -> str:
    return MODEL_NAME
