"""One JSON object per line, the same fields as ``--format json``: easy to stream and grep."""

from __future__ import annotations

import json
from typing import Any

from reportlint.formatters.common import Options
from reportlint.formatters.json import items


def render(results: list[Any], options: Options) -> str:
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items(results, options.column_unit))
