"""Fixes: apply edits to a fixed point, fix mode of the CLI, lossless writers for text and .docx."""
