"""Article content is untrusted: invisible controls go, markup goes, links are checked and normalised.

Applied once at intake, so every engine, record and channel downstream sees text that
cannot steer a terminal (ESC, BEL), reorder what a reader sees (RLO and the other bidi
controls), run in a consumer that renders HTML (``<script>``, ``<img onerror>``), or
send a subscriber to anything but a web page (``javascript:``, ``data:``).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urlsplit, urlunsplit

from takeaways.limits import MAX_URL_CHARS

# C0 and C1 controls except the whitespace ones (tab, newline, carriage return, form feed), DEL, the bidi embeddings, overrides and isolates,
# the directional marks and the BOM used as a zero-width space.
# ZWJ and ZWNJ stay: emoji sequences and several scripts need them.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
# Unicode's own line and paragraph separators read as the ordinary ones.
_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n\n"})
# Elements whose content is code or styling, never prose: dropped with what they hold.
_CODE_ELEMENTS = ("script", "style", "iframe", "object", "noscript", "template", "svg", "math")
_CODE_OPEN = re.compile(r"<\s*(" + "|".join(_CODE_ELEMENTS) + r")\b[^<>]*>", re.IGNORECASE)
# A tag of HTML (or an XML-ish name): '<b>', '</p >', '<img src=x onerror=alert(1)>'. A lone '<' in
# prose ('a < b') has no name right after it and stays.
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?\s*>")
_CODE_CLOSE = {name: re.compile(rf"<\s*/\s*{name}\b[^<>]*>", re.IGNORECASE) for name in _CODE_ELEMENTS}
_WEB_SCHEMES = frozenset({"http", "https"})
_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$")


def without_invisible(text: str) -> str:
    """Remove control and bidi formatting characters; tabs, line and page breaks stay."""
    return _INVISIBLE.sub("", text.translate(_SEPARATORS))


def without_markup(text: str) -> str:
    """Drop HTML tags from text, and code elements (``<script>...</script>``) with their content.

    Linear in the text: each code element is closed by one search from where it opens,
    and an element that is never closed takes the rest of the text with it.
    """
    if "<" not in text:
        return text
    kept: list[str] = []
    position = 0
    while match := _CODE_OPEN.search(text, position):
        kept.append(text[position : match.start()])
        close = _CODE_CLOSE[match.group(1).lower()].search(text, match.end())
        position = len(text) if close is None else close.end()
    kept.append(text[position:])
    return _TAG.sub(" ", "".join(kept))


def clean_text(text: str) -> str:
    """Both of the above, for a piece of article text."""
    return without_markup(without_invisible(text))


def web_url(raw: str | None) -> str | None:
    """The URL normalised if it is an ``http``/``https`` link to a named host, else ``None``.

    Controls and whitespace inside the scheme ('jav\\tascript:') are removed before the scheme
    is read, as browsers do; user info ('https://bank.example@evil.example') is dropped, since
    it only serves to make one host look like another; the host is lower-cased and a
    non-ASCII host is shown in its punycode form, so look-alike letters are visible.
    """
    if not raw:
        return None
    text = re.sub(r"[\t\n\r]", "", raw.strip())  # as browsers read a link
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    if len(text) > MAX_URL_CHARS:
        return None
    if text.startswith("//"):
        text = "https:" + text
    try:
        parts = urlsplit(text.replace("\\", "/"))
        host = parts.hostname
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in _WEB_SCHEMES or not host:
        return None
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    if not _HOST.match(host) or "." not in host:
        return None
    netloc = host if port is None else f"{host}:{port}"
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="=&%:@!$'()*+,;/?-._~")
    return urlunsplit((parts.scheme.lower(), netloc, path, query, ""))


def url_domain(url: str | None) -> str | None:
    """The host of a normalised URL without a leading ``www.``: how a link is shown to a reader."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
