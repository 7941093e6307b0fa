"""The two stages of the service, written against narrow ports so they run without AWS."""
