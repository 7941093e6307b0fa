"""Article intake: raw bytes of any supported format become one clean ``Article``."""

from takeaways.article.model import Article
from takeaways.article.parse import parse_article

__all__ = ["Article", "parse_article"]
