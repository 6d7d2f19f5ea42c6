"""reportlint: a linter for Chinese official documents and work reports."""

__version__ = "0.1.0"
