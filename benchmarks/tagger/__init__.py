"""The reading benchmark's own part-of-speech weights (the code is ``takeaways.text.tagger``), to judge headlines apart from the model that builds them."""
