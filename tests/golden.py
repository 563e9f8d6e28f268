"""Ground truth of the sample issue and how extracted text is compared with it.

The manuscript (``tests/data/wzgb-2023-04.manuscript.json``) is the issue's published text,
item by item; ``manuscript_text`` renders an item's blocks the way the static API renders a
document's ``text`` (one line per block, table cells separated by tabs), so the two can be
compared with whitespace ignored.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from Levenshtein import ratio

DATA = Path(__file__).parent / "data"
SAMPLE_PDF = Path(__file__).parent.parent / "source_pdfs" / "wzgb-2023-04.pdf"
MANUSCRIPT = json.loads((DATA / "wzgb-2023-04.manuscript.json").read_text(encoding="utf-8"))
EXPECTED = json.loads((DATA / "wzgb-2023-04.expected.json").read_text(encoding="utf-8"))


def manuscript_text(item: dict) -> str:
    """An item's body as plain text: blocks in order, table caption then rows."""
    lines: list[str] = []
    for block in item["blocks"]:
        if block["kind"] == "table":
            if block.get("text"):
                lines.append(block["text"])
            lines.extend("\t".join(cell or "" for cell in row) for row in block["rows"])
        else:
            lines.append(block["text"])
            if block.get("credit"):
                lines.append(block["credit"])
    return "\n".join(lines)


def similarity(a: str, b: str) -> float:
    """Levenshtein similarity in [0, 1] with all whitespace removed."""
    return ratio(re.sub(r"\s+", "", a), re.sub(r"\s+", "", b))
