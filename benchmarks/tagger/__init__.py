"""A small part-of-speech tagger, used only to check headlines independently of the rules that build them."""
