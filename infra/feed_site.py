"""A news site on loopback: feeds and article pages served by ``http.server`` in a thread.

For the demo (``make demo FEED=...``), the benchmark and the tests: the feed poller fetches
from it exactly as from a publisher (robots.txt, ETag and 304, redirects, slow answers).

    with LoopbackSite() as site:
        site.add("/feed.xml", rss_text, "application/rss+xml")
        site.url("/feed.xml")        # http://127.0.0.1:PORT/feed.xml
        site.requests["/feed.xml"]   # how often it was asked for
"""

from __future__ import annotations

import hashlib
import mimetypes
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Self


@dataclass
class Route:
    """One path's answer. ``delay``: seconds before answering; ``trickle``: seconds between body chunks."""

    body: bytes
    content_type: str
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    trickle: float = 0.0
    etag: bool = True


class LoopbackSite:
    """Serves registered routes on 127.0.0.1; unknown paths are 404 (so robots.txt allows all unless added)."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.requests: Counter[str] = Counter()
        self.conditional_hits: Counter[str] = Counter()
        self.user_agents: set[str] = set()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                site.serve(self)

            def log_message(self, format: str, *args: object) -> None:
                return

        self._server = ThreadingHTTPServer((host, 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="loopback-site",
            daemon=True,
        )

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def add(
        self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8", **options: object
    ) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = Route(data, content_type, **options)  # type: ignore[arg-type]

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.routes[path] = Route(
            b"", "text/plain", status=status, headers={"Location": location}, etag=False
        )

    def add_directory(self, directory: Path, prefix: str = "/") -> None:
        """Every file under ``directory`` at ``prefix`` + its relative path, typed by its extension."""
        for path in sorted(directory.rglob("*")):
            if path.is_file():
                relative = path.relative_to(directory).as_posix()
                kind = _content_type(path)
                self.add(prefix + relative, path.read_bytes(), kind)

    def serve(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path.split("?", 1)[0]
        self.requests[path] += 1
        self.user_agents.add(request.headers.get("User-Agent", ""))
        route = self.routes.get(path)
        if route is None:
            self._send(request, 404, b"not found", {"Content-Type": "text/plain"})
            return
        if route.delay:
            time.sleep(route.delay)
        headers = {"Content-Type": route.content_type, **route.headers}
        if route.etag and route.status == 200:
            tag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
            headers["ETag"] = tag
            if request.headers.get("If-None-Match") == tag:
                self.conditional_hits[path] += 1
                self._send(request, 304, b"", {"ETag": tag})
                return
        self._send(request, route.status, route.body, headers, trickle=route.trickle)

    @staticmethod
    def _send(
        request: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        headers: dict[str, str],
        trickle: float = 0.0,
    ) -> None:
        try:
            request.send_response(status)
            for name, value in headers.items():
                request.send_header(name, value)
            request.send_header("Content-Length", str(len(body)))
            request.end_headers()
            if not trickle:
                request.wfile.write(body)
                return
            for start in range(0, len(body), 256):
                request.wfile.write(body[start : start + 256])
                request.wfile.flush()
                time.sleep(trickle)
        except (BrokenPipeError, ConnectionResetError):
            return  # the client gave up (a timeout or a size limit): expected in tests

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()


def _content_type(path: Path) -> str:
    if path.suffix == ".xml":
        return "application/rss+xml; charset=utf-8" if "atom" not in path.stem else "application/atom+xml"
    if path.suffix == ".json":
        return "application/feed+json"
    guessed = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"{guessed}; charset=utf-8" if guessed.startswith("text/") else guessed
