"""Text → skeleton model. Only this package imports lark."""

from reportlint.parse.build import parse_document

__all__ = ["parse_document"]
