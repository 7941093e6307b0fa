"""An article page to its main text and metadata.

The main text comes from readability-lxml (a port of the Readability algorithm: it scores
blocks by their text and link density, so navigation, comment threads and related-link
lists lose to the article), after the page chrome today's HTML intake already recognises
(navigation, headers, footers, asides, forms, and blocks named share, related, comments,
newsletter and the like) is pruned: readability keeps a sibling block it cannot score down. The metadata comes from what publishers mark up for search
engines and social cards: ``<link rel=canonical>``, Open Graph and ``article:`` meta tags,
schema.org JSON-LD, then plain ``<meta name=author>`` and ``<html lang>``.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urljoin

import lxml.html
from lxml.etree import ParserError
from readability import Document

# The intake's own vocabulary of page chrome: one list, whichever way HTML comes in.
from takeaways.article.html import _BOILERPLATE_NAMES, _NAME_PARTS, _SKIPPED
from takeaways.feeds.model import FeedProblem, FetchRefused

# readability logs every candidate block at INFO; a poller's logs are not the place.
logging.getLogger("readability.readability").setLevel(logging.WARNING)

_BLOCKS = ("p", "h2", "h3", "h4", "li", "blockquote", "pre")
_LANGUAGE = re.compile(r"^([a-zA-Z]{2})(?:[-_].*)?$")
_NEVER_PRUNED = frozenset({"html", "body", "article", "main"})
_ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle"}
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractedPage:
    """What a page says and what it says about itself."""

    paragraphs: tuple[str, ...]
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    language: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def extract_page(html: str, *, url: str) -> ExtractedPage:
    """Main text and metadata of an HTML page; a page that is no HTML document is refused."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (ParserError, ValueError) as error:
        raise FetchRefused(FeedProblem.NOT_HTML, f"{url}: not an HTML document ({error})") from error
    linked = _json_ld(tree)
    title = (
        _meta(tree, "og:title") or _first_text(tree, "//h1") or _text(linked.get("headline")) or _title(tree)
    )
    byline = _byline(tree, linked)
    # Metadata first: pruning the chrome removes the header a title or a date may sit in.
    page = ExtractedPage(
        paragraphs=(),
        title=title,
        byline=byline,
        published=_meta(tree, "article:published_time")
        or _text(linked.get("datePublished"))
        or _meta_name(tree, "date", "pubdate", "publishdate", "dc.date")
        or _attribute(tree, "//time[@datetime][1]", "datetime"),
        canonical_url=_canonical(tree, url),
        site_name=_meta(tree, "og:site_name")
        or _name_of(linked.get("publisher"))
        or _meta_name(tree, "application-name"),
        language=_language(tree),
    )
    paragraphs = _main_paragraphs(_without_chrome(tree), url)
    return replace(page, paragraphs=_without_heading_lines(paragraphs, title, byline))


def _without_chrome(tree: Any) -> str:
    """The page without the blocks that are never the article, as HTML for readability."""
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element.tag in _NEVER_PRUNED or element.getparent() is None:
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}".lower()
        named = bool(names.strip()) and not _BOILERPLATE_NAMES.isdisjoint(_NAME_PARTS.split(names))
        if element.tag in _SKIPPED or named:
            element.drop_tree()
    return str(lxml.html.tostring(tree, encoding="unicode"))


def _without_heading_lines(
    paragraphs: tuple[str, ...], title: str | None, byline: str | None
) -> tuple[str, ...]:
    """The headline and the byline are metadata: a copy of them at the top of the text is dropped."""
    heading = {line.lower() for line in (title, byline, f"by {byline}" if byline else None) if line}
    return tuple(paragraph for paragraph in paragraphs if paragraph.lower() not in heading)


def _main_paragraphs(html: str, url: str) -> tuple[str, ...]:
    try:
        main = Document(html, url=url).summary(html_partial=True)
    except Exception as error:  # readability raises bare Exceptions of its own on unreadable input
        raise FetchRefused(FeedProblem.NOT_HTML, f"{url}: no readable article ({error})") from error
    fragment = lxml.html.fragment_fromstring(main, create_parent="div") if main.strip() else None
    if fragment is None:
        return ()
    paragraphs: list[str] = []
    for block in fragment.iter(*_BLOCKS):
        if any(ancestor.tag in _BLOCKS for ancestor in block.iterancestors()):
            continue  # a paragraph inside a list item or a quotation is part of it
        text = " ".join(block.text_content().split())
        if text:
            paragraphs.append(text)
    return tuple(paragraphs)


def _meta(tree: Any, prop: str) -> str | None:
    return _attribute(tree, f'//meta[@property="{prop}"][1]', "content")


def _meta_name(tree: Any, *names: str) -> str | None:
    for name in names:
        found = _attribute(
            tree,
            f'//meta[translate(@name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")="{name}"][1]',
            "content",
        )
        if found:
            return found
    return None


def _attribute(tree: Any, path: str, name: str) -> str | None:
    for element in tree.xpath(path):
        value = _text(element.get(name))
        if value:
            return value
    return None


def _first_text(tree: Any, path: str) -> str | None:
    for element in tree.xpath(path):
        value = _text(element.text_content())
        if value:
            return value
    return None


def _title(tree: Any) -> str | None:
    return _first_text(tree, "//title")


def _byline(tree: Any, linked: dict[str, Any]) -> str | None:
    author = linked.get("author")
    if isinstance(author, list):
        names = [name for item in author if (name := _name_of(item))]
        if names:
            return ", ".join(names)
    named = _name_of(author)
    if named:
        return named
    meta = _meta_name(tree, "author") or _meta(tree, "article:author")
    if meta and not meta.startswith(("http://", "https://")):
        return meta
    found = _first_text(tree, '//*[@rel="author"] | //*[contains(concat(" ", @class, " "), " byline ")]')
    return re.sub(r"^\s*by\s+", "", found, flags=re.IGNORECASE) if found else None


def _canonical(tree: Any, url: str) -> str | None:
    found = _attribute(tree, '//link[@rel="canonical"][1]', "href") or _meta(tree, "og:url")
    if not found:
        return None
    absolute = urljoin(url, found)
    return absolute if absolute.startswith(("http://", "https://")) else None


def _language(tree: Any) -> str | None:
    declared = (
        _text(tree.get("lang"))
        or _meta_name(tree, "content-language", "language")
        or _attribute(tree, '//meta[@http-equiv="content-language"][1]', "content")
        or _meta(tree, "og:locale")
    )
    match = _LANGUAGE.match(declared or "")
    return match.group(1).lower() if match else None


def _json_ld(tree: Any) -> dict[str, Any]:
    """The page's schema.org article object, if it declares one."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            document = json.loads(script.text_content())
        except (json.JSONDecodeError, ValueError):
            continue
        for candidate in _ld_objects(document):
            kinds = candidate.get("@type")
            names = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(name, str) and name.lower() in _ARTICLE_TYPES for name in names):
                return candidate
    return {}


def _ld_objects(document: Any) -> list[dict[str, Any]]:
    if isinstance(document, list):
        return [item for part in document for item in _ld_objects(part)]
    if isinstance(document, dict):
        graph = document.get("@graph")
        return [document, *(_ld_objects(graph) if graph else [])]
    return []


def _name_of(value: Any) -> str | None:
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = " ".join(value.split())
    return cleaned or None
