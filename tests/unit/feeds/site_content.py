"""Feeds and pages of our own writing, in the shapes publishers serve them."""

from __future__ import annotations

import json

STORIES = {
    "tram": (
        "Tram line to the hospital opens a month early",
        [
            "The new tram line from the central station to Westmoor Hospital opened on Monday, a month ahead of schedule, after engineers finished testing the signals over the weekend.",
            "Trams will run every six minutes at peak times and every twelve minutes in the evening, the transport authority said, and the journey takes nineteen minutes.",
            "Hospital staff had campaigned for the line for a decade because the only bus route was often stuck in traffic on the ring road.",
        ],
    ),
    "library": (
        "Old customs house becomes the city's largest library",
        [
            "The old customs house on the river front reopened on Saturday as the city's largest public library, with room for two hundred thousand books and a children's floor.",
            "Architects kept the building's iron staircase and the clock tower, which had been silent for thirty years and now strikes the hour again.",
            "The council paid for most of the conversion from the sale of two smaller branch libraries, a decision some residents opposed at the time.",
        ],
    ),
}

NOISE_NAV = '<nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/sport/">Sport</a> <a href="/weather/">Weather</a></nav>'
NOISE_RELATED = (
    '<aside class="related"><h2>Related</h2><ul>'
    '<li><a href="/a.html">Council sets next year\'s budget</a></li>'
    '<li><a href="/b.html">Storm warning for the coast tonight</a></li></ul></aside>'
)
NOISE_COMMENTS = (
    '<section class="comments"><h2>Comments</h2>'
    '<div class="comment"><p>Finally some good news for once in this town.</p></div>'
    '<div class="comment"><p>Who is paying for all of this, I wonder?</p></div></section>'
)


def page(story: str, *, canonical: str | None = None, lang: str = "en") -> str:
    title, paragraphs = STORIES[story]
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | City Herald</title>{link}'
        f'<meta property="og:site_name" content="City Herald"><meta name="author" content="Dana Ruiz">'
        f'<meta property="article:published_time" content="2026-11-30T08:00:00Z"></head><body>'
        f"{NOISE_NAV}<article><h1>{title}</h1>{body}</article>{NOISE_RELATED}{NOISE_COMMENTS}</body></html>"
    )


def rss(items: list[tuple[str, str, str]], *, title: str = "City Herald") -> str:
    """``items``: (guid, link, title)."""
    entries = "".join(
        f'<item><title>{name}</title><link>{link}</link><guid isPermaLink="false">{guid}</guid>'
        f"<pubDate>Mon, 30 Nov 2026 08:00:00 +0000</pubDate></item>"
        for guid, link, name in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://example.org/</link><description>News</description>{entries}</channel></rss>"
    )


def atom(items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f'<entry><id>{guid}</id><title>{name}</title><link rel="alternate" href="{link}"/>'
        f"<updated>2026-11-30T08:00:00Z</updated><author><name>Dana Ruiz</name></author></entry>"
        for guid, link, name in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>River Post</title><id>urn:river-post</id><updated>2026-11-30T08:00:00Z</updated>{entries}</feed>"
    )


def rdf(items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f'<item rdf:about="{link}"><title>{name}</title><link>{link}</link></item>' for _, link, name in items
    )
    return (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://example.org/"><title>Old Wire</title>'
        f"<link>https://example.org/</link><description>Wire</description></channel>{entries}</rdf:RDF>"
    )


def json_feed(items: list[tuple[str, str, str]]) -> str:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Valley Courier",
            "items": [
                {"id": guid, "url": link, "title": name, "authors": [{"name": "Ines Okafor"}]}
                for guid, link, name in items
            ],
        }
    )
