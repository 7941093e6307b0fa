"""The model engine: OpenAI or any OpenAI-compatible endpoint, with every answer grounded.

Imported only when an API key is configured: the ``openai`` package costs about half a
second of cold start. Each failure becomes an ``EngineFailure`` with a short reason
(the fallback engine then takes over and the reason is recorded); transient ones are
retried within the time the function has left.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import openai
from pydantic import ValidationError

from takeaways.article.model import Article
from takeaways.engines import EngineObserver, TokenBudget
from takeaways.engines.grounding import ArticleFacts, check_takeaways
from takeaways.engines.prompt import SYSTEM_PROMPT, ModelAnswer, answer_schema, user_prompt
from takeaways.engines.tokens import count_tokens
from takeaways.errors import EngineFailure
from takeaways.summary import Takeaway, TakeawaySummary
from takeaways.text.entities import find_entities
from takeaways.text.sentences import article_sentences
from takeaways.text.topics import find_topics

# USD per million tokens (input, output); unknown models are costed at zero and say so in the docs.
PRICES_PER_MILLION = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1": (2.00, 8.00),
}
MIN_TAKEAWAYS = 3


class _Silent:
    def outcome(self, reason: str) -> None:
        return None

    def usage(self, prompt_tokens: int, completion_tokens: int, cost_usd: float) -> None:
        return None


@dataclass(frozen=True, slots=True)
class ModelConfig:
    model: str
    api_key: str
    base_url: str | None = None
    timeout_seconds: float = 25.0
    max_attempts: int = 3
    json_mode: Literal["json_schema", "json_object"] = "json_schema"
    max_input_tokens: int = 6_000
    max_output_tokens: int = 800


class OpenAIEngine:
    def __init__(
        self,
        config: ModelConfig,
        *,
        http_client: Any = None,
        observer: EngineObserver | None = None,
        budget: TokenBudget | None = None,
        remaining_seconds: Callable[[], float] = lambda: math.inf,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config
        self._client = openai.OpenAI(
            api_key=config.api_key,
            base_url=config.base_url or None,
            timeout=config.timeout_seconds,
            max_retries=0,  # retries are ours: they must respect the function's remaining time
            http_client=http_client,
        )
        self._observer = observer or _Silent()
        self._budget = budget
        self._remaining = remaining_seconds
        self._sleep = sleep
        self._json_mode = config.json_mode

    @property
    def name(self) -> str:
        return f"openai:{self.config.model}"

    def summarise(self, article: Article) -> TakeawaySummary:
        sentences = _within_budget(article_sentences(article), self.config.max_input_tokens)
        if self._budget is not None:
            estimated = sum(count_tokens(s) for s in sentences) + 400 + self.config.max_output_tokens
            if not self._budget.allows(estimated):
                raise EngineFailure(
                    "daily_budget_spent", f"about {estimated} more tokens would exceed the limit"
                )
        answer = self._answer(sentences, article.title)
        summary = self._grounded(answer, sentences, article)
        self._observer.outcome("ok")
        return summary

    def _answer(self, sentences: list[str], title: str | None) -> ModelAnswer:
        last_reason = "no_attempt"
        for attempt in range(self.config.max_attempts):
            if self._remaining() < self.config.timeout_seconds + 5:
                raise EngineFailure("deadline", f"too little time left after {attempt} attempt(s)")
            try:
                return self._ask(sentences, title)
            except _Retry as retry:
                last_reason = retry.reason
                self._observer.outcome(retry.reason)
                if attempt + 1 == self.config.max_attempts:
                    break
                wait = (
                    retry.wait
                    if retry.wait is not None
                    else min(2.0**attempt, 8.0) * (0.5 + random.random() / 2)
                )
                if wait > self._remaining() - self.config.timeout_seconds - 5:
                    raise EngineFailure(retry.reason, "no time left to wait for a retry") from retry
                self._sleep(wait)
        raise EngineFailure(last_reason, f"gave up after {self.config.max_attempts} attempts")

    def _ask(self, sentences: list[str], title: str | None) -> ModelAnswer:
        schema_in_prompt = self._json_mode == "json_object"
        response_format: Any = (
            {
                "type": "json_schema",
                "json_schema": {"name": "takeaways", "schema": answer_schema(), "strict": True},
            }
            if self._json_mode == "json_schema"
            else {"type": "json_object", "schema": answer_schema()}
        )
        try:
            response = self._client.chat.completions.create(
                model=self.config.model,
                messages=[
                    {"role": "system", "content": SYSTEM_PROMPT},
                    {
                        "role": "user",
                        "content": user_prompt(sentences, title=title, schema_in_prompt=schema_in_prompt),
                    },
                ],
                response_format=response_format,
                max_tokens=self.config.max_output_tokens,
                temperature=0,
            )
        except openai.RateLimitError as error:
            raise _Retry("rate_limited", _retry_after(error)) from error
        except openai.APITimeoutError as error:
            raise _Retry("timeout") from error
        except openai.APIConnectionError as error:
            raise _Retry("connection") from error
        except (openai.AuthenticationError, openai.PermissionDeniedError) as error:
            raise EngineFailure("auth", str(error)) from error
        except openai.APIStatusError as error:
            if self._json_mode == "json_schema" and _about_response_format(error):
                # A compatible server without structured outputs (some answer 400, some 500): ask in JSON mode.
                self._json_mode = "json_object"
                raise _Retry("json_schema_unsupported", wait=0.0) from error
            if isinstance(error, openai.BadRequestError):
                raise EngineFailure("bad_request", str(error)) from error
            if error.status_code >= 500:
                raise _Retry("server_error") from error
            raise EngineFailure(f"http_{error.status_code}", str(error)) from error
        self._report_usage(response)
        choice = response.choices[0]
        if getattr(choice.message, "refusal", None):
            raise EngineFailure("refusal", str(choice.message.refusal))
        if choice.finish_reason == "length":
            raise EngineFailure("truncated", "the answer hit the output token cap")
        try:
            return ModelAnswer.model_validate_json(choice.message.content or "")
        except (ValidationError, json.JSONDecodeError) as error:
            raise _Retry("invalid_answer") from error

    def _grounded(self, answer: ModelAnswer, sentences: list[str], article: Article) -> TakeawaySummary:
        facts = ArticleFacts(sentences)
        claims = [
            (takeaway.text.strip(), list(dict.fromkeys(takeaway.evidence)))
            for takeaway in answer.takeaways[:5]
        ]
        result = check_takeaways(facts, claims)
        needed = min(MIN_TAKEAWAYS, len(sentences))
        if len(result.kept) < needed:
            raise EngineFailure("ungrounded", "; ".join(sorted(set(result.problems.values())))[:300])
        takeaways = [Takeaway(text=claims[i][0], evidence=sorted(claims[i][1])) for i in result.kept]
        headline = answer.headline.strip()
        if facts.unsupported(headline):
            headline = article.title or takeaways[0].text
        summary = " ".join(answer.summary.split())
        if facts.unsupported(summary):
            summary = takeaways[0].text
        return TakeawaySummary(
            headline=headline[:200],
            summary=summary,
            takeaways=takeaways,
            entities=find_entities(sentences[:10]),
            topics=find_topics(f"{article.title or ''}\n{article.body[:5_000]}"),
            language=article.language,
            engine=self.name,
        )

    def _report_usage(self, response: Any) -> None:
        usage = getattr(response, "usage", None)
        if usage is None:
            return
        prompt, completion = int(usage.prompt_tokens or 0), int(usage.completion_tokens or 0)
        if self._budget is not None:
            self._budget.spend(prompt + completion)
        price_in, price_out = PRICES_PER_MILLION.get(self.config.model, (0.0, 0.0))
        self._observer.usage(prompt, completion, (prompt * price_in + completion * price_out) / 1_000_000)


class _Retry(Exception):
    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


def _about_response_format(error: openai.APIStatusError) -> bool:
    text = str(error).lower()
    return "response_format" in text or "json_schema" in text


def _retry_after(error: openai.APIStatusError) -> float | None:
    """Seconds the server asked us to wait (``Retry-After`` or ``retry-after-ms``), if it said."""
    headers = error.response.headers if error.response is not None else {}
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name)
        if value:
            try:
                return max(float(value) * scale, 0.0)
            except ValueError:
                continue
    return None


def _within_budget(sentences: list[str], max_input_tokens: int) -> list[str]:
    """The leading sentences that fit the input budget: news puts what matters first."""
    kept: list[str] = []
    used = 0
    for sentence in sentences:
        used += count_tokens(sentence) + 3  # the "[n] " label and the line break
        if used > max_input_tokens and kept:
            break
        kept.append(sentence)
    return kept
