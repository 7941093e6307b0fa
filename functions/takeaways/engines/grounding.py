"""The grounding check: a model's takeaway reaches a subscriber only if the article supports it.

Every number, name and quotation in a takeaway must appear in the article, and the
sentences it cites as evidence must carry most of its words. Headline and summary
get the same number, name, quotation and link checks. Plain Python over the
article text, so it is cheap enough to run on every answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from takeaways.text.words import STOP_WORDS, content_terms

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_QUOTED = re.compile(r"[\"“]([^\"”]{3,})[\"”]")
_LINK = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|net|org|io|ru|info|biz|xyz|example)\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
EVIDENCE_SHARE = 0.6
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class GroundingResult:
    """Which claims survived, and why the others did not."""

    kept: list[int]
    problems: dict[int, str] = field(default_factory=dict)


class ArticleFacts:
    """The article's text, prepared once for many checks."""

    def __init__(self, sentences: list[str]) -> None:
        self.sentences = sentences
        self.text = _normal(" ".join(sentences))
        self.lowered = self.text.lower()
        self.numbers = {_number(n) for n in _NUMBER.findall(self.text)}
        self.sentence_terms = [set(content_terms(sentence)) for sentence in sentences]

    def unsupported(self, claim: str) -> str | None:
        """Why a headline, summary or takeaway states something the article does not, or None."""
        normal = _normal(claim)
        if _LINK.search(normal) and not _LINK.search(self.text):
            return "adds a link"
        for number in _NUMBER.findall(normal):
            if _number(number) not in self.numbers:
                return f"number {number} is not in the article"
        for quoted in _QUOTED.findall(normal):
            if quoted.strip(" ,.").lower() not in self.lowered:
                return "quotation is not in the article"
        for match in _CAPITALISED.finditer(normal):
            name = _POSSESSIVE.sub("", match.group())
            opening = match.start() == 0 or normal[: match.start()].rstrip().endswith(
                (".", ":", "!", "?", '"')
            )
            if opening:
                # A capital that only opens the sentence is not a name: any casing in the article will do.
                if name.lower() not in STOP_WORDS and not re.search(
                    rf"\b{re.escape(name.lower())}", self.lowered
                ):
                    return f"{name!r} is not in the article"
            elif not re.search(rf"\b{re.escape(name)}", self.text):
                return f"name {name!r} is not in the article"
        return None

    def evidence_problem(self, claim: str, evidence: list[int]) -> str | None:
        """The cited sentences must exist and hold most of the claim's content words."""
        if not evidence:
            return "cites no evidence"
        if any(not 0 <= index < len(self.sentences) for index in evidence):
            return "cites a sentence the article does not have"
        terms = set(content_terms(claim))
        if not terms:
            return "says nothing"
        cited = set().union(*(self.sentence_terms[index] for index in evidence))
        share = len(terms & cited) / len(terms)
        if share < EVIDENCE_SHARE:
            return f"only {share:.0%} of its words are in the cited sentences"
        return None


def check_takeaways(facts: ArticleFacts, claims: list[tuple[str, list[int]]]) -> GroundingResult:
    """Keep the claims that pass every check; record why each other one failed."""
    kept: list[int] = []
    problems: dict[int, str] = {}
    for position, (text, evidence) in enumerate(claims):
        problem = facts.unsupported(text) or facts.evidence_problem(text, evidence)
        if problem:
            problems[position] = problem
        else:
            kept.append(position)
    return GroundingResult(kept, problems)


def _normal(text: str) -> str:
    return " ".join(text.translate(_QUOTES).split())


def _number(text: str) -> str:
    return text.replace(",", "").rstrip(".")
