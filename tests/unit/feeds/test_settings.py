import pytest

from takeaways.config import ConfigurationError, Settings

BASE = {"ARTICLES_BUCKET": "articles", "IDEMPOTENCY_TABLE": "idempotency"}


def test_loopback_fetching_is_off_unless_the_environment_says_true() -> None:
    assert Settings.from_environ(BASE).fetch_allow_loopback is False
    assert Settings.from_environ(BASE | {"FETCH_ALLOW_LOOPBACK": "true"}).fetch_allow_loopback is True
    assert Settings.from_environ(BASE | {"FETCH_ALLOW_LOOPBACK": "False"}).fetch_allow_loopback is False


@pytest.mark.parametrize("value", ["yes", "1", ""])
def test_anything_but_true_or_false_fails_the_cold_start(value: str) -> None:
    with pytest.raises(ConfigurationError, match=r"fetch_allow_loopback: .* is not 'true' or 'false'"):
        Settings.from_environ(BASE | {"FETCH_ALLOW_LOOPBACK": value})
