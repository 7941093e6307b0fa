"""PreferencesFunction: the HTTP endpoint (a Lambda function URL) that preference links open.

``GET /preferences?token=…`` shows what the link would change; the page's button POSTs the
token back and only that changes the subscription. The event is the function URL's (HTTP
API payload 2.0) shape, which the local stack's loopback server produces too.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs

from aws_lambda_powertools.utilities.typing import LambdaContext

from takeaways.handlers.dependencies import preferences_dependencies
from takeaways.links.pages import SECURITY_HEADERS, Page, refused_page
from takeaways.observability import LINKS_FOLLOWED, count_with_reason, logger, metrics, tracer

PREFERENCES_PATH = "/preferences"
_MAX_BODY_BYTES = 8192


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    method = str(event.get("requestContext", {}).get("http", {}).get("method", "GET")).upper()
    if event.get("rawPath", PREFERENCES_PATH) != PREFERENCES_PATH:
        return _response(refused_page(404, "There is nothing here."))
    if method not in {"GET", "POST"}:
        return _response(refused_page(405, "Open the link from your alert."), allow="GET, POST")
    token = _token(event, method)
    if not token:
        return _response(refused_page(400, "This link has no token: open it from your alert."))
    links = preferences_dependencies().links
    now = datetime.now(UTC)
    outcome = links.open(token, now) if method == "GET" else links.confirm(token, now)
    count_with_reason(LINKS_FOLLOWED, outcome.result)
    logger.info(
        "preference link",
        extra={
            "method": method,
            "result": outcome.result,
            "subscriber_id": outcome.subscriber_id,
            "action": outcome.action,
        },
    )
    return _response(outcome.page)


def _token(event: dict[str, Any], method: str) -> str:
    if method == "GET":
        query = parse_qs(str(event.get("rawQueryString") or ""))
        return (query.get("token") or [""])[0]
    body = str(event.get("body") or "")
    if event.get("isBase64Encoded"):
        try:
            body = base64.b64decode(body).decode()
        except ValueError:
            return ""
    if len(body) > _MAX_BODY_BYTES:
        return ""
    return (parse_qs(body).get("token") or [""])[0]


def _response(page: Page, **extra: str) -> dict[str, Any]:
    headers = dict(SECURITY_HEADERS)
    headers.update({name.title(): value for name, value in extra.items()})
    return {"statusCode": page.status, "headers": headers, "body": page.html}
