"""HTTP GET as a good citizen that cannot be turned against its own network.

Every request: our User-Agent, robots.txt asked first, a pause between two requests to one
host, a connect/read timeout and an overall deadline (a server that trickles bytes is cut
off), a size limit (checked on Content-Length and again while reading, after gzip), and
redirects followed by hand, at most ``max_redirects``, each hop's address checked again.
The connection goes to the address that was checked, so a second DNS answer cannot swap it
for a private one.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from takeaways.feeds.limits import ROBOTS_AGENT, USER_AGENT, FetchLimits
from takeaways.feeds.model import FeedProblem, FetchRefused
from takeaways.feeds.urls import AddressPolicy

_CHUNK = 64 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class Response:
    """A finished fetch: the final URL after redirects, the status (200 or 304) and the body."""

    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        message = Message()
        message["content-type"] = self.headers.get("content-type", "")
        return message.get_content_type()

    @property
    def charset(self) -> str | None:
        message = Message()
        message["content-type"] = self.headers.get("content-type", "")
        found = message.get_param("charset")
        return found if isinstance(found, str) else None


class HostPacer:
    """At least ``interval`` seconds between two requests to the same host (or the host's crawl-delay)."""

    def __init__(
        self,
        interval: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._interval = interval
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, host: str, at_least: float = 0.0) -> None:
        gap = max(self._interval, at_least)
        last = self._last.get(host)
        if last is not None:
            remaining = last + gap - self._clock()
            if remaining > 0:
                self._sleep(remaining)
        self._last[host] = self._clock()


@dataclass
class _RobotsEntry:
    rules: RobotFileParser | None  # None: everything allowed
    disallow_all: bool
    fetched_at: float


@dataclass
class Fetcher:
    """Fetches feeds, pages and robots.txt under one policy; keeps robots rules and host pacing between calls."""

    policy: AddressPolicy = field(default_factory=AddressPolicy)
    limits: FetchLimits = field(default_factory=FetchLimits)
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _robots: dict[str, _RobotsEntry] = field(default_factory=dict, init=False)
    _pacer: HostPacer = field(init=False)

    def __post_init__(self) -> None:
        self._pacer = HostPacer(self.limits.host_interval_seconds, clock=self.clock, sleep=self.sleep)

    def get(self, url: str, *, max_bytes: int, headers: Mapping[str, str] | None = None) -> Response:
        """GET ``url`` after robots.txt allows it; 304 comes back as a Response with an empty body."""
        current = url
        for _ in range(self.limits.max_redirects + 1):
            self._check_robots(current)
            response = self._request(current, max_bytes=max_bytes, headers=headers or {})
            if response.status in _REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise FetchRefused(FeedProblem.HTTP_STATUS, f"{current}: redirect without a Location")
                current = urljoin(current, location)
                continue
            return response
        raise FetchRefused(
            FeedProblem.TOO_MANY_REDIRECTS, f"{url}: more than {self.limits.max_redirects} redirects"
        )

    # ---------------------------------------------------------------- robots.txt
    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        entry = self._robots.get(origin)
        if entry is None or self.clock() - entry.fetched_at > self.limits.robots_cache_seconds:
            entry = self._fetch_robots(origin)
            if entry.disallow_all:
                # Unreachable for now: nothing is fetched, and robots.txt is asked again next time.
                raise FetchRefused(
                    FeedProblem.CONNECTION,
                    f"{origin}/robots.txt is unreachable, so nothing there is fetched yet",
                )
            self._robots[origin] = entry
        if entry.rules is not None and not entry.rules.can_fetch(ROBOTS_AGENT, url):
            raise FetchRefused(FeedProblem.ROBOTS_DISALLOWED, f"{origin}/robots.txt disallows {url}")

    def _fetch_robots(self, origin: str) -> _RobotsEntry:
        """RFC 9309: a missing robots.txt (4xx) allows everything; an unreachable one (5xx) allows nothing,
        for now: that is a passing failure, retried, not a refusal of the page."""
        try:
            response = self._request(
                f"{origin}/robots.txt", max_bytes=self.limits.max_robots_bytes, headers={}, redirects=True
            )
        except FetchRefused as refused:
            if refused.problem is FeedProblem.HTTP_STATUS and refused.status and refused.status < 500:
                return _RobotsEntry(None, False, self.clock())
            if refused.problem in {FeedProblem.BLOCKED_ADDRESS, FeedProblem.BAD_URL}:
                raise
            return _RobotsEntry(None, True, self.clock())
        if response.status != 200:
            return _RobotsEntry(None, False, self.clock())
        rules = RobotFileParser()
        rules.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return _RobotsEntry(rules, False, self.clock())

    def _crawl_delay(self, origin: str) -> float:
        entry = self._robots.get(origin)
        if entry is None or entry.rules is None:
            return 0.0
        delay = entry.rules.crawl_delay(ROBOTS_AGENT)
        return float(delay) if delay else 0.0

    # ---------------------------------------------------------------- one request
    def _request(
        self, url: str, *, max_bytes: int, headers: Mapping[str, str], redirects: bool = False
    ) -> Response:
        """One request to the vetted address. ``redirects``: follow them here (robots.txt only)."""
        for _ in range(self.limits.max_redirects + 1):
            response = self._request_once(url, max_bytes=max_bytes, headers=headers)
            if redirects and response.status in _REDIRECTS and response.headers.get("location"):
                url = urljoin(url, response.headers["location"])
                continue
            return response
        raise FetchRefused(
            FeedProblem.TOO_MANY_REDIRECTS, f"{url}: more than {self.limits.max_redirects} redirects"
        )

    def _request_once(self, url: str, *, max_bytes: int, headers: Mapping[str, str]) -> Response:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise FetchRefused(FeedProblem.BAD_URL, f"{url!r} is not an http(s) URL")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as error:
            raise FetchRefused(FeedProblem.BAD_URL, f"{url!r}: {error}") from error
        address = self.policy.vetted_address(parts.hostname, port)
        self._pacer.wait(parts.hostname, self._crawl_delay(f"{parts.scheme}://{parts.netloc}"))
        deadline = self.clock() + self.limits.timeout_seconds
        connection = _connection(parts.scheme, parts.hostname, address, port, self.limits.timeout_seconds)
        path = parts.path or "/"
        if parts.query:
            path += f"?{parts.query}"
        request_headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip", **headers}
        try:
            connection.request("GET", path, headers=request_headers)
            reply = connection.getresponse()
            reply_headers = {name.lower(): value for name, value in reply.getheaders()}
            if reply.status in _REDIRECTS or reply.status == 304:
                return Response(url, reply.status, reply_headers, b"")
            if reply.status != 200:
                raise FetchRefused(
                    FeedProblem.HTTP_STATUS, f"{url} answered HTTP {reply.status}", status=reply.status
                )
            declared = reply_headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchRefused(
                    FeedProblem.TOO_LARGE, f"{url} is {declared} bytes; the limit is {max_bytes} bytes"
                )
            body = _read_limited(reply, url, max_bytes, deadline, self.clock)
            if reply_headers.get("content-encoding", "").lower() == "gzip":
                body = _gunzip_limited(body, url, max_bytes)
            return Response(url, reply.status, reply_headers, body)
        except TimeoutError as error:
            raise FetchRefused(
                FeedProblem.TIMEOUT, f"{url}: no answer within {self.limits.timeout_seconds} s"
            ) from error
        except (OSError, http.client.HTTPException) as error:
            raise FetchRefused(
                FeedProblem.CONNECTION, f"{url}: {error.__class__.__name__}: {error}"
            ) from error
        finally:
            connection.close()


def _read_limited(
    reply: http.client.HTTPResponse, url: str, max_bytes: int, deadline: float, clock: Callable[[], float]
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        if clock() > deadline:
            raise FetchRefused(FeedProblem.TIMEOUT, f"{url}: the body was still arriving at the deadline")
        chunk = reply.read1(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchRefused(FeedProblem.TOO_LARGE, f"{url} sent more than {max_bytes} bytes")
        chunks.append(chunk)


def _gunzip_limited(body: bytes, url: str, max_bytes: int) -> bytes:
    """Decompress at most ``max_bytes``: a small gzip bomb must not become a large allocation."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, max_bytes + 1)
    except zlib.error as error:
        raise FetchRefused(FeedProblem.CONNECTION, f"{url}: the gzip body is corrupt: {error}") from error
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise FetchRefused(FeedProblem.TOO_LARGE, f"{url} inflates to more than {max_bytes} bytes")
    return out


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the checked address; the Host header still names the host."""

    def __init__(self, host: str, address: str, port: int, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """As above, with TLS verified against the host name (SNI and certificate), not the address."""

    def __init__(self, host: str, address: str, port: int, timeout: float) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self._tls)
        self._address = address

    def connect(self) -> None:
        raw = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._tls.wrap_socket(raw, server_hostname=self.host)


def _connection(
    scheme: str, host: str, address: str, port: int, timeout: float
) -> http.client.HTTPConnection:
    if scheme == "https":
        return _PinnedHTTPSConnection(host, address, port, timeout)
    return _PinnedHTTPConnection(host, address, port, timeout)
