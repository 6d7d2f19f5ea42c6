"""``reportlint server``: a language server (LSP over stdio) built on pygls.

pygls and lsprotocol are the optional ``lsp`` extra; this package imports them only in
``serve()``, so the rest of reportlint never needs them.
"""

from __future__ import annotations


def serve(lang: str | None = None) -> None:
    """Run the server on standard input/output until the client says exit."""
    from reportlint.server.lsp import build_server

    build_server(lang).start_io()
