"""Any supported object to one clean ``Article``, or a rejection with the reason."""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath
from typing import Any

from takeaways import limits
from takeaways.article.clean import clean_plain_text, strip_dateline
from takeaways.article.decode import decode_text
from takeaways.article.html import parse_html
from takeaways.article.model import Article
from takeaways.article.sources import SourceClaims, claims, text_claims, trusted_source
from takeaways.errors import ArticleRejected, RejectionReason
from takeaways.text.language import detect_language
from takeaways.text.untrusted import clean_text, web_url, without_invisible
from takeaways.text.words import word_count

# One wire brief of a single sentence has about a dozen words; below that the text is a
# headline, a teaser or a button label, and there is nothing to take away.
MIN_WORDS = 12
_BODY_FIELDS = ("body", "text", "content", "article", "articleBody")
_PUBLISHED_FIELDS = ("published", "published_at", "publishedAt", "date", "datePublished")
_HTML_SNIFF = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<article|<p[\s>])", re.IGNORECASE)
_KINDS = {
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
}
_NOT_ARTICLES = frozenset(
    ".csv .tsv .xls .xlsx .ods .doc .docx .ppt .pptx .pdf .zip .gz .tar .7z .png .jpg .jpeg .gif .webp .svg "
    ".mp3 .mp4 .wav .mov .avi .exe .dll .bin .so .js .css .py .sh .sql .yaml .yml .toml .ini .log".split()
)
_TAG = re.compile(
    r"<(?:p|div|br|article|span|a|h[1-6]|script|style|img|iframe|svg|object|section|table)[\s>/]",
    re.IGNORECASE,
)
# XML that is no web page: an SVG image or a feed renamed .txt would otherwise be summarised with its tags.
_XML_KINDS = (
    (re.compile(r"<svg[\s>]", re.IGNORECASE), "an SVG image"),
    (re.compile(r"<(?:rss|rdf:RDF)[\s>]", re.IGNORECASE), "an RSS feed"),
    (re.compile(r"<feed[\s>]", re.IGNORECASE), "an Atom feed"),
)
_XML_PROLOGUE = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*){0,3}", re.DOTALL)


def parse_article(
    raw: bytes,
    filename: str,
    *,
    max_chars: int = 200_000,
    max_bytes: int = 5_000_000,
    trusted_sources: frozenset[str] = frozenset(),
    from_feed_poller: bool = False,
) -> Article:
    """Decode, recognise the format by extension (or by content), clean, and check there is enough text.

    ``trusted_sources`` (see ``takeaways.article.sources``) decides whether the outlet the
    article claims becomes its ``source`` or stays its ``claimed_source``. A JSON article the
    feed poller wrote (``from_feed_poller``: only it may write where it writes) from a feed the
    operator marked trusted names its outlet in ``source``, and that name is believed too.
    """
    text = without_invisible(decode_text(raw, max_bytes=max_bytes))
    kind = _kind(filename, text)
    if kind == "json":
        article, found = _from_json(text)
        if from_feed_poller:
            trusted_sources = trusted_sources | _vouched_source(text)
    elif kind == "html":
        article, found = _from_html(text)
    else:
        cleaned = clean_plain_text(clean_text(text), markdown=kind == "markdown")
        article = Article(
            body="\n\n".join(cleaned.paragraphs),
            title=cleaned.title,
            author=cleaned.author,
            published=cleaned.published,
            url=cleaned.url,
        )
        names, urls = text_claims(text)
        found = claims(names, [*urls, cleaned.url])
    return _finished(article, found, max_chars, trusted_sources)


def _kind(filename: str, text: str) -> str:
    """The extension decides; without a known one, the content is sniffed and plain text is the default.

    Data and code files decode as text but are no articles: they are refused rather than
    summarised into nonsense.
    """
    suffix = PurePosixPath(filename).suffix.lower()
    if suffix in _KINDS:
        return _KINDS[suffix]
    if suffix in _NOT_ARTICLES:
        raise ArticleRejected(
            RejectionReason.UNSUPPORTED_TYPE,
            f"{suffix} files are not articles; send .txt, .md, .html or .json",
        )
    stripped = text.lstrip()
    if suffix != ".txt" and stripped.startswith("{"):
        return "json"
    if _HTML_SNIFF.match(stripped):
        return "html"
    _refuse_xml(text)
    return "text"


def _refuse_xml(text: str) -> None:
    """An SVG image or a news feed is not an article, whatever its name says."""
    head = _XML_PROLOGUE.sub("", text[:4096], count=1)[:200]
    for pattern, kind in _XML_KINDS:
        if pattern.match(head):
            raise ArticleRejected(
                RejectionReason.UNSUPPORTED_TYPE,
                f"the object is {kind}, not an article; send the feed's items",
            )


def _from_json(text: str) -> tuple[Article, SourceClaims]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleRejected(RejectionReason.MALFORMED_JSON, f"the JSON does not parse: {error}") from error
    except RecursionError as error:
        raise ArticleRejected(
            RejectionReason.MALFORMED_JSON, "the JSON is nested too deeply to be an article"
        ) from error
    if not isinstance(document, dict):
        raise ArticleRejected(RejectionReason.MALFORMED_JSON, "the JSON is not an object with article fields")
    body_value = next(
        (document[f] for f in _BODY_FIELDS if isinstance(document.get(f), str) and document[f].strip()), None
    )
    if body_value is None:
        raise ArticleRejected(
            RejectionReason.NO_BODY, f"the JSON has no text in any of the fields {', '.join(_BODY_FIELDS)}"
        )
    title = _text_field(document, "title", "headline")
    body_value = without_invisible(body_value)
    if _TAG.search(body_value):
        html = parse_html(body_value)
        paragraphs = [clean_text(paragraph) for paragraph in html.paragraphs]
        author = _text_field(document, "author", "byline") or html.author
    else:
        cleaned = clean_plain_text(clean_text(body_value), has_title=True)
        paragraphs = cleaned.paragraphs
        author = _text_field(document, "author", "byline") or cleaned.author
    if paragraphs:
        paragraphs[0] = strip_dateline(paragraphs[0])
    url = _text_field(document, "url", "link")
    article = Article(
        body="\n\n".join(p for p in paragraphs if p),
        title=title,
        url=url,
        published=_text_field(document, *_PUBLISHED_FIELDS),
        author=author,
    )
    return article, claims([_source(document.get("source"))], [url])


def _vouched_source(text: str) -> frozenset[str]:
    """The outlet a trusted feed's article names, as a trusted name; nothing for any other document."""
    document = json.loads(text)  # already parsed once by _from_json: it is an object, and not too deep
    if document.get("trusted") is not True:
        return frozenset()
    return frozenset(name.lower() for name in claims([_source(document.get("source"))], []).names)


def _from_html(text: str) -> tuple[Article, SourceClaims]:
    html = parse_html(text)
    paragraphs = [p for p in html.paragraphs if p != html.heading and p != html.byline]
    # Entities decode to text: '&lt;script&gt;' in a page is '<script>' in its paragraphs.
    cleaned = clean_plain_text(clean_text("\n\n".join(paragraphs)), has_title=True)
    author = html.author
    if not author and html.byline:
        author = re.sub(r"^\s*by\s+", "", html.byline, flags=re.IGNORECASE).strip() or None
    article = Article(
        body="\n\n".join(cleaned.paragraphs),
        title=html.heading or _without_site_name(html.title, html.source),
        url=html.url,
        published=html.published,
        author=author or cleaned.author,
    )
    return article, claims([html.source], [html.url, html.byline_url])


def _finished(article: Article, found: SourceClaims, max_chars: int, trusted: frozenset[str]) -> Article:
    """Enough text, cut to ``max_chars``; metadata checked, bounded and cleaned; the source decided."""
    body = article.body
    words = word_count(body)
    if words < MIN_WORDS:
        if not body.strip():
            raise ArticleRejected(RejectionReason.NO_BODY, "no article text was found")
        raise ArticleRejected(
            RejectionReason.TOO_SHORT,
            f"only {words} words of text; at least {MIN_WORDS} are needed",
        )
    notes: list[str] = list(article.notes)
    truncated = False
    if len(body) > max_chars:
        cut = max(body.rfind("\n\n", 0, max_chars), body.rfind(". ", 0, max_chars) + 1)
        body = body[: cut if cut > max_chars // 2 else max_chars].rstrip()
        truncated = True
        notes.append(f"truncated from {len(article.body)} to {len(body)} characters (limit {max_chars})")
    title = limits.bounded(_plain(article.title), limits.MAX_TITLE_CHARS)
    claimed = limits.bounded(_plain(found.first()), limits.MAX_SOURCE_CHARS)
    return Article(
        body=body,
        title=title,
        url=web_url(article.url),
        published=limits.bounded_published(_plain(article.published)),
        source=limits.bounded(trusted_source(found, trusted), limits.MAX_SOURCE_CHARS),
        claimed_source=claimed,
        author=limits.bounded(_plain(article.author), limits.MAX_AUTHOR_CHARS),
        language=detect_language(f"{title or ''}\n{body[:20_000]}"),
        truncated=truncated,
        notes=tuple(limits.bounded(note, limits.MAX_NOTE_CHARS) or "" for note in notes[: limits.MAX_NOTES]),
    )


def _plain(text: str | None) -> str | None:
    """Metadata is article content too: no controls, no markup."""
    return clean_text(text) if text else None


def _text_field(document: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = document.get(name)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
        if isinstance(value, dict) and isinstance(value.get("name"), str):
            return str(value["name"]).strip() or None
    return None


def _source(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, dict):
        name = value.get("name")
        return name.strip() if isinstance(name, str) and name.strip() else None
    return None


def _without_site_name(title: str | None, source: str | None) -> str | None:
    """A page title often ends with the site's name: "Tram line opens | Valley Courier"."""
    if not title:
        return None
    for separator in (" | ", " - ", " — ", " – "):
        head, found, tail = title.rpartition(separator)
        if found and head and (source is None or tail.strip().lower() == source.lower()):
            return head.strip()
    return title
