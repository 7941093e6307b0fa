"""HTML to article text: the title, byline and paragraphs, without scripts, styles and navigation."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

_SKIPPED = frozenset(
    {
        "script",
        "style",
        "noscript",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "svg",
        "iframe",
        "button",
        "figcaption",
        "template",
        "select",
    }
)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "section",
        "article",
        "tr",
        "pre",
        "dd",
        "dt",
    }
)
_BOILERPLATE_NAMES = frozenset(
    """share sharing sharebar social related newsletter signup subscribe subscription promo promotion advert
    advertisement ad ads sponsored cookie cookies consent comments comment breadcrumb breadcrumbs menu sidebar
    recommended popular trending paywall modal popup outbrain taboola""".split()
)
_NAME_PARTS = re.compile(r"[^a-z0-9]+")
_VOID = frozenset(
    {"br", "img", "meta", "link", "hr", "input", "source", "wbr", "area", "base", "col", "embed"}
)
# Inline styles that hide an element: what a reader never sees is no part of the article.
_HIDING_STYLE = re.compile(r"(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE)
# Markup that the standard library's parser rescans to the end of the input each time it
# meets one unterminated: (opening, what closes it).
_UNTERMINATED = (("<!--", "-->"), ("<![", "]>"), ("<", ">"))


@dataclass
class HtmlArticle:
    title: str | None = None
    heading: str | None = None
    byline: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None
    byline_url: str | None = None
    paragraphs: list[str] = field(default_factory=list)


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = HtmlArticle()
        self._skip_depth = 0
        self._stack: list[tuple[str, bool, bool]] = []  # tag, skipped, opens the byline
        self._open = Counter[str]()  # tags on the stack, so a stray end tag costs O(1), not O(depth)
        self._text: list[str] = []
        self._in_title = False
        self._in_h1 = False
        self._in_byline = False
        self._has_article = False
        self._article_depth = 0
        self._article_paragraphs: list[str] = []
        self._article_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta":
            self._meta(values)
        elif tag == "link" and values.get("rel") == "canonical":
            self.result.url = self.result.url or values.get("href") or None
        if tag == "a" and self._in_byline and not self.result.byline_url:
            self.result.byline_url = values.get("href") or None
        if tag in _VOID:
            if tag == "br":
                self._text.append("\n")
            return
        skipped = self._is_boilerplate(tag, values)
        opens_byline = not self._in_byline and (
            "byline" in values.get("class", "") or values.get("rel") == "author"
        )
        if opens_byline:
            self._flush()
            self._in_byline = True
        self._stack.append((tag, skipped, opens_byline))
        self._open[tag] += 1
        if skipped:
            self._skip_depth += 1
        if tag == "title":
            self._in_title = True
        if tag == "h1":
            self._flush()
            self._in_h1 = True
        if tag == "article":
            self._has_article = True
            self._article_depth += 1
        if tag in _BLOCKS:
            self._flush()

    def _is_boilerplate(self, tag: str, values: dict[str, str]) -> bool:
        """Navigation, share bars, sign-ups, related links, comments: by tag, or by class and id words.

        A ``<header>`` inside the ``<article>`` holds its headline and byline, so it is kept.
        """
        if tag == "header" and self._article_depth:
            return False
        if tag in _SKIPPED or _is_hidden(values):
            return True
        names = f"{values.get('class', '')} {values.get('id', '')}".lower()
        return bool(names.strip()) and not _BOILERPLATE_NAMES.isdisjoint(_NAME_PARTS.split(names))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self._open[tag]:
            return
        while self._stack:
            open_tag, skipped, opened_byline = self._stack.pop()
            self._open[open_tag] -= 1
            self._close(open_tag, skipped)
            if opened_byline:
                self._flush()
                self._in_byline = False
            if open_tag == tag:
                break

    def _close(self, tag: str, skipped: bool) -> None:
        if skipped:
            self._skip_depth = max(self._skip_depth - 1, 0)
        if tag == "title":
            self._in_title = False
        if tag == "h1":
            heading = "".join(self._text).strip()
            self._text = []
            self._in_h1 = False
            if heading and (not self.result.heading or (self._article_depth and not self._article_heading)):
                self.result.heading = " ".join(heading.split())
                self._article_heading = self._article_heading or bool(self._article_depth)
        if tag in _BLOCKS:
            self._flush()
        if tag == "article":
            self._article_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.result.title = ((self.result.title or "") + data).strip() or None
            return
        if self._skip_depth and not self._in_h1:
            return
        self._text.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text = []
        if not text or self._skip_depth or self._in_h1:
            return
        if self._in_byline:
            self.result.byline = self.result.byline or text
            return
        self.result.paragraphs.append(text)
        if self._article_depth:
            self._article_paragraphs.append(text)

    def _meta(self, values: dict[str, str]) -> None:
        key = (values.get("property") or values.get("name") or "").lower()
        content = values.get("content", "").strip()
        if not content:
            return
        if key in {"author", "article:author"}:
            self.result.author = self.result.author or content
        elif key in {"og:site_name", "application-name"}:
            self.result.source = self.result.source or content
        elif key in {"article:published_time", "date", "pubdate", "og:published_time"}:
            self.result.published = self.result.published or content
        elif key == "og:url":
            self.result.url = self.result.url or content
        elif key == "og:title" and not self.result.title:
            self.result.title = content

    def close(self) -> None:
        super().close()
        self._flush()
        if self._has_article and self._article_paragraphs:
            self.result.paragraphs = self._article_paragraphs


def _is_hidden(values: dict[str, str]) -> bool:
    """``hidden``, ``aria-hidden="true"`` or an inline style that hides the element."""
    return (
        "hidden" in values
        or values.get("aria-hidden", "").strip().lower() == "true"
        or bool(_HIDING_STYLE.search(values.get("style", "")))
    )


def escape_unterminated(text: str) -> str:
    """Escape every ``<`` that opens markup which is never closed, so parsing stays linear.

    Python's ``HTMLParser`` rescans from an unterminated comment, section or tag to the end
    of its input, once per such opening: 30,000 of them take seconds. None can be closed
    after the last closer in the text, so those openings are text, and are escaped as text.
    """
    for opening, closer in _UNTERMINATED:
        last = text.rfind(closer)
        tail_start = 0 if last < 0 else last + len(closer)
        tail = text[tail_start:]
        if opening in tail:
            text = text[:tail_start] + tail.replace(opening, "&lt;" + opening[1:])
    return text


def parse_html(text: str) -> HtmlArticle:
    """Prefer the ``<article>`` element's paragraphs when there is one; otherwise every visible block."""
    parser = _ArticleParser()
    parser.feed(escape_unterminated(text))
    parser.close()
    return parser.result
