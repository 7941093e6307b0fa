import gzip

import pytest

from infra.feed_site import LoopbackSite
from takeaways.feeds.fetch import Fetcher, HostPacer
from takeaways.feeds.limits import ROBOTS_AGENT, USER_AGENT, FetchLimits
from takeaways.feeds.model import FeedProblem, FetchRefused
from takeaways.feeds.urls import AddressPolicy


def refusal(fetcher: Fetcher, url: str, max_bytes: int = 100_000) -> FetchRefused:
    with pytest.raises(FetchRefused) as refused:
        fetcher.get(url, max_bytes=max_bytes)
    return refused.value


def test_requests_carry_our_user_agent_and_ask_robots_txt_once(site: LoopbackSite, fetcher: Fetcher) -> None:
    site.add("/a.html", "<p>one</p>")
    site.add("/b.html", "<p>two</p>")
    fetcher.get(site.url("/a.html"), max_bytes=1000)
    fetcher.get(site.url("/b.html"), max_bytes=1000)
    assert site.user_agents == {USER_AGENT}
    assert site.requests["/robots.txt"] == 1


def test_a_path_robots_txt_disallows_is_not_fetched(site: LoopbackSite, fetcher: Fetcher) -> None:
    site.add("/robots.txt", f"User-agent: {ROBOTS_AGENT}\nDisallow: /members/\n", "text/plain")
    site.add("/members/story.html", "<p>paywalled</p>")
    site.add("/open/story.html", "<p>open</p>")
    assert refusal(fetcher, site.url("/members/story.html")).problem is FeedProblem.ROBOTS_DISALLOWED
    assert site.requests["/members/story.html"] == 0
    assert fetcher.get(site.url("/open/story.html"), max_bytes=1000).body == b"<p>open</p>"


def test_a_robots_txt_that_errors_allows_nothing_for_now(site: LoopbackSite, fetcher: Fetcher) -> None:
    site.add("/robots.txt", "down", "text/plain", status=503)
    site.add("/story.html", "<p>story</p>")
    refused = refusal(fetcher, site.url("/story.html"))
    assert refused.transient and "robots.txt is unreachable" in refused.detail
    assert site.requests["/story.html"] == 0
    site.add("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
    assert fetcher.get(site.url("/story.html"), max_bytes=1000).body == b"<p>story</p>"


def test_loopback_is_refused_by_the_policy_used_in_aws(site: LoopbackSite) -> None:
    site.add("/story.html", "<p>story</p>")
    refused = refusal(Fetcher(AddressPolicy(allow_loopback=False)), site.url("/story.html"))
    assert refused.problem is FeedProblem.BLOCKED_ADDRESS
    assert sum(site.requests.values()) == 0


@pytest.mark.parametrize(
    "target", ["http://10.0.0.7/admin", "http://169.254.169.254/latest/meta-data/", "http://[fd00::1]/"]
)
def test_a_redirect_to_a_private_address_is_refused_before_connecting(
    site: LoopbackSite, fetcher: Fetcher, target: str
) -> None:
    site.redirect("/moved.html", target)
    refused = refusal(fetcher, site.url("/moved.html"))
    assert refused.problem is FeedProblem.BLOCKED_ADDRESS
    assert not refused.transient


def test_redirects_are_followed_and_bounded(site: LoopbackSite, fetcher: Fetcher) -> None:
    site.redirect("/old.html", "/new.html", status=301)
    site.add("/new.html", "<p>moved here</p>")
    response = fetcher.get(site.url("/old.html"), max_bytes=1000)
    assert response.url == site.url("/new.html") and response.body == b"<p>moved here</p>"
    for hop in range(10):
        site.redirect(f"/loop{hop}", f"/loop{hop + 1}")
    assert refusal(fetcher, site.url("/loop0")).problem is FeedProblem.TOO_MANY_REDIRECTS


def test_a_server_that_does_not_answer_in_time_is_a_passing_timeout(
    site: LoopbackSite, fetcher: Fetcher
) -> None:
    site.add("/slow.xml", "<rss/>", "application/rss+xml", delay=1.5)
    refused = refusal(fetcher, site.url("/slow.xml"))
    assert refused.problem is FeedProblem.TIMEOUT and refused.transient


def test_a_body_that_trickles_past_the_deadline_is_cut_off(site: LoopbackSite, fetcher: Fetcher) -> None:
    site.add("/trickle.html", "<p>" + "word " * 400 + "</p>", trickle=0.1)
    assert refusal(fetcher, site.url("/trickle.html")).problem is FeedProblem.TIMEOUT


def test_bodies_over_the_limit_are_refused_declared_or_not(site: LoopbackSite, fetcher: Fetcher) -> None:
    site.add("/huge.xml", b"<rss>" + b"x" * 300_000, "application/rss+xml")
    assert refusal(fetcher, site.url("/huge.xml"), max_bytes=200_000).problem is FeedProblem.TOO_LARGE
    bomb = gzip.compress(b"a" * 5_000_000)
    site.add("/bomb.html", bomb, "text/html", headers={"Content-Encoding": "gzip"})
    assert len(bomb) < 100_000
    assert refusal(fetcher, site.url("/bomb.html")).problem is FeedProblem.TOO_LARGE


def test_gzip_bodies_are_inflated(site: LoopbackSite, fetcher: Fetcher) -> None:
    site.add(
        "/zipped.html", gzip.compress(b"<p>small</p>"), "text/html", headers={"Content-Encoding": "gzip"}
    )
    assert fetcher.get(site.url("/zipped.html"), max_bytes=1000).body == b"<p>small</p>"


def test_http_errors_say_whether_waiting_helps(site: LoopbackSite, fetcher: Fetcher) -> None:
    site.add("/gone.html", "gone", status=410)
    site.add("/busy.html", "busy", status=503)
    assert not refusal(fetcher, site.url("/gone.html")).transient
    assert refusal(fetcher, site.url("/busy.html")).transient


def test_an_unchanged_feed_answers_304_to_its_etag(site: LoopbackSite, fetcher: Fetcher) -> None:
    site.add("/feed.xml", "<rss/>", "application/rss+xml")
    first = fetcher.get(site.url("/feed.xml"), max_bytes=1000)
    again = fetcher.get(
        site.url("/feed.xml"), max_bytes=1000, headers={"If-None-Match": first.headers["etag"]}
    )
    assert (first.status, again.status, again.body) == (200, 304, b"")


def test_the_pacer_spaces_requests_to_one_host_and_not_to_others() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pacer = HostPacer(2.0, clock=lambda: now[0], sleep=sleep)
    pacer.wait("a.example")
    pacer.wait("b.example")
    now[0] += 0.5
    pacer.wait("a.example")
    pacer.wait("a.example", at_least=5.0)
    assert slept == [1.5, 5.0]


def test_limits_are_the_defaults_a_fetcher_starts_with() -> None:
    assert Fetcher().limits == FetchLimits()
    assert not Fetcher().policy.allow_loopback
