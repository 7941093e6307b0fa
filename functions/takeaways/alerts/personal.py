"""One subscriber's copy of an alert: their preference links in the e-mail and the JSON, and their id.

The copy carries every attribute of the broadcast alert, so the subscription's filter policy
(its preferences, beside ``subscriber``) is checked by SNS on the copy as it would be on the alert.
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


def personal_alert(
    payload: AlertPayload, subscriber_id: str, links: Sequence[PreferenceLink]
) -> RenderedAlert:
    personal = replace(payload, preference_links=list(links))
    attributes = message_attributes(personal)
    attributes[SUBSCRIBER_ATTRIBUTE] = {"DataType": "String", "StringValue": subscriber_id}
    return fit_message_size(
        RenderedAlert(
            subject=render_subject(personal),
            email=render_email(personal),
            sms=render_sms(personal),
            payload=personal,
            attributes=attributes,
        )
    )
