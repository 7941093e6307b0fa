"""The small HTML pages a preference link opens: confirm, done, refused. Plain Python, no AWS.

Following a link only shows what it would do; the change happens when the reader presses
the button (a POST). Mail scanners and link previewers fetch every link in a message, so a
GET that changed something would unsubscribe people who never clicked.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

# No scripts, no outside resources, no framing; the token never leaves in a Referer header.
SECURITY_HEADERS = {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

_STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1d2330}"
    "h1{font-size:1.4rem}.who{color:#555}.box{border:1px solid #d5d9e0;border-radius:8px;padding:1rem 1.25rem}"
    "button{font:inherit;padding:.55rem 1.2rem;border:0;border-radius:6px;background:#1f5fbf;color:#fff;cursor:pointer}"
    ".refused{border-color:#c23b3b}"
)


@dataclass(frozen=True, slots=True)
class Page:
    status: int
    html: str


def confirm_page(change: str, endpoint: str, token: str) -> Page:
    """What the link will do, to whom, and the one button that does it."""
    body = (
        f"<h1>{escape(change)}?</h1>"
        f'<p class="who">Subscription: {escape(endpoint)}</p>'
        '<form method="post" class="box">'
        f'<input type="hidden" name="token" value="{escape(token, quote=True)}">'
        "<p>Nothing changes until you confirm.</p>"
        '<button type="submit">Confirm</button>'
        "</form>"
    )
    return Page(200, _document("Confirm a change to your Takeaways alerts", body))


def done_page(change: str, endpoint: str) -> Page:
    body = (
        f"<h1>Done: {escape(change[:1].lower() + change[1:])}</h1>"
        f'<p class="who">Subscription: {escape(endpoint)}</p>'
        "<p>The next alert follows your new choice. This link cannot be used again.</p>"
    )
    return Page(200, _document("Your Takeaways alerts were changed", body))


def refused_page(status: int, message: str) -> Page:
    body = f'<div class="box refused"><h1>Nothing was changed</h1><p>{escape(message)}</p></div>'
    return Page(status, _document("Takeaways link refused", body))


def _document(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )
