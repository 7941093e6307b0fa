"""Language identification: a character n-gram model that ships in the package (no download).

The model (``models/languages.json``, trained by ``training/train_languages.py``; data in
``models/languages-manifest.md``) knows 75 languages. The service reports the ones in
``SUPPORTED_LANGUAGES``; any other language, or text too short or too mixed to tell, is ``und``.
``subscribe --languages`` accepts exactly ``SUPPORTED_LANGUAGES``, so a subscriber can never ask
for a code no alert carries.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

MODEL_FILE = Path(__file__).with_name("models") / "languages.json"
UNDETERMINED = "und"
# The languages of most of the world's news, where the model tells them apart on one sentence, by their
# ISO 639-1 codes; the English names let `subscribe --languages english` be answered with the code.
LANGUAGE_NAMES: dict[str, str] = {
    "ar": "Arabic",
    "bg": "Bulgarian",
    "bn": "Bengali",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "et": "Estonian",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "he": "Hebrew",
    "hi": "Hindi",
    "hu": "Hungarian",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "mk": "Macedonian",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sl": "Slovenian",
    "sq": "Albanian",
    "sv": "Swedish",
    "sw": "Swahili",
    "ta": "Tamil",
    "te": "Telugu",
    "th": "Thai",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "vi": "Vietnamese",
    "zh": "Chinese",
}
SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(sorted(LANGUAGE_NAMES))
_NOT_LETTERS = re.compile(r"[\d_\W]+")
_SAMPLE_CHARS = 600  # a few sentences decide; the rest of an article adds time, not accuracy
_MIN_LETTERS = 3
_MIN_MARGIN = 0.02  # average log-likelihood per n-gram by which the best language must lead the next

_FUNCTION_WORDS = {
    "fr": "le la les des du de et un une est pour dans que qui sur pas au aux avec ce il elle sont ont été par",
    "de": "der die das und ist nicht ein eine zu den dem mit von auf für sich im auch es sind wurde hat",
    "es": "el la los las de y en que un una es por con para del se no al lo como más pero sus fue",
    "it": "il lo la gli le di e che un una è per con non del della sono nel anche come più ha alla",
    "pt": "o a os as de e que um uma é para com não do da em no na por mais como foi são ao",
    "nl": "de het een en van is dat op te in niet met voor zijn er aan ook als bij door werd",
}
_PROFILES = {language: frozenset(words.split()) for language, words in _FUNCTION_WORDS.items()}


def char_grams(text: str) -> Counter[str]:
    """Character 1-, 2- and 3-grams of the letters, words padded with spaces: what the model reads."""
    padded = " " + " ".join(_NOT_LETTERS.sub(" ", text.lower()).split()) + " "
    grams: Counter[str] = Counter()
    for size in (1, 2, 3):
        grams.update(padded[i : i + size] for i in range(len(padded) - size + 1))
    grams.pop(" ", None)
    return grams


@lru_cache(maxsize=1)
def _model() -> tuple[tuple[str, ...], list[float], dict[str, list[tuple[int, float]]]]:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    scale = float(data["scale"])
    grams = {gram: [(index, value / scale) for index, value in row] for gram, row in data["grams"].items()}
    return tuple(data["languages"]), [floor / scale for floor in data["floors"]], grams


def language_scores(text: str) -> list[tuple[str, float]]:
    """Every language the model knows with its average log-likelihood per n-gram, best first."""
    languages, floors, table = _model()
    grams = char_grams(text)
    total = sum(grams.values())
    if not total:
        return []
    scores = [0.0] * len(languages)
    for gram, count in grams.items():
        for index, gain in table.get(gram, ()):
            scores[index] += count * gain
    return sorted(
        (
            (language, (score / total) + floor)
            for language, score, floor in zip(languages, scores, floors, strict=True)
        ),
        key=lambda pair: -pair[1],
    )


def detect_language(text: str) -> str:
    """ISO 639-1 code of a supported language, or ``und`` for another language or too little text."""
    sample = text[:_SAMPLE_CHARS]
    if sum(1 for char in sample if char.isalpha()) < _MIN_LETTERS:
        return UNDETERMINED
    ranked = language_scores(sample)
    if len(ranked) < 2:
        return UNDETERMINED
    (best, first), (_, second) = ranked[0], ranked[1]
    if best not in SUPPORTED_LANGUAGES or first - second < _MIN_MARGIN:
        return UNDETERMINED
    return best


def likeliest_language(text: str) -> str:
    """The model's best guess, supported or not and however narrow its lead: ``und`` only for no letters.

    Where ``detect_language`` says ``und`` it still tells English text the model could not call with
    confidence from Welsh or Irish, whose sentences English grammar rules would wrongly turn away.
    """
    sample = text[:_SAMPLE_CHARS]
    ranked = language_scores(sample) if any(char.isalpha() for char in sample) else []
    return ranked[0][0] if ranked else UNDETERMINED


def function_words(language: str) -> frozenset[str]:
    """The function words of a detected language other than English, to leave out of content terms."""
    return _PROFILES.get(language, frozenset())


def language_code_for(name: str) -> str | None:
    """The supported code a language's English name stands for ('english', 'English' -> 'en'), or None."""
    wanted = " ".join(name.split()).casefold()
    return next((code for code, known in LANGUAGE_NAMES.items() if known.casefold() == wanted), None)
