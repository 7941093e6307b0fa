"""The stages of the service, written against narrow ports so they run without AWS.

Two stages on purpose: a failed publish is retried without paying for a second
summary, and alerts can be replayed from stored summaries. ``summarise`` turns an
article object into a stored summary; ``notify`` turns a stored summary into an
alert; ``digest`` sends a day's alerts once more as one message.
"""
