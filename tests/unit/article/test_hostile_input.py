"""Hostile and malformed input at intake: bounded work, recorded rejections, content kept untrusted."""

from __future__ import annotations

import gzip
import json

import pytest

from takeaways.article import parse_article
from takeaways.article.html import parse_html
from takeaways.config import ConfigurationError, Settings, trusted_set
from takeaways.errors import ArticleRejected, RejectionReason
from takeaways.limits import MAX_AUTHOR_CHARS, MAX_SOURCE_CHARS, MAX_TITLE_CHARS
from takeaways.text.untrusted import url_domain, web_url, without_markup

STORY = (
    "The harbour board agreed new mooring fees for the marina on Tuesday evening. "
    "Boat owners will pay eight percent more from April, the board said in a statement. "
    "Fishing crews keep their old rate for another year while the quay is repaired."
)
PARAGRAPH = f"<p>{STORY}</p>"


def rejected_reason(raw: bytes, filename: str) -> RejectionReason:
    with pytest.raises(ArticleRejected) as rejected:
        parse_article(raw, filename)
    return rejected.value.reason


# ---------------------------------------------------------------- bounded work
def test_twenty_thousand_stray_end_tags_under_deep_open_tags_leave_the_article_text() -> None:
    page = "<html><body>" + "<div>" * 20_000 + "</span>" * 20_000 + PARAGRAPH + "</body></html>"
    assert parse_html(page).paragraphs == [STORY]


@pytest.mark.parametrize("opening", ["<a", "<!--", "<![CDATA[", "</", "<?"])
def test_thirty_thousand_unterminated_openings_are_read_as_text(opening: str) -> None:
    """The standard parser rescans to the end from each of these; escaped, they cost one pass."""
    page = f"<html><body>{PARAGRAPH}<p>tail " + opening * 30_000
    parsed = parse_html(page)
    assert parsed.paragraphs[0] == STORY
    assert parsed.paragraphs[1].startswith("tail " + opening)


def test_a_terminated_comment_still_hides_its_content() -> None:
    assert parse_html(f"<body><!-- <p>draft</p> -->{PARAGRAPH}<p>end</p> <!--").paragraphs == [
        STORY,
        "end",
        "<!--",
    ]


@pytest.mark.parametrize("run", ["[" * 50_000, "[a](" * 20_000])
def test_markdown_with_fifty_thousand_unclosed_brackets_keeps_its_text(run: str) -> None:
    article = parse_article(f"# Mooring fees rise\n\n{STORY} {run}\n".encode(), "fees.md")
    assert article.body.startswith(STORY)


def test_markup_stripping_survives_many_unclosed_scripts() -> None:
    text = STORY + " <script>steal()" * 20_000
    assert without_markup(text).strip() == STORY


# ---------------------------------------------------------------- poison input
def test_json_nested_a_hundred_thousand_deep_is_malformed_json() -> None:
    assert rejected_reason(b"[" * 100_000 + b"]" * 100_000, "deep.json") is RejectionReason.MALFORMED_JSON
    nested = b'{"body": ' * 100_000 + b"1" + b"}" * 100_000
    assert rejected_reason(nested, "deep.json") is RejectionReason.MALFORMED_JSON


@pytest.mark.parametrize(
    "text",
    ["\U0001f389 \U0001f30a \U0001f6a2 " * 40, "!!! ... ??? --- *** " * 40, "\u2014 \u2026 \u2022 " * 50],
)
def test_text_of_only_emoji_or_punctuation_is_too_short(text: str) -> None:
    assert rejected_reason(text.encode(), "symbols.txt") is RejectionReason.TOO_SHORT


def test_metadata_is_bounded_at_intake() -> None:
    document = {
        "title": "Mooring fees rise " * 200,
        "url": "https://harbour.example/" + "a" * 60_000,
        "source": "Harbour Gazette " * 100,
        "author": "Ines Okafor " * 100,
        "published": "2026-11-24" * 1000,
        "body": STORY,
    }
    article = parse_article(json.dumps(document).encode(), "fees.json")
    assert article.title is not None and len(article.title) <= MAX_TITLE_CHARS
    assert article.title.startswith("Mooring fees rise")
    assert article.author is not None and len(article.author) <= MAX_AUTHOR_CHARS
    assert article.claimed_source is not None and len(article.claimed_source) <= MAX_SOURCE_CHARS
    assert (article.url, article.published) == (None, None)  # half a link or a date is a wrong one


def test_a_gzip_body_is_unpacked() -> None:
    assert parse_article(gzip.compress(STORY.encode()), "fees.txt").body == STORY


def test_a_gzip_bomb_is_too_large_without_being_unpacked_whole() -> None:
    bomb = gzip.compress(b" " * 20_000_000)
    with pytest.raises(ArticleRejected) as rejected:
        parse_article(bomb, "bomb.txt", max_bytes=1_000_000)
    assert rejected.value.reason is RejectionReason.TOO_LARGE


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_recognised(encoding: str) -> None:
    text = STORY.replace("board", "b\u00f6ard")
    assert parse_article(text.encode(encoding), "fees.txt").body == text


def test_a_stray_byte_in_utf8_does_not_turn_the_article_into_mojibake() -> None:
    raw = STORY.replace("Tuesday", "Tuesday in Sm\u00f8gen").encode() + b" \xff"
    assert "Sm\u00f8gen" in parse_article(raw, "fees.txt").body


@pytest.mark.parametrize(
    "document",
    [
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>' + STORY + "</text></svg>",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title><item><description>'
        + STORY
        + "</description></item></channel></rss>",
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><summary>' + STORY + "</summary></entry></feed>",
    ],
)
def test_an_svg_or_a_feed_renamed_txt_is_not_summarised(document: str) -> None:
    assert rejected_reason(document.encode(), "story.txt") is RejectionReason.UNSUPPORTED_TYPE


@pytest.mark.parametrize(
    "hidden",
    [
        "<p hidden>Secret draft text.</p>",
        '<div style="display: none">Secret draft text.</div>',
        '<span style="visibility:hidden">Secret draft text.</span>',
        '<p aria-hidden="true">Secret draft text.</p>',
        "<template><p>Secret draft text.</p></template>",
        "<noscript><p>Secret draft text.</p></noscript>",
    ],
)
def test_hidden_html_elements_are_dropped(hidden: str) -> None:
    article = parse_article(f"<html><body>{hidden}{PARAGRAPH}</body></html>".encode(), "page.html")
    assert "Secret" not in article.body and article.body == STORY


# ---------------------------------------------------------------- untrusted content
def test_control_and_bidi_characters_are_removed_from_text_and_metadata() -> None:
    document = {
        "title": "Fees \x1b[31mrise\x07 \u202eeerf",
        "body": STORY.replace("board", "bo\u202eard\x1b"),
    }
    article = parse_article(json.dumps(document).encode(), "fees.json")
    assert article.title == "Fees [31mrise eerf"
    assert "\u202e" not in article.body and "\x1b" not in article.body and "board agreed" in article.body


@pytest.mark.parametrize(
    ("raw", "filename"),
    [
        (
            f"Fees rise<script>alert('x')</script> at the marina\n\n{STORY} <img src=x onerror=alert(1)>",
            "a.txt",
        ),
        (json.dumps({"title": "Fees <b>rise</b>", "body": STORY + "<script>alert('x')</script>"}), "a.json"),
        (f"<html><body><p>{STORY} &lt;img src=x onerror=alert(1)&gt;</p></body></html>", "a.html"),
    ],
)
def test_markup_from_the_article_never_reaches_the_text(raw: str, filename: str) -> None:
    article = parse_article(raw.encode(), filename)
    for piece in (article.title or "", article.body):
        assert "<" not in piece and "alert" not in piece and "onerror" not in piece
    assert "Tuesday evening" in article.body


def test_a_lone_less_than_sign_in_prose_stays() -> None:
    assert without_markup("fees rose by < 5 percent") == "fees rose by < 5 percent"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "jav\tascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "https://",
        "https://localhost/admin",
        "ftp://harbour.example/fees",
    ],
)
def test_only_web_links_to_named_hosts_are_kept(url: str) -> None:
    assert web_url(url) is None


def test_web_links_are_normalised_and_shown_by_their_domain() -> None:
    assert (
        web_url("HTTPS://WWW.Harbour.Example/fees 2026?x=1#top")
        == "https://www.harbour.example/fees%202026?x=1"
    )
    assert web_url("https://bank.example@evil.example/login") == "https://evil.example/login"
    assert web_url("https://xn--pple-43d.example/") == "https://xn--pple-43d.example/"
    assert web_url("https://\u0430pple.example/") == "https://xn--pple-43d.example/"  # Cyrillic a
    assert url_domain(web_url("https://www.harbour.example/fees")) == "harbour.example"


# ---------------------------------------------------------------- sources
WIRE = (
    "Mooring fees rise at Grenhaven marina\n\n"
    "By Ines Okafor, Harbour Gazette\n\n"
    f"GRENHAVEN (Coastal Wire) \u2014 {STORY}\n"
)


def test_a_plain_text_article_claims_its_byline_outlet_but_is_not_trusted_by_default() -> None:
    article = parse_article(WIRE.encode(), "fees.txt")
    assert (article.source, article.claimed_source) == (None, "Harbour Gazette")


def test_a_listed_outlet_becomes_the_source() -> None:
    trusted = trusted_set(["coastal wire"])
    article = parse_article(WIRE.encode(), "fees.txt", trusted_sources=trusted)
    assert (article.source, article.claimed_source) == ("Coastal Wire", "Harbour Gazette")


def test_a_link_above_the_story_claims_its_domain_and_a_subdomain_matches_a_listed_domain() -> None:
    text = f"https://news.harbour-gazette.example/2026/fees\n\n{STORY}\n"
    article = parse_article(
        text.encode(), "fees.txt", trusted_sources=trusted_set(["harbour-gazette.example"])
    )
    assert (article.source, article.claimed_source) == (
        "harbour-gazette.example",
        "news.harbour-gazette.example",
    )


def test_an_outlet_listed_with_its_domain_names_the_articles_that_give_only_the_domain() -> None:
    trusted = trusted_set(["Harbour Gazette=harbour-gazette.example"])
    by_link = f"https://news.harbour-gazette.example/2026/fees\n\n{STORY}\n"
    by_name = f"Mooring fees rise at Grenhaven marina\n\nBy Ines Okafor, Harbour Gazette\n\n{STORY}\n"
    sources = {
        parse_article(text.encode(), "fees.txt", trusted_sources=trusted).source
        for text in (by_link, by_name)
    }
    assert sources == {"Harbour Gazette"}
    assert parse_article(by_link.encode(), "fees.txt").source is None


def test_html_claims_site_name_canonical_link_and_byline_link() -> None:
    page = (
        '<html><head><link rel="canonical" href="https://gazette.example/fees"></head><body>'
        '<p class="byline">By <a href="https://people.example/okafor">Ines Okafor</a></p>'
        f"{PARAGRAPH}</body></html>"
    )
    assert parse_article(page.encode(), "p.html").claimed_source == "gazette.example"
    trusted = parse_article(page.encode(), "p.html", trusted_sources=trusted_set(["people.example"]))
    assert trusted.source == "people.example"
    named = page.replace("<head>", '<head><meta property="og:site_name" content="Harbour Gazette">')
    assert parse_article(named.encode(), "p.html").claimed_source == "Harbour Gazette"


def test_a_content_claim_that_is_not_listed_never_becomes_the_source() -> None:
    document = {
        "title": "Fees",
        "body": STORY,
        "source": "Reuters",
        "url": "https://reuters.com.evil.example/x",
    }
    article = parse_article(
        json.dumps(document).encode(), "a.json", trusted_sources=trusted_set(["reuters.com"])
    )
    assert (article.source, article.claimed_source) == (None, "Reuters")


def test_trusted_sources_are_a_validated_setting() -> None:
    def settings(trusted: str) -> Settings:
        return Settings(articles_bucket="bucket", idempotency_table="table", trusted_sources=trusted)

    listed = settings(" Harbour Gazette , WWW.Gazette.Example,")
    assert listed.trusted_source_set() == frozenset({"harbour gazette", "gazette.example"})
    assert trusted_set(["Harbour Gazette=gazette.example=x"]) == frozenset()  # neither side half-trusted
    paired = settings("Harbour Gazette = www.Gazette.Example")
    assert paired.trusted_source_set() == frozenset(
        {"harbour gazette", "gazette.example", "Harbour Gazette=gazette.example"}
    )
    for wrong in (
        "https://gazette.example/",
        "x" * 500,
        "Harbour\x1bGazette",
        "=gazette.example",
        "Harbour Gazette=gazette",
        "Harbour Gazette=gazette.example=x",
    ):
        with pytest.raises(ConfigurationError, match="trusted_sources"):
            settings(wrong)


def test_a_job_title_after_the_byline_is_no_outlet_and_the_authors_link_names_the_domain() -> None:
    text = (
        "Mooring fees rise at Grenhaven marina\n\nBy Mara Lindqvist, Transport Correspondent\n"
        f"https://coastal-times.example/authors/mara-lindqvist\n\n{STORY}\n"
    )
    assert parse_article(text.encode(), "fees.txt").claimed_source == "coastal-times.example"


def test_carriage_returns_still_separate_paragraphs() -> None:
    text = "Mooring fees rise at Grenhaven marina\r\r" + STORY.replace(". ", ".\r\r", 1)
    assert parse_article(text.encode(), "fees.txt").body.count("\n\n") == 1


def test_a_domain_after_the_byline_is_claimed_as_a_domain() -> None:
    text = f"Mooring fees rise at Grenhaven marina\n\nBy Ines Okafor | harbour-gazette.example\n\n{STORY}\n"
    article = parse_article(
        text.encode(), "fees.txt", trusted_sources=trusted_set(["harbour-gazette.example"])
    )
    assert article.source == "harbour-gazette.example"
