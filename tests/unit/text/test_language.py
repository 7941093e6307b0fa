"""Language identification and word counting on sentences of our own writing."""

from __future__ import annotations

import pytest

from takeaways.article import parse_article
from takeaways.text.language import SUPPORTED_LANGUAGES, detect_language, likeliest_language
from takeaways.text.sentences import split_sentences
from takeaways.text.words import word_count


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("The harbour council voted on Tuesday to close the bridge for repairs.", "en"),
        ("Le conseil municipal a voté mardi la fermeture du pont pour des travaux.", "fr"),
        ("Der Stadtrat hat am Dienstag beschlossen, die Brücke zu sperren.", "de"),
        ("El ayuntamiento votó el martes cerrar el puente por obras.", "es"),
        ("Kommunfullmäktige röstade på tisdagen för att stänga bron för reparationer.", "sv"),
        ("Городской совет во вторник проголосовал за закрытие моста на ремонт.", "ru"),
        ("市议会周二投票决定关闭这座大桥进行维修。", "zh"),
        ("市議会は火曜日、修理のために橋を閉鎖することを決めた。", "ja"),
    ],
)
def test_one_sentence_is_enough(sentence: str, code: str) -> None:
    assert detect_language(sentence) == code


def test_a_language_the_service_does_not_report_is_und_not_its_neighbour() -> None:
    # Afrikaans reads much like Dutch; it is not a supported language, so it must not pass for one.
    assert detect_language("Die stadsraad het Dinsdag besluit om die brug vir herstelwerk te sluit.") == "und"


def test_the_likeliest_language_tells_english_from_an_unreported_neighbour() -> None:
    welsh = "Mae'r heddlu wedi cau'r ffordd ger y pentref ar ôl damwain ddifrifol nos Sadwrn."
    assert detect_language(welsh) == "und"
    assert likeliest_language(welsh) == "cy"
    assert likeliest_language("Police closed the road.") == "en"
    assert likeliest_language("2026") == "und"


def test_too_little_text_is_und() -> None:
    assert detect_language("OK") == "und"
    assert detect_language("2026-11-24 10:00") == "und"


def test_every_supported_code_is_one_the_detector_can_emit() -> None:
    assert "und" not in SUPPORTED_LANGUAGES
    assert len(SUPPORTED_LANGUAGES) >= 20


def test_chinese_is_counted_in_words_not_spaces() -> None:
    assert word_count("The council voted on Tuesday.") == 5
    assert word_count("市议会周二投票决定关闭这座大桥进行维修。") == 10  # 19 characters, two a word


def test_chinese_and_japanese_sentences_end_at_full_width_marks() -> None:
    text = "市议会周二投票决定关闭大桥。居民表示欢迎！但费用由谁承担？"
    assert split_sentences(text) == ["市议会周二投票决定关闭大桥。", "居民表示欢迎！", "但费用由谁承担？"]


def test_a_chinese_article_is_not_rejected_as_too_short() -> None:
    body = "市议会周二投票决定关闭这座大桥进行维修。工程师上月在两个桥墩发现裂缝。维修预计需要六周。"
    article = parse_article(body.encode(), "bridge.txt")
    assert article.language == "zh"
