"""Plain-text clean-up: unwrap hard wraps, drop noise lines, find title, byline and dateline."""

from __future__ import annotations

import re
from dataclasses import dataclass

_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
_NOISE = re.compile(
    r"^\s*(?:related(?: articles?| stories| coverage)?\s*:|read more\b|read also\b|see also\s*:|more on this\b|"
    r"share (?:this|on)\b|share\s*$|click here\b|sign up\b|subscribe\b|advertisement\s*$|"
    r"(?:photo|image|picture|video|graphic)(?: credit)?\s*:|\(?(?:photo|image) by\b|follow us\b|"
    r"copyright\b|©|all rights reserved|watch:|listen:|recommended\s*:)",
    re.IGNORECASE,
)
_NOISE_MAX_CHARS = 160
_BYLINE = re.compile(r"^\s*[Bb][Yy]\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4})(?:\s*[,|–—-]\s*(.*))?\s*$")
_DATELINE = re.compile(
    r"^\s*(?:"
    r"(?:[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z. ]{1,30})?\s*)?\([A-Za-z][A-Za-z .&/-]{0,30}\)\s*(?:--|—|–|-|:)?\s*"
    r"|[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][A-Za-z. ]{1,30})?\s*(?:--|—|–)\s*"
    r")"
)
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKS = re.compile(r"(\*\*|__|`)")
_SENTENCE_END = re.compile(r"""[.!?:;"'”’)\]]$""")


@dataclass(frozen=True, slots=True)
class CleanText:
    title: str | None
    author: str | None
    paragraphs: list[str]


def clean_plain_text(text: str, *, markdown: bool = False, has_title: bool = False) -> CleanText:
    """Paragraphs of running text, with the title and byline taken out when the text starts with them."""
    blocks = _paragraph_blocks(text.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs: list[str] = []
    title: str | None = None
    author: str | None = None
    for lines in blocks:
        if markdown:
            lines = [_strip_markdown(line) for line in lines]
            lines = [line for line in lines if line]
            if not lines:
                continue
        if _is_noise(lines):
            continue
        lines = [line for line in lines if not _URL_LINE.match(line)]
        paragraph = _unwrap(lines)
        if not paragraph:
            continue
        byline = _BYLINE.match(paragraph) if len(paragraph) < 120 else None
        if byline and not paragraphs:
            author = author or byline.group(1)
            continue
        if not has_title and title is None and not paragraphs and _looks_like_title(lines, paragraph):
            title = paragraph.lstrip("# ").strip()
            continue
        paragraphs.append(paragraph)
    if paragraphs:
        paragraphs[0] = strip_dateline(paragraphs[0])
        paragraphs = [p for p in paragraphs if p]
    return CleanText(title=title, author=author, paragraphs=paragraphs)


def strip_dateline(paragraph: str) -> str:
    """Remove a wire dateline or credit such as ``KYIV, Ukraine (AP) —`` or ``(CNN) --``."""
    match = _DATELINE.match(paragraph)
    if not match:
        return paragraph
    rest = paragraph[match.end() :]
    if len(rest.split()) < 4 or (not rest[:1].isalnum() and rest[:1] not in "\"“‘'"):
        return paragraph
    return rest


def _paragraph_blocks(text: str) -> list[list[str]]:
    """Blank lines separate paragraphs; so does an indented line after a finished sentence."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in text.split("\n"):
        if not raw.strip():
            if current:
                blocks.append(current)
                current = []
            continue
        indented = raw[:1] in " \t"
        if current and indented and _SENTENCE_END.search(current[-1].rstrip()):
            blocks.append(current)
            current = []
        current.append(raw.strip())
    if current:
        blocks.append(current)
    return blocks


def _unwrap(lines: list[str]) -> str:
    """Join hard-wrapped lines; a word broken with a hyphen at a line end is joined back."""
    text = ""
    for line in lines:
        if not text:
            text = line
        elif re.search(r"[a-z]-$", text) and line[:1].islower():
            text = text[:-1] + line
        else:
            text = f"{text} {line}"
    return " ".join(text.split())


def _is_noise(lines: list[str]) -> bool:
    joined = " ".join(lines)
    if all(_URL_LINE.match(line) for line in lines):
        return True
    return len(joined) <= _NOISE_MAX_CHARS and bool(_NOISE.match(joined))


def _looks_like_title(lines: list[str], paragraph: str) -> bool:
    if lines[0].startswith("#"):
        return True
    return (
        len(lines) == 1
        and len(paragraph) <= 150
        and not paragraph.endswith((".", "!", "?", ":", ";", ","))
        and (len(paragraph.split()) >= 3)
    )


def _strip_markdown(line: str) -> str:
    line = _MARKDOWN_LINK.sub(r"\1", line)
    line = _MARKDOWN_MARKS.sub("", line)
    line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)
    line = re.sub(r"^\s*>\s?", "", line)
    if re.fullmatch(r"\s*(?:-{3,}|\*{3,}|_{3,})\s*", line):
        return ""
    return line.rstrip()
