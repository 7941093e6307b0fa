"""Which outlet an article comes from: what the content claims, and whether the operator trusts it.

Anyone who can put a file under ``incoming/`` can write "Reuters" into it, so a claimed
source reaches the ``source`` message attribute (and so the subscribers who filter on it)
only when the operator has listed that name or domain as trusted (``TRUSTED_SOURCES``).
Otherwise the claim is kept in the summary record as ``claimed_source`` and used for nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from takeaways.text.untrusted import url_domain, web_url

# "By Ines Okafor, Coastal Times" / "By Ines Okafor | coastaltimes.example"
_BYLINE_OUTLET = re.compile(
    r"^\s*by:?\s+[A-Z][\w.'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w.'’-]*){0,6}\s*[,|–—]\s*(?P<outlet>[^,|]{2,60}?)\s*$",
    re.IGNORECASE,
)
# A wire credit right after the dateline: "GRENHAVEN (Coastal Wire) —", "(Reuters) -".
_CREDIT = re.compile(r"^[^()\n]{0,60}?\((?P<credit>[A-Z][\w .&'’-]{1,30})\)\s*(?:--|—|–|-|:)?")
_URL_IN_TEXT = re.compile(r"(?:https?://|www\.)[^\s<>\"')]+", re.IGNORECASE)
_HEAD_LINES = 6
_HEAD_CHARS = 4000
# "By Mara Lindqvist, Transport Correspondent": a job, not an outlet.
_JOB_TITLE = re.compile(
    r"(?:^|\s)(?:staff|writer|correspondent|reporter|editor|columnist|journalist|contributor|updated|in\s+\w+)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SourceClaims:
    """Names and domains the article gives for its outlet, strongest first."""

    names: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()

    def first(self) -> str | None:
        return next(iter(self.names + self.domains), None)


def claims(names: Iterable[str | None], urls: Iterable[str | None]) -> SourceClaims:
    """Collect the claims that are there, without repeats; URLs count by their domain."""
    kept_names: list[str] = []
    for name in names:
        clean = " ".join((name or "").split())
        if clean and not _JOB_TITLE.search(clean) and clean not in kept_names:
            kept_names.append(clean)
    kept_domains: list[str] = []
    for url in urls:
        domain = url_domain(web_url(url))
        if domain and domain not in kept_domains:
            kept_domains.append(domain)
    return SourceClaims(tuple(kept_names), tuple(kept_domains))


def text_claims(text: str) -> tuple[list[str], list[str]]:
    """Outlet names and URLs at the top of a plain-text article: byline outlet, wire credit, a link line."""
    lines = [line.strip() for line in text[:_HEAD_CHARS].splitlines() if line.strip()][:_HEAD_LINES]
    names: list[str] = []
    urls: list[str] = []
    for line in lines:
        byline = _BYLINE_OUTLET.match(line) if len(line) < 160 else None
        if byline:
            outlet = byline.group("outlet")
            if " " not in outlet and "." in outlet:  # "By Ines Okafor | coastaltimes.example"
                urls.append(outlet if "://" in outlet else f"https://{outlet}")
            else:
                names.append(outlet)
            continue
        link = _URL_IN_TEXT.fullmatch(line)
        if link:
            urls.append(line if "://" in line else f"https://{line}")
            continue
        credit = _CREDIT.match(line)
        if credit and len(line) > 40:
            names.append(credit.group("credit"))
            break  # the first paragraph has started
    return names, urls


def trusted_source(found: SourceClaims, trusted: frozenset[str]) -> str | None:
    """The operator's own spelling of the first claim it trusts, or ``None``.

    ``trusted`` (``config.trusted_set``) holds lower-case names ('coastal times') and domains
    ('coastaltimes.example'), and the outlet a domain belongs to ('Coastal Times=coastaltimes.example'),
    whose name is then the source; a domain also covers its subdomains ('news.coastaltimes.example').
    """
    if not trusted:
        return None
    for name in found.names:
        if name.lower() in trusted:
            return name
    outlets = {domain: name for name, _, domain in (entry.partition("=") for entry in trusted) if domain}
    for domain in found.domains:
        parts = domain.split(".")
        for start in range(len(parts) - 1):
            candidate = ".".join(parts[start:])
            if candidate in trusted:
                return outlets.get(candidate, candidate)
    return None
