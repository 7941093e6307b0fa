from __future__ import annotations

import pytest

from takeaways.config import ConfigurationError, Settings

BASE = {"ARTICLES_BUCKET": "articles", "IDEMPOTENCY_TABLE": "idempotency"}


def test_defaults_fill_what_the_environment_leaves_out() -> None:
    current = Settings.from_environ(BASE)
    assert (current.incoming_prefix, current.openai_max_attempts, current.daily_token_budget) == (
        "incoming/",
        3,
        0,
    )


def test_recurring_lines_are_looked_for_only_with_a_table_and_recur_in_three_articles_by_default() -> None:
    current = Settings.from_environ(BASE)
    assert (current.recurring_line_table, current.recurring_line_threshold) == ("", 3)


def test_values_come_from_upper_case_variables() -> None:
    current = Settings.from_environ(
        BASE | {"OPENAI_MAX_ATTEMPTS": "5", "OPENAI_PRICE_PER_MILLION": "0.15,0.60"}
    )
    assert (current.openai_max_attempts, current.openai_price_per_million) == (5, "0.15,0.60")


@pytest.mark.parametrize(
    "override",
    [
        {"ARTICLES_BUCKET": ""},
        {"SUMMARIES_PREFIX": "summaries"},
        {"MAX_ARTICLE_BYTES": "-1"},
        {"OPENAI_PRICE_PER_MILLION": "cheap"},
        {"OPENAI_JSON_MODE": "yaml"},
        {"RECURRING_LINE_THRESHOLD": "1"},  # a line one earlier article carried is no boilerplate yet
        {"RECURRING_LINE_THRESHOLD": "21"},  # the table keeps 20 articles a line
    ],
)
def test_a_bad_environment_fails_loudly_at_start(override: dict[str, str]) -> None:
    with pytest.raises(ConfigurationError):
        Settings.from_environ(BASE | override)


def test_a_missing_required_variable_fails_loudly() -> None:
    with pytest.raises(ConfigurationError, match="articles_bucket"):
        Settings.from_environ({"IDEMPOTENCY_TABLE": "idempotency"})


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ConfigurationError) as raised:
        Settings.from_environ(BASE | {"INCOMING_PREFIX": "in", "OPENAI_MAX_ATTEMPTS": "50"})
    assert "incoming_prefix" in str(raised.value) and "openai_max_attempts: 50" in str(raised.value)


def test_a_number_that_does_not_parse_is_named() -> None:
    with pytest.raises(ConfigurationError, match="openai_timeout_seconds: 'soon' is not a number"):
        Settings.from_environ(BASE | {"OPENAI_TIMEOUT_SECONDS": "soon"})


def test_the_notify_function_refuses_to_start_without_its_story_ledger(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from takeaways.handlers.dependencies import forget_dependencies, notify_dependencies

    for name, value in (BASE | {"ALERTS_TOPIC_ARN": "arn:aws:sns:us-east-1:123456789012:alerts"}).items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("STORY_TABLE", raising=False)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    forget_dependencies()
    try:
        with pytest.raises(ConfigurationError, match="STORY_TABLE"):
            notify_dependencies()
    finally:
        forget_dependencies()
