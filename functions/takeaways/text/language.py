"""Language identification from function words: no model, no download, good on a paragraph or more."""

from __future__ import annotations

import re

_FUNCTION_WORDS = {
    "en": "the of and to in is that for on with as was were by at from it this be are have has said not but",
    "fr": "le la les des du de et un une est pour dans que qui sur pas au aux avec ce il elle sont ont été par",
    "de": "der die das und ist nicht ein eine zu den dem mit von auf für sich im auch es sind wurde hat",
    "es": "el la los las de y en que un una es por con para del se no al lo como más pero sus fue",
    "it": "il lo la gli le di e che un una è per con non del della sono nel anche come più ha alla",
    "pt": "o a os as de e que um uma é para com não do da em no na por mais como foi são ao",
    "nl": "de het een en van is dat op te in niet met voor zijn er aan ook als bij door werd",
}
_PROFILES = {language: frozenset(words.split()) for language, words in _FUNCTION_WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE_WORDS = 2000
_MINIMUM_HITS = 3


def detect_language(text: str) -> str:
    """ISO 639-1 code of the likeliest language, or ``und`` when the text gives too little to tell."""
    words = [word.lower() for word in _WORD.findall(text[:40_000])][:_SAMPLE_WORDS]
    if not words:
        return "und"
    scores = {
        language: sum(1 for word in words if word in profile) for language, profile in _PROFILES.items()
    }
    best = max(scores, key=lambda language: (scores[language], language == "en"))
    if scores[best] < _MINIMUM_HITS or scores[best] < 0.05 * len(words):
        return "und"
    return best


def function_words(language: str) -> frozenset[str]:
    """The function words of a detected language other than English, to leave out of content terms."""
    return _PROFILES.get(language, frozenset()) if language != "en" else frozenset()
