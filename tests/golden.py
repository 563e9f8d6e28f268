"""Ground truth of the fixture issues and how extracted text and metadata are compared with it.

Each fixture (``tests/data/wzgb-<issue>.*``) has a manuscript (the issue's published text,
item by item), hand-checked metadata (``expected.json``) and the page layout of its PDF.
``manuscript_text`` renders an item's blocks the way the static API renders a document's
``text`` (one line per block, table cells separated by tabs), so the two can be compared
with whitespace ignored; ``metadata`` reads from a ``Document`` every field that
``expected.json`` can hold.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from Levenshtein import ratio

from extract.documents.validity import archive_status
from extract.model import Document, Issue, Status

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Fixture:
    """One fixture issue: its PDF, manuscript, expected metadata and layout truth."""

    name: str  # issue id, e.g. "2023-04"
    pdf: Path
    manuscript: dict
    expected: dict
    layout: dict


def _load(name: str, pdf: Path) -> Fixture:
    def read(kind: str) -> dict:
        return json.loads((DATA / f"wzgb-{name}.{kind}.json").read_text(encoding="utf-8"))

    return Fixture(name, pdf, read("manuscript"), read("expected"), read("layout"))


FIXTURES = {
    fixture.name: fixture
    for fixture in (
        # 2023年第4期: notices, measures, interpretations, briefs, calendar, statistics.
        _load("2023-04", Path(__file__).parent.parent / "source_pdfs" / "wzgb-2023-04.pdf"),
        # 2021年第12期: four local regulations and a 国务院令 with its 条例, two briefs.
        _load("2021-12", DATA / "wzgb-2021-12.pdf"),
    )
}
SAMPLE = FIXTURES["2023-04"]
SAMPLE_PDF, MANUSCRIPT, EXPECTED = SAMPLE.pdf, SAMPLE.manuscript, SAMPLE.expected
# Expected fields that a dedicated test checks rather than ``metadata``.
CHECKED_ELSEWHERE = {"conflict"}  # test_golden.test_interpretation_conflict_is_visible


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


def metadata(doc: Document, status: Status | None) -> dict:
    """Every field ``expected.json`` may hold, read from ``doc`` as JSON values; ``status``
    is the document's 时效性 in its archive (``validity.archive_status``)."""
    return {
        "type": doc.type.value,
        "form": doc.form,
        "force_level": doc.force_level and doc.force_level.value,
        "doc_number": doc.doc_number,
        "registration_number": doc.registration_number,
        "issuer": doc.issuer,
        "signed_date": doc.signed_date and doc.signed_date.value.isoformat(),
        "effective_date": doc.effective_date and doc.effective_date.value.isoformat(),
        "validity_years": doc.validity and doc.validity.years,
        "expiry_date": doc.expiry_date and doc.expiry_date.value.isoformat(),
        "status": status and status.value,
        "interprets": doc.interprets,
        "repeals": list(doc.repeals),
    }


def metadata_mismatches(doc: Document, wanted: dict, issue: Issue, as_of: dt.date) -> dict:
    """``{field: (got, wanted)}`` for every expected field that differs, the status as of
    ``as_of`` in ``issue``'s archive; a field that ``metadata`` cannot read (and no other
    test checks) is a mismatch, never skipped."""
    got = metadata(doc, archive_status(issue.documents, as_of).of(doc).status)
    return {
        field: (got.get(field, "<not read by tests.golden.metadata>"), value)
        for field, value in wanted.items()
        if field not in CHECKED_ELSEWHERE and got.get(field, object()) != value
    }
