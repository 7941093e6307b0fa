"""Engine selection: no key means the extractive engine and no openai import; a key means the model with a fallback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx2
import pytest

from takeaways.article import Article
from takeaways.engines.extractive import ExtractiveEngine
from takeaways.engines.openai_engine import OpenAIEngine
from takeaways.engines.selection import (
    FallbackEngine,
    UnavailableEngine,
    build_engine,
    engine_from_environment,
    parse_prices,
)
from takeaways.errors import EngineFailure
from takeaways.summary import TakeawaySummary

ROOT = Path(__file__).resolve().parents[3]
PIER = Article(
    title="Pier reopens after repairs",
    body="The pier reopened on Sunday after eight weeks of repairs.\n\n"
    "Anglers returned at dawn, and the cafe at its end served 300 breakfasts by noon.\n\n"
    "The town council said the repairs cost 240,000 pounds.",
)


def test_without_a_key_the_extractive_engine_is_used() -> None:
    for missing in (None, ""):
        engine = build_engine(api_key=missing, model="gpt-4o-mini")
        assert isinstance(engine, ExtractiveEngine)
        assert engine.summarise(PIER).engine == "extractive"


def test_with_a_key_the_model_engine_is_backed_by_the_extractive_one() -> None:
    def refuse(_request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(401, json={"error": {"message": "bad key"}})

    engine = build_engine(
        api_key="sk-test",
        model="gpt-4.1-mini",
        base_url="https://models.test/v1",
        http_client=httpx2.Client(transport=httpx2.MockTransport(refuse)),
    )
    assert engine.name == "openai:gpt-4.1-mini"
    summary = engine.summarise(PIER)
    assert (summary.engine, summary.fallback_reason) == ("extractive", "auth")


def test_the_configuration_reaches_the_model_call() -> None:
    requests: list[dict[str, Any]] = []

    def record(request: httpx2.Request) -> httpx2.Response:
        requests.append({"url": str(request.url), **json.loads(request.content)})
        return httpx2.Response(503, json={"error": {"message": "busy"}})

    engine = build_engine(
        api_key="sk-test",
        model="local-model",
        base_url="http://127.0.0.1:9/v1",
        json_mode="json_object",
        max_attempts=1,
        max_output_tokens=321,
        http_client=httpx2.Client(transport=httpx2.MockTransport(record)),
    )
    assert engine.summarise(PIER).fallback_reason == "server_error"
    [request] = requests
    assert request["url"] == "http://127.0.0.1:9/v1/chat/completions"
    assert request["model"] == "local-model" and request["max_tokens"] == 321
    assert request["response_format"]["type"] == "json_object"


class Failing:
    name = "openai:test"

    def __init__(self, error: Exception) -> None:
        self.error = error

    def summarise(self, article: Article) -> TakeawaySummary:
        raise self.error


def test_the_fallback_records_why_the_primary_gave_up() -> None:
    summary = FallbackEngine(Failing(EngineFailure("timeout", "3 attempts")), ExtractiveEngine()).summarise(
        PIER
    )
    assert (summary.engine, summary.fallback_reason) == ("extractive", "timeout")
    assert summary.takeaways


def test_a_bug_in_the_primary_is_not_hidden_as_a_fallback() -> None:
    with pytest.raises(ZeroDivisionError):
        FallbackEngine(Failing(ZeroDivisionError()), ExtractiveEngine()).summarise(PIER)


def test_an_unavailable_model_says_why_on_every_summary() -> None:
    engine = FallbackEngine(UnavailableEngine("gpt-4o-mini", "api_key_unavailable"), ExtractiveEngine())
    assert engine.name == "openai:gpt-4o-mini"
    assert engine.summarise(PIER).fallback_reason == "api_key_unavailable"


def test_the_cli_engine_without_a_key_records_why_it_fell_back() -> None:
    summary = engine_from_environment({"OPENAI_MODEL": "gpt-4o"}).summarise(PIER)
    assert (summary.engine, summary.fallback_reason) == ("extractive", "no_api_key")


def test_the_cli_engine_reads_the_openai_variables() -> None:
    engine = engine_from_environment(
        {
            "OPENAI_API_KEY": "sk-local",
            "OPENAI_BASE_URL": "http://127.0.0.1:8080/v1",
            "OPENAI_MODEL": "gemma-3-270m",
            "OPENAI_JSON_MODE": "json_object",
            "OPENAI_MAX_OUTPUT_TOKENS": "300",
            "OPENAI_MAX_ATTEMPTS": "2",
            "OPENAI_PRICE_PER_MILLION": "0.5, 1.5",
        }
    )
    assert isinstance(engine, FallbackEngine) and isinstance(engine.primary, OpenAIEngine)
    config = engine.primary.config
    assert (config.model, config.base_url, config.json_mode) == (
        "gemma-3-270m",
        "http://127.0.0.1:8080/v1",
        "json_object",
    )
    assert (config.max_output_tokens, config.max_attempts, config.prices()) == (300, 2, (0.5, 1.5))


@pytest.mark.parametrize("text", ["1", "a,b", "1,2,3", "-1,2", "nan,1"])
def test_a_malformed_price_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_prices(text)


def test_an_empty_price_means_the_built_in_table() -> None:
    assert parse_prices("  ") is None
    assert parse_prices("0.15,0.6") == (0.15, 0.6)


def _modules_after(code: str) -> dict[str, bool]:
    probe = (
        code + "; import sys, json; print(json.dumps({m: m in sys.modules for m in ('openai', 'tiktoken')}))"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "functions"), "PATH": "/usr/bin:/bin"},
    )
    result: dict[str, bool] = json.loads(output.stdout)
    return result


def test_selecting_the_extractive_engine_never_imports_openai_or_tiktoken() -> None:
    imported = _modules_after(
        "from takeaways.engines.selection import build_engine; build_engine(api_key=None, model='m')"
    )
    assert imported == {"openai": False, "tiktoken": False}


def test_a_configured_key_is_what_imports_openai() -> None:
    imported = _modules_after(
        "from takeaways.engines.selection import build_engine; build_engine(api_key='sk', model='m')"
    )
    assert imported == {"openai": True, "tiktoken": False}  # tiktoken waits for the first article


def test_the_cli_engine_refuses_settings_a_function_would_refuse() -> None:
    from takeaways.config import ConfigurationError

    for bad in ({"OPENAI_MAX_ATTEMPTS": "0"}, {"OPENAI_JSON_MODE": "json_objekt"}):
        with pytest.raises(ConfigurationError):
            engine_from_environment({"OPENAI_API_KEY": "sk-local", **bad})
