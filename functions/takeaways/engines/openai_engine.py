"""The model engine: OpenAI or any OpenAI-compatible endpoint, every answer grounded.

Imported only when an API key is configured: ``openai`` costs about half a second of
cold start. Each way a call can fail ends as an ``EngineFailure`` with a short reason,
which the fallback engine records; transient failures are retried first, within the
time the function has left. Every call's outcome, the tokens it used and its estimated
cost go to an ``EngineObserver``.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from typing import Any, Literal

import openai
from pydantic import ValidationError

from takeaways.article.model import Article
from takeaways.engines import EngineObserver, TokenBudget
from takeaways.engines.extractive import ExtractiveEngine
from takeaways.engines.grounding import ArticleFacts, all_verified, check_takeaways
from takeaways.engines.headline import HEADLINE_CHARS, headline_reads_complete
from takeaways.engines.prompt import SYSTEM_PROMPT, ModelAnswer, answer_schema, user_prompt
from takeaways.engines.tokens import count_tokens
from takeaways.errors import EngineFailure
from takeaways.summary import MAX_TAKEAWAYS, MIN_TAKEAWAYS, SAME_FACT_SHARE, Takeaway, TakeawaySummary
from takeaways.text.entities import ENTITY_SENTENCES, find_entities
from takeaways.text.sentences import article_sentences
from takeaways.text.topics import article_topics
from takeaways.text.words import content_terms

JsonMode = Literal["json_schema", "json_object"]

# USD per million tokens (input, output). A dated model name ("gpt-4o-mini-2024-07-18") takes
# its family's price; a model in neither this table nor the configuration is costed at zero.
PRICES_PER_MILLION: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
}
NEAR_DUPLICATE_SHARE = 0.8
_MAX_BACKOFF_SECONDS = 8.0
_RETRIED_STATUSES = frozenset({408, 409})


@dataclass(frozen=True, slots=True)
class ModelConfig:
    """Everything about the model call an operator may tune."""

    model: str
    api_key: str = field(repr=False)
    base_url: str | None = None
    json_mode: JsonMode = "json_schema"
    timeout_seconds: float = 25.0
    max_attempts: int = 3
    max_input_tokens: int = 6_000
    max_output_tokens: int = 800
    # (input, output) USD per million tokens; None takes the price from PRICES_PER_MILLION.
    price_per_million: tuple[float, float] | None = None
    # Kept back for the fallback engine and the summary's write once the model is given up.
    reserve_seconds: float = 5.0
    # A call with less time than this is not worth starting.
    min_attempt_seconds: float = 5.0

    def prices(self) -> tuple[float, float]:
        if self.price_per_million is not None:
            return self.price_per_million
        family = max(
            (name for name in PRICES_PER_MILLION if self.model.startswith(name)), key=len, default=""
        )
        return PRICES_PER_MILLION.get(family, (0.0, 0.0))


class _Silent:
    def outcome(self, reason: str) -> None:
        return None

    def usage(self, prompt_tokens: int, completion_tokens: int, cost_usd: float) -> None:
        return None


class _Retry(Exception):
    """A failure that may pass: try again after ``wait`` seconds (None: our own backoff)."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


class _Adapted(Exception):
    """The server refused a request option and the request was changed: ask again at once."""


class OpenAIEngine:
    """Summarises through a chat-completions endpoint; raises ``EngineFailure`` when no grounded answer comes.

    Outcome reasons sent to the observer, one per call or decision: ``ok``, ``ungrounded``,
    ``timeout``, ``connection``, ``rate_limited``, ``server_error``, ``http_<status>``,
    ``invalid_answer``, ``refusal``, ``content_filter``, ``truncated``, ``auth``,
    ``quota_exhausted``, ``bad_request``, ``api_error``, ``json_schema_unsupported``,
    ``max_tokens_unsupported``, ``temperature_unsupported``, ``deadline``,
    ``daily_budget_spent``, ``empty_article``; also ``takeaway_dropped`` for each takeaway
    grounding removed and ``headline_replaced`` / ``summary_replaced``.
    """

    def __init__(
        self,
        config: ModelConfig,
        *,
        http_client: Any = None,
        observer: EngineObserver | None = None,
        budget: TokenBudget | None = None,
        remaining_seconds: Callable[[], float] = lambda: math.inf,
        sleep: Callable[[float], None] = time.sleep,
        wall_clock: Callable[[], float] = time.time,
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
        self._wall_clock = wall_clock
        # What the server turned out to accept; learnt once per container.
        self._json_mode: JsonMode = config.json_mode
        self._cap_parameter = "max_tokens"
        self._send_temperature = True

    @property
    def name(self) -> str:
        return f"openai:{self.config.model}"

    def summarise(self, article: Article) -> TakeawaySummary:
        sentences = within_input_budget(article_sentences(article), self.config.max_input_tokens)
        if not sentences:
            raise self._failure("empty_article", "the article has no sentences")
        estimated_prompt = count_tokens(SYSTEM_PROMPT) + count_tokens(
            user_prompt(sentences, title=article.title, schema_in_prompt=self._json_mode == "json_object")
        )
        if self._budget is not None and not self._budget.allows(
            estimated_prompt + self.config.max_output_tokens
        ):
            raise self._failure("daily_budget_spent", "the next call would pass the daily token budget")
        answer = self._answer(sentences, article.title, estimated_prompt)
        return self._grounded(answer, sentences, article)

    def _failure(self, reason: str, detail: str) -> EngineFailure:
        self._observer.outcome(reason)
        return EngineFailure(reason, detail)

    def _answer(self, sentences: list[str], title: str | None, estimated_prompt: int) -> ModelAnswer:
        failed_attempts = 0
        while True:
            timeout = min(self.config.timeout_seconds, self._remaining() - self.config.reserve_seconds)
            if timeout < self.config.min_attempt_seconds:
                raise self._failure(
                    "deadline", f"too little time left after {failed_attempts} failed call(s)"
                )
            try:
                return self._ask(sentences, title, timeout, estimated_prompt)
            except _Adapted:
                continue  # each adaptation happens at most once, so this loop is bounded
            except _Retry as retry:
                self._observer.outcome(retry.reason)
                failed_attempts += 1
                if failed_attempts >= self.config.max_attempts:
                    raise EngineFailure(retry.reason, f"gave up after {failed_attempts} attempts") from retry
                wait = retry.wait if retry.wait is not None else _backoff(failed_attempts)
                time_after_wait = self._remaining() - wait - self.config.reserve_seconds
                if time_after_wait < self.config.min_attempt_seconds:
                    raise EngineFailure(retry.reason, "no time left to wait for a retry") from retry
                self._sleep(wait)

    def _ask(
        self, sentences: list[str], title: str | None, timeout: float, estimated_prompt: int
    ) -> ModelAnswer:
        request: dict[str, Any] = {
            "model": self.config.model,
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {
                    "role": "user",
                    "content": user_prompt(
                        sentences, title=title, schema_in_prompt=self._json_mode == "json_object"
                    ),
                },
            ],
            "response_format": self._response_format(),
            self._cap_parameter: self.config.max_output_tokens,
            "timeout": timeout,
        }
        if self._send_temperature:
            request["temperature"] = 0
        try:
            response = self._client.chat.completions.create(**request)
        except openai.APITimeoutError as error:
            raise _Retry("timeout") from error
        except openai.APIConnectionError as error:
            raise _Retry("connection") from error
        except openai.RateLimitError as error:
            if error.code == "insufficient_quota":
                raise self._failure("quota_exhausted", "HTTP 429 insufficient_quota") from error
            raise _Retry("rate_limited", self._retry_after(error)) from error
        except (openai.AuthenticationError, openai.PermissionDeniedError) as error:
            # The message may echo part of the key: only the status leaves this function.
            raise self._failure("auth", f"HTTP {error.status_code}") from error
        except (openai.BadRequestError, openai.UnprocessableEntityError) as error:
            self._adapt_to(error)
            raise self._failure("bad_request", f"HTTP {error.status_code}: {error.message[:200]}") from error
        except openai.APIStatusError as error:
            if error.status_code >= 500:
                # llama.cpp's server answers an unknown response_format with a 500, not a 400.
                self._adapt_to(error)
                raise _Retry("server_error", self._retry_after(error)) from error
            if error.status_code in _RETRIED_STATUSES:
                raise _Retry(f"http_{error.status_code}", self._retry_after(error)) from error
            raise self._failure(f"http_{error.status_code}", f"HTTP {error.status_code}") from error
        except openai.OpenAIError as error:
            raise self._failure("api_error", type(error).__name__) from error
        return self._parsed(response, estimated_prompt)

    def _response_format(self) -> dict[str, Any]:
        if self._json_mode == "json_schema":
            return {
                "type": "json_schema",
                "json_schema": {"name": "takeaways", "schema": answer_schema(), "strict": True},
            }
        # Plain JSON mode; servers such as llama.cpp also constrain the answer with a schema given here.
        return {"type": "json_object", "schema": answer_schema()}

    def _adapt_to(self, error: openai.APIStatusError) -> None:
        """Change the request once for an option this server refuses; raise ``_Adapted`` if it changed."""
        message = f"{error.message} {error.param or ''} {error.body or ''}".lower()
        if self._json_mode == "json_schema" and ("response_format" in message or "json_schema" in message):
            self._json_mode = "json_object"
            reason = "json_schema_unsupported"
        elif (
            self._cap_parameter == "max_tokens"
            and "max_tokens" in message
            and "max_completion_tokens" in message
        ):
            self._cap_parameter = "max_completion_tokens"
            reason = "max_tokens_unsupported"
        elif self._send_temperature and "temperature" in message:
            self._send_temperature = False
            reason = "temperature_unsupported"
        else:
            return
        self._observer.outcome(reason)
        raise _Adapted(reason) from error

    def _parsed(self, response: Any, estimated_prompt: int) -> ModelAnswer:
        choices = getattr(response, "choices", None)
        if not choices:
            raise _Retry("invalid_answer")
        choice = choices[0]
        content = choice.message.content or ""
        self._report_usage(getattr(response, "usage", None), estimated_prompt, content)
        if getattr(choice.message, "refusal", None):
            raise self._failure("refusal", "the model declined")
        if choice.finish_reason == "length":
            raise self._failure("truncated", "the answer hit the output token cap")
        if choice.finish_reason == "content_filter":
            raise self._failure("content_filter", "the provider filtered the answer")
        try:
            return ModelAnswer.model_validate(json.loads(_json_text(content)))
        except (json.JSONDecodeError, ValidationError) as error:
            raise _Retry("invalid_answer") from error

    def _grounded(self, answer: ModelAnswer, sentences: list[str], article: Article) -> TakeawaySummary:
        facts = ArticleFacts(sentences, article.title)
        claims: list[tuple[str, list[int]]] = []
        for takeaway in answer.takeaways:
            text = _ended(" ".join(takeaway.text.split()))
            if text.lower() in {earlier.lower() for earlier, _ in claims}:
                continue
            # A claim without citations is checked against the sentences that hold its words.
            claims.append((text, sorted(set(takeaway.evidence)) or facts.locate(text)))
        result = check_takeaways(facts, claims)
        for _ in result.problems:
            self._observer.outcome("takeaway_dropped")
        kept = _distinct([Takeaway(text=claims[i][0], evidence=claims[i][1]) for i in result.kept])[
            :MAX_TAKEAWAYS
        ]
        if len(kept) < min(MIN_TAKEAWAYS, len(sentences)) or not kept:
            problems = "; ".join(sorted(set(result.problems.values())))
            raise self._failure("ungrounded", f"{len(kept)} grounded takeaway(s): {problems}"[:300])
        extract: list[TakeawaySummary] = []  # the extractive engine's lines, made only if one is needed

        def extracted() -> TakeawaySummary:
            if not extract:
                extract.append(ExtractiveEngine().summarise(article))
            return extract[0]

        headline = " ".join(answer.headline.split())
        if not _reads_as_headline(headline) or facts.line_problem(headline):
            self._observer.outcome("headline_replaced")
            title_is_fact = article.title and facts.unsupported(article.title) is None
            headline = article.title if article.title and title_is_fact else extracted().headline
        summary = " ".join(answer.summary.split())
        if not summary or facts.line_problem(summary):
            self._observer.outcome("summary_replaced")
            summary = extracted().summary
        # The summary says what happened; a takeaway that says it again goes, as long as enough remain
        # (those that repeat it least are kept to make up the number).
        repeating = sorted(
            (takeaway for takeaway in kept if _repeat_share(summary, takeaway.text) > SAME_FACT_SHARE),
            key=lambda takeaway: -_repeat_share(summary, takeaway.text),
        )
        dropped = repeating[: max(0, len(kept) - min(MIN_TAKEAWAYS, len(sentences)))]
        for _ in dropped:
            self._observer.outcome("takeaway_dropped")
        kept = [takeaway for takeaway in kept if takeaway not in dropped]
        self._observer.outcome("ok")
        written = TakeawaySummary(
            headline=headline[:200],
            summary=summary,
            takeaways=kept,
            entities=find_entities(sentences[:ENTITY_SENTENCES]),
            topics=article_topics(article.body, headline=article.title or ""),
            language=article.language,
            engine=self.name,
        )
        return replace(written, grounded=all_verified(written, facts))

    def _report_usage(self, usage: Any, estimated_prompt: int, content: str) -> None:
        """Tokens as the server reports them; a server that does not report them is charged our count."""
        prompt = int(getattr(usage, "prompt_tokens", 0) or 0) or estimated_prompt
        completion = int(getattr(usage, "completion_tokens", 0) or 0) or count_tokens(content)
        if self._budget is not None:
            self._budget.spend(prompt + completion)
        price_in, price_out = self.config.prices()
        self._observer.usage(prompt, completion, (prompt * price_in + completion * price_out) / 1_000_000)

    def _retry_after(self, error: openai.APIStatusError) -> float | None:
        """Seconds the server asked us to wait (``retry-after-ms``, ``Retry-After`` seconds or date), if it said."""
        headers = error.response.headers
        for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
            value = headers.get(name)
            if not value:
                continue
            try:
                seconds = float(value) * scale
            except ValueError:
                try:
                    seconds = parsedate_to_datetime(value).timestamp() - self._wall_clock()
                except (TypeError, ValueError, IndexError):
                    continue
            if math.isnan(seconds):
                continue
            return max(seconds, 0.0)
        return None


def within_input_budget(sentences: list[str], max_input_tokens: int) -> list[str]:
    """The leading sentences that fit the input budget (news puts what matters first); always at least one."""
    kept: list[str] = []
    used = 0
    for sentence in sentences:
        used += count_tokens(sentence) + 3  # the "[n] " label and the line break
        if used > max_input_tokens and kept:
            break
        kept.append(sentence)
    return kept


def _distinct(takeaways: list[Takeaway]) -> list[Takeaway]:
    """Drop a takeaway whose words are nearly all in an earlier one: the same point said twice."""
    kept: list[Takeaway] = []
    seen: list[set[str]] = []
    for takeaway in takeaways:
        terms = set(content_terms(takeaway.text))
        if all(
            len(terms & earlier) < NEAR_DUPLICATE_SHARE * min(len(terms), len(earlier)) for earlier in seen
        ):
            kept.append(takeaway)
            seen.append(terms)
    return kept


def _reads_as_headline(headline: str) -> bool:
    """A model's headline is held to the extractive one's rules: a complete statement within the limit.

    A question, a teaser, a pronoun subject or 140 characters are replaced, not cut. The
    tagger's clause check is not applied: it learned from sentences and reads headline
    style ("Ferry strike halts crossings") as a row of nouns.
    """
    return bool(headline) and len(headline) <= HEADLINE_CHARS and headline_reads_complete(headline)


def _repeat_share(summary: str, takeaway: str) -> float:
    """The share of the shorter line's content words that the summary and a takeaway both have."""
    said, terms = set(content_terms(summary)), set(content_terms(takeaway))
    return len(said & terms) / min(len(said), len(terms)) if said and terms else 0.0


def _ended(text: str) -> str:
    """A takeaway reads as a sentence: weaker models often leave off the full stop."""
    return text if not text or text[-1] in ".!?\"'”’…)" else text + "."


def _backoff(failed_attempts: int) -> float:
    """Exponential with jitter, so containers that failed together do not retry together."""
    return min(2.0 ** (failed_attempts - 1), _MAX_BACKOFF_SECONDS) * (0.5 + random.random() / 2)


def _json_text(content: str) -> str:
    """The JSON object in an answer, without the Markdown fence some compatible servers put around it."""
    start, end = content.find("{"), content.rfind("}")
    return content[start : end + 1] if 0 <= start < end else content
