"""A second, outside judge of whether a headline is a complete clause.

The reading benchmark's first judge (`benchmarks/tagger`, a perceptron learned from 100,000 words of
non-news treebank text) misreads names and past tenses in news headlines ("Lincoln/ADJ knew",
"A car bomb exploded/VERB:Part"): it rejects about one human-written one-sentence BBC summary in twenty.
This judge asks Lingua::EN::Tagger (Debian's ``liblingua-en-tagger-perl``: a hidden Markov model over
Penn Treebank tags, learned from Wall Street Journal text), a tagger that shares neither code nor data
with the headline builder, and applies the same clause rules to its tags. ``benchmarks.judge_agreement``
measures both judges against readers' labels.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

TAGGER_MODULE = Path("/usr/share/perl5/Lingua/EN/Tagger.pm")  # where Debian's package puts it
INSTALL_HINT = "apt-get install liblingua-en-tagger-perl (make judge)"

# One headline a line in, its tagged words ("word/TAG ...") a line out. The tagger's own tokeniser
# splits "'s", "n't" and punctuation.
_PERL_LOOP = (
    "use Lingua::EN::Tagger; $| = 1; my $tagger = Lingua::EN::Tagger->new;"
    " while (my $line = <STDIN>) { chomp $line; my $tagged = $line =~ /\\S/ ? $tagger->get_readable($line) : '';"
    " print((defined $tagged ? $tagged : ''), \"\\n\"); }"
)

# The tagger knows ASCII quotation marks and dashes only.
_ASCII_PUNCTUATION = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECT = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "CD", "DET", "EX", "FW", "WP"})
# A headline ending on one of these waits for more: a preposition, an article, a conjunction, "to",
# a possessive ("its", "the team's"), a relative word.
_OPEN_ENDS = frozenset({"IN", "DET", "CC", "TO", "PRPS", "POS", "WDT", "WP", "WPS", "WRB", "PDT"})
# Punctuation, brackets and symbols are not words of the clause.
_NOT_WORDS = frozenset({"PP", "PPC", "PPD", "PPL", "PPR", "PPS", "LRB", "RRB", "SYM", "LS"})
# Forms of "be", "have" and "do" at the end wait for their verb ("police said he was"); "being" is left
# out, for "for the time being".
_AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "am", "be", "been", "has", "have", "had", "do", "does", "did"}
)
_SUBJECT_PRONOUNS = frozenset({"i", "he", "she", "we", "they", "who", "which", "that"})


def available() -> bool:
    """Whether perl and the tagger are installed (``make judge`` installs them)."""
    return shutil.which("perl") is not None and TAGGER_MODULE.is_file()


def tag_lines(lines: Sequence[str]) -> list[list[tuple[str, str]]]:
    """Each line's words with their Penn Treebank tags (upper case), from one perl process for all lines."""
    cleaned = [" ".join(line.translate(_ASCII_PUNCTUATION).split()) for line in lines]
    result = subprocess.run(
        ["perl", "-e", _PERL_LOOP],
        input="".join(f"{line}\n" for line in cleaned).encode(),
        capture_output=True,
        check=True,
    )
    # The tagger reads bytes: a letter outside ASCII may come back split, so it is decoded leniently.
    outputs = result.stdout.decode(errors="replace").split("\n")[: len(cleaned)]
    if len(outputs) != len(cleaned):
        raise RuntimeError(f"the tagger answered {len(outputs)} lines for {len(cleaned)}")
    return [_pairs(output) for output in outputs]


def _pairs(tagged: str) -> list[tuple[str, str]]:
    pairs = []
    for token in tagged.split():
        word, _, tag = token.rpartition("/")
        if word:
            pairs.append((word, tag.upper()))
    return pairs


def clause_from_tags(text: str, tagged: Iterable[tuple[str, str]]) -> bool:
    """A subject before a finite verb, no open quotation, not ending on a word that waits for more."""
    text = text.strip()
    if not text or text.endswith("?") or text.count('"') % 2 or text.count("“") > text.count("”"):
        return False
    words = [
        (word, tag) for word, tag in tagged if tag not in _NOT_WORDS and any(ch.isalnum() for ch in word)
    ]
    if len(words) < 3:
        return False
    finite = next((position for position, (_, tag) in enumerate(words) if tag in _FINITE), None)
    if finite is None or not any(tag in _SUBJECT for _, tag in words[:finite]):
        return False
    last, last_tag = words[-1][0].lower(), words[-1][1]
    return not (
        last_tag in _OPEN_ENDS or last_tag == "MD" or last in _AUXILIARIES or last in _SUBJECT_PRONOUNS
    )


def are_clauses(headlines: Sequence[str]) -> list[bool]:
    """The judge's verdict on each headline."""
    return [
        clause_from_tags(headline, tagged)
        for headline, tagged in zip(headlines, tag_lines(headlines), strict=True)
    ]
