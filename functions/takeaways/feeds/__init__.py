"""Feeds and links become articles: fetch safely, parse the feed, extract the page, write a JSON article.

Plain typed Python with no AWS import. The poller works against narrow ports
(``takeaways.feeds.poller``); the DynamoDB and S3 adapters live in ``takeaways.adapters``.
"""
