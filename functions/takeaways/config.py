"""Settings: every environment variable the functions read, validated once per container.

A missing or malformed variable fails the cold start loudly instead of failing one
record deep inside a stage. Every problem is reported at once, so one deploy fixes them all.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import MISSING, dataclass, field, fields
from functools import cache
from typing import Any, Literal, get_args

from takeaways.limits import MAX_SOURCE_CHARS
from takeaways.records import bound_problems, field_info

JsonMode = Literal["json_schema", "json_object"]
_PRICES = re.compile(r"^(\s*\d+(\.\d+)?\s*,\s*\d+(\.\d+)?\s*)?$")


class ConfigurationError(RuntimeError):
    """The function's environment is wrong: nothing it processes could succeed."""


# How long after an alert a report of the same story is an update rather than news (STORY_WINDOW_SECONDS).
STORY_WINDOW_SECONDS = 48 * 3600


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """The validated environment of a Takeaways function (field name = env var, lower-cased).

    ``alerts_topic_arn`` is needed only by NotifyFunction, ``subscriber_topic_arn`` and
    ``subscriber_table`` only by DeliveryFunction, DigestFunction and PreferencesFunction; ``story_table`` by
    NotifyFunction (it records each alert, so a retried event never sends one twice) and DigestFunction;
    ``openai_price_per_million`` is 'input,output' in USD (empty: built-in prices);
    ``daily_token_budget`` is model tokens per UTC day, 0 meaning no limit;
    ``article_time_budget_seconds`` is what parsing and summarising one article may take
    (``pipeline.deadline``); ``trusted_sources`` is a comma-separated list of outlet names and domains whose claims
    an article may make (``takeaways.article.sources``); ``summary_signing_secret`` names the
    Secrets Manager secret whose key signs summary records (empty: records are neither
    signed nor checked, for runs without AWS); ``chat_dead_letter_queue_url`` is needed only by
    ChatFunction, whose loopback exception is ``fetch_allow_loopback`` too.
    """

    articles_bucket: str
    idempotency_table: str
    alerts_topic_arn: str = ""
    subscriber_topic_arn: str = ""
    story_table: str = ""
    # The subscription registry: every managed subscriber, their preferences and digest bookkeeping.
    subscriber_table: str = ""
    story_window_seconds: int = field(default=STORY_WINDOW_SECONDS, metadata=field_info(ge=1))
    incoming_prefix: str = "incoming/"
    summaries_prefix: str = "summaries/"
    rejected_prefix: str = "rejected/"
    max_article_bytes: int = field(default=5_000_000, metadata=field_info(ge=1))
    max_article_chars: int = field(default=200_000, metadata=field_info(ge=1001))
    idempotency_ttl_seconds: int = field(default=7 * 24 * 3600, metadata=field_info(ge=1))
    openai_model: str = "gpt-4o-mini"
    openai_api_key_secret: str = ""
    openai_base_url: str = ""
    openai_json_mode: JsonMode = "json_schema"
    openai_max_output_tokens: int = field(default=800, metadata=field_info(ge=100, le=16_000))
    openai_max_input_tokens: int = field(default=6_000, metadata=field_info(ge=500, le=1_000_000))
    openai_timeout_seconds: float = field(default=25.0, metadata=field_info(ge=0.1, le=300))
    openai_max_attempts: int = field(default=3, metadata=field_info(ge=1, le=10))
    openai_price_per_million: str = ""
    secret_cache_seconds: int = field(default=300, metadata=field_info(ge=0))
    daily_token_budget: int = field(default=0, metadata=field_info(ge=0))
    article_time_budget_seconds: float = field(default=60.0, metadata=field_info(ge=1, le=900))
    trusted_sources: str = ""
    summary_signing_secret: str = ""
    # The feed poller's table of feeds and seen entries, and the one exception to its address checks:
    # loopback, for the local stack's test servers (never true in AWS).
    feed_table: str = ""
    fetch_allow_loopback: bool = False
    # Preference links: the secret whose key signs them, the table of spent tokens, and the URL
    # they open (PreferencesFunction's function URL; empty: alerts carry no preference links).
    link_signing_secret: str = ""
    spent_link_table: str = ""
    preferences_url: str = ""
    # Where the chat function keeps what a platform refused for good (and Lambda what kept failing).
    chat_dead_letter_queue_url: str = ""
    # Short lines seen per source (``takeaways.article.recurring``; empty: only the list of notices
    # cleans), and in how many earlier articles of the source a line must recur to be removed
    # (the table keeps up to 20 articles a line: ``adapters.recurring_lines``).
    recurring_line_table: str = ""
    recurring_line_threshold: int = field(default=3, metadata=field_info(ge=2, le=20))

    def __post_init__(self) -> None:
        problems = list(self._problems())
        if problems:
            raise ConfigurationError("invalid function configuration: " + "; ".join(problems))

    def _problems(self) -> Iterator[str]:
        if len(self.articles_bucket) < 3:
            yield "articles_bucket: a bucket name has at least 3 characters"
        if not self.idempotency_table:
            yield "idempotency_table: must not be empty"
        for name in ("incoming_prefix", "summaries_prefix", "rejected_prefix"):
            if not getattr(self, name).endswith("/"):
                yield f"{name}: an S3 prefix must end with '/'"
        if self.openai_json_mode not in get_args(JsonMode):
            yield f"openai_json_mode: {self.openai_json_mode!r} is not one of {list(get_args(JsonMode))}"
        yield from _trusted_source_problems(self.trusted_sources)
        if not _PRICES.match(self.openai_price_per_million):
            yield f"openai_price_per_million: {self.openai_price_per_million!r} is not 'input,output'"
        yield from bound_problems(self)

    def trusted_source_set(self) -> frozenset[str]:
        """The trusted outlets as the intake matches them (lower case, no ``www.``)."""
        return trusted_set(self.trusted_sources.split(","))

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None, *, local: bool = False) -> Settings:
        """Read the fields from environment variables of the same name in upper case.

        ``local``: for a command run without a stack (``takeaways summarise --engine openai``), which
        needs no bucket or table (they get placeholder names it never uses); every value it does read
        is checked as a function's would be.
        """
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        problems = []
        for setting in fields(cls):
            variable = setting.name.upper()
            if variable not in env:
                if setting.default is MISSING and local:
                    values[setting.name] = f"local-{setting.name.replace('_', '-')}"  # named, never used
                elif setting.default is MISSING:
                    problems.append(f"{setting.name}: required, and {variable} is not set")
                continue
            try:
                values[setting.name] = _parsed(env[variable], like=setting.default)
            except ValueError:
                kind = "'true' or 'false'" if isinstance(setting.default, bool) else "a number"
                problems.append(f"{setting.name}: {env[variable]!r} is not {kind}")
        if problems:
            raise ConfigurationError("invalid function configuration: " + "; ".join(problems))
        return cls(**values)


def default_of(name: str) -> Any:
    """A setting's default, for code that takes the same value as an argument (one home for it)."""
    return next(setting.default for setting in fields(Settings) if setting.name == name)


def trusted_set(entries: Iterable[str]) -> frozenset[str]:
    """Outlet names and domains as the intake matches them: lower case, one space, no ``www.``.

    An entry ``Coastal Times=coastaltimes.example`` trusts both and is kept as well (the name in
    the operator's spelling): an article that names its outlet only by that domain gets the
    outlet's name as its source, so one ``--sources`` value reaches all of the outlet's alerts.
    """
    found: set[str] = set()
    for entry in entries:
        name, alias, domain = entry.partition("=")
        name, domain = " ".join(name.split()), _normal_outlet(domain)
        if alias and name and domain and "=" not in domain:  # the validation refuses the rest
            found |= {name.lower(), domain, f"{name}={domain}"}
        elif not alias and _normal_outlet(name):
            found.add(_normal_outlet(name))
    return frozenset(found)


def _normal_outlet(entry: str) -> str:
    return " ".join(entry.lower().split()).removeprefix("www.")


def _trusted_source_problems(listed: str) -> Iterator[str]:
    """Each entry a name, a domain or ``name=domain`` a person can read: printable, one line, not too long."""
    for entry in (part.strip() for part in listed.split(",")):
        if not entry:
            continue
        name, alias, domain = entry.partition("=")
        if len(entry) > MAX_SOURCE_CHARS or not entry.isprintable():
            yield f"trusted_sources: {entry[:40]!r} is not an outlet name or domain"
        elif "://" in entry or "/" in entry:
            yield f"trusted_sources: {entry!r}: list the domain (coastaltimes.example), not a URL"
        elif alias and (not name.strip() or "." not in domain or " " in domain.strip() or "=" in domain):
            yield (
                f"trusted_sources: {entry!r}: an outlet and its domain are written"
                " 'Coastal Times=coastaltimes.example'"
            )


def _parsed(text: str, *, like: object) -> object:
    """An environment string as the type of the setting's default (strings for required settings)."""
    if isinstance(like, bool):
        if text.strip().lower() not in {"true", "false"}:
            raise ValueError(text)
        return text.strip().lower() == "true"
    if isinstance(like, int):
        return int(text)
    if isinstance(like, float):
        return float(text)
    return text


def settings() -> Settings:
    """The settings of this container, read on first use.

    Cached per environment: a Lambda container's never changes, and the local runner, which runs
    every function in one process, switches it per function (DeliveryFunction's has one more).
    """
    names = _SETTING_VARIABLES
    return _settings_for(tuple(sorted((key, value) for key, value in os.environ.items() if key in names)))


@cache
def _settings_for(environment: tuple[tuple[str, str], ...]) -> Settings:
    return Settings.from_environ(dict(environment))


def forget_settings() -> None:
    """Read the environment again on the next use (tests switch stacks between cases)."""
    _settings_for.cache_clear()


_SETTING_VARIABLES = frozenset(setting.name.upper() for setting in fields(Settings))
