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
_stopping: Any = None  # the run's "stop" event: set when the main process is interrupted


def _start(options: Any, main_pid: int | None = None, stopping: Any = None) -> None:
    """Build the worker's Session; Ctrl-C is the main process's to handle (no worker tracebacks).

    A worker must not outlive the run: its parent is the forkserver, so the kernel's parent-death
    signal (Linux) covers the forkserver going away, and a watchdog thread ends the worker as
    soon as the main process is gone (SIGKILL included), before it checks or fixes another file.
    """
    global _session, _stopping
    import signal

    from reportlint.run.session import Session

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    if main_pid is not None:
        import threading

        threading.Thread(target=_watch, args=(main_pid,), daemon=True, name="reportlint-watchdog").start()
    _session = Session(options)
    _stopping = stopping


def _die_with_parent() -> None:
    """prctl(PR_SET_PDEATHSIG, SIGKILL) where it exists (Linux); elsewhere the watchdog alone."""
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _watch(main_pid: int, interval: float = 0.2) -> None:
    """Return never while the main process lives; end this worker at once when it is gone."""
    import time

    try:
        fd = os.pidfd_open(main_pid)  # Linux 5.3+: woken by the exit itself
    except (AttributeError, OSError):
        fd = None
    if fd is not None:
        import select

        select.select([fd], [], [])
    else:
        while _alive(main_pid):
            time.sleep(interval)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _check(path: str) -> Any:
    if _stopping is not None and _stopping.is_set():  # interrupted: finish the chunk without work
        return None
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
    context = _context()
    stopping = context.Event()
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start,
                               initargs=(options, os.getpid(), stopping))
    try:
        yield from pool.map(_check, files, chunksize=chunk)
    except BaseException:  # Ctrl-C, SIGTERM, an error, or the caller stopped reading
        # Workers skip the rest of their chunk, so the exit does not wait for it (seconds on a
        # loaded machine); killing them instead trips a CPython 3.11 bug in the pool's thread.
        stopping.set()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()

