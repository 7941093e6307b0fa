"""A Lambda function URL on loopback: HTTP requests become the URL's events (payload format 2.0).

The address must exist before the stack is deployed, because other functions' environments
refer to it (``!GetAtt <Function>Url.FunctionUrl``): bind first, deploy with the address,
then ``serve`` with the runner that invokes the function in-process.

    with FunctionUrlServer("PreferencesFunction") as server:
        stack = deploy(TEMPLATE, function_urls={server.function_id: server.url})
        server.serve(EventSourceRunner(stack).invoke)
"""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

Invoke = Callable[[str, dict[str, Any]], Any]
_MAX_BODY_BYTES = 1_000_000  # a function URL's request limit is 6 MB; nothing here needs more


class FunctionUrlServer:
    def __init__(self, function_id: str, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.function_id = function_id
        self._invoke: Invoke | None = None
        self._httpd = ThreadingHTTPServer((host, port), self._request_handler())
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None
        self.url = f"http://{host}:{self._httpd.server_address[1]}/"

    def serve(self, invoke: Invoke) -> None:
        self._invoke = invoke
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name=f"url-{self.function_id}", daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> FunctionUrlServer:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _request_handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self._answer()

            def do_POST(self) -> None:
                self._answer()

            def do_HEAD(self) -> None:
                self._answer()

            def _answer(self) -> None:
                if server._invoke is None:
                    self._send(503, {"Content-Type": "text/plain"}, b"not serving yet")
                    return
                length = int(self.headers.get("Content-Length") or 0)
                if length > _MAX_BODY_BYTES:
                    self._send(413, {"Content-Type": "text/plain"}, b"request too large")
                    return
                event = url_event(
                    self.command, self.path, dict(self.headers.items()), self.rfile.read(length)
                )
                try:
                    response = server._invoke(server.function_id, event)
                except Exception:  # what Lambda answers when the function fails
                    self._send(
                        502, {"Content-Type": "application/json"}, b'{"Message":"Internal Server Error"}'
                    )
                    return
                status, headers, body = url_response(response)
                self._send(status, headers, body)

            def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


def url_event(method: str, target: str, headers: dict[str, str], body: bytes) -> dict[str, Any]:
    """The event Lambda gives a function behind its URL for this request."""
    parts = urlsplit(target)
    text = body.decode("utf-8", "replace") if body else ""
    binary = bool(body) and not headers.get("Content-Type", "").startswith(
        ("text/", "application/x-www-form-urlencoded", "application/json")
    )
    now = datetime.now(UTC)
    return {
        "version": "2.0",
        "rawPath": parts.path or "/",
        "rawQueryString": parts.query,
        "headers": {name.lower(): value for name, value in headers.items()},
        "requestContext": {
            "http": {
                "method": method,
                "path": parts.path or "/",
                "protocol": "HTTP/1.1",
                "sourceIp": "127.0.0.1",
            },
            "timeEpoch": int(now.timestamp() * 1000),
        },
        "body": base64.b64encode(body).decode() if binary else text,
        "isBase64Encoded": binary,
    }


def url_response(response: Any) -> tuple[int, dict[str, str], bytes]:
    """A handler's return value as Lambda turns it into HTTP (a dict without statusCode is JSON)."""
    if not isinstance(response, dict) or "statusCode" not in response:
        return 200, {"Content-Type": "application/json"}, json.dumps(response).encode()
    body = response.get("body") or ""
    data = base64.b64decode(body) if response.get("isBase64Encoded") else str(body).encode()
    headers = {str(k): str(v) for k, v in (response.get("headers") or {}).items()}
    return int(response["statusCode"]), headers, data


class FunctionUrls:
    """Every function of the template with a FunctionUrlConfig, bound on loopback before the deploy.

    ``first_port`` 0 lets the system choose each port; otherwise they are consecutive from it, so
    `make up`'s links keep one address across restarts.
    """

    def __init__(self, template_path: Path, *, first_port: int = 0) -> None:
        from infra.template import load_template

        resources = load_template(template_path)["Resources"]
        with_url = [
            name
            for name, resource in resources.items()
            if resource.get("Type") == "AWS::Serverless::Function"
            and "FunctionUrlConfig" in (resource.get("Properties") or {})
        ]
        self.servers = [
            FunctionUrlServer(name, port=first_port + offset if first_port else 0)
            for offset, name in enumerate(with_url)
        ]

    @property
    def urls(self) -> dict[str, str]:
        return {server.function_id: server.url for server in self.servers}

    def serve(self, invoke: Invoke) -> None:
        for server in self.servers:
            server.serve(invoke)

    def __enter__(self) -> FunctionUrls:
        return self

    def __exit__(self, *_: object) -> None:
        for server in self.servers:
            server.close()
