"""Load: paths to files, bytes to a Source (encodings, newlines), readers for .txt, .md and .docx."""
