"""One JSON object per line, the same fields as ``--format json``: easy to stream and grep."""

from __future__ import annotations

import json
from typing import Any

from reportlint.formatters.common import Writer, renderer
from reportlint.formatters.json import item_dicts
from reportlint.outcome import Totals


class JsonLines(Writer):
    parts = True

    def part(self, result: Any) -> str:
        return "".join(json.dumps(found, ensure_ascii=False) + "\n"
                       for found in item_dicts(result, self.options.column_unit))

    def finish(self, totals: Totals) -> None:
        pass


render = renderer(JsonLines)
