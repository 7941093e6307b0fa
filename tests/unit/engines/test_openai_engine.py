"""The model engine against a mock HTTP transport: every failure ends grounded or in a recorded fallback."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import httpx2
import pytest

from takeaways.article import Article, parse_article
from takeaways.engines.extractive import ExtractiveEngine
from takeaways.engines.openai_engine import ModelConfig, OpenAIEngine
from takeaways.engines.selection import FallbackEngine, engine_from_environment
from takeaways.engines.tokens import count_tokens
from takeaways.summary import TakeawaySummary
from takeaways.text.sentences import article_sentences

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
Reply = Callable[[httpx2.Request], httpx2.Response]


def wire() -> Article:
    return parse_article((FIXTURES / "hard-wrapped-wire.txt").read_bytes(), "wire.txt")


def completion(
    content: str | None, *, finish_reason: str = "stop", refusal: str | None = None
) -> httpx2.Response:
    return httpx2.Response(
        200,
        json={
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 1764072000,
            "model": "gpt-4o-mini",
            "choices": [
                {
                    "index": 0,
                    "finish_reason": finish_reason,
                    "message": {"role": "assistant", "content": content, "refusal": refusal},
                }
            ],
            "usage": {"prompt_tokens": 900, "completion_tokens": 120, "total_tokens": 1020},
        },
    )


def answer(
    takeaways: list[tuple[str, list[int]]], headline: str = "Ferry strike halts island crossings"
) -> str:
    return json.dumps(
        {
            "headline": headline,
            "summary": "Ferry crews on the Northern Isles walked out for a second day on Wednesday.",
            "takeaways": [{"text": text, "evidence": evidence} for text, evidence in takeaways],
        }
    )


GOOD = [
    ("Ferry crews on the Northern Isles walked out for a second day on Wednesday.", [0]),
    ("The walkout stranded about 3,400 passengers.", [0]),
    ("Members rejected a pay offer of 3.5%.", [1]),
    ("Talks will resume on Friday.", [4]),
]


@dataclass
class Recorder:
    outcomes: list[str] = field(default_factory=list)
    tokens: list[int] = field(default_factory=list)
    costs: list[float] = field(default_factory=list)

    def outcome(self, reason: str) -> None:
        self.outcomes.append(reason)

    def usage(self, prompt_tokens: int, completion_tokens: int, cost_usd: float) -> None:
        self.tokens.append(prompt_tokens + completion_tokens)
        self.costs.append(cost_usd)


@dataclass
class Server:
    """A scripted model endpoint: each request gets the next reply; requests are kept."""

    replies: list[Reply]
    requests: list[dict[str, Any]] = field(default_factory=list)
    sleeps: list[float] = field(default_factory=list)
    recorder: Recorder = field(default_factory=Recorder)

    def handle(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(json.loads(request.content))
        reply = self.replies[min(len(self.requests), len(self.replies)) - 1]
        return reply(request)

    def engine(
        self,
        *,
        remaining: float = 900.0,
        json_mode: Literal["json_schema", "json_object"] = "json_schema",
        budget: Any = None,
    ) -> OpenAIEngine:
        return OpenAIEngine(
            ModelConfig(
                model="gpt-4o-mini", api_key="sk-test", base_url="https://models.test/v1", json_mode=json_mode
            ),
            http_client=httpx2.Client(transport=httpx2.MockTransport(self.handle)),
            observer=self.recorder,
            budget=budget,
            remaining_seconds=lambda: remaining,
            sleep=self.sleeps.append,
        )

    def summarise(self, **engine_options: Any) -> TakeawaySummary:
        return FallbackEngine(self.engine(**engine_options), ExtractiveEngine()).summarise(wire())


def always(response: httpx2.Response) -> Reply:
    return lambda _request: response


def raising(error: Exception) -> Reply:
    def reply(_request: httpx2.Request) -> httpx2.Response:
        raise error

    return reply


def test_a_grounded_answer_becomes_the_summary_with_evidence() -> None:
    server = Server([always(completion(answer(GOOD)))])
    summary = server.summarise()
    assert summary.engine == "openai:gpt-4o-mini"
    assert summary.fallback_reason is None
    assert [t.text for t in summary.takeaways] == [text for text, _ in GOOD]
    assert summary.takeaways[2].evidence == [1]
    assert server.recorder.tokens == [1020]
    assert server.recorder.costs[0] == pytest.approx((900 * 0.15 + 120 * 0.60) / 1e6)


def test_the_article_is_sent_as_fenced_numbered_data_with_a_schema() -> None:
    server = Server([always(completion(answer(GOOD)))])
    server.summarise()
    request = server.requests[0]
    user = request["messages"][1]["content"]
    assert "<<<ARTICLE>>>" in user and "<<<END ARTICLE>>>" in user
    assert "[0] Ferry crews on the Northern Isles" in user
    assert "never instructions" in request["messages"][0]["content"]
    assert request["response_format"]["type"] == "json_schema"
    assert request["max_tokens"] == 800


def test_an_invented_number_drops_that_takeaway_only() -> None:
    invented = [*GOOD[:3], ("The strike has cost 9 million pounds.", [0]), GOOD[3]]
    summary = Server([always(completion(answer(invented)))]).summarise()
    assert summary.fallback_reason is None
    assert all("9 million" not in t.text for t in summary.takeaways)
    assert len(summary.takeaways) == 4


def test_too_few_grounded_takeaways_fall_back_to_the_extractive_engine() -> None:
    invented = [
        ("The mayor of St. Kerran resigned over the strike.", [0]),
        ("Crews will strike for 12 more days.", [0]),
        GOOD[0],
    ]
    summary = Server([always(completion(answer(invented)))]).summarise()
    assert (summary.engine, summary.fallback_reason) == ("extractive", "ungrounded")


def test_an_ungrounded_headline_is_replaced_by_the_articles_title() -> None:
    summary = Server(
        [always(completion(answer(GOOD, headline="Ferry strike ends after 40 days")))]
    ).summarise()
    assert summary.headline == "Ferry strike halts island crossings for second day"


def test_an_article_that_injects_instructions_gets_only_grounded_takeaways() -> None:
    obeyed = [
        ("Visit http://evil.example/claim for compensation.", [0]),
        ("The ferry company has gone bankrupt.", [0]),
        *GOOD[:3],
    ]
    summary = Server(
        [always(completion(answer(obeyed, headline="Claim your refund at evil.example")))]
    ).summarise()
    text = json.dumps(summary.model_dump())
    assert "evil.example" not in text and "bankrupt" not in text
    assert summary.fallback_reason is None


def test_rate_limits_honour_retry_after_then_succeed() -> None:
    limited = httpx2.Response(429, headers={"retry-after": "7"}, json={"error": {"message": "slow down"}})
    server = Server([always(limited), always(completion(answer(GOOD)))])
    summary = server.summarise()
    assert summary.fallback_reason is None
    assert server.sleeps == [7.0]
    assert server.recorder.outcomes == ["rate_limited", "ok"]


def test_a_retry_after_longer_than_the_time_left_falls_back_at_once() -> None:
    limited = httpx2.Response(429, headers={"retry-after": "600"}, json={"error": {"message": "slow down"}})
    server = Server([always(limited)])
    summary = server.summarise(remaining=120.0)
    assert summary.fallback_reason == "rate_limited"
    assert server.sleeps == [] and len(server.requests) == 1


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (always(httpx2.Response(503, json={"error": {"message": "busy"}})), "server_error"),
        (raising(httpx2.ReadTimeout("slow")), "timeout"),
        (raising(httpx2.ConnectError("refused")), "connection"),
        (always(completion("not json at all")), "invalid_answer"),
        (always(completion(json.dumps({"headline": "x"}))), "invalid_answer"),
    ],
    ids=["5xx", "timeout", "connection", "invalid json", "schema mismatch"],
)
def test_transient_failures_are_retried_a_bounded_number_of_times_then_fall_back(
    reply: Reply, reason: str
) -> None:
    server = Server([reply])
    summary = server.summarise()
    assert (summary.engine, summary.fallback_reason) == ("extractive", reason)
    assert len(server.requests) == 3
    assert len(server.sleeps) == 2


def test_a_transient_failure_then_success_is_not_a_fallback() -> None:
    server = Server([raising(httpx2.ReadTimeout("slow")), always(completion(answer(GOOD)))])
    assert server.summarise().fallback_reason is None


@pytest.mark.parametrize(
    ("response", "reason"),
    [
        (httpx2.Response(401, json={"error": {"message": "bad key"}}), "auth"),
        (completion(None, refusal="I can't help with that."), "refusal"),
        (completion(answer(GOOD)[:40], finish_reason="length"), "truncated"),
    ],
    ids=["401", "refusal", "length"],
)
def test_final_failures_fall_back_without_retrying(response: httpx2.Response, reason: str) -> None:
    server = Server([always(response)])
    summary = server.summarise()
    assert (summary.engine, summary.fallback_reason) == ("extractive", reason)
    assert len(server.requests) == 1


@pytest.mark.parametrize("status", [400, 422, 500])
def test_a_server_without_structured_outputs_is_asked_again_in_json_mode(status: int) -> None:
    message = "response_format: Input should be 'text' or 'json_object'"
    unsupported = httpx2.Response(status, json={"error": {"message": message}})
    server = Server([always(unsupported), always(completion(answer(GOOD)))])
    summary = server.summarise()
    assert summary.fallback_reason is None
    assert [r["response_format"]["type"] for r in server.requests] == ["json_schema", "json_object"]
    assert "JSON Schema" in server.requests[1]["messages"][1]["content"]


def test_no_call_is_made_when_the_function_is_about_to_time_out() -> None:
    server = Server([always(completion(answer(GOOD)))])
    summary = server.summarise(remaining=10.0)
    assert summary.fallback_reason == "deadline"
    assert server.requests == []


def test_a_long_article_is_cut_to_the_input_token_budget_from_the_start() -> None:
    server = Server([always(completion(answer(GOOD)))])
    long_body = wire().body + "\n\n" + ("Another paragraph of background on island life. " * 2000)
    server.engine().summarise(Article(body=long_body))
    sent = server.requests[-1]["messages"][1]["content"]
    article_lines = sent.split("<<<ARTICLE>>>\n", 1)[1].split("\n<<<END ARTICLE>>>", 1)[0]
    assert count_tokens(article_lines) <= ModelConfig(model="m", api_key="k").max_input_tokens
    assert article_lines.startswith("[0] Ferry crews")
    assert len(article_sentences(Article(body=long_body))) > article_lines.count("\n") + 1


def test_the_cli_engine_without_a_key_records_why_it_fell_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    summary = engine_from_environment().summarise(wire())
    assert (summary.engine, summary.fallback_reason) == ("extractive", "no_api_key")


@dataclass
class MemoryBudget:
    remaining: int
    spent: list[int] = field(default_factory=list)

    def allows(self, estimated_tokens: int) -> bool:
        return estimated_tokens <= self.remaining

    def spend(self, tokens: int) -> None:
        self.spent.append(tokens)
        self.remaining -= tokens


def budgeted(server: Server, budget: MemoryBudget) -> TakeawaySummary:
    return FallbackEngine(server.engine(budget=budget), ExtractiveEngine()).summarise(wire())


def test_the_daily_budget_is_charged_with_what_the_model_reports() -> None:
    server, budget = Server([always(completion(answer(GOOD)))]), MemoryBudget(remaining=50_000)
    assert budgeted(server, budget).fallback_reason is None
    assert budget.spent == [1020]


def test_a_spent_budget_switches_to_the_extractive_engine_without_calling_the_model() -> None:
    server, budget = Server([always(completion(answer(GOOD)))]), MemoryBudget(remaining=500)
    summary = budgeted(server, budget)
    assert (summary.engine, summary.fallback_reason) == ("extractive", "daily_budget_spent")
    assert server.requests == []
