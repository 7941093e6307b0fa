"""Article intake: each supported format, the noise real articles carry, and every rejection reason."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from takeaways.article import Article, parse_article
from takeaways.errors import ArticleRejected, RejectionReason

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
SAMPLES = Path(__file__).resolve().parents[3] / "samples" / "articles"
STORY = (
    "The town council approved a new cycle lane along the seafront on Monday. "
    "Work will start in April and take about three months, the council said. "
    "Shop owners had asked for loading bays to be kept, and the final plan keeps four of them."
)


def wire() -> str:
    return parse_article((FIXTURES / "hard-wrapped-wire.txt").read_bytes(), "wire.txt").body


def test_hard_wrapped_lines_are_joined_into_paragraphs() -> None:
    body = wire()
    assert "Ferry crews on the Northern Isles walked out for a second day on Wednesday, stranding" in body
    assert "\n" not in body.split("\n\n")[0]


def test_a_word_broken_with_a_hyphen_at_a_line_end_is_joined() -> None:
    assert "following the dispute closely" in wire()


def test_noise_lines_are_dropped_even_when_wrapped() -> None:
    body = wire()
    for noise in ("Related article", "strike continues", "Share this article", "Photo:", "https://"):
        assert noise not in body


def test_dateline_and_wire_credit_are_removed_and_quotes_kept() -> None:
    body = wire()
    assert body.startswith("Ferry crews on the Northern Isles")
    assert '"Nobody takes this decision lightly," said union organiser Malik Osei.' in body


def test_title_and_byline_are_detected() -> None:
    article = parse_article((FIXTURES / "hard-wrapped-wire.txt").read_bytes(), "wire.txt")
    assert article.title == "Ferry strike halts island crossings for second day"
    assert article.author == "Joanna Price"


def test_html_keeps_the_article_and_drops_scripts_navigation_and_captions() -> None:
    article = parse_article((SAMPLES / "library-robot.html").read_bytes(), "library-robot.html")
    assert article.title == "Robot librarian sorts 9,000 returns a day at Kestrel City library"
    assert article.author == "Tomas Reyes"
    assert (article.source, article.claimed_source) == (None, "Kestrel Daily")  # og:site_name, untrusted
    assert article.url == "https://kestrel-daily.example/2026/11/robot-librarian"
    assert article.published == "2026-11-18T08:30:00Z"
    for noise in ("analytics", "font-family", "Home", "Photo: Kestrel Daily", "Subscribe", "By Tomas Reyes"):
        assert noise not in article.body
    assert article.body.startswith("Kestrel City's central library has installed")


def test_json_fields_map_onto_the_article() -> None:
    raw = (SAMPLES / "wind-farm-vote.json").read_bytes()
    article = parse_article(raw, "wind.json", trusted_sources=frozenset({"northern ledger"}))
    assert (article.source, article.author) == ("Northern Ledger", "Priya Sandhu")
    assert article.body.startswith("The Valley District Council voted 11-4")  # "GRENHAVEN —" dateline removed


def test_json_with_text_instead_of_body_and_a_source_object() -> None:
    raw = json.dumps(
        {"headline": "Seafront cycle lane approved", "text": STORY, "source": {"name": "Bay News"}}
    )
    article = parse_article(raw.encode(), "lane.json")
    assert (article.title, article.claimed_source) == ("Seafront cycle lane approved", "Bay News")


def test_markdown_marks_are_removed() -> None:
    raw = f"# Seafront cycle lane approved\n\n**{STORY}**\n\n- [Council minutes](https://example.org/minutes) are online for residents.\n"
    article = parse_article(raw.encode(), "lane.md")
    assert article.title == "Seafront cycle lane approved"
    assert "**" not in article.body and "](" not in article.body
    assert "Council minutes are online for residents." in article.body


@pytest.mark.parametrize(
    "raw",
    [
        codecs.BOM_UTF8 + STORY.encode(),
        STORY.encode("utf-16"),
        STORY.replace("Shop owners", "“Shop owners”").encode("cp1252"),
    ],
    ids=["utf-8 bom", "utf-16", "windows-1252"],
)
def test_encodings_decode_to_the_same_words(raw: bytes) -> None:
    assert "cycle lane along the seafront" in parse_article(raw, "lane.txt").body


@pytest.mark.parametrize(
    ("raw", "filename", "reason"),
    [
        (b"", "a.txt", RejectionReason.EMPTY),
        (b"  \n\t ", "a.txt", RejectionReason.EMPTY),
        (b"%PDF-1.7 ...", "a.pdf", RejectionReason.BINARY),
        (b"\x89PNG\r\n\x1a\n....", "a.txt", RejectionReason.BINARY),
        (b"text\x00with\x00nul", "a.txt", RejectionReason.BINARY),
        (b'{"title": "x", ', "a.json", RejectionReason.MALFORMED_JSON),
        (b"[1, 2, 3]", "a.json", RejectionReason.MALFORMED_JSON),
        (b'{"title": "Only a title"}', "a.json", RejectionReason.NO_BODY),
        (b"<html><body><script>x()</script><nav>Home</nav></body></html>", "a.html", RejectionReason.NO_BODY),
        (b"Council meets.", "a.txt", RejectionReason.TOO_SHORT),
    ],
)
def test_rejections_carry_a_reason(raw: bytes, filename: str, reason: RejectionReason) -> None:
    with pytest.raises(ArticleRejected) as rejected:
        parse_article(raw, filename)
    assert rejected.value.reason is reason
    assert rejected.value.detail


def test_long_articles_are_truncated_at_a_boundary_and_say_so() -> None:
    article = parse_article((STORY + "\n\n").encode() * 200, "long.txt", max_chars=5_000)
    assert article.truncated
    assert len(article.body) <= 5_000
    assert article.body.endswith(".")
    assert any("truncated" in note for note in article.notes)


def test_html_without_an_extension_is_recognised() -> None:
    raw = f"<html><head><title>Lane</title></head><body><p>{STORY}</p></body></html>".encode()
    article = parse_article(raw, "incoming/2026/lane")
    assert article.title == "Lane" and "<p>" not in article.body


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("KYIV, Ukraine (AP) — Drones struck the city's power grid overnight.", "Drones struck"),
        ("Halden, Norway (Wire)Drones struck the city's power grid overnight.", "Drones struck"),
        ("PORT ELLIS, March 3 (Wire) - Drones struck the city's power grid overnight.", "Drones struck"),
        ("(Wire) -- Drones struck the city's power grid overnight.", "Drones struck"),
        ("GRENHAVEN — Drones struck the city's power grid overnight.", "Drones struck"),
        ("Lumen (LMN) shares rose 3% in early trading on Monday.", "Lumen (LMN) shares"),
        ("Tom Hale -- a farmer -- said the rain came late this year.", "Tom Hale --"),
    ],
)
def test_datelines_and_credits_are_removed_but_a_subject_is_not(opening: str, expected: str) -> None:
    raw = f"{opening} {STORY}".encode()
    assert parse_article(raw, "a.txt").body.startswith(expected)


def noisy() -> Article:
    return parse_article((FIXTURES / "noisy-wire.txt").read_bytes(), "noisy-wire.txt")


def test_front_matter_on_consecutive_lines_becomes_metadata() -> None:
    article = noisy()
    assert article.title == "Harbour authority delays Marrow Bay dredging after Feb. 28 survey"
    assert article.author == "Ana Ferreira and Tom Okoye"
    assert article.published == "March 3, 2026 09:15 GMT"
    assert article.url == "https://coastline-wire.example/2026/03/marrow-bay-dredging"
    assert article.body.startswith("The Marrow Bay Harbour Authority on Monday postponed")


@pytest.mark.parametrize(
    "noise",
    [
        "Related article",
        "harbour works stall",  # the wrapped second line of the insert
        "Read more",
        "1998 spill",
        "Share this article",
        "Photo:",
        "Advertisement",
        "https://",
        "Coastline Wire",
    ],
)
def test_inserts_inside_paragraphs_are_dropped(noise: str) -> None:
    assert noise not in noisy().body


def test_text_around_an_insert_and_a_broken_word_reads_on() -> None:
    body = noisy().body
    assert "she told reporters. Fishermen have waited nearly a decade" in body
    assert "said Gen. (ret.) Paul Ostrander, who leads the co-operative." in body
    assert "an independent review of the disposal plan." in body
    assert '"Better late than toxic," said Mari Lindqvist' in body


def test_indented_lines_after_a_finished_sentence_start_paragraphs() -> None:
    paragraphs = noisy().body.split("\n\n")
    assert paragraphs[1].startswith("The authority's chair, Dr. Helen M. Voss, said")


@pytest.mark.parametrize("filename", ["prices.csv", "config.yaml", "script.js"])
def test_data_and_code_files_are_not_articles(filename: str) -> None:
    with pytest.raises(ArticleRejected) as rejected:
        parse_article(STORY.encode(), filename)
    assert rejected.value.reason is RejectionReason.UNSUPPORTED_TYPE


def test_text_under_an_unknown_extension_is_read_as_plain_text() -> None:
    assert parse_article(STORY.encode(), "incoming/lane.story").body == STORY


def test_bytes_that_no_encoding_defines_are_dropped_as_strays() -> None:
    article = parse_article(STORY.encode() + b"\x81\x8d\x8f", "a.txt")
    assert article.body.endswith("keeps four of them.")


def test_the_language_is_labelled() -> None:
    french = (
        "Le conseil de la ville a voté lundi pour la construction d'un nouveau pont. "
        "Les travaux commenceront au printemps et dureront deux ans, selon la mairie."
    )
    assert parse_article(french.encode(), "pont.txt").language == "fr"
    assert parse_article(STORY.encode(), "lane.txt").language == "en"


def cluttered() -> Article:
    return parse_article((FIXTURES / "cluttered-page.html").read_bytes(), "cluttered-page.html")


def test_a_cluttered_page_gives_the_articles_own_headline_byline_and_metadata() -> None:
    page = cluttered()
    assert page.title == "Tram line to Westgate opens two years late"
    assert page.author == "Lena Brandt"
    assert (page.claimed_source, page.published) == ("Valley Courier", "2026-10-02T06:00:00Z")
    assert page.url == "https://valley-courier.example/news/westgate-tram"


@pytest.mark.parametrize(
    "boilerplate",
    [
        "cookies",
        "Home",
        "Share on",
        "Photo:",
        "Bus routes",
        "Sign up",
        "comments",
        "©",
        "Read more",
        "track(",
    ],
)
def test_a_cluttered_page_loses_its_boilerplate(boilerplate: str) -> None:
    assert boilerplate not in cluttered().body


def test_a_cluttered_page_keeps_every_article_paragraph_in_order() -> None:
    paragraphs = cluttered().body.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("The Westgate tram line carried its first passengers on Thursday")
    assert paragraphs[2].startswith('"People have waited a long time, and we are sorry for that," said Ruth')
    assert paragraphs[3].startswith("Fares will be the same")


def test_a_page_title_loses_the_site_name_when_there_is_no_heading() -> None:
    raw = (
        "<html><head><title>Seafront cycle lane approved | Bay News</title>"
        f'<meta property="og:site_name" content="Bay News"></head><body><p>{STORY}</p></body></html>'
    )
    assert parse_article(raw.encode(), "lane.html").title == "Seafront cycle lane approved"


def test_thousands_of_hard_wrapped_lines_join_into_one_paragraph_with_every_word() -> None:
    lines = [f"line {n} of a very long hard-wrapped report" for n in range(20_000)]
    body = parse_article("\n".join(lines).encode(), "report.txt", max_chars=2_000_000).body
    assert "\n" not in body
    assert body.split() == " ".join(lines).split()


def test_a_comma_the_page_left_without_its_space_gets_one_and_numbers_keep_theirs() -> None:
    article = parse_article(
        b"In 2024,while the island crews were paid 1,500 pounds, the mainland crews got nothing.", "story.txt"
    )
    assert (
        article.body
        == "In 2024, while the island crews were paid 1,500 pounds, the mainland crews got nothing."
    )


def test_a_doubled_full_stop_becomes_one_and_an_ellipsis_stays() -> None:
    article = parse_article(
        b"Kelby became a new town on 9 October 1961.. It waited... and waited.", "story.txt"
    )
    assert article.body == "Kelby became a new town on 9 October 1961. It waited... and waited."
