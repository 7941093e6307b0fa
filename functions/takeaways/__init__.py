"""Takeaways: news articles in, grounded takeaway alerts out.

The package reads top-down as the data flow: ``article`` (bytes to a clean
``Article``), ``text`` (sentences and words), ``engines`` (an ``Article`` to a
``TakeawaySummary``), ``alerts`` (a summary to what each channel receives),
``pipeline`` (the two stages, written against narrow ports), ``adapters`` (the
only modules that talk to AWS) and ``handlers`` (the Lambda entry points).
"""
