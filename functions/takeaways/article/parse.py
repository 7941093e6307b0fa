"""Any supported object to one clean ``Article``, or a rejection with the reason."""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath
from typing import Any

from takeaways.article.clean import clean_plain_text, strip_dateline
from takeaways.article.decode import decode_text
from takeaways.article.html import parse_html
from takeaways.article.model import Article
from takeaways.errors import ArticleRejected, RejectionReason
from takeaways.text.language import detect_language
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
_TAG = re.compile(r"<(?:p|div|br|article|span|a|h[1-6])[\s>/]", re.IGNORECASE)


def parse_article(raw: bytes, filename: str, *, max_chars: int = 200_000) -> Article:
    """Decode, recognise the format by extension (or by content), clean, and check there is enough text."""
    text = decode_text(raw)
    kind = _kind(filename, text)
    if kind == "json":
        article = _from_json(text)
    elif kind == "html":
        article = _from_html(text)
    else:
        cleaned = clean_plain_text(text, markdown=kind == "markdown")
        article = Article(
            body="\n\n".join(cleaned.paragraphs),
            title=cleaned.title,
            author=cleaned.author,
            published=cleaned.published,
            url=cleaned.url,
        )
    return _finished(article, max_chars)


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
    return "text"


def _from_json(text: str) -> Article:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleRejected(RejectionReason.MALFORMED_JSON, f"the JSON does not parse: {error}") from error
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
    if _TAG.search(body_value):
        html = parse_html(body_value)
        paragraphs = html.paragraphs
        author = _text_field(document, "author", "byline") or html.author
    else:
        cleaned = clean_plain_text(body_value, has_title=True)
        paragraphs = cleaned.paragraphs
        author = _text_field(document, "author", "byline") or cleaned.author
    if paragraphs:
        paragraphs[0] = strip_dateline(paragraphs[0])
    return Article(
        body="\n\n".join(p for p in paragraphs if p),
        title=title,
        url=_text_field(document, "url", "link"),
        published=_text_field(document, *_PUBLISHED_FIELDS),
        source=_source(document.get("source")),
        author=author,
    )


def _from_html(text: str) -> Article:
    html = parse_html(text)
    paragraphs = [p for p in html.paragraphs if p != html.heading and p != html.byline]
    cleaned = clean_plain_text("\n\n".join(paragraphs), has_title=True)
    author = html.author
    if not author and html.byline:
        author = re.sub(r"^\s*by\s+", "", html.byline, flags=re.IGNORECASE).strip() or None
    return Article(
        body="\n\n".join(cleaned.paragraphs),
        title=html.heading or _without_site_name(html.title, html.source),
        url=html.url,
        published=html.published,
        source=html.source,
        author=author or cleaned.author,
    )


def _finished(article: Article, max_chars: int) -> Article:
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
    return Article(
        body=body,
        title=article.title,
        url=article.url,
        published=article.published,
        source=article.source,
        author=article.author,
        language=detect_language(f"{article.title or ''}\n{body[:20_000]}"),
        truncated=truncated,
        notes=tuple(notes),
    )


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
