"""Checking files on a Dask distributed cluster: the same results, in the same order, as a local run.

The client expands the paths and cuts the file list into partitions; each worker builds one
``Session`` per set of options (plugins, rules, configs: see ``_session``) and checks whole
partitions; the client gathers the partitions in order, so every output format is
byte-identical to a run on one process. A worker that dies loses only its unfinished
partitions, which the scheduler runs again elsewhere; each partition's result is taken once,
so no file is lost or counted twice.

Inputs are local paths (the workers must see the same filesystem) or fsspec URLs
(``file://…``, ``s3://…``, ``memory://…``), read through fsspec on the worker. Dask and fsspec
are the optional ``dask`` extra; this module imports them only inside functions.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from typing import Any

PARTITION_TARGET = 8  # partitions per worker: enough to balance load and to retry little on a death
MAX_PARTITION = 64  # files per partition at most
CONNECT_TIMEOUT = "20s"  # to reach a scheduler
_sessions: dict[bytes, Any] = {}  # per worker process: options (pickled) -> Session


class DaskMissing(Exception):
    """``--dask`` was asked for but dask.distributed (or fsspec) is not installed."""


def is_url(path: str) -> bool:
    """``scheme://…`` (fsspec); a Windows drive (``C:\\``) or a plain path is not a URL."""
    scheme, sep, _ = path.partition("://")
    return bool(sep) and len(scheme) > 1 and scheme.replace("+", "").replace("-", "").isalnum()


GLOB_MAGIC = ("*", "?", "[")


def expand_url(url: str) -> list[str]:
    """A URL with a glob (``s3://bucket/2024/**/*.txt``) as the sorted URLs it matches, each
    with its scheme; a URL without one as itself. A glob that matches nothing is returned as
    is, so the worker reports it as a file that does not exist, like a local path."""
    scheme, _, rest = url.partition("://")
    if not any(mark in rest for mark in GLOB_MAGIC):
        return [url]
    import fsspec

    fs, _, _ = fsspec.core.get_fs_token_paths(url)
    matches = sorted(fs.glob(rest if scheme == "file" else url))
    found = [fs.unstrip_protocol(m) for m in matches if not fs.isdir(m)]
    return found or [url]


def require() -> None:
    try:
        import distributed  # noqa: F401
        import fsspec  # noqa: F401
    except ImportError as exc:
        raise DaskMissing(str(exc)) from None


def partitions(files: list[str], workers: int) -> list[list[str]]:
    """Contiguous slices of ``files`` (order kept): about PARTITION_TARGET per worker."""
    if not files:
        return []
    size = max(1, min(MAX_PARTITION, -(-len(files) // max(1, workers * PARTITION_TARGET))))
    return [files[i:i + size] for i in range(0, len(files), size)]


def parse_address(address: str) -> tuple[str | None, int | None]:
    """``local`` / ``local:N`` -> (None, N) for a LocalCluster (N None = one per CPU); else (address, None)."""
    if address == "local":
        return None, None
    if address.startswith("local:"):
        count = address[len("local:"):]
        if not count.isdigit() or int(count) < 1:
            raise ValueError(f"local:N needs a positive number of workers, not {count!r}")
        return None, int(count)
    return address, None


class Cluster:
    """A client on ``address``, or on a LocalCluster of worker processes for ``local[:N]``."""

    def __init__(self, address: str) -> None:
        require()
        from distributed import Client, LocalCluster

        where, workers = parse_address(address)
        self.cluster = None
        if where is None:
            from reportlint.run.parallel import available_cpus

            n = workers or available_cpus()
            self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=50)
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(where, timeout=CONNECT_TIMEOUT)
            except (OSError, ValueError, TimeoutError) as exc:
                from reportlint.messages import LocalisedError, Message

                raise LocalisedError(None, Message("dask_cannot_connect", address=where,
                                                   error=str(exc) or type(exc).__name__)) from None

    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def check_files(options: Any, files: list[str], address: str | None = None, client: Any = None) -> Iterator[Any]:
    """``Session(options).check_file(path)`` for each file (or URL), on the cluster, in input order.

    Pass a ``distributed.Client`` as ``client`` to reuse one; otherwise ``address`` is connected to
    (and a local cluster started and stopped) for this call.
    """
    owned = None
    if client is None:
        owned = Cluster(address or "local")
        client = owned.client
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        futures = client.map(check_partition, partitions(files, workers), options=options,
                             pure=False, retries=2)
        for future in futures:  # in order: a partition is yielded once, when it is done
            yield from future.result()
            future.release()
    finally:
        if owned is not None:
            owned.close()


def check_partition(paths: list[str], options: Any) -> list[Any]:
    """On a worker: check ``paths`` with this worker's session for ``options``."""
    session = _session(options)
    return [check_path(session, path) for path in paths]


def _session(options: Any) -> Any:
    """The worker's Session for ``options``, built on first use and kept for later partitions."""
    key = pickle.dumps(options)
    session = _sessions.get(key)
    if session is None:
        from reportlint.run.session import Session

        session = _sessions[key] = Session(options)
    return session


def check_path(session: Any, path: str) -> Any:
    """A local path through ``Session.check_file``; a URL read through fsspec, then linted alike."""
    if not is_url(path):
        return session.check_file(path)
    return check_data(session, path, None)


def check_data(session: Any, path: str, data: bytes | None) -> Any:
    """Lint ``data`` (read from the URL ``path`` through fsspec when None) as the file ``path``.

    The config is the one that governs the current directory (``--config`` first), as for
    standard input; a URL that cannot be read is one error result, as a missing local file is.
    """
    from pathlib import Path

    from reportlint.load.source import SourceError, display_name
    from reportlint.messages import Message
    from reportlint.run.session import FileResult, _crash_report, doctype_of

    shown = display_name(path)
    config = session.config(str(Path.cwd() / Path(path).name) if is_url(path) else path)
    encoding = session.options.encoding or config.raw.encoding
    if data is None:
        try:
            import fsspec

            with fsspec.open(path, "rb") as handle:
                data = handle.read()
        except (OSError, ValueError, ImportError) as exc:
            reason = Message("no_such_file") if isinstance(exc, FileNotFoundError) else \
                Message("verbatim", text=str(exc) or type(exc).__name__)
            return FileResult(shown, error=reason.text(config.lang))
    suffix = Path(path.split("?", 1)[0]).suffix.lower()
    reader = session.readers.get(suffix)
    try:
        if reader is None:
            from reportlint.load.source import load_text

            source = load_text(data, shown, encoding)
        else:
            source = reader(data, shown, encoding)
    except SourceError as exc:
        return FileResult(shown, error=exc.message.text(config.lang))
    crashes = session.linter.crashes  # a rule crash is the file's error, as in Session.check_file
    crashes.clear()
    document, diagnostics = session.linter.lint(source, config)
    return FileResult(shown, source, None, diagnostics, error=_crash_report(crashes, config.lang),
                      doctype=doctype_of(document))


def check_bag(bag: Any, options: Any = None) -> Any:
    """Map the check over a ``dask.bag`` of ``(path, bytes)`` records: a bag of FileResults.

    Each partition is checked with its worker's session (built once per process), in order.
    ``options`` is a ``CheckOptions`` (defaults when None).
    """
    if options is None:
        from reportlint.run.session import CheckOptions

        options = CheckOptions()
    return bag.map_partitions(_check_records, options)


def _check_records(records: Iterable[tuple[str, bytes]], options: Any) -> list[Any]:
    session = _session(options)
    return [check_data(session, path, data) for path, data in records]
