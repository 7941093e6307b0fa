"""Plain-text clean-up: unwrap hard wraps, drop noise lines, find title, byline and dateline."""

from __future__ import annotations

import re
from dataclasses import dataclass

from takeaways.article.boilerplate import strip_notices, without_live_feed

_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
_NOISE = re.compile(
    r"^\s*(?:related(?: articles?| stories| coverage| content)?\s*:|read more\b|read also\b|see also\s*:|"
    r"more on this\b|also read\s*:|continue reading\b|story continues\b|"
    r"share (?:this|on|via)\b|share\s*$|click (?:here|to)\b|sign up\b|subscribe\b|advertisement\s*$|"
    r"(?:photo(?:graph)?|image|picture|video|graphic)s?(?: credit)?\s*:|credit\s*:|\(?(?:photo|image) by\b|"
    r"\(?(?:ap|afp|reuters|getty) (?:photo|images)\b|follow us\b|download (?:our|the) app\b|"
    r"copyright\b|©|all rights reserved|watch\s*:|listen\s*:|listen to this article\b|recommended\s*:|"
    r"(?:facebook|twitter|x|whatsapp|linkedin|email|e-mail|print|tweet|pinterest|reddit|copy link)\s*$)",
    re.IGNORECASE,
)
# Inserts that name another story; wrapped, their second line is a short tail without a full stop.
_INSERT_WITH_TITLE = re.compile(
    r"^\s*(?:related(?: \w+)?|read more|read also|also read|see also|more on this|watch|listen|recommended)\b",
    re.IGNORECASE,
)
_INSERT_TAIL_WORDS = 8
_DATE_LINE = re.compile(
    r"^\s*(?:(?:published|updated|posted|last updated|first published)\s*(?:on|at)?\s*:?\s*)?"
    r"(?P<date>(?:(?:mon|tues?|wed|thu(?:rs)?|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?:\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?|"
    r"(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|"
    r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?)\s*$",
    re.IGNORECASE,
)
_NOISE_MAX_CHARS = 160
_BYLINE = re.compile(
    r"^\s*[Bb][Yy]:?\s+([A-Z][\w.'’-]+(?:\s+(?:and\s+|&\s+)?[A-Z][\w.'’-]+){0,6})(?:\s*[,|–—-]\s*(.*))?\s*$"
)
# A wire dateline opens the first paragraph: a credit in brackets, after a place (and date) when
# a dash follows or the credit is glued to the text, "NORFOLK, Virginia (CNN) --",
# "Kabul, Afghanistan (CNN)Three people", "(The Hollywood Reporter)"; or a place in capitals
# and a dash, "GRENHAVEN —". "Tesla (TSLA) Chief Executive ..." keeps its subject.
_PLACE_WORD = r"[A-Z][\w.'’-]*"
_PLACE = rf"{_PLACE_WORD}(?:\s+(?:of\s+|de\s+|la\s+)?{_PLACE_WORD}){{0,3}}"
_DATE = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?"
_CAPITALS = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"
_CREDIT = r"\([A-Z][\w .&/'’-]{0,30}\)"
_DASH = r"(?:--|—|–|-|:)"
_DATELINE = re.compile(
    r"^\s*(?:"
    rf"{_PLACE}(?:,\s*{_PLACE}){{0,2}}(?:,\s*{_DATE})?\s*{_CREDIT}(?:\s*{_DASH}\s*|(?=[\w\"“‘']))"
    rf"|{_CREDIT}\s*{_DASH}?\s*"
    rf"|{_CAPITALS}(?:,\s*{_PLACE}){{0,2}}(?:,\s*{_DATE})?\s*(?:--|—|–)\s*"
    r")"
)
# "In 2014,while the winner ...": a comma the page left without its space hides the clause break from every
# reader after intake. Not "1,500" (digits both sides).
_UNSPACED_COMMA = re.compile(r"(?<=[^\W_]),(?=[^\W\d_]{2})")
# "a new town on 9 October 1961.. It is": a doubled full stop, not an ellipsis ("..." stays).
_DOUBLED_STOP = re.compile(r"(?<=[^\W_])\.\.(?=\s|$)")
_BROKEN_WORD = re.compile(r"[a-z]-$")
# Neither part may hold its own opening bracket, so a run of unclosed '[' or '(' costs one pass, not n.
_MARKDOWN_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_MARKDOWN_MARKS = re.compile(r"(\*\*|__|`)")
_SENTENCE_END = re.compile(r"""[.!?:;"'”’)\]]$""")


@dataclass(frozen=True, slots=True)
class CleanText:
    title: str | None
    author: str | None
    paragraphs: list[str]
    published: str | None = None
    url: str | None = None


def clean_plain_text(text: str, *, markdown: bool = False, has_title: bool = False) -> CleanText:
    """Paragraphs of running text, with the title, byline and date taken out when the text starts with them."""
    blocks = _paragraph_blocks(text.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs: list[str] = []
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    for lines in _front_matter_apart(blocks):
        if markdown:
            lines = [_strip_markdown(line) for line in lines]
            lines = [line for line in lines if line]
        if not paragraphs and url is None and len(lines) == 1 and _URL_LINE.match(lines[0]):
            url = lines[0].strip()  # a link above the story is the story's own address
            continue
        if not lines or _is_noise(lines):
            continue
        lines = _without_noise_lines(lines)
        paragraph = _unwrap(lines)
        if not paragraph:
            continue
        if not paragraphs:
            byline = _BYLINE.match(paragraph) if len(paragraph) < 120 else None
            if byline:
                author = author or byline.group(1)
                continue
            dated = _DATE_LINE.match(paragraph) if len(paragraph) <= 80 else None
            if dated and published is None:
                published = dated.group("date")
                continue
            if not has_title and title is None and _looks_like_title(lines, paragraph):
                title = paragraph.lstrip("# ").strip()
                continue
        paragraphs.append(paragraph)
    if paragraphs:
        paragraphs[0] = strip_dateline(paragraphs[0])
        # After the dateline, which needs its "(CNN) --" to be recognised.
        paragraphs = without_live_feed([strip_notices(p) for p in paragraphs])
        paragraphs = [p for p in paragraphs if p]
    return CleanText(title=title, author=author, paragraphs=paragraphs, published=published, url=url)


def _front_matter_apart(blocks: list[list[str]]) -> list[list[str]]:
    """A title, byline and date typed on consecutive lines are separate pieces, not one paragraph."""
    if not blocks or len(blocks[0]) < 2:
        return blocks
    first = blocks[0]
    head = 0
    for position, line in enumerate(first[:4]):
        if _BYLINE.match(line) or (len(line) <= 80 and _DATE_LINE.match(line)) or _URL_LINE.match(line):
            head = position + 1
    if head == 0:
        return blocks
    return [[line] for line in first[:head]] + ([first[head:]] if first[head:] else []) + blocks[1:]


def _without_noise_lines(lines: list[str]) -> list[str]:
    """Drop links and inserts that sit between sentences inside a paragraph, with a wrapped insert's tail."""
    kept: list[str] = []
    tail_expected = False
    for line in lines:
        if tail_expected:
            tail_expected = False
            if len(line.split()) <= _INSERT_TAIL_WORDS and not _SENTENCE_END.search(line):
                continue
        if _URL_LINE.match(line):
            continue
        starts_sentence = not kept or bool(_SENTENCE_END.search(kept[-1]))
        if starts_sentence and len(line) <= _NOISE_MAX_CHARS and _NOISE.match(line):
            tail_expected = bool(_INSERT_WITH_TITLE.match(line)) and not _SENTENCE_END.search(line)
            continue
        kept.append(line)
    return kept


def strip_dateline(paragraph: str) -> str:
    """Remove a wire dateline or credit such as ``KYIV, Ukraine (AP) —`` or ``(CNN) --``."""
    match = _DATELINE.match(paragraph)
    if not match:
        return paragraph
    rest = paragraph[match.end() :]
    if len(rest.split()) < 4 or rest[:1].islower() or not rest[:1].strip(".,;:)]"):
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
    parts: list[str] = []
    for line in lines:
        if parts and line[:1].islower() and _BROKEN_WORD.search(parts[-1]):
            parts[-1] = parts[-1][:-1] + line
        else:
            parts.append(line)
    joined = _UNSPACED_COMMA.sub(", ", " ".join(" ".join(parts).split()))
    return _DOUBLED_STOP.sub(".", joined)


def _is_noise(lines: list[str]) -> bool:
    """A whole block that is a link, an insert naming another story (wrapped or not), a credit or a button."""
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
