"""The loopback function URL: requests become payload-2.0 events, handler answers become HTTP."""

from __future__ import annotations

import base64
import urllib.error
import urllib.request
from typing import Any

from infra.function_urls import FunctionUrlServer, url_event, url_response


def test_a_form_post_arrives_as_text_with_its_query_and_method() -> None:
    event = url_event(
        "POST", "/preferences?x=1", {"Content-Type": "application/x-www-form-urlencoded"}, b"token=abc"
    )
    assert event["rawPath"] == "/preferences" and event["rawQueryString"] == "x=1"
    assert event["requestContext"]["http"]["method"] == "POST"
    assert (event["body"], event["isBase64Encoded"]) == ("token=abc", False)
    assert event["headers"]["content-type"] == "application/x-www-form-urlencoded"


def test_a_binary_body_is_base64_as_lambda_sends_it() -> None:
    event = url_event("POST", "/", {"Content-Type": "application/octet-stream"}, b"\x00\xff")
    assert event["isBase64Encoded"] and base64.b64decode(event["body"]) == b"\x00\xff"


def test_responses_with_and_without_a_status_code() -> None:
    assert url_response(
        {"statusCode": 409, "headers": {"Content-Type": "text/html"}, "body": "<p>x</p>"}
    ) == (
        409,
        {"Content-Type": "text/html"},
        b"<p>x</p>",
    )
    assert url_response({"ok": True}) == (200, {"Content-Type": "application/json"}, b'{"ok": true}')


def test_the_server_invokes_the_function_and_a_failure_is_a_502() -> None:
    calls: list[tuple[str, dict[str, Any]]] = []

    def invoke(function_id: str, event: dict[str, Any]) -> Any:
        calls.append((function_id, event))
        if event["rawPath"] == "/boom":
            raise RuntimeError("handler failed")
        return {"statusCode": 200, "headers": {"Content-Type": "text/plain"}, "body": "hello"}

    with FunctionUrlServer("PreferencesFunction") as server:
        server.serve(invoke)
        with urllib.request.urlopen(server.url + "preferences?token=t") as answer:
            assert (answer.status, answer.read()) == (200, b"hello")
        try:
            urllib.request.urlopen(server.url + "boom")
            raise AssertionError("expected a 502")
        except urllib.error.HTTPError as error:
            assert error.code == 502
    assert [(fid, e["rawQueryString"]) for fid, e in calls] == [
        ("PreferencesFunction", "token=t"),
        ("PreferencesFunction", ""),
    ]
