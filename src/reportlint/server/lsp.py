"""The language server: diagnostics, quick fixes and rule documentation for .txt, .md and .docx.

- Diagnostics on open, on change (debounced, ``DEBOUNCE`` seconds after the last keystroke)
  and on save. Plain text and Markdown are linted from the editor's buffer; a ``.docx`` is read
  from disk on open and save, and its diagnostics are read-only (no code actions): Word files
  are fixed with ``reportlint check --fix``.
- Code actions from fixes: a safe fix is the preferred quick fix; an unsafe one is offered with
  "(unsafe)" in its title; display-only fixes are never offered. ``source.fixAll.reportlint``
  applies every safe fix of the document.
- Hover over a finding shows the rule's documentation.
- Positions in the encoding negotiated with the client: UTF-16 code units unless the client
  offers UTF-8 or UTF-32 (LSP 3.17).
- ``.reportlint.yaml`` / ``pyproject.toml``: when one is saved, created or changed (watched
  files), the configuration is read again and every open document linted again.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from reportlint import __version__
from reportlint.api import source_from_text
from reportlint.config import settings as cfg
from reportlint.config.settings import CONFIG_FILES, PYPROJECT
from reportlint.diagnostics import Diagnostic
from reportlint.fix.apply import apply_fixes, fixes_of
from reportlint.load.source import Source
from reportlint.messages import LocalisedError
from reportlint.run.session import CheckOptions, Session

DEBOUNCE = 0.3  # seconds after the last change before a document is linted again
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
DOCX = ".docx"
SEVERITY = {3: types.DiagnosticSeverity.Error, 2: types.DiagnosticSeverity.Warning,
            1: types.DiagnosticSeverity.Information}
FIX_ALL = "source.fixAll.reportlint"


@dataclass
class Linted:
    """What was published for one document: kept for code actions and hover."""

    version: int | None
    source: Source
    diagnostics: list[Diagnostic]
    ranges: list[types.Range]
    read_only: bool = False


@dataclass
class State:
    lang: str | None
    session: Session | None = None
    linted: dict[str, Linted] = field(default_factory=dict)
    open: set[str] = field(default_factory=set)  # documents to lint again when the config changes
    pending: dict[str, asyncio.TimerHandle] = field(default_factory=dict)

    def fresh_session(self) -> Session:
        if self.session is None:
            cfg.config_for_directory.cache_clear()  # a config file may have appeared or gone
            self.session = Session(CheckOptions(lang=self.lang))
        return self.session


def uri_to_path(uri: str) -> str | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return unquote(parsed.path)


def _units(text: str, encoding: str) -> int:
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def lsp_position(source: Source, offset: int, encoding: str) -> types.Position:
    """A code-point offset of ``source`` as an LSP position (0-based line, column in ``encoding``)."""
    line, column = source.lines.position(offset)
    start = source.lines.line_start(line)
    return types.Position(line=line - 1, character=_units(source.original[start:start + column - 1], encoding))


def lsp_range(source: Source, start: int, end: int, encoding: str) -> types.Range:
    return types.Range(start=lsp_position(source, start, encoding), end=lsp_position(source, end, encoding))


def _contains(r: types.Range, p: types.Position) -> bool:
    return (r.start.line, r.start.character) <= (p.line, p.character) <= (r.end.line, r.end.character)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    return ((a.start.line, a.start.character) <= (b.end.line, b.end.character)
            and (b.start.line, b.start.character) <= (a.end.line, a.end.character))


def build_server(lang: str | None = None) -> LanguageServer:
    server = LanguageServer("reportlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
    state = State(lang)

    def encoding() -> str:
        return str(server.workspace.position_encoding or types.PositionEncodingKind.Utf16)

    def lint(uri: str) -> None:
        state.pending.pop(uri, None)
        path = uri_to_path(uri)
        suffix = Path(path or uri).suffix.lower()
        session = state.fresh_session()
        shown = path or uri
        try:
            config = session.config(path or "-")
            if suffix == DOCX:
                if path is None:
                    return
                result = session.check_file(path)
                if result.source is None:
                    raise _Unreadable(result.error or "")
                source, found, read_only = result.source, result.diagnostics, True
            else:
                document = server.workspace.get_text_document(uri)
                source = source_from_text(session, document.source, shown)
                _, found = session.linter.lint(source, config)
                read_only = False
        except (LocalisedError, _Unreadable) as exc:
            message = exc.text(session.lang) if isinstance(exc, LocalisedError) else str(exc)
            server.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Error, message=f"reportlint: {shown}: {message}"))
            state.linted.pop(uri, None)
            publish(uri, None, [])
            return
        version = None if read_only else server.workspace.get_text_document(uri).version
        ranges = [lsp_range(source, d.start, d.end, encoding()) for d in found]
        state.linted[uri] = Linted(version, source, found, ranges, read_only)
        publish(uri, version, [_diagnostic(d, r, i) for i, (d, r) in enumerate(zip(found, ranges))])

    def publish(uri: str, version: int | None, diagnostics: list[types.Diagnostic]) -> None:
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def lintable(uri: str) -> bool:
        return Path(uri_to_path(uri) or uri).suffix.lower() in (*TEXT_SUFFIXES, DOCX)

    def is_config(uri: str) -> bool:
        name = Path(uri_to_path(uri) or uri).name
        return name in CONFIG_FILES or name == PYPROJECT

    def reload_config() -> None:
        state.session = None
        for uri in sorted(state.open):
            lint(uri)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: LanguageServer, params: types.InitializedParams) -> None:
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
                id="reportlint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=[
                    types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in (*CONFIG_FILES, PYPROJECT)]),
            )]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        if lintable(params.text_document.uri):
            state.open.add(params.text_document.uri)
            lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if not lintable(uri) or Path(uri).suffix.lower() == DOCX:
            return
        pending = state.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        state.pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE, lint, uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if is_config(uri):
            reload_config()
        elif lintable(uri):
            pending = state.pending.pop(uri, None)
            if pending is not None:
                pending.cancel()
            lint(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        pending = state.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        state.open.discard(uri)
        if state.linted.pop(uri, None) is not None:
            publish(uri, None, [])

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_changed(ls: LanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(is_config(change.uri) for change in params.changes):
            reload_config()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: LanguageServer, params: types.HoverParams) -> types.Hover | None:
        linted = state.linted.get(params.text_document.uri)
        if linted is None:
            return None
        docs: list[tuple[str, types.Range, str]] = []
        for diag, r in zip(linted.diagnostics, linted.ranges):
            if _contains(r, params.position):
                rule = state.fresh_session().linter.rules.get(diag.code)
                if rule is not None and (rule.code, r) not in [(d, x) for d, x, _ in docs]:
                    docs.append((rule.code, r, f"**{rule.code}** `{rule.name}` — {diag.message}\n\n{rule.doc()}"))
        if not docs:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value="\n\n---\n\n".join(text for _, _, text in docs)),
                           range=docs[0][1])

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
    def code_action(ls: LanguageServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        linted = state.linted.get(uri)
        if linted is None or linted.read_only:
            return None
        current = ls.workspace.get_text_document(uri).version
        if linted.version is not None and current is not None and current != linted.version:
            return None  # stale: the buffer changed since these findings; new ones are on their way
        only = params.context.only
        en = (state.lang or _lang(state, uri)) == "en"
        actions: list[types.CodeAction] = []
        published = {id(d): i for i, d in enumerate(linted.diagnostics)}
        if not only or types.CodeActionKind.QuickFix in only:
            for diag, r in zip(linted.diagnostics, linted.ranges):
                if diag.fix is None or diag.fix.applicability.value == "display" or not _overlaps(r, params.range):
                    continue
                safe = diag.fix.applicability.value == "safe"
                mark = "" if safe else (" (unsafe)" if en else "（不安全）")
                actions.append(types.CodeAction(
                    title=f"{diag.code}: {diag.fix.title}{mark}", kind=types.CodeActionKind.QuickFix,
                    diagnostics=[_diagnostic(diag, r, published[id(diag)])], is_preferred=safe,
                    edit=types.WorkspaceEdit(changes={uri: [
                        types.TextEdit(range=lsp_range(linted.source, e.start, e.end, encoding()), new_text=e.content)
                        for e in diag.fix.edits]}),
                ))
        if not only or any(str(kind).startswith(("source.fixAll", "source")) for kind in only):
            fixes = fixes_of(linted.diagnostics, unsafe=False)
            if fixes:
                fixed, _ = apply_fixes(linted.source.original, fixes)
                if "\r\n" in ls.workspace.get_text_document(uri).source:
                    fixed = fixed.replace("\n", "\r\n")
                end = lsp_position(linted.source, len(linted.source.original), encoding())
                actions.append(types.CodeAction(
                    title=("reportlint: fix all safe problems" if en else "reportlint：修复全部安全问题"),
                    kind=FIX_ALL,
                    edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(
                        range=types.Range(start=types.Position(line=0, character=0), end=end), new_text=fixed)]}),
                ))
        return actions

    return server


def _lang(state: State, uri: str) -> str:
    try:
        return state.fresh_session().config(uri_to_path(uri) or "-").lang
    except LocalisedError:
        return "zh"


class _Unreadable(Exception):
    pass


def _diagnostic(d: Diagnostic, r: types.Range, index: int) -> types.Diagnostic:
    return types.Diagnostic(range=r, message=d.message, severity=SEVERITY[int(d.severity)], code=d.code,
                            source="reportlint", data={"index": index, "name": d.name})

