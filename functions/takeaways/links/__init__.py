"""Preference links: signed, expiring, single-use tokens that name one subscription and one change."""
