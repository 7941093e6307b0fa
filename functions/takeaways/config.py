"""Settings: every environment variable the functions read, validated once per container.

A missing or malformed variable fails the cold start loudly instead of failing one
record deep inside a stage.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class ConfigurationError(RuntimeError):
    """The function's environment is wrong: nothing it processes could succeed."""


class Settings(BaseModel):
    """The validated environment of a Takeaways function (field name = env var, lower-cased)."""

    model_config = ConfigDict(frozen=True)

    articles_bucket: str = Field(min_length=3)
    idempotency_table: str = Field(min_length=1)
    alerts_topic_arn: str = Field(default="", description="Only NotifyFunction needs it")
    digest_topic_arn: str = Field(default="", description="Only DigestFunction needs it")
    story_table: str = Field(default="", description="Empty turns story de-duplication off")
    story_window_seconds: int = Field(default=48 * 3600, gt=0)
    incoming_prefix: str = "incoming/"
    summaries_prefix: str = "summaries/"
    rejected_prefix: str = "rejected/"
    max_article_bytes: int = Field(default=5_000_000, gt=0)
    max_article_chars: int = Field(default=200_000, gt=1000)
    idempotency_ttl_seconds: int = Field(default=7 * 24 * 3600, gt=0)
    openai_model: str = "gpt-4o-mini"
    openai_api_key_secret: str = ""
    openai_base_url: str = ""
    openai_json_mode: Literal["json_schema", "json_object"] = "json_schema"
    openai_max_output_tokens: int = Field(default=800, ge=100, le=16_000)
    openai_max_input_tokens: int = Field(default=6_000, ge=500, le=1_000_000)
    openai_timeout_seconds: float = Field(default=25.0, gt=0, le=300)
    openai_max_attempts: int = Field(default=3, ge=1, le=10)
    openai_price_per_million: str = Field(
        default="",
        pattern=r"^(\s*\d+(\.\d+)?\s*,\s*\d+(\.\d+)?\s*)?$",
        description="'input,output' USD; empty = built-in",
    )
    secret_cache_seconds: int = Field(default=300, ge=0)
    daily_token_budget: int = Field(default=0, ge=0, description="Model tokens per UTC day; 0 means no limit")

    @field_validator("incoming_prefix", "summaries_prefix", "rejected_prefix")
    @classmethod
    def _prefix_ends_with_slash(cls, value: str) -> str:
        if not value.endswith("/"):
            raise ValueError("an S3 prefix must end with '/'")
        return value

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read the fields from environment variables of the same name in upper case."""
        env = os.environ if environ is None else environ
        values = {name: env[name.upper()] for name in cls.model_fields if name.upper() in env}
        try:
            return cls.model_validate(values)
        except ValidationError as error:
            raise ConfigurationError(f"invalid function configuration: {error}") from error


@cache
def settings() -> Settings:
    """The settings of this container, read on first use."""
    return Settings.from_environ()
