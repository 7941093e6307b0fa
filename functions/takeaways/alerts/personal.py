"""One subscriber's copy of an alert: their preference links in the e-mail and the JSON, and their id.

The copy's subscription filters on ``subscriber`` alone (its preferences were applied when the
copy was made), so the copy trades two attributes consumers can read in the JSON (``engine``, and
``topic``, the first of ``topics``) for ``subscriber`` and ``kind``: SNS discards a message with
more than ten attributes for a raw SQS subscriber.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from takeaways.alerts.payload import AlertPayload, PreferenceLink
from takeaways.alerts.render import (
    RenderedAlert,
    fit_message_size,
    message_attributes,
    render_email,
    render_sms,
    render_subject,
)
from takeaways.alerts.subscription import SUBSCRIBER_ATTRIBUTE

_LEFT_TO_THE_JSON = frozenset({"engine", "topic"})


def personal_alert(
    payload: AlertPayload, subscriber_id: str, links: Sequence[PreferenceLink]
) -> RenderedAlert:
    personal = replace(payload, preference_links=list(links))
    attributes = {
        name: value for name, value in message_attributes(personal).items() if name not in _LEFT_TO_THE_JSON
    }
    attributes[SUBSCRIBER_ATTRIBUTE] = {"DataType": "String", "StringValue": subscriber_id}
    attributes["kind"] = {"DataType": "String", "StringValue": "alert"}
    return fit_message_size(
        RenderedAlert(
            subject=render_subject(personal),
            email=render_email(personal),
            sms=render_sms(personal),
            payload=personal,
            attributes=attributes,
        )
    )
