"""`reportlint server` end to end: a real LSP client (pygls') talks to the server over stdio."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types  # the test extra installs pygls and lsprotocol
from pygls.lsp.client import LanguageClient

# two astral characters (4 UTF-16 code units, 2 code points) before the placeholder
ASTRAL_LINE = "𠀀𠀁近日xx县召开会议"
REPORT = f"2023年工作总结\n\n一、主要工作\n{ASTRAL_LINE}，研究部署工作.\n4、资金不足\n"


class Client:
    """A pygls client that records what the server publishes."""

    def __init__(self) -> None:
        self.lsp = LanguageClient("test-client", "1")
        self.published: dict[str, asyncio.Queue[types.PublishDiagnosticsParams]] = {}
        self.messages: list[str] = []

        @self.lsp.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.queue(params.uri).put_nowait(params)

        @self.lsp.feature(types.WINDOW_SHOW_MESSAGE)
        def on_message(params: types.ShowMessageParams) -> None:
            self.messages.append(params.message)

        @self.lsp.feature(types.CLIENT_REGISTER_CAPABILITY)
        def on_register(params: types.RegistrationParams) -> None:
            return None

    def queue(self, uri: str) -> asyncio.Queue[types.PublishDiagnosticsParams]:
        return self.published.setdefault(uri, asyncio.Queue())

    async def next(self, uri: str, timeout: float = 30) -> types.PublishDiagnosticsParams:
        return await asyncio.wait_for(self.queue(uri).get(), timeout)

    async def start(self, root: Path, *extra: str, encodings: list[str] | None = None) -> types.InitializeResult:
        await self.lsp.start_io(sys.executable, "-m", "reportlint", "server", *extra, cwd=str(root))
        caps = types.ClientCapabilities(
            general=types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None,
            workspace=types.WorkspaceClientCapabilities(
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)))
        result = await self.lsp.initialize_async(types.InitializeParams(
            capabilities=caps, root_uri=root.as_uri(), process_id=None))
        self.lsp.initialized(types.InitializedParams())
        return result

    def open(self, path: Path, text: str, version: int = 1) -> str:
        uri = path.as_uri()
        language = "markdown" if path.suffix == ".md" else "plaintext"
        self.lsp.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id=language, version=version, text=text)))
        return uri

    async def stop(self) -> None:
        await asyncio.wait_for(self.lsp.shutdown_async(None), 30)
        self.lsp.exit(None)
        await asyncio.wait_for(self.lsp.stop(), 30)


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 120))


def _by_code(params: types.PublishDiagnosticsParams, code: str) -> list[types.Diagnostic]:
    return [d for d in params.diagnostics if d.code == code]


def test_diagnostics_code_actions_and_hover_over_stdio(tmp_path):
    async def scenario():
        client = Client()
        result = await client.start(tmp_path)
        caps = result.capabilities
        assert caps.position_encoding in (None, types.PositionEncodingKind.Utf16)
        assert caps.hover_provider and caps.code_action_provider
        uri = client.open(tmp_path / "report.txt", REPORT)
        published = await client.next(uri)
        assert published.version == 1
        codes = {d.code for d in published.diagnostics}
        assert {"PH002", "HD004"} <= codes, codes
        (ph002,) = _by_code(published, "PH002")
        # line 4 (0-based 3): 𠀀𠀁近日 is 4 code points but 6 UTF-16 code units before xx
        assert (ph002.range.start.line, ph002.range.start.character, ph002.range.end.character) == (3, 6, 8)
        assert ph002.source == "reportlint" and ph002.severity == types.DiagnosticSeverity.Error
        assert "模板占位符" in ph002.message

        hover = await client.lsp.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=3, character=7)))
        assert hover is not None and "PH002" in hover.contents.value and "## What it does" in hover.contents.value
        nothing = await client.lsp.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=1, character=0)))
        assert nothing is None

        (hd004,) = _by_code(published, "HD004")
        actions = await client.lsp.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=hd004.range,
            context=types.CodeActionContext(diagnostics=[hd004], only=[types.CodeActionKind.QuickFix])))
        quick = [a for a in actions if a.title.startswith("HD004")]
        assert len(quick) == 1 and quick[0].is_preferred and quick[0].kind == types.CodeActionKind.QuickFix
        (edit,) = quick[0].edit.changes[uri]
        assert (edit.range.start.line, edit.range.start.character, edit.new_text) == (4, 1, ".")

        # HD001's renumbering (4、 → 1、) is unsafe: offered, marked and not preferred
        everything = await client.lsp.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=6, character=0)),
            context=types.CodeActionContext(diagnostics=published.diagnostics)))
        titles = [a.title for a in everything]
        assert any(a.kind == "source.fixAll.reportlint" for a in everything), titles
        unsafe = [a for a in everything if a.title.startswith("HD001")]
        assert len(unsafe) == 1 and unsafe[0].title.endswith("（不安全）") and not unsafe[0].is_preferred, titles
        assert all(a.is_preferred for a in everything if a.title.startswith("HD004")), titles
        assert not any(a.title.startswith(("PH002", "SC001")) for a in everything), titles  # no fix offered
        fix_all = next(a for a in everything if a.kind == "source.fixAll.reportlint")
        assert "4.资金不足" in fix_all.edit.changes[uri][0].new_text

        # change (debounced): two quick edits, one publication for the last version
        for version, text in ((2, REPORT + "再补充xx。\n"), (3, "2023年工作总结\n\n一、主要工作\n近日召开会议。\n")):
            client.lsp.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
        published = await client.next(uri)
        assert published.version == 3 and not _by_code(published, "PH002") and not _by_code(published, "HD004")
        assert client.queue(uri).empty()

        # save: linted again at once
        client.lsp.text_document_did_save(types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
        assert (await client.next(uri)).version == 3
        await client.stop()

    run(scenario())


def test_markdown_config_reload_and_utf8_positions(tmp_path):
    async def scenario():
        client = Client()
        result = await client.start(tmp_path, encodings=[types.PositionEncodingKind.Utf8])
        assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
        uri = client.open(tmp_path / "notes.md", f"# 2023年工作总结\n\n{ASTRAL_LINE}。\n")
        published = await client.next(uri)
        (ph002,) = _by_code(published, "PH002")
        # UTF-8: 𠀀𠀁 are 4 bytes each, 近日 3 bytes each
        assert (ph002.range.start.line, ph002.range.start.character) == (2, 14)
        assert ph002.severity == types.DiagnosticSeverity.Error

        config = tmp_path / ".reportlint.yaml"
        config.write_text("lang: en\nrules:\n  PH002: info\n", encoding="utf-8")
        client.lsp.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
            types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]))
        published = await client.next(uri)
        (ph002,) = _by_code(published, "PH002")
        assert ph002.severity == types.DiagnosticSeverity.Information and ph002.message.isascii()

        config.write_text("rules:\n  PH002: {nope: 1}\n", encoding="utf-8")
        client.lsp.text_document_did_save(types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=config.as_uri())))
        published = await client.next(uri)
        assert not published.diagnostics
        await asyncio.sleep(0.2)
        assert any("PH002" in m and "nope" in m for m in client.messages), client.messages
        config.write_text("rules:\n  PH002: warning\n", encoding="utf-8")  # fixed: linted again
        client.lsp.text_document_did_save(types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=config.as_uri())))
        (ph002,) = _by_code(await client.next(uri), "PH002")
        assert ph002.severity == types.DiagnosticSeverity.Warning and not ph002.message.isascii()
        await client.stop()

    run(scenario())


def test_docx_diagnostics_on_open_are_read_only(tmp_path):
    import docx
    path = tmp_path / "report.docx"
    document = docx.Document()
    document.add_paragraph("2023年工作总结")
    document.add_paragraph("近日xx县召开会议。")
    document.save(str(path))

    async def scenario():
        client = Client()
        await client.start(tmp_path)
        uri = client.open(path, "")
        published = await client.next(uri)
        (ph002,) = _by_code(published, "PH002")
        assert ph002.range.start.line == 1
        actions = await client.lsp.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=ph002.range,
            context=types.CodeActionContext(diagnostics=[ph002])))
        assert not actions
        await client.stop()

    run(scenario())


def test_server_without_pygls_says_how_to_install(tmp_path):
    import subprocess

    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "pygls").mkdir()
    (blocker / "pygls" / "__init__.py").write_text("raise ImportError('no pygls here')\n", encoding="utf-8")
    env = {"PYTHONPATH": str(blocker), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "reportlint", "server"], capture_output=True, text=True,
                          env=env, stdin=subprocess.DEVNULL, timeout=60)
    assert done.returncode == 2
    assert 'pip install "reportlint[lsp]"' in done.stderr and "Traceback" not in done.stderr
