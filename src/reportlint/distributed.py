"""Python API for Dask pipelines: ``check_bag(bag)`` maps the check over a bag of (path, bytes).

Needs the ``dask`` extra (``pip install "reportlint[dask]"``). ``check_files`` runs a list of
paths or fsspec URLs on a cluster (a ``distributed.Client`` or an address), in input order.
"""

from __future__ import annotations

from reportlint.run.distributed import check_bag, check_files, check_partition

__all__ = ["check_bag", "check_files", "check_partition"]
