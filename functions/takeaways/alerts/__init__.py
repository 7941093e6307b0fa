"""Alerts: what each kind of subscriber receives for one summary."""
