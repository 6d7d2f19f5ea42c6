"""Checking many files on several processes: the same results, in the same order, sooner.

Each worker builds its own ``Session`` (plugins, rules, configs) once and checks a share of the
files; results come back in input order, so every output format is byte-identical to a run on
one process. Small runs stay on one process: a worker costs ~0.1 s to start, which a
pre-commit hook checking three files must not pay.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

MIN_FILES_PER_JOB = 16  # below this, starting a worker costs more than it saves


def available_cpus() -> int:
    """CPUs this process may run on (a container's or taskset's limit, not the machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def jobs_for(requested: int | None, n_files: int) -> int:
    """Workers for a run: ``requested`` (None or 0 = one per CPU), at most one per MIN_FILES_PER_JOB files.

    Without an explicit ``--jobs``, workers are started only where they fork from a server
    (POSIX); where they would be spawned afresh (Windows) a run stays on one process unless asked.
    """
    jobs = max(1, min(requested or available_cpus(), n_files // MIN_FILES_PER_JOB))
    if jobs > 1 and requested is None and not _forkserver():  # multiprocessing only for large runs
        return 1
    return jobs


_session: Any = None  # the worker's Session, built once by _start


def _start(options: Any) -> None:
    """Build the worker's Session; Ctrl-C is the main process's to handle (no worker tracebacks)."""
    global _session
    import signal

    from reportlint.run.session import Session

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _session = Session(options)


def _check(path: str) -> Any:
    return _session.check_file(path)


def _forkserver() -> bool:
    import multiprocessing

    return "forkserver" in multiprocessing.get_all_start_methods()


def _context() -> Any:
    """forkserver where it exists: workers fork from a clean, preloaded server, never from this
    process (which may run a progress-bar thread); spawn elsewhere (Windows)."""
    import multiprocessing

    if _forkserver():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["reportlint.run.session"])
        return context
    return multiprocessing.get_context("spawn")


def check_files(options: Any, files: list[str], jobs: int) -> Iterator[Any]:
    """``Session(options).check_file(path)`` for each file, on ``jobs`` processes, in order."""
    from concurrent.futures import ProcessPoolExecutor  # imported by runs that use it only

    chunk = max(1, min(32, len(files) // (jobs * 8)))
    pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_start, initargs=(options,))
    try:
        yield from pool.map(_check, files, chunksize=chunk)
    except BaseException:  # Ctrl-C, an error, or the caller stopped reading: drop the files not started
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
