"""URLs: the canonical form two feeds' links are compared in, and which addresses may be fetched at all."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from takeaways.feeds.model import FeedProblem, FetchRefused

# Query parameters that track a click and never select content: two links differing only in these
# are one story.
_TRACKING_PREFIXES = ("utm_", "mc_", "pk_")
_TRACKING = frozenset({"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "ref", "ref_src", "cmpid"})
_DEFAULT_PORTS = {"http": 80, "https": 443}

Resolver = Callable[[str, int], list[str]]


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters, sorted query.

    >>> canonical_url("HTTPS://News.Example.com:443/a/b/?utm_source=x&id=7#top")
    'https://news.example.com/a/b/?id=7'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    query = sorted(
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if name.lower() not in _TRACKING and not name.lower().startswith(_TRACKING_PREFIXES)
    )
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def same_site(link: str, feed_url: str) -> bool:
    """The link's host is the feed's host or under the same parent (news.x.org and feeds.x.org)."""
    link_host = (urlsplit(link).hostname or "").lower()
    feed_host = (urlsplit(feed_url).hostname or "").lower()
    return _site(link_host) == _site(feed_host)


def _site(host: str) -> str:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return host
    labels = host.rstrip(".").split(".")
    return ".".join(labels[-2:]) if len(labels) > 2 else host


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the host resolves to (IPv4 and IPv6)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchRefused(FeedProblem.CONNECTION, f"{host} does not resolve: {error}") from error
    return list(dict.fromkeys(str(info[4][0]) for info in found))


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Which addresses a fetch may connect to: public ones, and loopback only when configured.

    Private, loopback, link-local (the instance metadata service), multicast, reserved and shared
    addresses are refused, so a feed or a redirect cannot reach into the network the function runs in.
    ``allow_loopback`` exists for the local stack's test servers and is off in AWS.
    """

    allow_loopback: bool = False
    resolver: Resolver = system_resolver

    def vetted_address(self, host: str, port: int) -> str:
        """An address of ``host`` to connect to, after checking every address the host has."""
        addresses = self.resolver(host, port)
        if not addresses:
            raise FetchRefused(FeedProblem.CONNECTION, f"{host} has no address")
        for address in addresses:
            refusal = self.refusal(address)
            if refusal:
                raise FetchRefused(FeedProblem.BLOCKED_ADDRESS, f"{host} resolves to {address}, {refusal}")
        return addresses[0]

    def refusal(self, address: str) -> str | None:
        """Why an address may not be fetched, or None."""
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if ip.is_loopback:
            return None if self.allow_loopback else "a loopback address"
        if ip.is_link_local:
            return "a link-local address"
        if ip.is_multicast or ip.is_reserved or ip.is_unspecified:
            return "not a public address"
        if ip.is_private:
            return "a private address"
        if not ip.is_global:
            return "not a public address"
        return None
