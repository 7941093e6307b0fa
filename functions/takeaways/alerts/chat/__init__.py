"""Chat channels: the alert as a Slack, Microsoft Teams or Discord webhook message, and how it is posted."""
