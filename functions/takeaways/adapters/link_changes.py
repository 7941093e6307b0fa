"""What a preference link may change, carried out on the managed subscriptions.

A link's value travels as text; here it becomes the ``PreferenceChange`` the registry knows, so
the vocabulary of changes stays in ``alerts.preferences``. A change that cannot be made (it would
mute everything the subscription follows, say) is shown as such, never half made.
"""

from __future__ import annotations

from takeaways.adapters.subscriptions import ManagedSubscriptions
from takeaways.alerts.preferences import PreferenceChange, PreferenceRefused, apply_change
from takeaways.links.service import ChangeNotPossible


class LinkChanges:
    def __init__(self, managed: ManagedSubscriptions) -> None:
        self._managed = managed

    def describe(self, subscriber_id: str, action: str, value: str) -> tuple[str, str] | None:
        record = self._managed.find(subscriber_id)
        change = link_change(action, value)
        if record is None or change is None:
            return None
        try:
            apply_change(record, change)  # pure: would the change be refused?
        except PreferenceRefused as refused:
            raise ChangeNotPossible(str(refused)) from None
        words = change.describe()
        return words[:1].upper() + words[1:], masked_endpoint(record.protocol, record.endpoint)

    def apply(self, subscriber_id: str, action: str, value: str) -> None:
        record = self._managed.find(subscriber_id)
        change = link_change(action, value)
        if record is None or change is None:
            raise ChangeNotPossible("This subscription no longer exists.")
        try:
            self._managed.change(record, [change])
        except PreferenceRefused as refused:
            raise ChangeNotPossible(str(refused)) from None


def link_change(action: str, value: str) -> PreferenceChange | None:
    """The change a link names, or None when it names none a link may make."""
    try:
        if action == "unsubscribe":
            return PreferenceChange("unsubscribe")
        if action == "min_priority":
            return PreferenceChange("min_priority", int(value))
        return PreferenceChange(action, value)  # type: ignore[arg-type]  # checked by PreferenceChange
    except (PreferenceRefused, ValueError):
        return None


def masked_endpoint(protocol: str, endpoint: str) -> str:
    """Enough of the endpoint for its owner to recognise it, not enough to harvest from a forwarded link."""
    if protocol.startswith("email") and "@" in endpoint:
        name, _, domain = endpoint.partition("@")
        return f"{name[:1]}{'•' * 3}@{domain}"
    if protocol == "sms":
        return f"{endpoint[:4]}{'•' * 4}{endpoint[-3:]}"
    if protocol in {"sqs", "lambda"}:
        return f"{protocol}: {endpoint.rsplit(':', 1)[-1]}"
    return endpoint.split("?", 1)[0]
