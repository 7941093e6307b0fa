"""Language identification on held-out single sentences in 75 languages (never used in training).

Supported languages must come out as themselves; every other language must come out ``und``
(or, should the model be right, as itself). Without the sentence files the section says so.
"""

from __future__ import annotations

from takeaways.text.language import SUPPORTED_LANGUAGES, UNDETERMINED, detect_language
from training.language_data import SENTENCES_DIR, data_present, load_sentences, split

PER_LANGUAGE = 200  # held-out sentences scored per language; the whole half takes minutes on one core


def report() -> list[str]:
    lines = ["## Language", ""]
    if not data_present():
        return [
            *lines,
            f"Skipped: no sentence files in `{SENTENCES_DIR}` (see the language model's manifest).",
        ]
    _, held_out = split(load_sentences())
    supported_right = supported_total = other_ok = other_total = base_right = 0
    worst: list[tuple[float, str]] = []
    for language, sentences in sorted(held_out.items()):
        chosen = sentences[:PER_LANGUAGE]
        found = [detect_language(sentence) for sentence in chosen]
        if language in SUPPORTED_LANGUAGES:
            right = sum(1 for code in found if code == language)
            supported_right += right
            supported_total += len(chosen)
            base_right += len(chosen) if language == "en" else 0
            worst.append((right / len(chosen), language))
        else:
            other_ok += sum(1 for code in found if code in (UNDETERMINED, language))
            other_total += len(chosen)
    accuracy = supported_right / supported_total
    baseline = base_right / supported_total
    lines += [
        f"Held-out sentences (half of each language's file, at most {PER_LANGUAGE} a language); baseline:"
        " always `en`.",
        "",
        "| measure | sentences | value | baseline | target |",
        "| --- | ---: | ---: | ---: | --- |",
        f"| supported languages ({len(SUPPORTED_LANGUAGES)}), right language | {supported_total} | {accuracy:.3f}"
        f" | {baseline:.3f} | 0.98 ({'met' if accuracy >= 0.98 else 'not met'}) |",
        f"| other languages ({len(held_out) - len(SUPPORTED_LANGUAGES)}), `und` or right | {other_total}"
        f" | {other_ok / other_total:.3f} | - | 0.95 ({'met' if other_ok / other_total >= 0.95 else 'not met'}) |",
        "",
        "Weakest supported languages: "
        + ", ".join(f"{code} {share:.2f}" for share, code in sorted(worst)[:6])
        + f". Supported: {', '.join(SUPPORTED_LANGUAGES)}.",
    ]
    return lines


if __name__ == "__main__":
    print("\n".join(report()))
