import pytest

from takeaways.feeds.model import FeedProblem, FetchRefused
from takeaways.feeds.urls import AddressPolicy, canonical_url, same_site


def test_tracking_parameters_fragments_case_and_default_ports_do_not_make_another_url() -> None:
    assert canonical_url("HTTPS://News.Example.org:443/tram?utm_source=rss&id=4&fbclid=x#comments") == (
        "https://news.example.org/tram?id=4"
    )
    assert canonical_url("http://example.org:8080/a?b=2&a=1") == "http://example.org:8080/a?a=1&b=2"
    assert canonical_url("https://example.org/a") != canonical_url("https://example.org/b")


def test_a_link_is_on_the_feeds_site_when_it_shares_the_registered_parent() -> None:
    assert same_site("https://www.cityherald.example/news/1", "https://feeds.cityherald.example/rss")
    assert not same_site("https://elsewhere.example/news/1", "https://feeds.cityherald.example/rss")


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.8", "private"),
        ("192.168.1.20", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("::ffff:10.0.0.1", "private"),
        ("100.64.0.1", "not a public"),
        ("0.0.0.0", "not a public"),
        ("224.0.0.1", "not a public"),
    ],
)
def test_addresses_inside_the_network_are_refused(address: str, why: str) -> None:
    refusal = AddressPolicy().refusal(address)
    assert refusal is not None and why in refusal


def test_public_addresses_pass_and_loopback_only_when_allowed() -> None:
    assert AddressPolicy().refusal("93.184.215.14") is None
    assert AddressPolicy().refusal("2606:4700::1111") is None
    assert AddressPolicy(allow_loopback=True).refusal("127.0.0.1") is None
    assert AddressPolicy(allow_loopback=True).refusal("10.0.0.1") == "a private address"


def test_a_host_with_one_private_address_among_public_ones_is_refused() -> None:
    policy = AddressPolicy(resolver=lambda host, port: ["93.184.215.14", "10.0.0.5"])
    with pytest.raises(FetchRefused) as refused:
        policy.vetted_address("news.example", 443)
    assert refused.value.problem is FeedProblem.BLOCKED_ADDRESS
    assert "10.0.0.5" in refused.value.detail
    assert AddressPolicy(resolver=lambda host, port: ["93.184.215.14"]).vetted_address(
        "news.example", 443
    ) == ("93.184.215.14")
